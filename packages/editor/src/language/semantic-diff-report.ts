/**
 * What a change between two texts of one rule file does, rule by rule: the same semantic diff as `gavel diff`
 * (lang's semanticDiff) for each vote and scorecard in both texts, and a plain reason for every rule it cannot
 * compare. Runs in the semantic-diff worker; pure, so it is tested in Node too.
 */

import { semanticDiff, type CompiledModule, type RuleKind, type ScorecardDiff, type VoteDiff } from "@gavel-rules/lang";
import { MAX_EDITOR_DIFF_ENTITLED } from "./semantic-diff-limits";

/** What became of one rule of the file between the two texts. */
export type RuleComparison =
  | { rule: string; label: string; status: "compared"; diff: VoteDiff | ScorecardDiff }
  /** Both texts have it, but the semantic diff covers votes and scorecards only. */
  | { rule: string; label: string; status: "not-comparable"; kind: RuleKind }
  /** Only the new text has it (added) or only the old one (removed). */
  | { rule: string; label: string; status: "added" | "removed"; kind: RuleKind }
  | { rule: string; label: string; status: "kind-changed"; oldKind: RuleKind; newKind: RuleKind }
  /** lang refused the comparison (its error code and message). */
  | { rule: string; label: string; status: "failed"; code: string; message: string };

/** A text that does not compile: where its first error is and what it says (in the UI's language). */
export interface BrokenSide {
  side: "old" | "new";
  line: number;
  column: number;
  message: string;
}

export type SemanticDiffReport =
  | { ok: true; entitledTo: number; rules: RuleComparison[] }
  | { ok: false; broken: BrokenSide[] };

function broken(module: CompiledModule, side: "old" | "new"): BrokenSide | undefined {
  if (module.rulesOk) return undefined;
  const first = module.diagnostics.find((d) => d.severity === "error");
  return { side, line: first?.span.line ?? 1, column: first?.span.column ?? 1, message: first?.message ?? "" };
}

/**
 * Compares every rule of `before` with the rule of the same name in `after`: votes on every tally with a roster up
 * to `entitledTo`, scorecards on their input grid; `examples` changed tallies or inputs are kept per rule.
 */
export function semanticDiffReport(before: CompiledModule, after: CompiledModule, entitledTo: number, examples = 5): SemanticDiffReport {
  const failures = [broken(before, "old"), broken(after, "new")].filter((b): b is BrokenSide => b !== undefined);
  if (failures.length > 0) return { ok: false, broken: failures };
  const to = Math.max(0, Math.min(MAX_EDITOR_DIFF_ENTITLED, Math.floor(entitledTo)));
  const rules: RuleComparison[] = [];
  // In the order of the new text, then the rules it dropped.
  for (const rule of after.rules) {
    const old = before.rules.find((r) => r.name === rule.name);
    const { name, label } = rule;
    if (!old) rules.push({ rule: name, label, status: "added", kind: rule.kind });
    else if (old.kind !== rule.kind) rules.push({ rule: name, label, status: "kind-changed", oldKind: old.kind, newKind: rule.kind });
    else if (rule.kind !== "vote" && rule.kind !== "scorecard") rules.push({ rule: name, label, status: "not-comparable", kind: rule.kind });
    else {
      const result = semanticDiff(before, name, after, name, { from: 0, to }, { examples });
      rules.push(result.ok ? { rule: name, label, status: "compared", diff: result.diff } : { rule: name, label, status: "failed", code: result.error.code, message: result.error.message });
    }
  }
  for (const old of before.rules) {
    if (!after.rules.some((r) => r.name === old.name)) rules.push({ rule: old.name, label: old.label, status: "removed", kind: old.kind });
  }
  return { ok: true, entitledTo: to, rules };
}
