/** The readable report for a terminal or a CI log: one line per file, details for each failure, the closing count. */
import { explainText, type TestResult } from "@gavel-rules/lang";
import { formatDiagnostic } from "../diagnostics.ts";
import type { Messages } from "../messages.ts";
import type { Style } from "../style.ts";
import { isBroken, summaryLine, type FileTestReport, type TestReport } from "../test-report.ts";

const indent = (text: string, spaces: number): string =>
  text
    .split("\n")
    .map((line) => " ".repeat(spaces) + line)
    .join("\n");

function failureDetails(file: string, result: TestResult, style: Style, messages: Messages): string[] {
  const lines = [`  ${style.red("✗")} ${style.bold(result.name)} ${style.dim(`(${result.rule}) ${messages.at} ${file}:${result.span.line}:${result.span.column}`)}`];
  for (const e of result.expectations.filter((x) => !x.passed)) {
    lines.push(`      ${e.text}`, `        ${messages.expected}: ${style.green(e.expected)}`, `        ${messages.actual}:   ${style.red(e.actual)}`);
  }
  if (result.error && result.expectations.every((e) => e.passed)) {
    lines.push(`      ${messages.evaluationError}: ${style.red(`${result.error.code}: ${result.error.message}`)}`);
  }
  if (result.result) {
    lines.push(`      ${messages.explanation}:`, style.dim(indent(explainText(result.result), 8)));
  }
  return lines;
}

function fileSection(file: FileTestReport, style: Style, messages: Messages): string[] {
  if (isBroken(file)) {
    return [`${style.red("✗")} ${style.bold(file.file)}  ${style.red(messages.doesNotCompile)}`, ...file.compileErrors.map((d) => `  ${formatDiagnostic(d, file.file, style)}`)];
  }
  const failed = file.results.filter((r) => !r.passed);
  const count = messages.testsInFile(file.results.length);
  if (failed.length === 0) {
    const mark = file.results.length === 0 ? style.dim("–") : style.green("✓");
    return [`${mark} ${file.file}  ${style.dim(count)}`];
  }
  return [`${style.red("✗")} ${style.bold(file.file)}  ${style.dim(`${count}, ${messages.failedInFile(failed.length)}`)}`, ...failed.flatMap((r) => failureDetails(file.file, r, style, messages))];
}

/** The readable report; its last line is exactly `N passed, N failed`. */
export function textReport(report: TestReport, style: Style, messages: Messages): string {
  const lines = report.files.flatMap((f) => fileSection(f, style, messages));
  if (report.coverage) {
    const { units, uncovered } = report.coverage;
    lines.push("");
    if (uncovered.length === 0) lines.push(style.green(messages.coverageComplete(units)));
    else {
      lines.push(style.yellow(messages.coverageMissing(uncovered.length, units)));
      for (const u of uncovered) lines.push(`  ${u.file}:${u.span.line}:${u.span.column}  ${u.rule}: ${u.description}`);
    }
    const gaps = report.coverage.boundaries.filter((b) => b.missing.length > 0);
    if (gaps.length === 0) lines.push(style.green(messages.boundaryComplete(report.coverage.boundaries.length)));
    else {
      lines.push(style.yellow(messages.boundaryMissing(gaps.length, report.coverage.boundaries.length)));
      for (const b of gaps) lines.push(`  ${b.file}:${b.span.line}:${b.span.column}  ${b.rule} ${b.where}: ${b.text} — ${b.missing.map((p) => messages.boundaryPosition(p)).join(", ")}`);
    }
  }
  lines.push("", summaryLine(report), "");
  return lines.join("\n");
}
