/** Completions by place: statement keywords where a statement starts, names first (and no statement words) in an expression. */

import { describe, expect, it } from "vitest";
import { getCompletions } from "./service.ts";

const CARD = `scorecard s {
  input cases: list of { received: date, resolved: date?, limit: count }
  input d: date
  let due = add_workdays()
  criterion c max 1 {
    1 when count(cases) >= 1
    0 otherwise
  }
}
`;

const VOTE = `vote v {
  quorum: present > 1/2 of entitled
  passes: yes > no
}
`;

const STATEMENT_WORDS = ["input", "let", "require", "criterion", "grade", "quorum", "passes", "proxies", "levels"];

describe("completions by place", () => {
  it.each([
    ["a function's argument", CARD, "add_workdays(", "cases"],
    ["after a comparison in a band", CARD, "count(cases) >= ", "cases"],
    ["after let's =", CARD, "let due = ", "cases"],
    ["a vote's clause", VOTE, "quorum: ", "entitled"],
    ["after of", VOTE, "1/2 of ", "entitled"],
  ])("in %s: names first, and no statement keyword", (_where, source, marker, first) => {
    const labels = getCompletions(source, source.indexOf(marker) + marker.length).map((c) => c.label);
    expect(labels[0]).toBe(first);
    expect(labels.filter((l) => STATEMENT_WORDS.includes(l))).toEqual([]);
    expect(labels).toContain("add_workdays");
    expect(labels).toContain("and");
  });

  it.each([
    ["a scorecard", CARD, "  let due", ["input", "let", "require", "criterion", "grade"]],
    ["a vote", VOTE, "  passes", ["quorum", "passes", "proxies", "let", "require"]],
  ])("at the start of a line in %s: the statement keywords first", (_where, source, marker, words) => {
    const offset = source.indexOf(marker) + 2;
    expect(getCompletions(source, offset).slice(0, words.length).map((c) => c.label)).toEqual(words);
  });
});
