/** TAP version 13: one test point per test block, with a YAML block explaining each failure. */
import type { TestResult } from "@gavel-rules/lang";
import { isBroken, summaryLine, type TestReport } from "../test-report.ts";

// In a TAP description '#' starts a directive; a line break would end the point.
const description = (text: string): string => text.replace(/\\/g, "\\\\").replace(/#/g, "\\#").replace(/[\r\n]+/g, " ");

// JSON strings are valid YAML scalars, so quoting with JSON.stringify is always safe.
const yaml = (value: string | number): string => (typeof value === "number" ? String(value) : JSON.stringify(value));

function failureYaml(file: string, result: TestResult): string[] {
  const lines = ["  ---", `  file: ${yaml(file)}`, `  line: ${result.span.line}`, `  rule: ${yaml(result.rule)}`];
  const failed = result.expectations.filter((e) => !e.passed);
  if (failed.length > 0) {
    lines.push("  failures:");
    for (const e of failed) lines.push(`    - expectation: ${yaml(e.text)}`, `      expected: ${yaml(e.expected)}`, `      actual: ${yaml(e.actual)}`);
  }
  if (result.error) lines.push(`  error: ${yaml(`${result.error.code}: ${result.error.message}`)}`);
  if (result.result) {
    lines.push("  explanation:");
    for (const step of result.result.explanation) lines.push(`    - ${yaml(`[${step.clause}] ${step.text}: ${step.detail}`)}`);
  }
  lines.push("  ...");
  return lines;
}

/** The whole run as a TAP 13 stream. */
export function tapReport(report: TestReport): string {
  const lines = ["TAP version 13", `1..${report.passed + report.failed}`];
  let n = 0;
  for (const file of report.files) {
    if (isBroken(file)) {
      lines.push(`not ok ${++n} - ${description(`${file.file} › compile`)}`, "  ---", `  file: ${yaml(file.file)}`, "  diagnostics:");
      for (const d of file.compileErrors) lines.push(`    - ${yaml(`${d.span.line}:${d.span.column}: ${d.severity} ${d.code} ${d.message}`)}`);
      lines.push("  ...");
    }
    for (const result of file.results) {
      lines.push(`${result.passed ? "ok" : "not ok"} ${++n} - ${description(`${file.file} › ${result.name}`)}`);
      if (!result.passed) lines.push(...failureYaml(file.file, result));
    }
  }
  if (report.coverage) {
    for (const u of report.coverage.uncovered) lines.push(`# not covered: ${u.file}:${u.span.line}:${u.span.column} ${u.rule}: ${u.description}`);
  }
  lines.push(`# ${summaryLine(report)}`, "");
  return lines.join("\n");
}
