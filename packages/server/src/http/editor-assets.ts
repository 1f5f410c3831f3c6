/** The built editor at /: Vite's hashed files under /assets/ cached for a year as immutable, everything else revalidated. */

import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Serves `editorDir` at / when it holds an index.html; returns whether it did. */
export async function installEditorAssets(app: FastifyInstance, editorDir: string | undefined): Promise<boolean> {
  if (!editorDir || !existsSync(join(editorDir, "index.html"))) return false;
  const hashedAssets = join(editorDir, "assets") + sep;
  await app.register(fastifyStatic, {
    root: editorDir,
    prefix: "/",
    cacheControl: false,
    // A file name with a content hash never changes meaning; index.html names the current hashes, so it is always revalidated.
    setHeaders: (reply, path) => void reply.header("cache-control", path.startsWith(hashedAssets) ? IMMUTABLE : "no-cache"),
  });
  return true;
}
