/**
 * Keeps the browser tests state-synchronised and independent (issue #15): no file in tests/editor may wait for a time
 * (waitForTimeout, setTimeout, timers/promises), nor hand page.waitForFunction an async function (Playwright takes the
 * returned promise as a truthy answer at once and does not wait for it), nor keep one browser or page in a variable
 * shared by several tests. No browser starts here: the files are read as text.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const EDITOR_TESTS = import.meta.dirname;

/** The source without its comments (so a comment may name what it forbids); strings are kept. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The findings for one file's source, each as "line N: what". */
export function hygieneFindings(source: string): string[] {
  const code = withoutComments(source);
  const findings: string[] = [];
  const lineOf = (index: number) => code.slice(0, index).split("\n").length;
  const rules: [RegExp, string][] = [
    [/\bwaitForTimeout\s*\(/g, "waitForTimeout waits for a time, not a state"],
    [/\bsetTimeout\s*\(/g, "setTimeout waits for a time, not a state"],
    [/["']node:timers\/promises["']/g, "timers/promises sleeps for a time, not a state"],
    [/\bwaitForFunction\s*\(\s*async\b/g, "waitForFunction(async …) does not wait for the promise: poll with expect.poll(() => page.evaluate(…))"],
  ];
  for (const [pattern, what] of rules) for (const match of code.matchAll(pattern)) findings.push(`line ${lineOf(match.index)}: ${what}`);
  // The old story shape: one session in a variable that several tests continue with.
  const tests = [...code.matchAll(/\bit\s*\(/g)].length;
  if (tests > 1) {
    for (const match of code.matchAll(/\blet\s+\w+\s*:\s*(BrowserSession|WorkbenchPage|Page|BrowserContext)\b/g)) {
      findings.push(`line ${lineOf(match.index)}: a ${match[1]} shared by ${tests} tests: give each test its own (fresh-workbench.ts)`);
    }
  }
  return findings;
}

describe("browser test hygiene", () => {
  it("finds each forbidden wait and a shared session, and nothing in comments or in per-test code", () => {
    const bad = [
      "await page.waitForTimeout(150);",
      "await new Promise((r) => setTimeout(r, 100));",
      'import { setTimeout as sleep } from "node:timers/promises";',
      "await page.waitForFunction(async () => (await indexedDB.databases()).length > 0);",
      "await wb.page.waitForFunction(\n  async (name) => name,\n  'x',\n);",
    ].join("\n");
    expect(hygieneFindings(bad)).toEqual([
      "line 1: waitForTimeout waits for a time, not a state",
      "line 2: setTimeout waits for a time, not a state",
      "line 3: timers/promises sleeps for a time, not a state",
      "line 4: waitForFunction(async …) does not wait for the promise: poll with expect.poll(() => page.evaluate(…))",
      "line 5: waitForFunction(async …) does not wait for the promise: poll with expect.poll(() => page.evaluate(…))",
    ]);
    const shared = "let browser: BrowserSession;\nlet wb: WorkbenchPage;\nit('a', () => {});\nit('b', () => {});\n";
    expect(hygieneFindings(shared)).toEqual([
      "line 1: a BrowserSession shared by 2 tests: give each test its own (fresh-workbench.ts)",
      "line 2: a WorkbenchPage shared by 2 tests: give each test its own (fresh-workbench.ts)",
    ]);
    const fine = [
      "// page.waitForTimeout(150) would be a fixed sleep",
      "/* waitForFunction(async () => true) */",
      "await page.waitForFunction(() => document.title === 'x');",
      "await expect.poll(() => page.evaluate(async () => 1)).toBe(1);",
      "let browser: BrowserSession;",
      "it('only one test', () => {});",
      'const url = "http://127.0.0.1/";',
    ].join("\n");
    expect(hygieneFindings(fine)).toEqual([]);
  });

  it("holds for every file in tests/editor", () => {
    const files = readdirSync(EDITOR_TESTS).filter((f) => f.endsWith(".ts") && f !== "test-hygiene.test.ts");
    expect(files.length).toBeGreaterThan(5);
    const findings = files.flatMap((file) => hygieneFindings(readFileSync(join(EDITOR_TESTS, file), "utf8")).map((f) => `${file} ${f}`));
    expect(findings).toEqual([]);
  });
});
