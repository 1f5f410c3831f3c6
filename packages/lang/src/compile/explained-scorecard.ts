/**
 * The explained result of a scorecard: its score and grade from decide()'s generated code, everything else (max,
 * criteria with their reasons, values, explanation) from the exact evaluator when first read, on a copy of the input
 * taken at the call. The result's JSON is the exact evaluator's, key for key (explained-scorecard.test.ts).
 */

import type * as A from "../syntax/index.ts";
import type { RuleInfo } from "../check/index.ts";
import { evaluateExact } from "../eval/index.ts";
import { buildScorecardTest } from "./fastpath.ts";
import type { CriterionResult, EvalOutcome, ExactJson, ExplanationStep, JsonValue, ScorecardResult } from "../types.ts";

/** evaluate() for a scorecard the generator takes; undefined when it does not. */
export function buildScorecardExplainer(info: RuleInfo): ((input: unknown) => EvalOutcome) | undefined {
  const decl = info.decl as A.ScorecardDecl;
  const scoreTest = buildScorecardTest(info);
  if (!scoreTest) return undefined;
  const rule = decl.name;
  const label = decl.label ?? decl.name;
  return (input) => {
    const copy = copyOfPlainValues(input);
    if (!copy) return evaluateExact(info, input);
    // Where the generated code does not take the input, the exact evaluator answers, once.
    const decided = scoreTest(copy);
    if (!decided?.ok || decided.decision.kind !== "scorecard") return evaluateExact(info, input);
    return { ok: true, result: new ExplainedScorecardResult(rule, label, decided.decision.score, decided.decision.grade, () => evaluateExact(info, copy)) };
  };
}

/**
 * A copy of `input` that later changes to it cannot reach: a shallow copy when every value in it is a string, number,
 * boolean or null (lists and records are left to the exact evaluator at the call); undefined otherwise.
 */
function copyOfPlainValues(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key in input) {
    if (!Object.hasOwn(input, key)) return undefined;
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null) return undefined;
    copy[key] = value;
  }
  return copy;
}

/**
 * A scorecard's explained result whose max, criteria, values and explanation are computed on first read: ranking
 * and grading read the score and grade only. They are getters, so the object must be copied as JSON (JSON.stringify
 * calls toJSON, which gives the exact evaluator's result); a spread, structuredClone or postMessage copies the own
 * fields only.
 */
class ExplainedScorecardResult implements ScorecardResult {
  readonly rule: string;
  readonly label: string;
  readonly kind = "scorecard" as const;
  readonly score: ExactJson;
  readonly grade: string | null;
  readonly #evaluate: () => EvalOutcome;
  #exact: ScorecardResult | undefined;

  constructor(rule: string, label: string, score: ExactJson, grade: string | null, evaluate: () => EvalOutcome) {
    this.rule = rule;
    this.label = label;
    this.score = score;
    this.grade = grade;
    this.#evaluate = evaluate;
  }

  /** The exact evaluator's result on the copied input (it takes every input the generated decide() takes). */
  #result(): ScorecardResult {
    if (this.#exact) return this.#exact;
    const outcome = this.#evaluate();
    if (!outcome.ok || outcome.result.kind !== "scorecard") throw new Error(`${this.rule}: the exact evaluator refused an input the generated code took`);
    return (this.#exact = outcome.result);
  }

  get max(): ExactJson {
    return this.#result().max;
  }

  get criteria(): CriterionResult[] {
    return this.#result().criteria;
  }

  get values(): Record<string, JsonValue> {
    return this.#result().values;
  }

  get explanation(): ExplanationStep[] {
    return this.#result().explanation;
  }

  toJSON(): ScorecardResult {
    return this.#result();
  }
}
