/**
 * Glob patterns as regular expressions over `/`-separated relative paths, the dialect shells,
 * ESLint and .gitignore share: `*` and `?` stay inside one path segment, `**` as a whole segment
 * spans any number of folders, `[abc]`/`[!abc]` are character classes, `{a,b}` alternatives.
 */

const MAGIC = /[*?[{]/;

/** Whether a path argument is a glob pattern rather than a literal path. */
export function isGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\\") i++;
    else if (MAGIC.test(c)) return true;
  }
  return false;
}

const escapeRegExp = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The regular expression source of one segment (no `/` inside). */
function segmentSource(segment: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? "";
    if (c === "\\" && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i] ?? "");
    } else if (c === "*") {
      while (segment[i + 1] === "*") i++;
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      out += `[${negated ? "^/" : ""}${body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]")}]`;
      i = close;
    } else if (c === "{") {
      const close = segment.indexOf("}", i);
      if (close < 0) {
        out += "\\{";
        continue;
      }
      out += `(?:${segment.slice(i + 1, close).split(",").map(segmentSource).join("|")})`;
      i = close;
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

/** The regular expression source of a `/`-separated pattern, unanchored. */
export function globSource(pattern: string): string {
  const segments = pattern.split("/");
  let out = "";
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**") {
      // Zero or more whole folders; at the end, anything below.
      out += last ? ".*" : "(?:[^/]+/)*";
    } else {
      out += segmentSource(segment) + (last ? "" : "/");
    }
  });
  return out;
}

/** A matcher for `pattern` against whole relative paths such as `rules/vote.gavel`. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regex = new RegExp(`^${globSource(pattern)}$`, "u");
  return (path) => regex.test(path);
}

/** Splits a pattern into the literal folder prefix to walk from and the pattern below it. */
export function globBase(pattern: string): { base: string; rest: string } {
  const segments = pattern.split("/");
  let literal = 0;
  while (literal < segments.length - 1 && !isGlob(segments[literal] ?? "")) literal++;
  const base = segments.slice(0, literal).join("/");
  return { base: base === "" && pattern.startsWith("/") ? "/" : base, rest: segments.slice(literal).join("/") };
}
