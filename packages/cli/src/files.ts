/** Finding rule files: *.gavel under the given files and folders, files matching glob patterns, less what .gavelignore names. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { globBase, globMatcher, isGlob } from "./glob.ts";
import { isIgnored, type IgnoreRules } from "./ignore-file.ts";

export interface CollectedFiles {
  /** Absolute paths, each once, in the order the paths were given (folders and glob matches sorted by name). */
  files: string[];
  /** Given paths that do not exist. */
  missing: string[];
  /** Given glob patterns that match no file. */
  unmatched: string[];
}

/** Folders never searched: dependencies and hidden folders such as .git. */
function skipFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const slashed = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"));

/** Whether an absolute path is ignored by the rules (if any). */
function ignoredPath(ignore: IgnoreRules | undefined, path: string, isFolder: boolean): boolean {
  return ignore !== undefined && isIgnored(ignore, slashed(relative(ignore.base, path)), isFolder);
}

/** Every file under `dir` (recursively, in name order) that `keep` accepts, skipping ignored paths. */
function walk(dir: string, keep: (path: string, name: string) => boolean, ignore: IgnoreRules | undefined, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name) && !ignoredPath(ignore, path, true)) walk(path, keep, ignore, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && keep(path, entry.name) && !ignoredPath(ignore, path, false)) {
      out.push(path);
    }
  }
}

/** The files a glob pattern (relative to cwd, or absolute) matches, whatever their extension. */
function globFiles(pattern: string, cwd: string, ignore: IgnoreRules | undefined): string[] {
  const { base, rest } = globBase(slashed(pattern));
  const root = resolve(cwd, base);
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const matches = globMatcher(rest);
  const found: string[] = [];
  walk(root, (path) => matches(slashed(relative(root, path))), ignore, found);
  return found;
}

/**
 * Collects *.gavel files from files and folders (recursively) and the files glob patterns match.
 * A file named explicitly is kept whatever its extension, and even when .gavelignore names it;
 * folder walks and glob matches skip what `ignore` names.
 */
export function collectGavelFiles(paths: readonly string[], cwd: string, ignore?: IgnoreRules): CollectedFiles {
  const found: string[] = [];
  const missing: string[] = [];
  const unmatched: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // A path that exists is taken literally, even with glob characters in its name.
      if (isGlob(given)) {
        const matched = globFiles(given, cwd, ignore);
        if (matched.length === 0) unmatched.push(given);
        found.push(...matched);
      } else {
        missing.push(given);
      }
      continue;
    }
    if (isDirectory) walk(path, (_path, name) => name.endsWith(".gavel"), ignore, found);
    else found.push(path);
  }
  return { files: [...new Set(found)], missing, unmatched };
}
