#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx gavel` needs no build step.
import { register as registerHook } from "node:module";
import { register } from "tsx/esm/api";

register();
registerHook("./chevrotain-bundle-hook.js", import.meta.url);
await import("../src/main.ts");
