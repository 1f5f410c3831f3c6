import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "./compiler";
import type { CompiledRule, VoteResult } from "./types";

function rule(src: string, name?: string): CompiledRule {
  const m = compile(src);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return name ? m.scope.get(name)! : m.rules[0]!;
}

const MAJOR = rule(`vote major_matter "要事票决" {
  quorum: present > 2/3 of entitled "实到代表须超过应到代表总数的三分之二"
  passes: yes > 1/2 of entitled "赞成票须超过代表总数的一半"
}`);

const CADRE = rule(`scorecard cadre "考核" {
  input training_days: number "培训天数"
  input satisfied: count
  input basically: count
  input unsatisfied: count
  let ballots = satisfied + basically + unsatisfied
  let approval = (satisfied + basically) / ballots
  criterion training "培训不少于15天" max 10 {
    10 when training_days >= 15
    6 when training_days >= 10
    0 otherwise
  }
  criterion evaluation "民主测评" max 40 {
    40 when approval >= 90%
    25 when approval >= 75%
    0 otherwise "民主测评认可率低于75%"
  }
  grade {
    "优秀" when score >= 45
    "称职" when score >= 30
    "不称职" otherwise
  }
}`);

function vote(entitled: number, present: number, yes: number, no = 0, abstain = 0): VoteResult {
  const r = MAJOR.evaluate({ entitled, present, yes, no, abstain });
  if (!r.ok || r.result.kind !== "vote") throw new Error(JSON.stringify(r));
  return r.result;
}

describe("major-matter vote (DESIGN 2.1)", () => {
  it.each([
    [30, 20, 20, "no_quorum"],
    [30, 21, 16, "passed"],
    [30, 21, 15, "rejected"],
    [30, 30, 15, "rejected"],
    [30, 16, 16, "no_quorum"],
    [31, 20, 16, "no_quorum"],
    [31, 21, 16, "passed"],
    [31, 21, 15, "rejected"],
    [3, 2, 2, "no_quorum"],
    [3, 3, 2, "passed"],
    [0, 0, 0, "no_quorum"],
    [1, 1, 1, "passed"],
    [2, 2, 1, "rejected"],
  ] as const)("roster %i, present %i, yes %i → %s", (entitled, present, yes, outcome) => {
    expect(vote(entitled, present, yes, present - yes).outcome).toBe(outcome);
  });

  it("explains the quorum clause with its values", () => {
    const r = vote(30, 20, 20);
    expect(r.values).toEqual({ quorum: false, passes: true });
    expect(r.explanation[0]).toEqual({
      clause: "quorum",
      text: "present > 2/3 of entitled",
      detail: "20 > 2/3 × 30 = 20 → false",
      result: false,
      span: { line: 2, column: 3 },
    });
  });

  it("agrees with integer cross-multiplication for every small ballot (property)", () => {
    fc.assert(
      fc.property(fc.nat(200).chain((e) => fc.tuple(fc.constant(e), fc.nat(e)).chain(([e, p]) => fc.tuple(fc.constant(e), fc.constant(p), fc.nat(p)))), ([e, p, y]) => {
        const expected = !(3 * p > 2 * e) ? "no_quorum" : 2 * y > e ? "passed" : "rejected";
        expect(vote(e, p, y).outcome).toBe(expected);
      }),
    );
  });
});

