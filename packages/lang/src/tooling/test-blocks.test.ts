/** Test blocks: exact fractions in expectations, grades checked against the rule, and a mistake that fails only its own test. */

import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { localizeTestResult, runTests } from "./testing.ts";
import type { CompiledModule } from "../types.ts";

const CARD = `scorecard 测评 {
  input 满意: count
  input 不满意: count
  let 满意率 = 满意 / (满意 + 不满意)
  criterion 认可 max 10 {
    10 when 满意率 >= 2/3
     0 otherwise
  }
  grade {
    "优秀" when score >= 10
    "一般" otherwise
  }
}
`;

describe("test blocks", () => {
  it.each([
    ["2/3", true],
    ["-2/-3", false],
    ["0.6667", false],
    ["4/6", true],
  ])("expect 满意率 = %s is an exact fraction (passes: %s)", (value, passes) => {
    const module = compile(`${CARD}test "t" {\n  测评(满意: 2, 不满意: 1)\n    expect 满意率 = ${value}\n}\n`);
    if (value === "-2/-3") {
      // A negative denominator is not a literal the grammar takes.
      expect(module.diagnostics.map((d) => d.code)).toContain("SYNTAX");
      return;
    }
    expect(module.diagnostics).toEqual([]);
    expect(runTests(module).passed).toBe(passes ? 1 : 0);
  });

  it("refuses a grade the rule never gives, and suggests the one meant", () => {
    const module = compile(`${CARD}test "t" {\n  测评(满意: 2, 不满意: 1)\n    expect grade = "优秀 "\n}\n`);
    const d = module.diagnostics.find((x) => x.code === "UNKNOWN_GRADE");
    expect(d?.message).toBe(`'测评' has no grade "优秀 "; its grades are "优秀", "一般"; did you mean "优秀"?`);
    expect(d?.span).toMatchObject({ line: 16, column: 20 });
  });

  it("runs every other test when one test has a mistake; that test fails with its error", () => {
    const source = `${CARD}
test "good one" {
  测评(满意: 9, 不满意: 1)
    expect grade = "优秀"
}

test "typo" {
  测评(满意: 9, 不满意: 1)
    expect 满义率 = 90%
}

test "good two" {
  测评(满意: 1, 不满意: 9)
    expect grade = "一般"
}
`;
    const module = compile(source);
    expect(module.ok).toBe(false);
    expect(module.rulesOk).toBe(true);
    const run = runTests(module);
    expect(run.results.map((r) => [r.name, r.passed, r.error?.code])).toEqual([
      ["good one", true, undefined],
      ["typo", false, "UNKNOWN_EXPECTATION"],
      ["good two", true, undefined],
    ]);
  });

  it("still stops the file when a rule itself has an error", () => {
    const module = compile(CARD.replace("满意 / (满意 + 不满意)", "满意 / (满意 + 不满") + `test "t" {\n  测评(满意: 1, 不满意: 1)\n    expect grade = "一般"\n}\n`);
    expect(module.rulesOk).toBe(false);
  });
});

describe("running one test by name, in the author's language", () => {
  let module: CompiledModule;
  beforeEach(() => {
    module = compile(`${CARD}test "零票" {\n  测评(满意: 0, 不满意: 0)\n    expect 满意率 = 1\n}\ntest "零票 again" {\n  测评(满意: 1, 不满意: 0)\n    expect 满意率 = 1\n}\n`);
  });

  it.each([
    [{ name: "零票" }, ["零票"]],
    [{ filter: "零票" }, ["零票", "零票 again"]],
    [{ name: "零" }, []],
  ])("runTests(%j) runs %j", (options, names) => {
    expect(runTests(module, options).results.map((r) => r.name)).toEqual(names);
  });

  it("localizes the evaluation error, also where it stands as an expectation's actual value", () => {
    const [english] = runTests(module, { name: "零票" }).results;
    const chinese = localizeTestResult(english!, "zh");
    expect(chinese.error?.code).toBe(english!.error?.code);
    expect(chinese.error?.message).not.toBe(english!.error?.message);
    expect(chinese.expectations.map((e) => e.actual)).toEqual([`error ${chinese.error!.code}: ${chinese.error!.message}`]);
    expect(localizeTestResult(english!, "en")).toEqual(english);
  });
});
