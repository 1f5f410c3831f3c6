/**
 * Where the standard library's `.gavel` files are, for Node users: `fileURLToPath(stdUrl)`.
 * Published, that is the package's std/ folder (copied from dsl/std by the build); running from the
 * monorepo's TypeScript sources, it is dsl/std itself, so edits there apply without a build.
 * A separate export with no Node imports: the main entry stays free of Node APIs (the editor runs it in a browser).
 */

declare global {
  // Node and browsers both provide it; the language package is checked without their type libraries.
  interface ImportMeta {
    url: string;
  }
}

const moduleUrl = import.meta.url; // …/lang/src/tooling/std-path.ts or …/lang/dist/tooling/std-path.js
/** The URL of the folder `up` levels above this module's own folder, ending in `/`. */
function folderAbove(url: string, up: number): string {
  let slash = url.lastIndexOf("/");
  for (let i = 0; i < up; i++) slash = url.lastIndexOf("/", slash - 1);
  return url.slice(0, slash + 1);
}
const packageRootUrl = folderAbove(moduleUrl, 2); // …/lang/
const runsFromSources = moduleUrl.endsWith(".ts");

/** The standard library folder as a `file:` URL ending in `/`. */
export const stdUrl: string = runsFromSources ? `${packageRootUrl}../../dsl/std/` : `${packageRootUrl}std/`;