describe("evaluation errors are values naming the problem", () => {
  it.each([
    [{ entitled: 30, present: 31, yes: 0, no: 0, abstain: 0 }, "INCONSISTENT_COUNTS", "present (31) cannot exceed entitled (30)"],
    [{ entitled: 30, present: 20, yes: 15, no: 5, abstain: 1 }, "INCONSISTENT_COUNTS", "more than the 20 members present"],
    [{ entitled: 30, present: 20, yes: -1, no: 0, abstain: 0 }, "NEGATIVE_COUNT", "'yes'"],
    [{ entitled: 30, present: 20, yes: 1.5, no: 0, abstain: 0 }, "INVALID_INPUT", "whole number"],
    [{ entitled: 30, present: 20, yes: "16", no: 0, abstain: 0 }, "INVALID_INPUT", "must be a number"],
    [{ entitled: 30, present: 20, no: 0, abstain: 0 }, "MISSING_INPUT", "'yes'"],
    [{ entitled: 30, present: 20, yes: 1, no: 0, abstain: 0, maybe: 1 }, "UNKNOWN_INPUT", "'maybe'"],
    [{ entitled: Number.NaN, present: 20, yes: 1, no: 0, abstain: 0 }, "INVALID_INPUT", "'entitled'"],
  ])("%j → %s", (input, code, text) => {
    const r = MAJOR.evaluate(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain(text);
  });

  it("names the expression and values on division by zero", () => {
    const r = CADRE.evaluate({ training_days: 3, satisfied: 0, basically: 0, unsatisfied: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: "DIVISION_BY_ZERO" } });
    if (!r.ok) expect(r.error.message).toContain("(satisfied + basically) / ballots divides by zero: ballots = 0");
  });
});

describe("scorecard", () => {
  it("scores, grades and gives a reason for each criterion", () => {
    const r = CADRE.evaluate({ training_days: 12, satisfied: 30, basically: 6, unsatisfied: 14 });
    expect(r.ok).toBe(true);
    if (!r.ok || r.result.kind !== "scorecard") return;
    expect(r.result.score).toBe(6);
    expect(r.result.max).toBe(50);
    expect(r.result.grade).toBe("不称职");
    expect(r.result.criteria).toEqual([
      { name: "training", label: "培训不少于15天", points: 6, max: 10, reason: "training_days >= 10 (12 >= 10)" },
      { name: "evaluation", label: "民主测评", points: 0, max: 40, reason: "民主测评认可率低于75%" },
    ]);
    expect(r.result.values["approval"]).toEqual({ num: "18", den: "25", decimal: "0.72" });
  });

  it("takes an approval of exactly 90% as meeting '>= 90%' (no float rounding)", () => {
    const r = CADRE.evaluate({ training_days: 15, satisfied: 80, basically: 10, unsatisfied: 10 });
    expect(r.ok && r.result.kind === "scorecard" && r.result.criteria[1]!.points).toBe(40);
  });
});

describe("decide() is the same function as evaluate() (property)", () => {
  const rules = [MAJOR, CADRE, rule(`vote villagers { quorum: present >= 2/3 of entitled passes: yes > 1/2 of present }`), rule(`vote cast { let base = yes + no quorum: true passes: yes > 1/2 of base and yes >= 2/3 of cast or no = 0 and yes > 0 }`)];
  const count = fc.oneof(fc.nat(40), fc.nat(2_000_000), fc.constantFrom(-1, 0.5, Number.NaN, 2 ** 53));
  it("on random vote inputs, valid and invalid", () => {
    fc.assert(
      fc.property(fc.record({ entitled: count, present: count, yes: count, no: count, abstain: count }), (input) => {
        for (const r of [rules[0]!, rules[2]!, rules[3]!]) {
          const full = r.evaluate(input);
          const fast = r.decide(input);
          if (!full.ok) expect(fast).toEqual(full);
          else expect(fast).toEqual({ ok: true, decision: { kind: "vote", outcome: (full.result as VoteResult).outcome } });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("on random scorecard inputs", () => {
    fc.assert(
      fc.property(fc.record({ training_days: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5000, max: 40_000 }).map((n) => n / 1000), fc.double({ min: 0, max: 40, noNaN: true })), satisfied: count, basically: fc.nat(50), unsatisfied: fc.nat(50) }), (input) => {
        const full = CADRE.evaluate(input);
        const fast = CADRE.decide(input);
        if (!full.ok) expect(fast).toEqual(full);
        else if (full.result.kind === "scorecard") expect(fast).toEqual({ ok: true, decision: { kind: "scorecard", score: full.result.score, grade: full.result.grade } });
      }),
      { numRuns: 2000 },
    );
  });
});
