import { compile, runTests } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { newRuleFileSource } from "./rule-templates";

describe("newRuleFileSource", () => {
  it.each(["market_plan", "村民会议", "plan-2026", "Budget"].flatMap((name) => [[name, "en"], [name, "zh-CN"]] as const))("gives %s a file that compiles and whose test passes (%s)", (name, locale) => {
    const module = compile(newRuleFileSource(name, locale), { file: `${name}.gavel` });
    expect(module.diagnostics).toEqual([]);
    expect(module.rules).toHaveLength(1);
    const run = runTests(module);
    expect(run.failed).toBe(0);
    expect(run.passed).toBe(1);
  });

  it("speaks the UI's language in its comment, explanations and test name", () => {
    const zh = newRuleFileSource("村民会议", "zh-CN");
    expect(zh).toContain("写明这条规则依据的制度条文");
    expect(zh).not.toMatch(/describe|members|votes cast|majority/);
  });

  it("names the rule after the file, with dashes made into underscores", () => {
    expect(compile(newRuleFileSource("plan-2026")).rules[0]!.name).toBe("plan_2026");
  });
});
