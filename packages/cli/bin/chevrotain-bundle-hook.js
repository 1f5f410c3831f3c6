// Node module hook: load chevrotain's single-file ESM bundle instead of its ~650-module
// lodash-es tree. Same package and version; startup of `gavel` drops by ~0.5-1 s.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ENTRY = "/chevrotain/lib/src/api.js";

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (specifier !== "chevrotain" || !resolved.url.endsWith(ENTRY)) return resolved;
  const bundle = resolved.url.slice(0, -ENTRY.length) + "/chevrotain/lib/chevrotain.mjs";
  return existsSync(fileURLToPath(bundle)) ? { ...resolved, url: bundle, format: "module" } : resolved;
}
