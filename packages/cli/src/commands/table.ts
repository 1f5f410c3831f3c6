/**
 * `gavel table`: a vote's threshold table, the chair's cheat sheet. Exit 2 for a wrong invocation (file, rule,
 * range, a rule that is not a vote); 1 when the file does not compile.
 */
import { parseRosterRange, thresholdTable, type ThresholdRow } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { insightMessagesFor } from "../insight-messages.ts";
import { loadRule, textTable } from "./rule-source.ts";

export interface TableOptions {
  rule?: string;
  entitled?: string;
  format?: "json" | "csv" | "text";
}

/** The rows as CSV: a header line, then one line per roster size; an empty field where no number works. */
export function tableCsv(rows: readonly ThresholdRow[]): string {
  const cell = (v: number | null) => (v === null ? "" : String(v));
  return ["entitled,quorum_present,passes_yes", ...rows.map((r) => `${r.entitled},${cell(r.quorum_present)},${cell(r.passes_yes)}`)].join("\n") + "\n";
}

/** Prints the threshold table of a vote for a range of roster sizes. */
export function runTable(file: string, options: TableOptions, ctx: CommandContext): number {
  const m = insightMessagesFor(ctx.language);
  const fail = (message: string, code: number): number => {
    ctx.io.stderr(`${ctx.style.red(message)}\n`);
    return code;
  };
  const range = parseRosterRange(options.entitled ?? "0..60");
  if (!range) return fail(m.badRange(options.entitled ?? ""), ExitCode.usage);
  const source = loadRule(file, options.rule, ctx);
  if (!source.ok) return source.exitCode;
  if (source.rule.kind !== "vote") return fail(m.notAVote(source.rule.name, source.rule.kind), ExitCode.usage);
  const table = thresholdTable(source.module, source.rule.name, range.from, range.to);
  if (!table.ok) return fail(table.error.code === "BAD_RANGE" ? m.badRange(options.entitled ?? "") : table.error.message, ExitCode.usage);
  const format = options.format ?? "text";
  if (format === "json") ctx.io.stdout(`${JSON.stringify(table.rows, null, 2)}\n`);
  else if (format === "csv") ctx.io.stdout(tableCsv(table.rows));
  else {
    const show = (v: number | null) => (v === null ? m.none : String(v));
    const rows = table.rows.map((r) => [String(r.entitled), show(r.quorum_present), show(r.passes_yes)]);
    ctx.io.stdout(`${source.rule.label} (${source.rule.name})\n${textTable(m.tableHeaders, rows)}\n`);
  }
  return ExitCode.ok;
}
