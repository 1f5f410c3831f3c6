/** The built editor at /: Vite's hashed files under /assets/ cached for a year as immutable, everything else revalidated. */

import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { inlineScriptHashes, workerContentSecurityPolicy } from "./security-headers.ts";

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** True when `editorDir` holds a built editor. */
export function hasEditor(editorDir: string | undefined): editorDir is string {
  return editorDir !== undefined && existsSync(join(editorDir, "index.html"));
}

/** The CSP hashes of the editor page's inline scripts (none when there is no editor). */
export function editorInlineScriptHashes(editorDir: string | undefined): string[] {
  return hasEditor(editorDir) ? inlineScriptHashes(readFileSync(join(editorDir, "index.html"), "utf8")) : [];
}

/** Serves `editorDir` at / when it holds an index.html; returns whether it did. */
export async function installEditorAssets(app: FastifyInstance, editorDir: string | undefined): Promise<boolean> {
  if (!hasEditor(editorDir)) return false;
  const hashedAssets = join(editorDir, "assets") + sep;
  const workerPolicy = workerContentSecurityPolicy();
  await app.register(fastifyStatic, {
    root: editorDir,
    prefix: "/",
    cacheControl: false,
    // The build writes .br and .gz beside each asset (packages/editor/scripts/build-plugins.mjs): sent as they are.
    preCompressed: true,
    // A file name with a content hash never changes meaning; index.html names the current hashes, so it is always revalidated.
    setHeaders: (reply, path) => {
      void reply.header("cache-control", path.startsWith(hashedAssets) ? IMMUTABLE : "no-cache");
      if (/\.worker-[^/\\]*\.js$/.test(path)) void reply.header("content-security-policy", workerPolicy);
    },
  });
  return true;
}
