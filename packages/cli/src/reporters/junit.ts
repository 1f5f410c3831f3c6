/**
 * JUnit XML, the dialect Jenkins, GitLab, GitHub Actions test reporters and Azure read:
 * <testsuites> → one <testsuite> per rule file → one <testcase> per test block, with a
 * <failure> for each failed test. A file that does not compile is one failed testcase.
 *
 * It validates against the Jenkins JUnit schema (the jenkins-junit.xsd of windyroad's JUnit-Schema,
 * used by Jenkins' xunit plugin), which has no `file` or `line` attributes: the file is the
 * testcase's `classname` and a `file` property of its testsuite, and the line starts the failure
 * message and body as `FILE:LINE:`, the form CI annotators parse.
 */
import type { Diagnostic, TestResult } from "@gavel-rules/lang";
import { failureMessage, isBroken, type FileTestReport, type TestReport } from "../test-report.ts";

// XML 1.0 forbids most control characters, even escaped.
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function attributes(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

function failureBody(result: TestResult): string {
  const lines: string[] = [];
  for (const e of result.expectations.filter((x) => !x.passed)) {
    lines.push(`${e.text} (line ${e.span.line})`, `  expected: ${e.expected}`, `  actual:   ${e.actual}`);
  }
  if (result.error) lines.push(`${result.error.code}: ${result.error.message}`);
  if (result.result) {
    lines.push("explanation:");
    for (const step of result.result.explanation) lines.push(`  [${step.clause}] ${step.text}: ${step.detail}`);
  }
  return lines.join("\n");
}

function diagnosticLines(file: string, diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${file}:${d.span.line}:${d.span.column}: ${d.severity} ${d.code} ${d.message}`).join("\n");
}

function testcase(file: FileTestReport, result: TestResult): string {
  const open = `    <testcase${attributes({ name: result.name, classname: file.file })}`;
  if (result.passed) return `${open}/>`;
  const type = result.error && result.expectations.every((e) => e.passed) ? "EvaluationError" : "ExpectationFailed";
  // The first failed expectation's line, else the test block's.
  const line = result.expectations.find((e) => !e.passed)?.span.line ?? result.span.line;
  const at = `${file.file}:${line}`;
  return [
    `${open}>`,
    `      <failure${attributes({ message: `${at}: ${failureMessage(result)}`, type })}>${escapeXml(`${at}: test "${result.name}"\n${failureBody(result)}`)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

function compileFailure(file: FileTestReport): string {
  const first = file.compileErrors[0];
  const at = `${file.file}:${first?.span.line ?? 1}`;
  const message = `${at}: ${file.compileErrors.map((d) => `${d.code} ${d.message}`).join("; ")}`;
  return [
    `    <testcase${attributes({ name: "compile", classname: file.file })}>`,
    `      <failure${attributes({ message, type: "CompileError" })}>${escapeXml(diagnosticLines(file.file, file.compileErrors))}</failure>`,
    "    </testcase>",
  ].join("\n");
}

function testsuite(file: FileTestReport): string {
  const cases = file.results.map((r) => testcase(file, r));
  if (isBroken(file)) cases.unshift(compileFailure(file));
  const failures = file.results.filter((r) => !r.passed).length + (isBroken(file) ? 1 : 0);
  const header = `  <testsuite${attributes({ name: file.file, tests: cases.length, failures, errors: 0, skipped: 0, time: seconds(file.durationMs) })}>`;
  const properties = ["    <properties>", `      <property${attributes({ name: "file", value: file.file })}/>`, "    </properties>"];
  return [header, ...properties, ...cases, "  </testsuite>"].join("\n");
}

/** The whole run as a JUnit XML document. */
export function junitReport(report: TestReport): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: "gavel", tests: report.passed + report.failed, failures: report.failed, errors: 0, time: seconds(report.durationMs) })}>`,
    ...report.files.map(testsuite),
    "</testsuites>",
    "",
  ].join("\n");
}
