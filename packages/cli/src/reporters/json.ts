/** The run as one JSON document, for scripts and dashboards. */
import type { TestResult } from "@gavel-rules/lang";
import type { TestReport } from "../test-report.ts";

function testJson(result: TestResult) {
  return {
    name: result.name,
    rule: result.rule,
    passed: result.passed,
    line: result.span.line,
    column: result.span.column,
    expectations: result.expectations.map((e) => ({ text: e.text, passed: e.passed, expected: e.expected, actual: e.actual, line: e.span.line })),
    ...(result.error ? { error: result.error } : {}),
    // The full result (with its explanation) only where someone needs to read why.
    ...(!result.passed && result.result ? { result: result.result } : {}),
  };
}

/** The whole run as pretty-printed JSON: counts, files, tests, and coverage when measured. */
export function jsonReport(report: TestReport): string {
  const document = {
    passed: report.passed,
    failed: report.failed,
    durationMs: Math.round(report.durationMs),
    files: report.files.map((file) => ({
      file: file.file,
      compiled: file.compileErrors.length === 0,
      diagnostics: file.compileErrors.map((d) => ({ severity: d.severity, code: d.code, message: d.message, line: d.span.line, column: d.span.column })),
      tests: file.results.map(testJson),
    })),
    ...(report.coverage
      ? {
          coverage: {
            units: report.coverage.units,
            uncovered: report.coverage.uncovered.map((u) => ({ file: u.file, id: u.id, rule: u.rule, description: u.description, line: u.span.line, column: u.span.column })),
            boundaries: report.coverage.boundaries.map((b) => ({
              file: b.file,
              id: b.id,
              rule: b.rule,
              where: b.where,
              threshold: b.text,
              name: b.name,
              line: b.span.line,
              column: b.span.column,
              below: b.below,
              on: b.on,
              above: b.above,
              missing: b.missing,
              ...(b.impossible.length > 0 ? { impossible: b.impossible } : {}),
            })),
          },
        }
      : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
