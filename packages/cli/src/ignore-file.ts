/**
 * `.gavelignore`: paths the folder walks and glob patterns skip, in .gitignore syntax (`#` comments,
 * `!` re-includes, a trailing `/` matches folders only, a pattern with a `/` is anchored to the
 * file's folder, one without matches at any depth; a folder ignored hides everything below it).
 */
import { globSource } from "./glob.ts";

interface IgnoreRule {
  negate: boolean;
  folderOnly: boolean;
  regex: RegExp;
}

/** Parsed ignore rules, relative to the folder of the file that holds them. */
export interface IgnoreRules {
  /** The folder the patterns are relative to (absolute). */
  base: string;
  rules: IgnoreRule[];
}

function parseLine(raw: string): IgnoreRule | undefined {
  // Trailing spaces are dropped unless escaped with a backslash.
  let line = raw.replace(/(?<!\\)\s+$/, "");
  if (line === "" || line.startsWith("#")) return undefined;
  let negate = false;
  if (line.startsWith("!")) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
    line = line.slice(1);
  }
  const folderOnly = line.endsWith("/");
  if (folderOnly) line = line.slice(0, -1);
  if (line === "") return undefined;
  const anchored = line.includes("/");
  if (line.startsWith("/")) line = line.slice(1);
  const source = (anchored ? "" : "(?:[^/]+/)*") + globSource(line);
  return { negate, folderOnly, regex: new RegExp(`^${source}$`, "u") };
}

/** Parses the text of an ignore file whose patterns are relative to `base`. */
export function parseIgnoreFile(text: string, base: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const rule = parseLine(line);
    if (rule) rules.push(rule);
  }
  return { base, rules };
}

/** Whether this one path is matched, without looking at its parent folders: the last matching rule decides. */
function matchesItself(ignore: IgnoreRules, relativePath: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const rule of ignore.rules) {
    if (rule.folderOnly && !isFolder) continue;
    if (rule.negate === ignored && rule.regex.test(relativePath)) ignored = !rule.negate;
  }
  return ignored;
}

/**
 * Whether a path (relative to `ignore.base`, `/`-separated) is ignored: itself, or because a
 * folder above it is (as in git, a file cannot be re-included inside an ignored folder).
 */
export function isIgnored(ignore: IgnoreRules, relativePath: string, isFolder: boolean): boolean {
  if (relativePath === "" || relativePath.startsWith("../") || relativePath === "..") return false;
  const segments = relativePath.split("/");
  for (let i = 1; i < segments.length; i++) {
    if (matchesItself(ignore, segments.slice(0, i).join("/"), true)) return true;
  }
  return matchesItself(ignore, relativePath, isFolder);
}
