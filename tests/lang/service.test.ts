import { describe, expect, it } from "vitest";
import { compile, getCompletions, getDefinition, getDocumentSymbols, getHover, getModuleSymbols } from "@gavel-rules/lang";
import { resolveImport } from "./rule-files";

const SRC = `import "std/major-matter.gavel"

scorecard cadre "考核" {
  input training_days: number "培训天数"
  let enough = training_days >= 15
  criterion training "培训" max 10 {
    10 when enough
    0 otherwise
  }
}

test "t" {
  major_matter(entitled: 30, present: 21, yes: 16, no: 0, abstain: 0)
  expect outcome = passed
}
`;

const at = (needle: string, delta = 0) => SRC.indexOf(needle) + delta;

describe("language service", () => {
  it("outlines rules, members and tests", () => {
    const symbols = getDocumentSymbols(SRC);
    expect(symbols.map((s) => [s.kind, s.name])).toEqual([["scorecard", "cadre"], ["test", "t"]]);
    expect(symbols[0]!.children.map((c) => `${c.kind}:${c.name}`)).toEqual(["input:training_days", "let:enough", "criterion:training"]);
  });

  it("outlines a compiled module exactly as its parsed source (the editor's breadcrumbs reuse the compiler's parse)", () => {
    const module = compile(SRC, { resolveImport, file: "/virtual/x.gavel" });
    expect(getModuleSymbols(module)).toEqual(getDocumentSymbols(SRC));
    expect(getModuleSymbols(module).length).toBe(2);
  });

  it("completes names in scope inside a scorecard", () => {
    const labels = getCompletions(SRC, at("10 when ") + 8).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["training_days", "enough", "when", "otherwise", "min"]));
    expect(labels).not.toContain("entitled");
  });

  it("completes rules and their inputs inside a test", () => {
    const items = getCompletions(SRC, at("major_matter(") + 5, { resolveImport, file: "/virtual/x.gavel" });
    expect(items.map((c) => c.label)).toEqual(expect.arrayContaining(["major_matter", "entitled", "present", "expect"]));
  });

  it("completes outcomes after 'expect outcome ='", () => {
    expect(getCompletions(SRC, at("= passed") + 2, { resolveImport, file: "/virtual/x.gavel" }).map((c) => c.label)).toEqual(["passed", "rejected", "no_quorum"]);
  });

  it("completes an election's outcomes, and both kinds' when the rule is unknown", () => {
    const src = `import "std/village-committee-election.gavel"\n\ntest "t" {\n  village_committee(registered: 10, voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: {"王建国": 4})\n  expect outcome = complete\n}\n`;
    const offset = src.indexOf("= complete") + 2;
    expect(getCompletions(src, offset, { resolveImport, file: "/virtual/x.gavel" }).map((c) => c.label)).toEqual(["void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"]);
    expect(getCompletions(src, offset).map((c) => c.label)).toEqual(expect.arrayContaining(["passed", "runoff", "tie"]));
  });

  it("outlines, completes and hovers the election and rating kinds", () => {
    const src = `election e "选举" {\n  void: ballots > voters\n  turnout: voters > 1/2 of registered\n  elected: votes > 1/2 of voters\n  runoff: votes >= 1/3 of ballots\n}\n\nrating r "测评" {\n  levels 满意, 基本满意, 不满意\n  grade {\n    "好" when 满意 > 1/2 of ballots\n    "差" otherwise\n  }\n}\n`;
    const symbols = getDocumentSymbols(src);
    expect(symbols.map((s) => [s.kind, s.name])).toEqual([["election", "e"], ["rating", "r"]]);
    expect(symbols[0]!.children.map((c) => `${c.kind}:${c.name}`)).toEqual(["clause:void", "clause:turnout", "clause:elected", "clause:runoff"]);
    expect(symbols[1]!.children.map((c) => `${c.kind}:${c.name}`)).toEqual(["levels:levels 满意, 基本满意, 不满意", "grade:grade"]);
    // Inside a clause: the facts, and no clause keywords (they start a line); at a line's start, the clauses.
    const inElection = getCompletions(src, src.indexOf("votes > 1/2") + 1).map((c) => c.label);
    expect(inElection).toEqual(expect.arrayContaining(["registered", "voters", "ballots", "invalid", "valid", "seats", "round", "votes"]));
    expect(inElection.filter((l) => ["void", "turnout", "elected", "runoff"].includes(l))).toEqual([]);
    expect(getCompletions(src, src.indexOf("  runoff:") + 2).map((c) => c.label)).toEqual(expect.arrayContaining(["void", "turnout", "elected", "runoff"]));
    const inRating = getCompletions(src, src.indexOf("满意 > 1/2") + 1).map((c) => c.label);
    expect(inRating).toEqual(expect.arrayContaining(["ballots", "满意", "基本满意", "不满意"]));
    expect(getCompletions(src, src.indexOf("  grade {") + 2).map((c) => c.label)).toEqual(expect.arrayContaining(["levels", "grade"]));
    expect(getHover(src, src.indexOf("votes > 1/2") + 2)?.contents).toContain("**votes** — fact, count");
    expect(getHover(src, src.indexOf("runoff:") + 2)?.contents).toContain("另行选举");
    expect(getHover(src, src.indexOf("levels") + 2)?.contents).toContain("**levels**");
    expect(getHover(src, 3)?.contents).toContain("**election**");
  });

  it("hovers a name with its kind, type and label", () => {
    const h = getHover(SRC, at("training_days >= 15") + 3);
    expect(h?.contents).toContain("**training_days** — input, number");
    expect(h?.contents).toContain("培训天数");
  });

  it("goes to the definition of a let", () => {
    const d = getDefinition(SRC, at("when enough") + 6);
    expect(d?.span).toMatchObject({ line: 5, column: 7 });
  });

  it("goes to an imported rule's definition", () => {
    const d = getDefinition(SRC, at("major_matter(") + 2, { resolveImport, file: "/virtual/x.gavel" });
    expect(d?.span.line).toBeGreaterThan(0);
    expect(d?.file).toMatch(/dsl\/std\/major-matter\.gavel$/);
  });
});

describe("language service on dates and records", () => {
  const CASES = `scorecard 办结 "限时办结" {
  input 案件: list of { 受理: date, 办结: date?, 时限: count }
  let 按时 = count(案件 where 办结 <= add_workdays(受理, 时限))
  criterion c max 1 {
    1 when 按时 >= 1
    0 otherwise
  }
}
`;
  const at = (s: string) => CASES.indexOf(s);

  it("hovers a record field, an aggregate and a date function", () => {
    expect(getHover(CASES, at("办结 <=") + 1)?.contents).toContain("field, date");
    expect(getHover(CASES, at("count(") + 1)?.contents).toContain("count(cases where COND)");
    expect(getHover(CASES, at("add_workdays") + 2)?.contents).toContain("not counting date itself");
    expect(getHover(CASES, at("where") + 1)?.contents).toContain("**where**");
  });

  it("completes fields inside where, the functions, and the date and list types", () => {
    const labels = getCompletions(CASES, at("办结 <=")).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["受理", "办结", "时限", "count", "share", "add_workdays", "workdays_between"]));
    const types = getCompletions("scorecard s {\n  input d: ", "scorecard s {\n  input d: ".length).map((c) => c.label);
    expect(types).toEqual(expect.arrayContaining(["date", "list of"]));
  });
});
