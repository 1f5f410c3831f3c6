/** Readable text of a result and its explanation (for terminals and logs). */

import { marginSentence, percentText, type TextLocale } from "./margin-text.ts";
import type { CriterionResult, ExactJson, ExplanationStep, RuleResult } from "../types.ts";

function exact(v: ExactJson): string {
  return typeof v === "number" ? String(v) : `${v.num}/${v.den} (≈${v.decimal})`;
}

/** A let that divides, with a value strictly between 0 and 1, reads best as a percentage beside its fraction. */
function ratioLine(step: ExplanationStep): string | undefined {
  const v = step.result;
  if (typeof v !== "object" || v === null || !step.text.includes("/")) return undefined;
  const n = BigInt(v.num);
  return n > 0n && n < BigInt(v.den) ? `      = ${percentText(v)}` : undefined;
}

/** The margin sentence under a clause's step, in the locale: "16 yes needed, 15 cast: short by 1". */
function marginLine(result: RuleResult, step: ExplanationStep, locale: TextLocale): string | undefined {
  if (result.kind === "vote" || (result.kind === "election" && (step.clause === "void" || step.clause === "turnout"))) {
    const m = result.margins[step.clause];
    const text = m && marginSentence(m, locale);
    return text && `      → ${text}`;
  }
  if (result.kind === "election" && step.needed !== undefined) {
    // The step is "NAME: clause"; a name may itself hold a colon, so match the whole prefix.
    const c = result.candidates.find((x) => step.text.startsWith(`${x.name}: `));
    const text = c && marginSentence({ count: "votes", actual: c.votes, needed: c.needed, margin: c.margin, bound: "at_least", range: { min: 0, max: result.facts.valid } }, locale);
    return text && `      → ${text}`;
  }
  return undefined;
}

/** A multi-line explanation: the outcome first, then every clause with its values, margins in words (English or Chinese). */
export function explainText(result: RuleResult, locale: TextLocale = "en"): string {
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
    for (const l of result.levels) lines.push(`  ${l.name}: ${l.count} of ${result.ballots} = ${l.count === 0 || l.count === result.ballots ? exact(l.share) : percentText(l.share)}`);
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
    const extra = marginLine(result, step, locale) ?? (result.kind === "scorecard" || result.kind === "rating" ? ratioLine(step) : undefined);
    if (extra) lines.push(extra);
  }
  return lines.join("\n");
}
