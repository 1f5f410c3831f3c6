import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { inputProblems } from "./input-validation.ts";

function ruleOf(source: string, name: string) {
  const compiled = compile(source);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return compiled.rules.find((r) => r.name === name)!;
}

const scorecard = ruleOf(
  `scorecard s "s" {
  input 满意: count
  input share: ratio max 90%
  input kind: text one of "一般", "复杂"
  input note: text?
  input cases: list of { received: date, resolved: date?, limit: count }
  criterion c "c" max 1 {
    1 when 满意 > 0
    0 otherwise
  }
}
`,
  "s",
);
const valid = { 满意: 3, share: 0.5, kind: "一般", cases: [{ received: "2026-01-05", resolved: null, limit: 5 }] };
const keywords = (input: unknown) => inputProblems(scorecard.inputs, input).map((p) => [p.path, p.keyword]);

describe("inputProblems", () => {
  it("accepts an input that fits, with optional inputs and fields absent or null", () => {
    expect(inputProblems(scorecard.inputs, valid)).toEqual([]);
    expect(inputProblems(scorecard.inputs, { ...valid, note: null })).toEqual([]);
  });

  it.each([
    ["not an object", [1], [["/", "type"]]],
    ["missing", { share: 0.5, kind: "一般", cases: [] }, [["/", "required"]]],
    ["unknown", { ...valid, extra: 1 }, [["/", "additionalProperties"]]],
    ["a fraction for a count", { ...valid, 满意: 1.5 }, [["/满意", "type"]]],
    ["a text for a count", { ...valid, 满意: "3" }, [["/满意", "type"]]],
    ["a negative count", { ...valid, 满意: -1 }, [["/满意", "minimum"]]],
    ["null for a required input", { ...valid, 满意: null }, [["/满意", "type"]]],
    ["a ratio above 1", { ...valid, share: 1.5 }, [["/share", "maximum"]]],
    ["not one of the options", { ...valid, kind: "难" }, [["/kind", "enum"]]],
    ["a date in another form", { ...valid, cases: [{ received: "2026/1/5", limit: 1 }] }, [["/cases/0/received", "pattern"]]],
    ["a record with a missing field", { ...valid, cases: [{ received: "2026-01-05" }] }, [["/cases/0", "required"]]],
    ["a record with an unknown field", { ...valid, cases: [{ received: "2026-01-05", limit: 1, x: 1 }] }, [["/cases/0", "additionalProperties"]]],
    ["a list that is not a list", { ...valid, cases: {} }, [["/cases", "type"]]],
  ])("names %s", (_what, input, expected) => {
    expect(keywords(input)).toEqual(expected);
  });

  it("finds an unknown key however the declared ones are held: counted keys are only a shortcut", () => {
    const hidden: Record<string, unknown> = { share: 0.5, kind: "一般", cases: [], extra: 1 };
    Object.defineProperty(hidden, "满意", { value: 3, enumerable: false });
    expect(keywords(hidden)).toEqual([["/", "additionalProperties"]]);
    expect(keywords({ ...valid, note: "备注", extra: 1 })).toEqual([["/", "additionalProperties"]]);
    expect(keywords({ share: 0.5, kind: "一般", cases: [], extra: 1 })).toEqual([["/", "required"], ["/", "additionalProperties"]]);
  });

  it("compares a bound exactly, as the decimal written: 0.9 is within max 90%, 0.9000000000000001 is not", () => {
    expect(keywords({ ...valid, share: 0.9 })).toEqual([]);
    expect(keywords({ ...valid, share: 0.9000000000000001 })).toEqual([["/share", "maximum"]]);
  });

  it("reports every problem, in the order the rule declares its inputs, in the asked language", () => {
    const problems = inputProblems(scorecard.inputs, { 满意: -1, kind: 3 }, "zh");
    expect(problems.map((p) => p.message)).toEqual([
      "“满意”不能小于 0，给出的是 -1。",
      "缺少输入项“share”。",
      "“kind”应为文本，给出的是 3。",
      "缺少输入项“cases”。",
    ]);
    expect(problems[0]).toMatchObject({ keyword: "minimum", params: { comparison: ">=", limit: 0 } });
  });

  it("checks an election's seats and round from 1 and each candidate's votes as a count", () => {
    const election = ruleOf(readFileSync(new URL("../../../../dsl/std/village-committee-election.gavel", import.meta.url), "utf8"), "village_committee");
    const input = { registered: 10, voters: 8, ballots: 8, invalid: 0, seats: 0, round: 0, candidates: { 王: 3, 李: -1, 张: 1.5 } };
    expect(inputProblems(election.inputs, input).map((p) => [p.path, p.keyword])).toEqual([
      ["/seats", "minimum"],
      ["/round", "minimum"],
      ["/candidates/李", "minimum"],
      ["/candidates/张", "type"],
    ]);
  });
});
