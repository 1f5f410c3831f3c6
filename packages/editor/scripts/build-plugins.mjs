/** The editor build's own Vite plugins: precompressed assets, and Monaco preloaded with the entry. */

/**
 * A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy beside each built text asset, at the highest
 * levels: the service sends them as they are (@fastify/static's preCompressed), instead of compressing ~4 MB of
 * Monaco on every cold load, which took about a second per load on loopback.
 */

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this, compressing saves less than the headers it adds. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json|ttf|map)$/;

/** @returns {import("vite").Plugin} */
export function precompress() {
  let outDir = "dist";
  return {
    name: "gavel-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), "index.html"].filter((name, i, all) => COMPRESSIBLE.test(name) && all.indexOf(name) === i);
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const data = await readFile(path);
          if (data.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzip(data, { level: 9 }),
          ]);
          // Only worth serving when smaller; @fastify/static falls back to the plain file when a variant is absent.
          if (br.length < data.length) await writeFile(`${path}.br`, br);
          if (gz.length < data.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * A Vite plugin that lets the browser fetch Monaco's chunk while the entry script runs (a modulepreload link in
 * index.html), instead of only when the workbench imports it: the download overlaps the first screen's work.
 * @returns {import("vite").Plugin}
 */
export function preloadChunk(/** @type {string} */ name) {
  return {
    name: "gavel-preload-chunk",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((c) => c.type === "chunk" && c.name === name);
        if (!chunk) throw new Error(`no chunk named ${name} to preload`);
        return [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${chunk.fileName}` }, injectTo: "head" }];
      },
    },
  };
}
