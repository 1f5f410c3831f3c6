/**
 * `gavel diff`: what a rule change does, on every tally up to a roster size. Exit 2 for a wrong invocation
 * (files, rules, range, a rule that is not a vote); 1 when a file does not compile; 0 otherwise, changed or not.
 */
import { semanticDiff, MAX_DIFF_ENTITLED, parseRosterRange, type VoteDiff } from "@gavel-rules/lang";
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
  for (const r of [before.rule, after.rule]) if (r.kind !== "vote") return fail(m.notAVote(r.name, r.kind), ExitCode.usage);
  const result = semanticDiff(before.module, before.rule.name, after.module, after.rule.name, range, { examples });
  if (!result.ok) return fail(result.error.message, ExitCode.usage);
  const diff = result.diff;
  if (options.format === "json") {
    ctx.io.stdout(`${JSON.stringify({ old: { file: before.display, rule: before.rule.name }, new: { file: after.display, rule: after.rule.name }, ...diff }, null, 2)}\n`);
  } else {
    ctx.io.stdout(diffText(diff, `${before.display} (${before.rule.name}) → ${after.display} (${after.rule.name})`, m));
  }
  return ExitCode.ok;
}
