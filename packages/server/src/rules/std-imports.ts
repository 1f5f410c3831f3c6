/** Resolves `import "std/…"` in stored rule files to the standard library (the language package's std/, dsl/std in the monorepo). */

import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImportResolver } from "@gavel-rules/lang";
import { stdUrl } from "@gavel-rules/lang/std-path";

/** The language package's std/ folder when installed; dsl/std when running from the monorepo's sources. */
export const DEFAULT_STD_DIR = resolve(fileURLToPath(stdUrl));

/**
 * An import resolver for stored rules: only `std/<file>.gavel` is known (read from `stdDir`, cached);
 * any other path is unknown, so the compiler reports it. Stored rules are self-contained except for std.
 */
export function stdImportResolver(stdDir = DEFAULT_STD_DIR): ImportResolver {
  const cache = new Map<string, { file: string; source: string } | undefined>();
  const root = resolve(stdDir) + sep;
  return (path) => {
    if (!path.startsWith("std/")) return undefined;
    if (cache.has(path)) return cache.get(path);
    const file = resolve(join(stdDir, path.slice("std/".length)));
    let found: { file: string; source: string } | undefined;
    if (file.startsWith(root) && file.endsWith(".gavel")) {
      try {
        found = { file: path, source: readFileSync(file, "utf8") };
      } catch {
        found = undefined;
      }
    }
    cache.set(path, found);
    return found;
  };
}
