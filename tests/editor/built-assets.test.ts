/**
 * The built editor as the service sends it: each text asset has a brotli and a gzip copy written by the build and
 * sent as written (never compressed per request), and index.html preloads Monaco's chunk beside the entry.
 */

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEditorService, type EditorService } from "./editor-service";

const DIST = join(import.meta.dirname, "../../packages/editor/dist");
const ASSETS = join(DIST, "assets");

describe("the built editor's assets", () => {
  let service: EditorService;
  beforeAll(async () => {
    service = await startEditorService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it("has a smaller .br and .gz copy of every script, style sheet and font, each decoding to the file", () => {
    const files = readdirSync(ASSETS).filter((name) => /\.(js|css|ttf)$/.test(name) && statSync(join(ASSETS, name)).size >= 1024);
    expect(files.some((name) => name.startsWith("monaco-setup-") && name.endsWith(".js"))).toBe(true);
    for (const name of files) {
      const plain = readFileSync(join(ASSETS, name));
      for (const [suffix, decode] of [[".br", brotliDecompressSync], [".gz", gunzipSync]] as const) {
        const path = join(ASSETS, name + suffix);
        expect(existsSync(path), `${name}${suffix}`).toBe(true);
        const packed = readFileSync(path);
        expect(packed.length).toBeLessThan(plain.length);
        expect(decode(packed).equals(plain), `${name}${suffix} decodes to ${name}`).toBe(true);
      }
    }
  });

  it("sends Monaco's chunk as the build's brotli copy, byte for byte, and plain to a client that takes no encoding", async () => {
    const monaco = readdirSync(ASSETS).find((name) => name.startsWith("monaco-setup-") && name.endsWith(".js"))!;
    const brotli = await fetch(`${service.baseUrl}/assets/${monaco}`, { headers: { "accept-encoding": "br" } });
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(Number(brotli.headers.get("content-length"))).toBe(statSync(join(ASSETS, `${monaco}.br`)).size);
    expect(Buffer.from(await brotli.arrayBuffer()).equals(readFileSync(join(ASSETS, monaco)))).toBe(true);
    const plain = await fetch(`${service.baseUrl}/assets/${monaco}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.headers.get("content-length"))).toBe(statSync(join(ASSETS, monaco)).size);
  });

  it("preloads Monaco's chunk from index.html, so its download does not wait for the entry script", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(preloaded).toHaveLength(1);
    expect(preloaded[0]).toMatch(/^monaco-setup-[\w-]+\.js$/);
    expect(existsSync(join(ASSETS, preloaded[0]!))).toBe(true);
  });
});
