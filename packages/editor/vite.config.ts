import { defaultClientConditions, defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { precompress, preloadChunk } from "./scripts/build-plugins.mjs";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The editor: built to dist/ (served by `gavel serve` at /), or served by `vite` with /v1 proxied to the service. */
export default defineConfig({
  base: "./",
  // "source": @gavel-rules/lang is bundled from its TypeScript sources (no build of the language package needed).
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { "/v1": "http://127.0.0.1:8080", "/health": "http://127.0.0.1:8080" },
    // The standard library lives in dsl/std at the repository root.
    fs: { allow: [repoRoot] },
  },
  plugins: [preloadChunk("monaco-setup"), precompress()],
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Monaco (~4 MB) is split off by the dynamic import in the workbench, so the first screen loads ~80 KB of script.
    // No manual chunk groups: with one, rolldown put a shared runtime helper into the Monaco chunk and the entry
    // imported it eagerly.
    chunkSizeWarningLimit: 5000,
  },
});
