/** Resolves `import "std/…"` in stored rule files to the standard library (the language package's std/, dsl/std in the monorepo). */

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stdFileName, type ImportResolver } from "@gavel-rules/lang";
import { stdUrl } from "@gavel-rules/lang/std-path";

/** The language package's std/ folder when installed; dsl/std when running from the monorepo's sources. */
export const DEFAULT_STD_DIR = resolve(fileURLToPath(stdUrl));

/**
 * An import resolver for stored rules: only `std/<file>.gavel` is known (read from `stdDir`, cached);
 * any other path is unknown, so the compiler reports it. Stored rules are self-contained except for std.
 */
export function stdImportResolver(stdDir = DEFAULT_STD_DIR): ImportResolver {
  const cache = new Map<string, { file: string; source: string } | undefined>();
  return (path) => {
    const name = stdFileName(path);
    if (name === undefined) return undefined;
    if (cache.has(path)) return cache.get(path);
    let found: { file: string; source: string } | undefined;
    try {
      found = { file: path, source: readFileSync(join(stdDir, name), "utf8") };
    } catch {
      found = undefined;
    }
    cache.set(path, found);
    return found;
  };
}
