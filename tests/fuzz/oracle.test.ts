/**
 * Differential fuzzing: on random tallies and cadres, including counts beyond the fast path's
 * bounds and fractional training days, gavel's decide() and evaluate(), the benchmarks' bigint
 * oracle and the hand-written baselines all give the same answer.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { describe, expect, it } from "vitest";
import { compile, type CompiledRule, type DecideOutcome, type EvalOutcome } from "@gavel-rules/lang";
import { cadreReviewOracle, handWrittenCadreReview, handWrittenMajorMatter, majorMatterOracle, type BallotTally, type CadreInput } from "../../benchmarks/workloads";
import { ROOT } from "../lang/rule-files";

function ruleOf(path: string, name: string): CompiledRule {
  const rule = compile(readFileSync(`${ROOT}/${path}`, "utf8"), { file: path }).scope.get(name);
  if (!rule) throw new Error(`${path} has no rule ${name}`);
  return rule;
}

const majorMatter = ruleOf("dsl/std/major-matter.gavel", "major_matter");
const cadreReview = ruleOf("examples/cadre-review.gavel", "cadre_review");

function answerOfDecide(outcome: DecideOutcome): string {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const decision = outcome.decision;
  if (decision.kind !== "scorecard") return decision.kind === "vote" ? decision.outcome : JSON.stringify(decision);
  return `${JSON.stringify(decision.score)} ${decision.grade}`;
}

function answerOfEvaluate(outcome: EvalOutcome): string {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const result = outcome.result;
  if (result.kind !== "scorecard") return result.kind === "vote" ? result.outcome : JSON.stringify(result);
  return `${JSON.stringify(result.score)} ${result.grade}`;
}

/** A consistent tally whose roster is small (fast path) or up to 2^26 (beyond the fast path's 2^20 bound). */
const tally: fc.Arbitrary<BallotTally> = fc
  .oneof(fc.nat({ max: 300 }), fc.nat({ max: 2 ** 26 }))
  .chain((entitled) => fc.tuple(fc.constant(entitled), fc.oneof(fc.nat({ max: entitled }), fc.constant(Math.floor((2 * entitled) / 3)), fc.constant(Math.floor((2 * entitled) / 3) + 1))))
  .map(([entitled, present]) => [entitled, Math.min(present, entitled)] as const)
  .chain(([entitled, present]) =>
    fc.tuple(fc.oneof(fc.nat({ max: present }), fc.constant(Math.min(present, Math.floor(entitled / 2))), fc.constant(Math.min(present, Math.floor(entitled / 2) + 1))), fc.nat(), fc.nat()).map(([yes, a, b]) => {
      const no = present === yes ? 0 : a % (present - yes + 1);
      const abstain = present - yes - no === 0 ? 0 : b % (present - yes - no + 1);
      return { entitled, present, yes, no, abstain };
    }),
  );

/** A cadre within the declared ranges, with training days in tenths and at least one ballot. */
const cadre: fc.Arbitrary<CadreInput> = fc
  .record({
    tenths: fc.oneof(fc.integer({ min: 0, max: 3660 }), fc.constantFrom(99, 100, 101, 149, 150, 151)),
    talk_half_years: fc.integer({ min: 0, max: 2 }),
    leader_visit_months: fc.integer({ min: 0, max: 12 }),
    rep_visit_quarters: fc.integer({ min: 0, max: 4 }),
    satisfied: fc.nat({ max: 500 }),
    basically: fc.nat({ max: 500 }),
    unsatisfied: fc.nat({ max: 500 }),
  })
  .filter((c) => c.satisfied + c.basically + c.unsatisfied > 0)
  .map(({ tenths, ...counts }) => ({ training_days: tenths / 10, ...counts }));

describe("gavel, the bigint oracle and the hand-written baselines agree", () => {
  it("on random major-matter tallies, at the thresholds and beyond the fast path's bounds", () => {
    assertProperty(
      fc.property(tally, (ballot) => {
        const input = ballot as unknown as Record<string, unknown>;
        const exact = majorMatterOracle(ballot);
        expect(answerOfDecide(majorMatter.decide(input))).toBe(exact);
        expect(answerOfEvaluate(majorMatter.evaluate(input))).toBe(exact);
        expect(handWrittenMajorMatter(ballot)).toBe(exact);
      }),
      { numRuns: 1_000 },
    );
  });

  it("on random cadres with fractional training days", () => {
    assertProperty(
      fc.property(cadre, (c) => {
        const input = c as unknown as Record<string, unknown>;
        const { score, grade } = cadreReviewOracle(c);
        const exact = `${score} ${grade}`;
        expect(answerOfDecide(cadreReview.decide(input))).toBe(exact);
        expect(answerOfEvaluate(cadreReview.evaluate(input))).toBe(exact);
        expect(handWrittenCadreReview(c)).toEqual({ score, grade });
      }),
      { numRuns: 500 },
    );
  });
});
