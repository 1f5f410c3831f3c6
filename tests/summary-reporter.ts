/**
 * Ends a test run with the plain line `N passed, N failed` (and `, N skipped` when any were) that CI
 * systems read. A run vitest fails never closes with "0 failed".
 */

import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

/** Counts of one finished run, as the closing line states them. */
export interface RunTally {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts tests by outcome, and each error outside a test (import, syntax, hook, unhandled) as one failure. */
export function tallyRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  reason: TestRunEndReason,
): RunTally {
  const tally: RunTally = { passed: 0, failed: 0, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") tally.passed++;
      else if (state === "failed") tally.failed++;
      else tally.skipped++;
    }
    // Errors of a module or suite are those no test owns: the file failed to import or parse, or a
    // beforeAll/afterAll threw. A throwing beforeAll leaves its tests skipped, so only this counts it.
    tally.failed += module.errors().length;
    for (const suite of module.children.allSuites()) tally.failed += suite.errors().length;
  }
  tally.failed += unhandledErrors.length;
  // Vitest may fail a run for something not listed above (no test files, an interrupted run): the
  // line must still not read as a success.
  if (reason !== "passed" && tally.failed === 0) tally.failed = 1;
  return tally;
}

/** The closing line for a tally, without its line breaks. */
export function closingLine({ passed, failed, skipped }: RunTally): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    process.stdout.write(`\n${closingLine(tallyRun(testModules, unhandledErrors, reason))}\n`);
  }
}
