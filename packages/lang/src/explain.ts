/** Readable text of a result and its explanation (for terminals and logs). */

import type { CriterionResult, ExactJson, RuleResult } from "./types.ts";

function exact(v: ExactJson): string {
  return typeof v === "number" ? String(v) : `${v.num}/${v.den} (≈${v.decimal})`;
}

/** A multi-line explanation: the outcome first, then every clause with its values. */
export function explainText(result: RuleResult): string {
  const lines: string[] = [];
  if (result.kind === "vote") {
    const f = result.facts;
    lines.push(`${result.label} (${result.rule}): ${result.outcome}`);
    lines.push(`  entitled ${f.entitled}, present ${f.present}, yes ${f.yes}, no ${f.no}, abstain ${f.abstain}, cast ${f.cast}`);
  } else if (result.kind === "election") {
    const f = result.facts;
    lines.push(`${result.label} (${result.rule}): ${result.outcome}`);
    lines.push(`  registered ${f.registered}, voters ${f.voters}, ballots ${f.ballots}, invalid ${f.invalid}, valid ${f.valid}, seats ${f.seats}, round ${f.round}`);
    lines.push(`  elected: ${result.elected.join("、") || "—"}${result.tied.length ? `; tied: ${result.tied.join("、")}` : ""}`);
  } else if (result.kind === "rating") {
    lines.push(`${result.label} (${result.rule}): grade ${result.grade}`);
    for (const l of result.levels) lines.push(`  ${l.name}: ${l.count} of ${result.ballots} = ${exact(l.share)}`);
  } else {
    lines.push(`${result.label} (${result.rule}): score ${exact(result.score)} of ${exact(result.max)}${result.grade !== null ? `, grade ${result.grade}` : ""}`);
    // Sub-criteria under their criterion, one level deeper each.
    const criterionLines = (list: CriterionResult[], indent: string): void => {
      for (const c of list) {
        lines.push(`${indent}${c.label}: ${exact(c.points)} / ${exact(c.max)} — ${c.reason}`);
        if (c.parts) criterionLines(c.parts, `${indent}  `);
      }
    };
    criterionLines(result.criteria, "  ");
  }
  for (const step of result.explanation) {
    lines.push(`  [${step.clause}] ${step.text}`);
    lines.push(`      ${step.detail}`);
  }
  return lines.join("\n");
}
