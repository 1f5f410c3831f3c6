/** The CLI run in-process (runCli with an in-memory io): usage, help, languages, fmt and eval edge cases. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "./io.ts";
import { runCli, version } from "./program.ts";

const vote = `vote 过半 "过半数" {
  quorum: present > 1/2 of entitled "过半数到会"
  passes: yes > 1/2 of present "到会过半数赞成"
}
`;

const scorecard = `scorecard ratio "ratio" {
  input good: count "good"
  input total: count "total"

  let share = good / total

  criterion quality "quality" max 10 {
    10 when share >= 90%
     0 otherwise "below 90%"
  }
}
`;

describe("runCli", () => {
  let root: string;
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const io = memoryIo({ cwd: root, env });
    const code = await runCli(argv, io);
    return { code, out: io.out, err: io.err };
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "gavel-cli-"));
    writeFileSync(join(root, "vote.gavel"), vote);
    writeFileSync(join(root, "ratio.gavel"), scorecard);
    writeFileSync(join(root, "input.json"), JSON.stringify({ entitled: 10, present: 6, yes: 4, no: 2, abstain: 0 }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("prints its version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, out: `${version}\n`, err: "" });
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("has --help for every command, in English and in Chinese", async () => {
    for (const command of ["check", "test", "fmt", "eval", "serve"]) {
      const en = await run([command, "--help"]);
      expect(en.code).toBe(0);
      expect(en.out).toContain(`Usage: gavel ${command}`);
    }
    expect((await run(["test", "--help", "--lang", "zh"])).out).toContain("运行所有 test 块");
    expect((await run(["eval", "--help"], { LANG: "zh_CN.UTF-8" })).out).toContain("退出码");
  });

  it("exits 2 on usage errors: no command, unknown command, bad option value, missing required option", async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(["chekc", "."]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'chekc'");
    expect((await run(["test", "--reporter", "xml"])).code).toBe(2);
    expect((await run(["eval", "vote.gavel"])).code).toBe(2);
    expect((await run(["check", "no-such-folder"])).err).toContain("No such file or folder: no-such-folder");
    expect((await run(["check", "no-such-folder"])).code).toBe(2);
  });

  it("exits 2, as ESLint does, when a folder holds no rule files or a path does not exist", async () => {
    mkdirSync(join(root, "empty"), { recursive: true });
    const empty = await run(["test", "empty"]);
    expect(empty).toMatchObject({ code: 2, err: "No .gavel files found in empty.\n" });
    expect(empty.out.trimEnd().split("\n").at(-1)).toBe("0 passed, 0 failed");
    expect((await run(["check", "empty"])).code).toBe(2);
    expect((await run(["fmt", "empty"])).code).toBe(2);
    expect((await run(["test", "vote.gavel", "missing"])).code).toBe(2);
  });

  it("writes JUnit when only --output is given, keeping the readable report on stdout", async () => {
    const result = await run(["test", "vote.gavel", "--output", "out/report.xml"]);
    expect(result.code).toBe(0);
    expect(result.out.trimEnd().split("\n").at(-1)).toBe("0 passed, 0 failed");
    expect(readFileSync(join(root, "out/report.xml"), "utf8")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gavel" tests="0" failures="0"/);
  });

  it("shows the source line under each diagnostic on a terminal only", async () => {
    writeFileSync(join(root, "typo.gavel"), 'vote typo "t" {\n  quorum: presnt > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n');
    const piped = await run(["check", "typo.gavel"]);
    expect(piped.code).toBe(1);
    expect(piped.out).toMatch(/^typo\.gavel:2:11: error UNDEFINED_NAME [^\n]*\n$/);
    const io = memoryIo({ cwd: root, isTTY: true, env: { NO_COLOR: "1" } });
    expect(await runCli(["check", "typo.gavel"], io)).toBe(1);
    expect(io.out.split("\n").slice(1, 3)).toEqual(["  2 |   quorum: presnt > 1/2 of entitled", "    |           ^^^^^^"]);
    rmSync(join(root, "typo.gavel"));
  });

  it("formats in place, and --check then finds nothing to do", async () => {
    const ugly = 'vote  ugly "u" {\nquorum: present > 1/2 of entitled\n      passes: yes > 1/2 of present\n}\n';
    writeFileSync(join(root, "ugly.gavel"), ugly);
    const check = await run(["fmt", "--check", "ugly.gavel"]);
    expect(check).toMatchObject({ code: 1, out: "ugly.gavel\n" });
    const fmt = await run(["fmt", "ugly.gavel"]);
    expect(fmt).toMatchObject({ code: 0, out: "formatted ugly.gavel\n" });
    // The canonical form written out by hand, not computed by the formatter under test.
    const text = readFileSync(join(root, "ugly.gavel"), "utf8");
    expect(text).toBe('vote ugly "u" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n');
    expect(await run(["fmt", "--check", "ugly.gavel"])).toMatchObject({ code: 0, out: "" });
    expect(await run(["fmt", "ugly.gavel"])).toMatchObject({ code: 0, out: "" });
    expect(readFileSync(join(root, "ugly.gavel"), "utf8")).toBe(text);
  });

  it("refuses to format a file with syntax errors (exit 1) and leaves it alone", async () => {
    writeFileSync(join(root, "syntax.gavel"), "vote {\n");
    const result = await run(["fmt", "syntax.gavel"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("Cannot format syntax.gavel");
    expect(readFileSync(join(root, "syntax.gavel"), "utf8")).toBe("vote {\n");
    rmSync(join(root, "syntax.gavel"));
  });

  it("evaluates the only rule of a file from an @file input, as JSON or as text", async () => {
    const json = await run(["eval", "vote.gavel", "--input", "@input.json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ rule: "过半", kind: "vote", outcome: "passed", values: { quorum: true, passes: true } });
    const text = await run(["eval", "vote.gavel", "--rule", "过半", "--input", "@input.json", "--format", "text"]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("4 > 1/2 × 6 = 3 → true");
  });

  it("exits 2 with a clear message for bad input, unknown rules and missing input files", async () => {
    const notJson = await run(["eval", "vote.gavel", "--input", "{entitled: 10}"]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/^The input is not valid JSON: /);
    expect((await run(["eval", "vote.gavel", "--input", "[1, 2]"])).err).toContain("must be a JSON object");
    const invalid = await run(["eval", "vote.gavel", "--input", '{"entitled": 10, "present": -1, "yes": 1.5, "no": 0, "extra": 1}']);
    expect(invalid.code).toBe(2);
    expect(invalid.err.split("\n")).toEqual([
      "The input does not match the inputs of '过半':",
      "  - 'present' must be >= 0, but is -1.",
      "  - 'yes' must be a whole number, not 1.5.",
      "  - Missing input 'abstain'.",
      "  - 'extra' is not an input of this rule.",
      "",
    ]);
    const zh = await run(["eval", "vote.gavel", "--input", '{"entitled": 10}', "--lang", "zh"]);
    expect(zh.err).toContain("缺少输入项“present”。");
    const unknownRule = await run(["eval", "vote.gavel", "--rule", "nope", "--input", "{}"]);
    expect(unknownRule).toMatchObject({ code: 2, err: "There is no rule 'nope' in this file or its imports. Rules: 过半.\n" });
    expect((await run(["eval", "vote.gavel", "--input", "@missing.json"])).code).toBe(2);
    expect((await run(["eval", "missing.gavel", "--input", "{}"])).code).toBe(2);
  });

  it("exits 1 when the evaluation itself fails, naming the error", async () => {
    const zeroBallots = await run(["eval", "ratio.gavel", "--input", '{"good": 0, "total": 0}']);
    expect(zeroBallots.code).toBe(1);
    expect(zeroBallots.err).toMatch(/^Evaluation failed \(DIVISION_BY_ZERO\): /);
    const tooMany = await run(["eval", "vote.gavel", "--input", '{"entitled": 3, "present": 5, "yes": 1, "no": 0, "abstain": 0}']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.err).toContain("INCONSISTENT_COUNTS");
  });

  it("rejects a port that is not a port", async () => {
    const result = await run(["serve", "--port", "http"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Not a valid port: http");
  });
});
