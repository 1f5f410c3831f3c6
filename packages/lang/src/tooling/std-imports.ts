/**
 * The one rule for `import "std/…"`, shared by the CLI, the service and the editor: a std import names one file
 * of the standard library, `std/<name>.gavel`, and nothing else (no sub-folders, no `..`, no other extension). A path
 * that starts with `std/` is never read relative to the importing file, so a local `std/` folder cannot stand in for it.
 */

/** The prefix that marks an import of the standard library. */
export const STD_IMPORT_PREFIX = "std/";

/** Whether an import path asks for the standard library (valid or not). */
export function isStdImport(path: string): boolean {
  return path.startsWith(STD_IMPORT_PREFIX);
}

/** The standard library file an import path names (`major-matter.gavel`), or undefined when the path is not a valid std import. */
export function stdFileName(path: string): string | undefined {
  if (!isStdImport(path)) return undefined;
  const name = path.slice(STD_IMPORT_PREFIX.length);
  return /^[^/\\]+\.gavel$/u.test(name) && !name.startsWith(".") ? name : undefined;
}
