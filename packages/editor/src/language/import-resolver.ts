/** Resolves `import` paths of a rule file: std/ from the bundled library, anything else from the registry's files. */

import { isStdImport, stdFileName, type ImportResolver } from "@gavel-rules/lang";
import { stdLibrary } from "./std-library";

/** Joins a relative import path onto the importing file's folder ("a/b.gavel" + "../c.gavel" → "c.gavel"). */
export function joinPath(fromFile: string | undefined, path: string): string {
  const parts = (fromFile ? fromFile.split("/").slice(0, -1) : []).concat(path.split("/"));
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** An import resolver over the standard library and the given workspace files (name → source). */
export function createImportResolver(files: ReadonlyMap<string, string>): ImportResolver {
  return (path, fromFile) => {
    if (isStdImport(path)) {
      const source = stdFileName(path) === undefined ? undefined : stdLibrary.get(path);
      return source === undefined ? undefined : { file: path, source };
    }
    const file = joinPath(fromFile, path);
    const source = files.get(file) ?? files.get(file.replace(/\.gavel$/, ""));
    return source === undefined ? undefined : { file, source };
  };
}
