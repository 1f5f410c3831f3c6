/** Finding test blocks without compiling (the Testing view lists them while the file is being edited) and reading the JSON report. */
import { describe, expect, it } from "vitest";
import { discoverTests, parseTestReport } from "./test-blocks.ts";

describe("discoverTests", () => {
  it("finds each test block with its 0-based line and its name unescaped, and ignores strings and comments", () => {
    const source = [
      `# test "not a test: a comment"`,
      `vote v "test \\"x\\" {" {`,
      `  quorum: present > 0`,
      `  passes: yes > 0`,
      `}`,
      `test "满意 \\"票\\" 通过" {`,
      `  v(entitled: 1, present: 1, yes: 1, no: 0, abstain: 0)`,
      `}`,
      `\ttest "indented" {`,
      `testing "no" {`,
    ].join("\r\n");
    expect(discoverTests(source)).toEqual([{ name: '满意 "票" 通过', line: 5 }, { name: "indented", line: 8 }]);
  });
});

describe("parseTestReport", () => {
  it("reads a JSON report and refuses what is not one", () => {
    expect(parseTestReport(`{"passed":1,"failed":0,"durationMs":1,"files":[]}`)).toEqual({ passed: 1, failed: 0, durationMs: 1, files: [] });
    expect(parseTestReport("error: unknown option")).toBeUndefined();
    expect(parseTestReport(`{"passed":1}`)).toBeUndefined();
  });
});
