/** `gavel check`: every diagnostic of every rule file, one per line or as one JSON document; exit 1 on any error. */
import type { Diagnostic } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { codeFrame } from "../code-frame.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { compileRuleFile, readRuleSource } from "../rule-file.ts";
import { findRuleFiles } from "./rule-files.ts";

export interface CheckOptions {
  /** text (default): `file:line:col: severity CODE message` lines; json: one CheckReport. */
  format?: "text" | "json";
}

/** One diagnostic in `gavel check --format json`: 1-based line and column, end exclusive. */
export interface CheckDiagnostic {
  severity: "error" | "warning";
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The JSON `gavel check --format json` prints: every file checked, with or without diagnostics. */
export interface CheckReport {
  files: { file: string; errors: number; warnings: number; diagnostics: CheckDiagnostic[] }[];
  errors: number;
  warnings: number;
}

function toJson(diagnostic: Diagnostic): CheckDiagnostic {
  const { line, column, endLine, endColumn } = diagnostic.span;
  return { severity: diagnostic.severity === "error" ? "error" : "warning", code: diagnostic.code, message: diagnostic.message, line, column, endLine, endColumn };
}

/** Checks the rule files under `paths` (`-`: standard input); diagnostics go to stdout, the summary to stderr. */
export function runCheck(paths: readonly string[], options: CheckOptions, ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const format = options.format ?? ctx.config.check?.format ?? "text";
  const { files, usageError } = findRuleFiles(paths, ctx);
  const report: CheckReport = { files: [], errors: 0, warnings: 0 };
  for (const path of files) {
    const read = readRuleSource(path, io.cwd, io.readStdin);
    const diagnostics: CheckDiagnostic[] = [];
    const entry = { file: read.ok ? read.file.display : read.display, errors: 0, warnings: 0, diagnostics };
    report.files.push(entry);
    if (!read.ok) {
      entry.errors += 1;
      diagnostics.push({ severity: "error", code: "READ_ERROR", message: messages.cannotRead(read.display, read.error), line: 1, column: 1, endLine: 1, endColumn: 1 });
      if (format === "text") io.stdout(`${read.display}:1:1: error READ_ERROR ${messages.cannotRead(read.display, read.error)}\n`);
      continue;
    }
    const module = compileRuleFile(read.file, ctx.resolveImport, ctx.language, ctx.calendar);
    for (const diagnostic of module.diagnostics) {
      if (diagnostic.severity === "error") entry.errors += 1;
      else entry.warnings += 1;
      diagnostics.push(toJson(diagnostic));
      if (format !== "text") continue;
      io.stdout(`${formatDiagnostic(diagnostic, read.file.display, style)}\n`);
      // The source line helps a person; piped output stays one parseable line per diagnostic.
      if (io.isTTY) for (const line of codeFrame(read.file.source, diagnostic.span, style)) io.stdout(`  ${line}\n`);
    }
  }
  for (const file of report.files) {
    report.errors += file.errors;
    report.warnings += file.warnings;
  }
  if (format === "json") {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else if (files.length > 0) {
    const summary = messages.checkSummary(files.length, report.errors, report.warnings);
    io.stderr(`${report.errors > 0 ? style.red(summary) : style.green(summary)}\n`);
  }
  if (usageError) return ExitCode.usage;
  return report.errors > 0 ? ExitCode.failure : ExitCode.ok;
}
