#!/usr/bin/env node
// Installed from npm: plain Node runs the compiled dist/. In the monorepo (src/ is there and tsx is installed):
// the TypeScript sources run through tsx, so `npx gavel` needs no build step.
import { existsSync } from "node:fs";
import { register as registerHook } from "node:module";

registerHook("./chevrotain-bundle-hook.js", import.meta.url);
const sources = new URL("../src/main.ts", import.meta.url);
if (existsSync(sources) && (await loadTsx())) {
  // The "source" export condition: @gavel-rules/* resolve to their src/*.ts too.
  registerHook("./source-condition-hook.js", import.meta.url);
  await import(sources.href);
} else {
  await import("../dist/main.js");
}

/** Registers tsx when it is installed (a development dependency: absent from an installed CLI). */
async function loadTsx() {
  try {
    const { register } = await import("tsx/esm/api");
    register();
    return true;
  } catch {
    return false;
  }
}
