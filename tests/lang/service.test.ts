import { describe, expect, it } from "vitest";
import { getCompletions, getDefinition, getDocumentSymbols, getHover } from "@gavel-rules/lang";
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
    expect(getCompletions(SRC, at("= passed") + 2).map((c) => c.label)).toEqual(["passed", "rejected", "no_quorum"]);
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
