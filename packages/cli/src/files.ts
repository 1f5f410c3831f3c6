/** Finding rule files: *.gavel under the given files and folders. */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export interface CollectedFiles {
  /** Absolute paths, each once, in the order the paths were given (folders sorted by name). */
  files: string[];
  /** Given paths that do not exist. */
  missing: string[];
}

/** Folders never searched: dependencies and hidden folders such as .git. */
function skipFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

function gavelFilesUnder(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) gavelFilesUnder(path, out);
    } else if (entry.name.endsWith(".gavel") && (entry.isFile() || entry.isSymbolicLink())) {
      out.push(path);
    }
  }
}

/** Collects *.gavel files from files and folders (recursively); a file named explicitly is kept whatever its extension. */
export function collectGavelFiles(paths: readonly string[], cwd: string): CollectedFiles {
  const found: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(given);
      continue;
    }
    if (isDirectory) gavelFilesUnder(path, found);
    else found.push(path);
  }
  return { files: [...new Set(found)], missing };
}
