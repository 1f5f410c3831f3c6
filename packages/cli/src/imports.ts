/** Where `import "..."` in a rule file points: std/NAME.gavel → the standard library, anything else relative to the importing file. */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isStdImport, stdFileName, type ImportResolver } from "@gavel-rules/lang";
import { stdUrl } from "@gavel-rules/lang/std-path";

/** The standard library folder: the language package's std/ when installed, dsl/std in the monorepo. */
export const defaultStdDir = fileURLToPath(stdUrl);

/** The absolute path an import refers to, or undefined when it would leave the std folder. */
export function importPath(path: string, fromFile: string | undefined, stdDir: string, cwd: string): string | undefined {
  if (isStdImport(path)) {
    const name = stdFileName(path);
    return name === undefined ? undefined : resolve(stdDir, name);
  }
  return resolve(fromFile ? dirname(fromFile) : cwd, path);
}

/** An import resolver reading files from disk (undefined for a file that cannot be read). */
export function createImportResolver(options: { stdDir?: string; cwd?: string } = {}): ImportResolver {
  const stdDir = options.stdDir ?? defaultStdDir;
  const cwd = options.cwd ?? process.cwd();
  return (path, fromFile) => {
    const file = importPath(path, fromFile, stdDir, cwd);
    if (file === undefined) return undefined;
    try {
      return { file, source: readFileSync(file, "utf8") };
    } catch {
      return undefined;
    }
  };
}

