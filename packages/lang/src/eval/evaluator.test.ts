import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { INPUT_BOUND } from "../compile/fastpath.ts";
import { assertProperty } from "../test-support/property.ts";
import { writtenOutcome } from "../test-support/written.ts";
import type { CompiledRule, VoteResult } from "../types.ts";

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
      // 20 > 20 fails; 21 > 20 holds: one present short.
      needed: 21,
      margin: -1,
    });
  });

  it("agrees with integer cross-multiplication for every small ballot (property)", () => {
    assertProperty(
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

/** A tally whose counts fit together: yes + no + abstain <= present <= entitled. */
interface Tally {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

type Outcome = VoteResult["outcome"];

/** `quorum ? (passes ? passed : rejected) : no_quorum`, the meaning of every vote rule. */
const outcomeOf = (quorum: boolean, passes: boolean): Outcome => (quorum ? (passes ? "passed" : "rejected") : "no_quorum");

/** Each vote rule below beside its meaning in BigInt cross-multiplication, written apart from the language. */
const VOTE_RULES: ReadonlyArray<{ name: string; rule: CompiledRule; oracle: (t: Tally) => Outcome }> = [
  {
    name: "major_matter",
    rule: MAJOR,
    // present > 2/3 of entitled; yes > 1/2 of entitled
    oracle: (t) => outcomeOf(3n * BigInt(t.present) > 2n * BigInt(t.entitled), 2n * BigInt(t.yes) > BigInt(t.entitled)),
  },
  {
    name: "villagers",
    rule: rule(`vote villagers { quorum: present >= 2/3 of entitled passes: yes > 1/2 of present }`),
    oracle: (t) => outcomeOf(3n * BigInt(t.present) >= 2n * BigInt(t.entitled), 2n * BigInt(t.yes) > BigInt(t.present)),
  },
  {
    name: "cast",
    rule: rule(`vote cast { let base = yes + no quorum: true passes: yes > 1/2 of base and yes >= 2/3 of cast or no = 0 and yes > 0 }`),
    oracle: (t) => {
      const [yes, no, cast] = [BigInt(t.yes), BigInt(t.no), BigInt(t.yes + t.no + t.abstain)];
      return outcomeOf(true, (2n * yes > yes + no && 3n * yes >= 2n * cast) || (no === 0n && yes > 0n));
    },
  },
];

/** floor(n × num / den) for a safe integer n, without the rounding of 2^53-sized products in doubles. */
const fractionOf = (n: number, num: bigint, den: bigint): number => Number((BigInt(n) * num) / den);

/** A count drawn from `around` (values just below, on and above a threshold) or anywhere in [0, max], clamped. */
function countNear(max: number, around: number[]): fc.Arbitrary<number> {
  const near = around.flatMap((t) => [t - 1, t, t + 1]).map((v) => Math.min(max, Math.max(0, v)));
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...near) }, { weight: 1, arbitrary: fc.integer({ min: 0, max }) });
}

/**
 * Consistent tallies placed on, just below and just above the thresholds of the rules above (2/3 and
 * 1/2 of the roster, 1/2 of those present, yes against no, 2/3 of the votes cast), on rosters from a
 * handful of members through the fast path's input bound to Number.MAX_SAFE_INTEGER.
 */
const consistentTally: fc.Arbitrary<Tally> = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 13, max: 1000 }),
      fc.integer({ min: 1000, max: INPUT_BOUND }),
      fc.integer({ min: INPUT_BOUND - 4, max: Math.min(INPUT_BOUND + 4, Number.MAX_SAFE_INTEGER) }),
      fc.integer({ min: INPUT_BOUND, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MAX_SAFE_INTEGER - 12, max: Number.MAX_SAFE_INTEGER }),
    ),
    fc.boolean(),
  )
  // A roster divisible by 6 has members exactly at 2/3 and 1/2 of it, so the tallies can sit on both.
  .map(([entitled, onThresholds]) => (onThresholds ? entitled - (entitled % 6) : entitled))
  .chain((entitled) =>
    countNear(entitled, [fractionOf(entitled, 2n, 3n), fractionOf(entitled, 1n, 2n) + 1, entitled]).map((present) => ({ entitled, present })),
  )
  .chain(({ entitled, present }) =>
    countNear(present, [fractionOf(entitled, 1n, 2n), fractionOf(present, 1n, 2n), fractionOf(present, 2n, 3n), present, 0]).map((yes) => ({ entitled, present, yes })),
  )
  .chain(({ entitled, present, yes }) =>
    // no around yes (the tie of yes > 1/2 of base), and no + abstain around yes / 2 (yes >= 2/3 of cast).
    countNear(present - yes, [0, yes, fractionOf(yes, 1n, 2n)]).chain((no) =>
      countNear(present - yes - no, [0, fractionOf(yes, 1n, 2n) - no, present - yes - no]).map((abstain) => ({ entitled, present, yes, no, abstain })),
    ),
  );

