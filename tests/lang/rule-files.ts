/** Finds the rule files of the repository and resolves their imports, for cross-package tests. */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImportResolver } from "@gavel-rules/lang";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every *.gavel file under dsl/ and examples/. */
export function ruleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".gavel")) out.push(p);
    }
  };
  walk(join(ROOT, "dsl"));
  walk(join(ROOT, "examples"));
  return out.sort();
}

/** Resolves "std/NAME.gavel" to dsl/std and other paths relative to the importing file. */
export const resolveImport: ImportResolver = (path, from) => {
  const file = path.startsWith("std/") ? join(ROOT, "dsl", path) : resolve(from ? dirname(from) : ROOT, path);
  try {
    return { file, source: readFileSync(file, "utf8") };
  } catch {
    return undefined;
  }
};
