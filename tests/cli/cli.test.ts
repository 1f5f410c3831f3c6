/**
 * The real `gavel` command as a subprocess, on real rule files in a temp folder:
 * passing, failing, broken, unformatted, and Chinese identifiers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broken, chinese, failing, failingCanonical, passing, unformatted, unformattedCanonical } from "./rule-fixtures";
import { gavel } from "./run-gavel";

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

function parseXml(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
  if (!doc.documentElement) throw new Error("no root element");
  return doc.documentElement;
}

const childElements = (parent: Element, tag: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === tag);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gavel-cli-e2e-"));
  write("rules/passing.gavel", passing);
  write("rules/failing.gavel", failing);
  write("rules/broken.gavel", broken);
  write("rules/规则/测评.gavel", chinese);
  write("rules/node_modules/ignored/never.gavel", broken);
  write("good/passing.gavel", passing);
  write("good/测评.gavel", chinese);
  write("fmt/unformatted.gavel", unformatted);
  write("fmt/canonical.gavel", failingCanonical);
  write("input.json", JSON.stringify({ entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 }));
  write("zh/有错的规则.gavel", brokenInChinese);
  write("zh-tests/除零.gavel", divisionByZeroTest);
});

/** Several mistakes, with the user's own Chinese names. */
const brokenInChinese = `scorecard 干部考评 {
  input 参训天数: count
  criterion 培训 max 10 {
    10 when 参训天数 >= 15
    6 when 参训天数 >= 10
  }
}

vote 重大事项 {
  quorum: 出席人数 > 1/2 of entitled
  passes: yes / cast >= 90
}
`;

/** A test whose rule divides by zero: the test fails with an evaluation error. */
const divisionByZeroTest = `scorecard 满意度 {
  input 满意: count
  input 票数: count
  criterion 满意率 max 10 { 10 when 满意 / 票数 >= 80% 0 otherwise }
}

test "没有人投票" {
  满意度(满意: 0, 票数: 0)
    expect score = 0
}
`;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("gavel check", () => {
  it("prints each diagnostic as file:line:col: error CODE message and exits 1 on an error", async () => {
    const run = await gavel(["check", "rules"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^rules\/broken\.gavel:2:11: error UNDEFINED_NAME 'attendance' is not defined here.*\n$/);
    expect(run.stderr).toBe("4 files checked: 1 error, 0 warnings.\n");
  });

  it("exits 0 on files without errors, in Chinese when asked", async () => {
    const run = await gavel(["check", "good", "--lang", "zh"], root);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "已检查 2 个文件：0 个错误，0 个警告。\n" });
  });
});

describe("gavel check in Chinese", () => {
  it("--lang zh prints the language's diagnostics in Chinese, keeping codes, positions and the user's names", async () => {
    const run = await gavel(["check", "zh", "--lang", "zh"], root);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "zh/有错的规则.gavel:3:13: error MISSING_OTHERWISE 标准“培训”缺少 otherwise 分档，部分输入将得不到结果；请在最后加上一档 otherwise。",
      "zh/有错的规则.gavel:10:11: error UNDEFINED_NAME 此处未定义“出席人数”。",
      "zh/有错的规则.gavel:11:25: warning RATIO_SCALE 比例的取值在 0 到 1 之间，拿它与 90 比较很可能写错了；是否要写 90%？",
    ]);
    expect(run.stderr).toBe("已检查 1 个文件：2 个错误，1 个警告。\n");
    const english = await gavel(["check", "zh"], root);
    expect(english.stdout).toContain("error UNDEFINED_NAME '出席人数' is not defined here.");
  });

  it("follows a Chinese locale for gavel test and gavel eval errors", async () => {
    const test = await gavel(["test", "zh-tests"], root, { LANG: "zh_CN.UTF-8" });
    expect(test.code).toBe(1);
    expect(test.stdout).toContain("实际:   error DIVISION_BY_ZERO: 满意 / 票数 的除数为零：票数 = 0（满意 = 0，票数 = 0）。\n");
    const evaluated = await gavel(["eval", "rules/passing.gavel", "--rule", "major_matter", "--input", JSON.stringify({ entitled: 30, present: 31, yes: 0, no: 0, abstain: 0 }), "--lang", "zh"], root);
    expect(evaluated.code).toBe(1);
    expect(evaluated.stderr).toContain("INCONSISTENT_COUNTS");
    expect(evaluated.stderr).toContain("实到人数 present（31）不能超过应到人数 entitled（30）");
  });
});

