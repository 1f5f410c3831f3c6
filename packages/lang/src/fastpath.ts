/** The decision-only evaluator (no explanation), used for throughput. */

import type { RuleInfo } from "./checker";
import { evaluateExact } from "./evaluator";
import type { DecideOutcome } from "./types";

/** Builds decide(input) for a checked rule. */
export function buildDecider(info: RuleInfo): (input: Record<string, unknown>) => DecideOutcome {
  return (input) => {
    const r = evaluateExact(info, input);
    if (!r.ok) return r;
    const res = r.result;
    return { ok: true, decision: res.kind === "vote" ? { kind: "vote", outcome: res.outcome } : { kind: "scorecard", score: res.score, grade: res.grade } };
  };
}
