/**
 * The explained result of a vote, computed as decide() computes its outcome: clause values from the generated
 * integer test, margins from each clause's planned solver, and each step's detail text from its planned renderer
 * (the interpreter where the plan does not reach), the margins and steps only when first read. The result's JSON is
 * the exact evaluator's, key for key (explained-vote.test.ts); any input the generated test does not take goes to the
 * exact evaluator.
 */

import type * as A from "../syntax/index.ts";
import { printExpr } from "../syntax/index.ts";
import { VOTE_FACTS, type RuleInfo } from "../check/index.ts";
import { evaluateExact, planDetail, planVoteMargins, voteClauseDetails } from "../eval/index.ts";
import { buildVoteClauseTest, type VoteClauseValues } from "./fastpath.ts";
import type { EvalOutcome, ExplanationStep, VoteFacts, VoteOutcome, VoteResult } from "../types.ts";

/** evaluate() for a vote whose members are clauses only; undefined when the fast path does not take the rule. */
export function buildVoteExplainer(info: RuleInfo): ((input: unknown) => EvalOutcome) | undefined {
  const decl = info.decl as A.VoteDecl;
  // Lets and requirements add steps and values of their own: those rules keep the exact evaluator.
  if (decl.members.some((m) => m.kind !== "clause")) return undefined;
  const clauseTest = buildVoteClauseTest(info);
  if (!clauseTest) return undefined;
  const marginsAt = planVoteMargins(decl);
  const clauses = (decl.members as A.ClauseDecl[]).map((m) => ({
    name: m.name,
    text: printExpr(m.expr),
    detail: planDetail(m.expr, VOTE_FACTS),
    line: m.span.line,
    column: m.span.column,
  }));
  const quorumAt = clauses.findIndex((c) => c.name === "quorum");
  const passesAt = clauses.findIndex((c) => c.name === "passes");
  const rule = decl.name;
  const label = decl.label ?? decl.name;
  const explanation: VoteExplanation = { margins: marginsAt, steps: explain };
  return (input) => {
    const computed = clauseTest(input as Record<string, unknown>);
    if (!computed) return evaluateExact(info, input);
    const counts = computed.counts;
    const [entitled, present, yes, no, abstain, cast] = counts;
    const values: Record<string, boolean> = {};
    for (let i = 0; i < clauses.length; i++) values[clauses[i]!.name] = computed.clauses[i]!;
    const outcome: VoteOutcome = !computed.clauses[quorumAt] ? "no_quorum" : computed.clauses[passesAt] ? "passed" : "rejected";
    const result = new ExplainedVoteResult(rule, label, outcome, { entitled, present, yes, no, abstain, cast }, values, counts, computed.clauses, explanation);
    return { ok: true, result };
  };

  function explain(counts: VoteCounts, results: readonly boolean[], margins: VoteResult["margins"]): ExplanationStep[] {
    // The interpreter writes a step's detail where its plan does not cover the clause or its values.
    let interpreted: string[] | undefined;
    const detailOf = (i: number): string => clauses[i]!.detail?.(counts) ?? (interpreted ??= voteClauseDetails(info, counts))[i]!;
    return clauses.map((c, i) => {
      const margin = margins[c.name]!;
      return { clause: c.name, text: c.text, detail: detailOf(i), result: results[i]!, span: { line: c.line, column: c.column }, needed: margin.needed, margin: margin.margin };
    });
  }
}

type VoteCounts = VoteClauseValues["counts"];

/** How one rule's margins and explanation steps are computed from a tally's counts and clause values. */
interface VoteExplanation {
  margins(counts: VoteCounts): VoteResult["margins"];
  steps(counts: VoteCounts, clauses: readonly boolean[], margins: VoteResult["margins"]): ExplanationStep[];
}

/**
 * A vote's explained result whose margins and explanation are computed on first read: most callers read the outcome
 * only. They are getters, so the object must be copied as JSON (JSON.stringify calls toJSON, which gives the same
 * JSON, key for key, as a plain result); a spread, structuredClone or postMessage copies the own fields only.
 */
class ExplainedVoteResult implements VoteResult {
  readonly rule: string;
  readonly label: string;
  readonly kind = "vote" as const;
  readonly outcome: VoteOutcome;
  readonly facts: VoteFacts;
  readonly values: Record<string, boolean>;
  readonly #counts: VoteCounts;
  readonly #clauses: readonly boolean[];
  readonly #explain: VoteExplanation;
  #margins: VoteResult["margins"] | undefined;
  #steps: ExplanationStep[] | undefined;

  constructor(rule: string, label: string, outcome: VoteOutcome, facts: VoteFacts, values: Record<string, boolean>, counts: VoteCounts, clauses: readonly boolean[], explain: VoteExplanation) {
    this.rule = rule;
    this.label = label;
    this.outcome = outcome;
    this.facts = facts;
    this.values = values;
    this.#counts = counts;
    this.#clauses = clauses;
    this.#explain = explain;
  }

  get margins(): VoteResult["margins"] {
    return (this.#margins ??= this.#explain.margins(this.#counts));
  }

  get explanation(): ExplanationStep[] {
    return (this.#steps ??= this.#explain.steps(this.#counts, this.#clauses, this.margins));
  }

  toJSON(): VoteResult {
    return { rule: this.rule, label: this.label, kind: this.kind, outcome: this.outcome, facts: this.facts, values: this.values, margins: this.margins, explanation: this.explanation };
  }
}