/** Hand-picked tallies: issue 15's counterexample (a quorum one above 2/3 beyond 2^52), its neighbours, and the fast path's 2^20. */
const EDGE_TALLIES: Tally[] = [
  { entitled: 6755399441055748, present: 4503599627370499, yes: 0, no: 0, abstain: 0 },
  { entitled: 6755399441055748, present: 4503599627370499, yes: 3377699720527875, no: 0, abstain: 0 },
  { entitled: 6755399441055748, present: 4503599627370498, yes: 3377699720527875, no: 1, abstain: 0 },
  { entitled: Number.MAX_SAFE_INTEGER, present: 6004799503160661, yes: 4503599627370496, no: 1, abstain: 0 },
  { entitled: Number.MAX_SAFE_INTEGER, present: 6004799503160662, yes: 4503599627370496, no: 0, abstain: 0 },
  { entitled: 2 ** 20, present: 699051, yes: 524289, no: 0, abstain: 0 },
  { entitled: 2 ** 20 + 2, present: 699051, yes: 524289, no: 1, abstain: 1 },
];

/** Checks decide() and evaluate() of every vote rule against its integer oracle on one tally. */
function expectOracleOutcomes(tally: Tally): void {
  for (const { name, rule: voteRule, oracle } of VOTE_RULES) {
    const expected = oracle(tally);
    const context = `${name} on ${JSON.stringify(tally)}`;
    expect(voteRule.decide({ ...tally }), context).toEqual({ ok: true, decision: { kind: "vote", outcome: expected } });
    const full = voteRule.evaluate({ ...tally });
    expect(full.ok && full.result.kind === "vote" ? full.result.outcome : full, context).toBe(expected);
  }
}

describe("decide() and evaluate() agree with integer oracles on consistent tallies (property)", () => {
  it("checks its own oracles on the rosters of DESIGN 2.1", () => {
    expect(VOTE_RULES[0]!.oracle({ entitled: 30, present: 20, yes: 20, no: 0, abstain: 0 })).toBe("no_quorum");
    expect(VOTE_RULES[1]!.oracle({ entitled: 30, present: 20, yes: 11, no: 9, abstain: 0 })).toBe("passed");
    expect(VOTE_RULES[2]!.oracle({ entitled: 30, present: 9, yes: 6, no: 2, abstain: 1 })).toBe("passed");
    expect(VOTE_RULES[2]!.oracle({ entitled: 30, present: 10, yes: 6, no: 2, abstain: 2 })).toBe("rejected");
  });

  it.each(EDGE_TALLIES)("on the edge tally %j", (tally) => expectOracleOutcomes(tally));

  it("on tallies at, just below and just above the thresholds, up to MAX_SAFE_INTEGER", () => {
    assertProperty(
      fc.property(consistentTally, (tally) => expectOracleOutcomes(tally)),
      { numRuns: 3000, examples: EDGE_TALLIES.map((t) => [t]) },
    );
  });
});

/** CADRE's meaning, written apart from the language: a double compares exactly with 15 and 10, and BigInt cross-multiplies. */
function cadreOracle(c: { training_days: number; satisfied: number; basically: number; unsatisfied: number }): { score: number; grade: string } {
  const training = c.training_days >= 15 ? 10 : c.training_days >= 10 ? 6 : 0;
  const approved = BigInt(c.satisfied) + BigInt(c.basically);
  const ballots = approved + BigInt(c.unsatisfied);
  const evaluation = approved * 100n >= ballots * 90n ? 40 : approved * 100n >= ballots * 75n ? 25 : 0;
  const score = training + evaluation;
  return { score, grade: score >= 45 ? "优秀" : score >= 30 ? "称职" : "不称职" };
}

describe("decide() is the same function as evaluate() (property)", () => {
  const rules = [MAJOR, CADRE, VOTE_RULES[1]!.rule, VOTE_RULES[2]!.rule];
  const count = fc.oneof(fc.nat(40), fc.nat(2_000_000), fc.constantFrom(-1, 0.5, Number.NaN, 2 ** 53));
  // Counts drawn independently are mostly inconsistent: this checks that both give the same errors.
  it("on random vote inputs, mostly invalid ones", () => {
    assertProperty(
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
    assertProperty(
      fc.property(fc.record({ training_days: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5000, max: 40_000 }).map((n) => n / 1000), fc.double({ min: 0, max: 40, noNaN: true })), satisfied: count, basically: fc.nat(50), unsatisfied: fc.nat(50) }), (input) => {
        // The score and grade as written (toJSON): the exact evaluator's, where the result's own come from the
        // generated code decide() also runs.
        const full = writtenOutcome(CADRE.evaluate(input));
        const fast = CADRE.decide(input);
        if (!full.ok) expect(fast).toEqual(full);
        else if (full.result.kind === "scorecard") expect(fast).toEqual({ ok: true, decision: { kind: "scorecard", score: full.result.score, grade: full.result.grade } });
        const valid = Number.isSafeInteger(input.satisfied) && input.satisfied >= 0 && input.satisfied + input.basically + input.unsatisfied > 0;
        if (valid) expect(fast).toEqual({ ok: true, decision: { kind: "scorecard", ...cadreOracle(input) } });
        else expect(fast.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
