/** `require` between inputs, shares on the left of `of`, and ratios of counts that nothing bounds by 1. */

import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import type { CompiledRule } from "../types.ts";
import { format } from "../tooling/formatter.ts";

const CASES = `scorecard 办结 "限时办结" {
  input 受理: count
  input 办结: count

  require 办结 <= 受理  "办结数不能超过受理数"

  let 办结率 = 办结 / 受理

  criterion 时效 max 10 {
    10 when 办结率 >= 95%
     0 otherwise
  }
}
`;

function codes(src: string): string[] {
  return compile(src).diagnostics.map((d) => `${d.severity}:${d.code}`);
}

describe("require", () => {
  let rule: CompiledRule;
  beforeEach(() => {
    rule = compile(CASES).scope.get("办结")!;
  });

  it.each([
    [{ 受理: 495, 办结: 471 }, 10],
    [{ 受理: 495, 办结: 495 }, 10],
    [{ 受理: 495, 办结: 470 }, 0],
  ])("lets a possible input through: %o scores %i", (input, points) => {
    const r = rule.evaluate(input);
    expect(r.ok && r.result.kind === "scorecard" && r.result.score).toBe(points);
    expect(rule.decide(input)).toMatchObject({ ok: true, decision: { score: points } });
  });

  it("refuses an impossible input by name, with the values and the reason, in both evaluators", () => {
    const r = rule.evaluate({ 受理: 495, 办结: 600 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: "REQUIREMENT_FAILED", span: { line: 5, column: 3 }, details: { requirement: "办结 <= 受理", detail: "600 <= 495 → false", reason: "办结数不能超过受理数" } });
    expect(r.error.message).toContain("600 <= 495");
    expect(rule.decide({ 受理: 495, 办结: 600 })).toEqual(r);
  });

  it("shows a requirement that holds as a step of the explanation", () => {
    const r = rule.evaluate({ 受理: 10, 办结: 10 });
    expect(r.ok && r.result.explanation.find((s) => s.clause === "require")).toMatchObject({ text: "require 办结 <= 受理", detail: "10 <= 10 → true", result: true });
  });

  it("works in a vote, checked before the outcome", () => {
    const vote = compile(`vote v {\n  require present >= 3  "至少三人到会"\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n`).scope.get("v")!;
    expect(vote.evaluate({ entitled: 4, present: 2, yes: 2, no: 0, abstain: 0 })).toMatchObject({ ok: false, error: { code: "REQUIREMENT_FAILED" } });
    expect(vote.decide({ entitled: 4, present: 3, yes: 2, no: 1, abstain: 0 })).toMatchObject({ ok: true, decision: { outcome: "passed" } });
  });

  it("must be a condition", () => {
    expect(codes(CASES.replace("require 办结 <= 受理", "require 办结"))).toContain("error:TYPE_MISMATCH");
  });

  it("formats canonically and keeps its reason", () => {
    const messy = CASES.replace(`  require 办结 <= 受理  "办结数不能超过受理数"`, `require   办结<=受理 "办结数不能超过受理数"`);
    const text = (source: string) => {
      const r = format(source);
      return r.ok ? r.text : r.diagnostics;
    };
    expect(text(messy)).toBe(CASES);
    expect(text(CASES)).toBe(CASES);
  });
});

describe("the left side of 'of' is a share", () => {
  it.each([
    ["50 of entitled", "error:UNIT_MISMATCH"],
    ["3/2 of entitled", "error:UNIT_MISMATCH"],
    ["present of entitled", "error:UNIT_MISMATCH"],
  ])("refuses yes > %s", (threshold, code) => {
    expect(codes(`vote v { quorum: true passes: yes > ${threshold} }`)).toContain(code);
  });

  it.each(["1/2 of entitled", "50% of entitled", "0.5 of entitled", "1 of entitled", "0 of entitled"])("accepts yes > %s", (threshold) => {
    expect(codes(`vote v { quorum: true passes: yes > ${threshold} }`).filter((c) => c.startsWith("error"))).toEqual([]);
  });

  it("hints at the percent that was meant", () => {
    const [d] = compile(`vote v { quorum: true passes: yes > 50 of entitled }`).diagnostics;
    expect(d?.message).toContain("did you mean 50%?");
  });
});

