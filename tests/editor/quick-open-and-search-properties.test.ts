/**
 * Properties of quick open's fuzzy match and of the Search view's matcher (packages/editor/src), checked against
 * independent computations: a subsequence always matches and the ranges spell it; plain-text search finds exactly
 * the occurrences that indexOf finds.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { fuzzyMatch } from "../../packages/editor/src/fuzzy-match";
import { compileQuery, findMatches } from "../../packages/editor/src/text-search";

/** Names and text from ASCII, CJK and a character outside the BMP. */
const char = fc.constantFrom(..."abcABC_-.xyz星级社区考核票决", "𠀀");
const word = fc.array(char, { minLength: 1, maxLength: 20 }).map((cs) => cs.join(""));

describe("fuzzy match (quick open)", () => {
  it("matches every subsequence of a name, and its ranges spell the query in order, case folded", () => {
    assertProperty(
      fc.property(word, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (name, keep) => {
        const query = [...name].filter((_, i) => keep[i]).join("");
        const match = fuzzyMatch(query, name);
        expect(match).not.toBeNull();
        const spelled = match!.ranges.map(([s, e]) => name.slice(s, e)).join("");
        expect(spelled.toLowerCase()).toBe(query.toLowerCase());
        for (let i = 1; i < match!.ranges.length; i++) expect(match!.ranges[i]![0]).toBeGreaterThan(match!.ranges[i - 1]![1]);
      }),
    );
  });

  it("refuses a query with a character the name does not have", () => {
    assertProperty(
      fc.property(word, word, (name, query) => {
        const names = new Set([...name.toLowerCase()]);
        fc.pre([...query.toLowerCase()].some((c) => !names.has(c)));
        expect(fuzzyMatch(query, name)).toBeNull();
      }),
    );
  });
});

/** Non-overlapping occurrences of `needle` in `line`, left to right, as 1-based columns. */
function occurrences(line: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + needle.length)) found.push(at + 1);
  return found;
}

describe("plain-text search (Search view)", () => {
  it("finds exactly the case-sensitive occurrences indexOf finds, on every line, regex characters taken literally", () => {
    const text = fc.array(fc.array(fc.constantFrom(..."ab.*(星票\\"), { maxLength: 12 }).map((cs) => cs.join("")), { minLength: 1, maxLength: 5 });
    const needle = fc.array(fc.constantFrom(..."ab.*(星票\\"), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(""));
    assertProperty(
      fc.property(text, needle, (lines, query) => {
        const compiled = compileQuery({ text: query, matchCase: true, wholeWord: false, regex: false });
        expect(compiled.ok).toBe(true);
        if (!compiled.ok) return;
        const found = findMatches(lines.join("\n"), compiled.pattern).map((m) => `${m.line}:${m.column}`);
        const expected = lines.flatMap((line, i) => occurrences(line, query).map((column) => `${i + 1}:${column}`));
        expect(found).toEqual(expected);
      }),
    );
  });
});
