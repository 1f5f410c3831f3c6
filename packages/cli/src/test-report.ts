/** What a `gavel test` run found, in the shape every reporter reads. */
import type { BoundaryResult, CoverageUnit, Diagnostic, TestResult } from "@gavel-rules/lang";

export interface FileTestReport {
  /** The path as shown to people. */
  file: string;
  /**
   * Errors that kept the file from compiling (or being read). A file with any counts as
   * one failure, and its tests did not run.
   */
  compileErrors: Diagnostic[];
  results: TestResult[];
  durationMs: number;
}

/** A coverage unit no test exercised, with the file that defines its rule. */
export interface UncoveredUnit extends CoverageUnit {
  file: string;
}

/** A threshold of a rule in the run and where its tests sit (see boundary-coverage.ts in lang). */
export interface BoundaryEntry extends BoundaryResult {
  file: string;
}

export interface CoverageReport {
  /** How many units the run's files define. */
  units: number;
  uncovered: UncoveredUnit[];
  /** Every threshold of the run's rules, with below / on / above and the positions missing. */
  boundaries: BoundaryEntry[];
}

export interface TestReport {
  files: FileTestReport[];
  passed: number;
  failed: number;
  durationMs: number;
  coverage?: CoverageReport;
}

/** Whether a file failed to compile (it then counts as one failed test). */
export function isBroken(file: FileTestReport): boolean {
  return file.compileErrors.length > 0;
}

/** Passed and failed counts: every test result, plus one failure per file that does not compile. */
export function countOutcomes(files: readonly FileTestReport[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    if (isBroken(file)) failed += 1;
    for (const result of file.results) {
      if (result.passed) passed += 1;
      else failed += 1;
    }
  }
  return { passed, failed };
}

/** The closing line of every readable test run, exactly `N passed, N failed` in every language. */
export function summaryLine(report: Pick<TestReport, "passed" | "failed">): string {
  return `${report.passed} passed, ${report.failed} failed`;
}

/** Why a test failed, one line: the failed expectations, or the evaluation error. */
export function failureMessage(result: TestResult): string {
  const failed = result.expectations.filter((e) => !e.passed);
  if (failed.length > 0) return failed.map((e) => `${e.text}: expected ${e.expected}, got ${e.actual}`).join("; ");
  if (result.error) return `${result.error.code}: ${result.error.message}`;
  return "failed";
}
