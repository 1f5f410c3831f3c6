/** The standard rule library (dsl/std/*.gavel), bundled as text so `import "std/..."` works offline in the browser. */

const files = import.meta.glob<string>("../../../../dsl/std/*.gavel", { query: "?raw", import: "default", eager: true });

/** Standard library sources by import path, e.g. "std/major-matter.gavel". */
export const stdLibrary: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, source]) => [`std/${path.slice(path.lastIndexOf("/") + 1)}`, source]),
);
