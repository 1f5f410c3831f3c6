/**
 * `gavel diff`: what a rule change does, on every tally up to a roster size. Exit 2 for a wrong invocation
 * (files, rules, range, a rule that is not a vote); 1 when a file does not compile; 0 otherwise, changed or not.
 */
import { semanticDiff, MAX_DIFF_ENTITLED, parseRosterRange, type ExactJson, type ScorecardDiff, type ScorecardOutcome, type VoteDiff } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { insightMessagesFor, type InsightMessages } from "../insight-messages.ts";
import { loadRule, textTable } from "./rule-source.ts";

export interface DiffOptions {
  rule?: string;
  newRule?: string;
  entitled?: string;
  format?: "json" | "text";
  examples?: string;
}

const show = (v: number | null, m: InsightMessages) => (v === null ? m.none : String(v));
const move = (o: number | null, n: number | null, m: InsightMessages) => (o === n ? show(o, m) : `${show(o, m)} → ${show(n, m)}`);

/** The diff for people: the count of changed tallies, the first of them, and the needed counts that move. */
export function diffText(diff: VoteDiff, title: string, m: InsightMessages): string {
  const lines = [title, diff.changed === 0 ? m.diffNoChange : m.diffSummary(String(diff.tallies), String(diff.changed), diff.entitled.to)];
  if (diff.examples.length > 0) {
    lines.push("", m.diffExamples);
    for (const x of diff.examples) lines.push(`  ${x.entitled}, ${x.present}, ${x.yes}, ${x.no}, ${x.abstain}: ${x.old} → ${x.new}`);
  }
  if (diff.shifts.length > 0) {
    lines.push("", m.diffShifts);
    const rows = diff.shifts.map((s) => [String(s.entitled), move(s.quorum_present.old, s.quorum_present.new, m), move(s.passes_yes.old, s.passes_yes.new, m)]);
    lines.push(textTable(m.diffShiftHeaders, rows));
  }
  return `${lines.join("\n")}\n`;
}

const exact = (v: ExactJson) => (typeof v === "number" ? String(v) : `${v.num}/${v.den}`);
const outcomeText = (o: ScorecardOutcome) => ("error" in o ? `error ${o.error}` : `${exact(o.score)}${o.grade === null ? "" : ` ${o.grade}`}`);

/** A scorecard diff for people: the band comparisons that moved, then the grid inputs whose score or grade changed. */
export function scorecardDiffText(diff: ScorecardDiff, title: string, m: InsightMessages): string {
  const lines = [title];
  if (diff.shifts.length > 0) {
    lines.push(m.scorecardBoundaries);
    for (const s of diff.shifts) lines.push(`  ${s.where}: ${s.old ?? m.none} → ${s.new ?? m.none}`);
  }
  lines.push(m.scorecardGrid(diff.tallies, diff.changed, diff.grid));
  for (const x of diff.examples) {
    const input = Object.entries(x.input).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(", ");
    lines.push(`  ${input}: ${outcomeText(x.old)} → ${outcomeText(x.new)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Compares the vote of OLD with the vote of NEW on every tally up to the roster range's end. */
export function runDiff(oldFile: string, newFile: string, options: DiffOptions, ctx: CommandContext): number {
  const m = insightMessagesFor(ctx.language);
  const fail = (message: string, code: number): number => {
    ctx.io.stderr(`${ctx.style.red(message)}\n`);
    return code;
  };
  const given = options.entitled ?? "0..60";
  const range = parseRosterRange(given);
  if (!range) return fail(m.badRange(given), ExitCode.usage);
  if (range.to > MAX_DIFF_ENTITLED) return fail(m.tooManyTallies(MAX_DIFF_ENTITLED), ExitCode.usage);
  const examples = options.examples === undefined ? 10 : Number(options.examples);
  if (!Number.isSafeInteger(examples) || examples < 0) return fail(m.badRange(options.examples ?? ""), ExitCode.usage);
  const before = loadRule(oldFile, options.rule, ctx);
  if (!before.ok) return before.exitCode;
  const after = loadRule(newFile, options.newRule ?? options.rule ?? before.rule.name, ctx);
  if (!after.ok) return after.exitCode;
  const kind = before.rule.kind;
  if (kind !== "vote" && kind !== "scorecard") return fail(m.notAVote(before.rule.name, kind), ExitCode.usage);
  if (after.rule.kind !== kind) return fail(m.kindMismatch(before.rule.name, kind, after.rule.name, after.rule.kind), ExitCode.usage);
  const result = semanticDiff(before.module, before.rule.name, after.module, after.rule.name, range, { examples });
  if (!result.ok) return fail(result.error.message, ExitCode.usage);
  const diff = result.diff;
  if (options.format === "json") {
    ctx.io.stdout(`${JSON.stringify({ old: { file: before.display, rule: before.rule.name }, new: { file: after.display, rule: after.rule.name }, ...diff }, null, 2)}\n`);
  } else {
    const title = `${before.display} (${before.rule.name}) → ${after.display} (${after.rule.name})`;
    ctx.io.stdout(diff.kind === "vote" ? diffText(diff, title, m) : scorecardDiffText(diff, title, m));
  }
  return ExitCode.ok;
}
