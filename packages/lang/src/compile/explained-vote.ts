/**
 * The explained result of a vote, computed as decide() computes its outcome: clause values from the generated
 * integer test, margins from each clause's planned solver, and each step's detail text from its planned renderer
 * (the interpreter where the plan does not reach). The result is the exact evaluator's,
 * key for key (explained-vote.test.ts); any input the generated test does not take goes to the exact evaluator.
 */

import type * as A from "../syntax/index.ts";
import { printExpr } from "../syntax/index.ts";
import { VOTE_FACTS, type RuleInfo } from "../check/index.ts";
import { evaluateExact, planDetail, planVoteMargins, voteClauseDetails } from "../eval/index.ts";
import { buildVoteClauseTest } from "./fastpath.ts";
import type { EvalOutcome, ExplanationStep, VoteOutcome } from "../types.ts";

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
  return (input) => {
    const computed = clauseTest(input as Record<string, unknown>);
    if (!computed) return evaluateExact(info, input);
    const [entitled, present, yes, no, abstain, cast] = computed.counts;
    const margins = marginsAt(computed.counts);
    const values: Record<string, boolean> = {};
    // The interpreter writes a step's detail where its plan does not cover the clause or its values.
    let interpreted: string[] | undefined;
    const detailOf = (i: number): string => clauses[i]!.detail?.(computed.counts) ?? (interpreted ??= voteClauseDetails(info, computed.counts))[i]!;
    const explanation: ExplanationStep[] = clauses.map((c, i) => {
      const result = computed.clauses[i]!;
      values[c.name] = result;
      const margin = margins[c.name]!;
      return { clause: c.name, text: c.text, detail: detailOf(i), result, span: { line: c.line, column: c.column }, needed: margin.needed, margin: margin.margin };
    });
    const outcome: VoteOutcome = !computed.clauses[quorumAt] ? "no_quorum" : computed.clauses[passesAt] ? "passed" : "rejected";
    return { ok: true, result: { rule, label, kind: "vote", outcome, facts: { entitled, present, yes, no, abstain, cast }, values, margins, explanation } };
  };
}