describe("gavel test", () => {
  it("runs every test under the current folder, shows failures with expected, actual and explanation, and exits 1", async () => {
    const run = await gavel(["test"], join(root, "rules"));
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("5 passed, 2 failed");
    expect(run.stdout).toContain("✗ broken.gavel  does not compile\n  broken.gavel:2:11: error UNDEFINED_NAME");
    expect(run.stdout).toContain("✗ a 3-3 tie passes (simple) at failing.gavel:11:1\n      expect outcome = passed\n        expected: passed\n        actual:   rejected\n");
    expect(run.stdout).toContain("[passes] yes > 1/2 of present\n              3 > 1/2 × 6 = 3 → false");
    expect(run.stdout).toContain("✓ passing.gavel  2 tests");
    expect(run.stdout).toContain("✓ 规则/测评.gavel  2 tests");
    expect(run.stdout).not.toContain("never.gavel");
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("writes a JUnit report whose suites, cases and failures match the run", async () => {
    const run = await gavel(["test", "rules", "--reporter", "junit", "--output", "reports/junit.xml"], root);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("5 passed, 2 failed");
    expect(run.stderr).toContain("Wrote the junit report to reports/junit.xml.");
    const suites = parseXml(readFileSync(join(root, "reports/junit.xml"), "utf8"));
    expect(suites.tagName).toBe("testsuites");
    expect([suites.getAttribute("tests"), suites.getAttribute("failures")]).toEqual(["7", "2"]);
    const bySuite = childElements(suites, "testsuite").map((suite) => {
      const cases = childElements(suite, "testcase");
      return {
        name: suite.getAttribute("name"),
        tests: Number(suite.getAttribute("tests")),
        failures: Number(suite.getAttribute("failures")),
        cases: cases.length,
        failed: cases.filter((c) => childElements(c, "failure").length > 0).map((c) => c.getAttribute("name")),
      };
    });
    expect(bySuite).toEqual([
      { name: "rules/broken.gavel", tests: 1, failures: 1, cases: 1, failed: ["compile"] },
      { name: "rules/failing.gavel", tests: 2, failures: 1, cases: 2, failed: ["a 3-3 tie passes"] },
      { name: "rules/passing.gavel", tests: 2, failures: 0, cases: 2, failed: [] },
      { name: "rules/规则/测评.gavel", tests: 2, failures: 0, cases: 2, failed: [] },
    ]);
  });

  it("exits 0 when every test passes; --filter picks tests by name; --coverage lists unexercised bands", async () => {
    const run = await gavel(["test", "good", "--filter", "优秀", "--coverage"], root);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("1 passed, 0 failed");
    expect(run.stdout).toContain("✓ good/测评.gavel  1 test");
    expect(run.stdout).toContain("good/测评.gavel:9:6  民主测评: criterion 认可度, band 2");
    // Band 1 is exercised: it is not among the uncovered units (the boundary lines below them may name it).
    expect(run.stdout).not.toContain("民主测评: criterion 认可度, band 1");
  });
});

describe("gavel fmt", () => {
  it("--check lists unformatted files and exits 1; fmt rewrites them; then --check passes", async () => {
    const check = await gavel(["fmt", "--check", "fmt"], root);
    expect(check).toMatchObject({ code: 1, stdout: "fmt/unformatted.gavel\n" });
    const fmt = await gavel(["fmt", "fmt"], root);
    expect(fmt).toMatchObject({ code: 0, stdout: "formatted fmt/unformatted.gavel\n" });
    expect(readFileSync(join(root, "fmt/unformatted.gavel"), "utf8")).toBe(unformattedCanonical);
    expect(readFileSync(join(root, "fmt/canonical.gavel"), "utf8")).toBe(failingCanonical);
    expect(await gavel(["fmt", "--check", "fmt"], root)).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("gavel eval", () => {
  it("prints the result JSON of a std rule imported from a file", async () => {
    const run = await gavel(["eval", "rules/passing.gavel", "--rule", "major_matter", "--input", "@input.json"], root);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { outcome: string; values: Record<string, unknown>; explanation: { clause: string; detail: string }[] };
    expect(result.outcome).toBe("passed");
    expect(result.values).toEqual({ quorum: true, passes: true });
    expect(result.explanation.map((s) => s.detail)).toEqual(["21 > 2/3 × 30 = 20 → true", "16 > 1/2 × 30 = 15 → true"]);
  });

  it("exits 2 on input that does not fit the rule, saying what is wrong in the user's language", async () => {
    const invalid = await gavel(["eval", "good/测评.gavel", "--input", '{"满意": -1}'], root, { LANG: "zh_CN.UTF-8" });
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe("");
    // Every word in Chinese, the bound included; problems in the order the rule declares its inputs.
    expect(invalid.stderr).toBe("输入与规则 “民主测评” 的输入项不符：\n  - “满意”不能小于 0，给出的是 -1。\n  - 缺少输入项“不满意”。\n");
  });
});

describe("gavel --version and colour", () => {
  it("prints the version, and colours piped output only when forced", async () => {
    const version = JSON.parse(readFileSync(new URL("../../packages/cli/package.json", import.meta.url), "utf8")) as { version: string };
    expect(await gavel(["--version"], root)).toEqual({ code: 0, stdout: `${version.version}\n`, stderr: "" });
    const coloured = await gavel(["check", "rules/broken.gavel"], root, { FORCE_COLOR: "1" });
    expect(coloured.stdout).toMatch(/\u001b\[31m/);
  });
});
