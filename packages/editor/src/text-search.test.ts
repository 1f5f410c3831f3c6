import { describe, expect, it } from "vitest";
import { compileQuery, findMatches, type SearchQuery } from "./text-search";

const query = (text: string, options: Partial<SearchQuery> = {}): SearchQuery => ({ text, matchCase: false, wholeWord: false, regex: false, ...options });
const find = (text: string, q: SearchQuery) => {
  const compiled = compileQuery(q);
  if (!compiled.ok) throw new Error(compiled.message);
  return findMatches(text, compiled.pattern).map((m) => `${m.line}:${m.column}+${m.length}`);
};

const source = "vote 票决 {\n  quorum: present > 2/3 of entitled\n  passes: yes > 1/2 of Present\n}\r\n# present.presently\n";

describe("search across files", () => {
  it("finds plain text case-insensitively, with Monaco's 1-based lines and columns, across \\n and \\r\\n", () => {
    expect(find(source, query("present"))).toEqual(["2:11+7", "3:24+7", "5:3+7", "5:11+7"]);
  });

  it("matches case when asked", () => {
    expect(find(source, query("Present", { matchCase: true }))).toEqual(["3:24+7"]);
  });

  it("matches whole words only when asked (letters of any script bound a word)", () => {
    expect(find(source, query("present", { wholeWord: true }))).toEqual(["2:11+7", "3:24+7", "5:3+7"]);
    expect(find("票决 票决法", query("票决", { wholeWord: true }))).toEqual(["1:1+2"]);
  });

  it("takes regex characters literally unless Regular Expression is on", () => {
    expect(find(source, query("1/2 of"))).toEqual(["3:17+6"]);
    expect(find("a.b axb", query("a.b"))).toEqual(["1:1+3"]);
    expect(find("a.b axb", query("a.b", { regex: true }))).toEqual(["1:1+3", "1:5+3"]);
    expect(find(source, query(String.raw`\d/\d`, { regex: true }))).toEqual(["2:21+3", "3:17+3"]);
  });

  it("finds Chinese text, and counts columns in UTF-16 units as Monaco does", () => {
    expect(find(source, query("票决"))).toEqual(["1:6+2"]);
    expect(find("𠀀票决", query("票决"))).toEqual(["1:3+2"]);
  });

  it("skips empty matches instead of looping, and reports an invalid regular expression", () => {
    expect(find("ab\n\ncd", query("^", { regex: true }))).toEqual([]);
    expect(find("aXa", query("x*", { regex: true }))).toEqual(["1:2+1"]);
    const bad = compileQuery(query("(unclosed", { regex: true }));
    expect(bad.ok).toBe(false);
  });

  it("stops at the limit", () => {
    const compiled = compileQuery(query("a"));
    if (!compiled.ok) throw new Error("compiles");
    expect(findMatches("aaaa\naaaa", compiled.pattern, 5)).toHaveLength(5);
  });
});
