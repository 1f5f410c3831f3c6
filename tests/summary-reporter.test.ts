/**
 * The closing line of tests/summary-reporter.ts, checked on real vitest runs of the fixtures in
 * tests/reporter-fixtures (a folder the main config does not include): each run is a child process,
 * so the line and the exit code are what CI would see.
 */

import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const VITEST = join(ROOT, "node_modules/vitest/vitest.mjs");
const FIXTURE_CONFIG = join(ROOT, "tests/reporter-fixtures/vitest.config.ts");
const CLOSING_LINE = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;

interface FixtureRun {
  exitCode: number | null;
  closingLines: string[];
  output: string;
}

/** Runs vitest on the fixtures matching `filter` (all of them when empty) with only the summary reporter. */
function runFixtures(filter: string[]): FixtureRun {
  // The outer run's VITEST_* variables would make the inner vitest think it is a worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const child = spawnSync(process.execPath, [VITEST, "run", "--config", FIXTURE_CONFIG, ...filter], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 90_000,
  });
  const output = `${child.stdout}\n${child.stderr}`;
  return { exitCode: child.status, closingLines: child.stdout.split("\n").filter((line) => CLOSING_LINE.test(line)), output };
}

const cases: ReadonlyArray<{ fixture: string; line: string; exitCode: number }> = [
  { fixture: "passing", line: "2 passed, 0 failed, 1 skipped", exitCode: 0 },
  { fixture: "failing-test", line: "1 passed, 1 failed", exitCode: 1 },
  { fixture: "throwing-before-all", line: "1 passed, 1 failed, 2 skipped", exitCode: 1 },
  { fixture: "throwing-after-all", line: "1 passed, 1 failed", exitCode: 1 },
  { fixture: "throwing-before-each", line: "0 passed, 2 failed", exitCode: 1 },
  { fixture: "module-before-all", line: "0 passed, 1 failed, 1 skipped", exitCode: 1 },
  { fixture: "module-import-error", line: "0 passed, 1 failed", exitCode: 1 },
  { fixture: "syntax-error", line: "0 passed, 1 failed", exitCode: 1 },
  { fixture: "unhandled-rejection", line: "1 passed, 1 failed", exitCode: 1 },
];

describe("summary reporter closing line", () => {
  it.each(cases)("$fixture ends with $line and exit code $exitCode", ({ fixture, line, exitCode }) => {
    const run = runFixtures([`${fixture}.fixture`]);
    expect(run.closingLines, run.output).toEqual([line]);
    expect(run.exitCode, run.output).toBe(exitCode);
  });

  it("adds the fixtures up when they run together", () => {
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const { line } of cases) {
      const [, passed, failed, skipped] = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line)!;
      total.passed += Number(passed);
      total.failed += Number(failed);
      total.skipped += Number(skipped ?? 0);
    }
    const run = runFixtures([]);
    expect(run.closingLines, run.output).toEqual([`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`]);
    expect(run.exitCode, run.output).toBe(1);
  });

  it("counts a run with no test files as failed, as vitest does", () => {
    const run = runFixtures(["no-such-fixture"]);
    expect(run.closingLines, run.output).toEqual(["0 passed, 1 failed"]);
    expect(run.exitCode, run.output).toBe(1);
  });
});
