/**
 * Search across files: a query (plain text or a regular expression, optionally case-sensitive and whole-word, as in
 * VS Code) compiled once to a RegExp, then matched line by line. Columns are Monaco's: 1-based UTF-16 offsets.
 */

/** The options of the Search view. */
export interface SearchQuery {
  text: string;
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

/** One match: its 1-based line and column, its length in UTF-16 units, and the whole line it is on. */
export interface LineMatch {
  line: number;
  column: number;
  length: number;
  lineText: string;
}

/** A compiled query, or why it cannot be compiled (an invalid regular expression). */
export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; message: string };

/** Letters, digits and `_` of any script make up a word (for "match whole word"). */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

/** Compiles the query to a global, Unicode-aware RegExp. An empty query compiles to nothing: callers skip it. */
export function compileQuery(query: SearchQuery): CompiledQuery {
  const body = query.regex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = query.wholeWord ? `(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})` : body;
  try {
    return { ok: true, pattern: new RegExp(source, query.matchCase ? "gu" : "giu") };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Every non-empty match of `pattern` in `text`, line by line, stopping after `limit` matches. */
export function findMatches(text: string, pattern: RegExp, limit = Number.POSITIVE_INFINITY): LineMatch[] {
  const matches: LineMatch[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length && matches.length < limit; index++) {
    const lineText = lines[index]!;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(lineText); found !== null; found = pattern.exec(lineText)) {
      if (found[0].length === 0) {
        // An empty match (`^`, `x*`) shows nothing: step over one code point and go on.
        const code = lineText.codePointAt(pattern.lastIndex);
        pattern.lastIndex += code !== undefined && code > 0xffff ? 2 : 1;
        if (pattern.lastIndex > lineText.length) break;
        continue;
      }
      matches.push({ line: index + 1, column: found.index + 1, length: found[0].length, lineText });
      if (matches.length >= limit) break;
    }
  }
  return matches;
}
