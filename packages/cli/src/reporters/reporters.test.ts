/** The four reporters on one real run: a passing file, a failing file (Chinese names), a file that does not compile. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFiles } from "../commands/test.ts";
import { createContext } from "../context.ts";
import { memoryIo } from "../io.ts";
import { messagesFor } from "../messages.ts";
import { createStyle } from "../style.ts";
import type { TestReport } from "../test-report.ts";
import { jsonReport } from "./json.ts";
import { escapeXml, junitReport } from "./junit.ts";
import { tapReport } from "./tap.ts";
import { textReport } from "./text.ts";

const passing = `import "std/major-matter.gavel"

test "roster 30: 21 present and 16 yes passes" {
  major_matter(entitled: 30, present: 21, yes: 16, no: 5, abstain: 0)
    expect outcome = passed
}
`;

const failing = `vote 简单多数 "简单多数" {
  quorum: present > 1/2 of entitled "过半数到会"
  passes: yes > 1/2 of present "到会过半数赞成"
}

test "过半数赞成通过" {
  简单多数(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)
    expect outcome = passed
}

test "平票 <&> 算通过 (wrong)" {
  简单多数(entitled: 10, present: 6, yes: 3, no: 3, abstain: 0)
    expect outcome = passed
}
`;

const broken = `vote x "x" {
  quorum: attendance > 1/2 of entitled
  passes: yes > 1/2 of present
}
`;

function parseXml(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
  const root = doc.documentElement;
  if (!root) throw new Error("no root element");
  return root;
}

const children = (parent: Element, tag: string): Element[] => Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === tag);

describe("reporters", () => {
  let root: string;
  let report: TestReport;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "gavel-reporters-"));
    writeFileSync(join(root, "passing.gavel"), passing);
    writeFileSync(join(root, "failing.gavel"), failing);
    writeFileSync(join(root, "broken.gavel"), broken);
    const ctx = createContext(memoryIo({ cwd: root }), "en");
    report = testFiles(["passing.gavel", "failing.gavel", "broken.gavel"].map((f) => join(root, f)), { coverage: true }, ctx);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("counts every test and one failure for the file that does not compile", () => {
    expect(report.passed).toBe(2);
    expect(report.failed).toBe(2);
    expect(report.files.map((f) => [f.file, f.results.length, f.compileErrors.length > 0])).toEqual([
      ["passing.gavel", 1, false],
      ["failing.gavel", 2, false],
      ["broken.gavel", 0, true],
    ]);
  });

  it("measures coverage over the whole run: the failing file's rule never reaches no_quorum", () => {
    const uncovered = report.coverage?.uncovered.filter((u) => u.file === "failing.gavel").map((u) => u.id);
    expect(uncovered).toEqual(expect.arrayContaining(["简单多数:outcome:no_quorum", "简单多数:quorum:false"]));
    expect(uncovered).not.toContain("简单多数:outcome:passed");
  });

  it("writes well-formed JUnit XML whose counts match the run", () => {
    const suites = parseXml(junitReport(report));
    expect(suites.tagName).toBe("testsuites");
    expect(suites.getAttribute("tests")).toBe("4");
    expect(suites.getAttribute("failures")).toBe("2");
    const suite = children(suites, "testsuite");
    expect(suite.map((s) => [s.getAttribute("name"), s.getAttribute("tests"), s.getAttribute("failures")])).toEqual([
      ["passing.gavel", "1", "0"],
      ["failing.gavel", "2", "1"],
      ["broken.gavel", "1", "1"],
    ]);
    for (const s of suite) expect(children(s, "testcase").length).toBe(Number(s.getAttribute("tests")));
    const [ok, wrong] = children(suite[1] as Element, "testcase");
    expect(ok?.getAttribute("name")).toBe("过半数赞成通过");
    expect(children(ok as Element, "failure")).toHaveLength(0);
    expect(wrong?.getAttribute("name")).toBe("平票 <&> 算通过 (wrong)");
    const failure = children(wrong as Element, "failure")[0];
    // The failed expectation's line (13 of \`failing\`, counted by hand) starts the message, FILE:LINE: as CI annotators parse it.
    expect(failure?.getAttribute("message")).toBe("failing.gavel:13: expect outcome = passed: expected passed, got rejected");
    expect(wrong?.getAttribute("classname")).toBe("failing.gavel");
    expect(failure?.textContent).toContain("3 > 1/2 × 6 = 3 → false");
    const compile = children(suite[2] as Element, "testcase")[0];
    expect(compile?.getAttribute("name")).toBe("compile");
    expect(children(compile as Element, "failure")[0]?.getAttribute("type")).toBe("CompileError");
    expect(children(compile as Element, "failure")[0]?.textContent).toMatch(/^broken\.gavel:2:\d+: error UNDEFINED_NAME /);
  });

  it("escapes XML specials and drops characters XML cannot carry", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;\uFFFD");
  });

  it("writes a TAP 13 stream whose plan matches its points", () => {
    const tap = tapReport(report).trimEnd().split("\n");
    expect(tap[0]).toBe("TAP version 13");
    expect(tap[1]).toBe("1..4");
    const points = tap.filter((l) => /^(not )?ok \d+ /.test(l));
    expect(points).toEqual(["ok 1 - passing.gavel › roster 30: 21 present and 16 yes passes", "ok 2 - failing.gavel › 过半数赞成通过", "not ok 3 - failing.gavel › 平票 <&> 算通过 (wrong)", "not ok 4 - broken.gavel › compile"]);
    expect(tap).toContain('      actual: "rejected"');
    expect(tap.at(-1)).toBe("# 2 passed, 2 failed");
  });

  it("writes JSON with counts, each test and, for failures, the result with its explanation", () => {
    const json = JSON.parse(jsonReport(report)) as {
      passed: number;
      failed: number;
      files: { file: string; compiled: boolean; tests: { name: string; passed: boolean; result?: { outcome: string } }[] }[];
      coverage: { units: number; uncovered: unknown[] };
    };
    expect([json.passed, json.failed]).toEqual([2, 2]);
    expect(json.files.map((f) => f.compiled)).toEqual([true, true, false]);
    const failed = json.files[1]?.tests.find((t) => !t.passed);
    expect(failed?.result?.outcome).toBe("rejected");
    expect(json.files[1]?.tests.find((t) => t.passed)?.result).toBeUndefined();
    expect(json.coverage.uncovered.length).toBeGreaterThan(0);
  });

  it("writes readable text: the failure with expected, actual and explanation; the closing count last", () => {
    const text = textReport(report, createStyle(memoryIo()), messagesFor("en"));
    const lines = text.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("2 passed, 2 failed");
    expect(text).toContain("✗ 平票 <&> 算通过 (wrong) (简单多数) at failing.gavel:11:1");
    expect(text).toMatch(/expected: passed\n\s+actual: {3}rejected/);
    expect(text).toContain("3 > 1/2 × 6 = 3 → false");
    expect(text).toMatch(/broken\.gavel {2}does not compile\n {2}broken\.gavel:2:\d+: error UNDEFINED_NAME/);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it("colours text only when asked to", () => {
    const coloured = textReport(report, createStyle(memoryIo({ isTTY: true })), messagesFor("zh"));
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured).toContain("期望");
    expect(coloured.trimEnd().split("\n").at(-1)).toBe("2 passed, 2 failed");
    expect(textReport(report, createStyle(memoryIo({ isTTY: true, env: { NO_COLOR: "1" } })), messagesFor("en"))).not.toMatch(/\u001b\[/);
  });
});
