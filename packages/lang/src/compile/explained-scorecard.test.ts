/**
 * The explained scorecard against the exact evaluator: its score and grade (from the generated code) and its JSON
 * (from the exact evaluator, when read) are the exact evaluator's, on the example scorecards and on rules written for
 * each kind of input, for random inputs valid or not; and what is read late is computed from the input as it was.
 */

import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "./compiler.ts";
import { buildScorecardExplainer } from "./explained-scorecard.ts";
import { evaluateExact } from "../eval/index.ts";
import type { RuleInfo } from "../check/index.ts";
import type { InputInfo } from "../types.ts";
import { assertProperty } from "../test-support/property.ts";
import { written } from "../test-support/written.ts";

const EXAMPLES = new URL("../../../../examples/", import.meta.url);

type Scorecard = { name: string; info: RuleInfo; inputs: InputInfo[] };

/** The scorecards of a source file, with their declared inputs. */
function scorecardsOf(source: string, file: string): Scorecard[] {
  const module = compile(source, { file });
  expect(module.diagnostics.filter((d) => d.severity === "error"), file).toEqual([]);
  return module.rules
    .filter((r) => r.kind === "scorecard")
    .map((r) => ({ name: `${file} ${r.name}`, info: module.analysed.infos.get(r.name)!, inputs: r.inputs }));
}

/** Rules for each kind of input the generated code takes: fractions, texts, booleans, dates, optional inputs, grades. */
const WRITTEN: string[] = [
  `scorecard fractions "分数" { input a: count max 100 input b: count max 100 criterion c "比" max 100 { min(a, b, 50) + max(a / 3, b / 2) otherwise } grade { "优" when score >= 60 "差" otherwise } }`,
  `scorecard texts { input k: text one of "甲", "乙" input f: boolean input a: count max 10 criterion c max 10 { a when k = "甲" and f 1 when not f 0 otherwise } }`,
  `scorecard dates { input d: date input e: date criterion c max 1 { 1 when d < e 0 otherwise } }`,
  `scorecard optional { input a: count? input n: number min -0.5 max 4 criterion c max 10 { 0 when absent(a) 1 + n otherwise } }`,
  `scorecard required { input a: count max 50 input b: count max 50 require a <= b "a 不超过 b" criterion c max 100 { a otherwise } criterion d max 100 { b / 3 otherwise } }`,
];

const SCORECARDS: Scorecard[] = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".gavel"))
    .map((file) => [file, readFileSync(new URL(file, EXAMPLES), "utf8")] as const)
    .filter(([, source]) => /^scorecard /m.test(source))
    .flatMap(([file, source]) => scorecardsOf(source, file)),
  ...WRITTEN.flatMap((source, i) => scorecardsOf(source, `written-${i + 1}.gavel`)),
];

/** A value for one input: mostly within its declared bounds, sometimes of the wrong kind or absent. */
function inputValue(input: InputInfo): fc.Arbitrary<unknown> {
  const bound = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
  const min = bound(input.min, input.type === "count" ? 0 : -50);
  const max = bound(input.max, 2_000);
  const valid: fc.Arbitrary<unknown> =
    input.type === "count" ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : input.type === "number" ? fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }).map((n) => n / 1000)
    : input.type === "boolean" ? fc.boolean()
    : input.type === "text" ? (input.options ? fc.constantFrom(...input.options) : fc.string({ maxLength: 4 }))
    : input.type === "date" ? fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    : fc.constant([]);
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, "5", null, 2 ** 60, undefined) });
}

/** Inputs for a rule: a value for each declared input, some left out. */
function inputsOf(inputs: InputInfo[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(Object.fromEntries(inputs.map((i) => [i.name, inputValue(i)])))
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
}

/** The explained result and the exact one: own fields, values through toJSON, and the JSON text all the same. */
function expectSameResult(info: RuleInfo, explain: (input: unknown) => unknown, input: unknown, context: string): void {
  const expected = evaluateExact(info, input);
  const actual = explain(input) as { ok: boolean; result?: { score?: unknown; grade?: unknown } };
  const where = `${context} on ${JSON.stringify(input)}`;
  expect(JSON.stringify(actual), where).toBe(JSON.stringify(expected));
  if (!expected.ok || expected.result.kind !== "scorecard") {
    expect(actual, where).toEqual(expected);
  } else {
    expect([actual.result!.score, actual.result!.grade], where).toEqual([expected.result.score, expected.result.grade]);
    expect(written(actual.result), where).toEqual(expected.result);
  }
}

const explainers = SCORECARDS.map((s) => ({ ...s, explain: buildScorecardExplainer(s.info) }));
const generated = explainers.filter((e) => e.explain !== undefined);

describe("the explained scorecard is the exact evaluator's result", () => {
  it("is generated for the examples' scorecards the fast path takes and for rules of each kind of input it takes", () => {
    expect(generated.map((e) => e.name)).toEqual(expect.arrayContaining(["cadre-review.gavel cadre_review", "written-1.gavel fractions", "written-2.gavel texts", "written-5.gavel required"]));
    // Dates and optional inputs are beyond the generated code: those rules keep the exact evaluator.
    expect(explainers.filter((e) => !e.explain).map((e) => e.name)).toEqual(expect.arrayContaining(["written-3.gavel dates", "written-4.gavel optional"]));
  });

  it("on random inputs, valid or not (property)", () => {
    for (const { name, info, inputs, explain } of generated) {
      assertProperty(
        fc.property(inputsOf(inputs), (input) => expectSameResult(info, explain!, input, name)),
        { numRuns: 300 },
      );
    }
  });

  it.each([
    ["no object", null],
    ["a list", [1, 2, 3]],
    ["an unknown name", { training_days: 12, talk_half_years: 2, leader_visit_months: 12, rep_visit_quarters: 4, satisfied: 30, basically: 3, unsatisfied: 1, extra: 1 }],
    ["a record where a count belongs", { training_days: 12, talk_half_years: { n: 2 }, leader_visit_months: 12, rep_visit_quarters: 4, satisfied: 30, basically: 3, unsatisfied: 1 }],
  ])("gives the same answer for %s", (_what, input) => {
    for (const { name, info, explain } of generated) expectSameResult(info, explain!, input, name);
  });

  it("computes what is read late from the input as it was at the call", () => {
    const { info, explain } = generated.find((e) => e.name === "cadre-review.gavel cadre_review")!;
    const input: Record<string, unknown> = { training_days: 12.5, talk_half_years: 2, leader_visit_months: 12, rep_visit_quarters: 4, satisfied: 30, basically: 3, unsatisfied: 1 };
    const expected = JSON.stringify(evaluateExact(info, { ...input }));
    const first = explain!(input) as { result: { explanation: unknown } };
    const second = explain!({ ...input, satisfied: 0, unsatisfied: 30 });
    input["satisfied"] = 0;
    input["unsatisfied"] = 30;
    expect(JSON.stringify(first)).toBe(expected);
    expect(JSON.stringify(second)).toBe(JSON.stringify(evaluateExact(info, input)));
    expect(JSON.stringify(second)).not.toBe(expected);
  });
});