describe("ratios of counts compared with a share", () => {
  const withBody = (body: string) => `scorecard s {\n input a: count\n input b: count\n input c: count\n ${body}\n}`;

  it.each([
    ["a ratio of two unrelated counts", `let r = a / b criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    ["the division written in the band", `criterion k max 1 { 1 when a / b >= 90% 0 otherwise } require c >= 0`],
    ["a requirement the other way round", `require b <= a let r = a / b criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
  ])("warns for %s", (_name, body) => {
    expect(codes(withBody(body))).toContain("warning:UNBOUNDED_RATIO");
  });

  it.each([
    ["a requirement", `require a <= b let r = a / b criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    ["a requirement written with >=", `require b >= a let r = a / b criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    ["one of several required facts", `require c >= 1 and a <= b let r = a / b criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    ["a requirement through a let", `let total = b + c require a <= total let r = a / total criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    ["a part over a whole that contains it", `let total = a + b + c let r = (a + b) / total criterion k max 1 { 1 when r >= 90% 0 otherwise }`],
    // Two names for one denominator that reach it through the same two lets: each side is followed to its end.
    ["a requirement and a ratio through lets that share a chain", `let c2 = b let c1 = c2 let l = c1 let m = c1 require a <= l criterion k max 1 { 1 when a / m >= 90% 0 otherwise }`],
  ])("is quiet for %s", (_name, body) => {
    expect(codes(withBody(body))).not.toContain("warning:UNBOUNDED_RATIO");
  });
});

describe("computed points stay within 0..max, proved when the rule is checked", () => {
  const card = (inputs: string, bands: string) => `scorecard s {\n ${inputs}\n criterion k max 10 {\n ${bands}\n }\n}`;
  const outOfRange = (src: string) => codes(src).includes("error:POINTS_OUT_OF_RANGE");

  it.each([
    ["negative points", "input x: count", "-20 otherwise"],
    ["points that grow with an unbounded count", "input x: count", "x * 2 otherwise"],
    ["10 minus an unbounded count", "input x: count", "10 - x otherwise"],
    ["a bounded number scaled past the max", "input n: number min 0 max 1", "n * 20 otherwise"],
    ["a bound in the condition that is not enough", "input x: count", "x when x <= 20\n 0 otherwise"],
  ])("refuses %s", (_name, inputs, bands) => {
    expect(outOfRange(card(inputs, bands))).toBe(true);
  });

  it.each([
    ["constant points", "input x: count", "10 when x >= 5\n 0 otherwise"],
    ["a count capped with min()", "input x: count", "min(x, 10) otherwise"],
    ["a count bounded by its condition", "input x: count", "x when x <= 10\n 0 otherwise"],
    ["10 minus a count with max 10", "input x: count max 10", "10 - x otherwise"],
    ["a bounded number scaled to the max", "input n: number min 0 max 1", "n * 10 otherwise"],
    ["a clamp of any number", "input n: number", "max(0, min(10, n)) otherwise"],
  ])("accepts %s", (_name, inputs, bands) => {
    expect(codes(card(inputs, bands)).filter((c) => c.startsWith("error"))).toEqual([]);
  });

  it("names the range it found and how to bound it", () => {
    const d = compile(card("input x: count", "x * 2 otherwise")).diagnostics.find((x) => x.code === "POINTS_OUT_OF_RANGE");
    expect(d?.message).toBe("The points x * 2 of 'k' can be 0 to unbounded, outside 0..10: bound them, e.g. max(0, min(10, x * 2)), or bound the inputs with min/max.");
  });
});
