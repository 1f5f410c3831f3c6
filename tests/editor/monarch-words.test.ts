import { describe, expect, it } from "vitest";
import { ELECTION_FACTS, ELECTION_OUTCOMES, VOTE_FACTS, VOTE_OUTCOMES } from "../../packages/lang/src/check/facts.ts";
import { keywordTokens } from "../../packages/lang/src/syntax/lexer.ts";
import { gavelConstants, gavelFacts, gavelKeywords, gavelTypes } from "../../packages/editor/src/language/gavel-monarch";

// The highlighter's word lists are written out for the browser bundle; these checks keep them equal to the language's own.
describe("the editor's highlighting words", () => {
  const highlighted = new Set([...gavelKeywords, ...gavelTypes, ...gavelConstants]);

  it.each(keywordTokens.map((t) => (t.PATTERN as RegExp).source))("knows the keyword '%s'", (word) => {
    expect(highlighted.has(word)).toBe(true);
  });

  it("knows every vote and election fact, and every outcome", () => {
    expect(gavelFacts).toEqual(expect.arrayContaining([...VOTE_FACTS, ...ELECTION_FACTS]));
    expect(gavelConstants).toEqual(expect.arrayContaining([...VOTE_OUTCOMES, ...ELECTION_OUTCOMES]));
  });
});
