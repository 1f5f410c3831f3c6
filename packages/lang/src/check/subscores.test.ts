import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import type { CompiledModule, CompiledRule } from "../types.ts";
import { format } from "../tooling/formatter.ts";
import { assertProperty } from "../test-support/property.ts";
import { writtenOutcome } from "../test-support/written.ts";

const codes = (src: string) => compile(src).diagnostics.map((d) => d.code);

const STEPS = `scorecard 星级 "星级社区" {
  input 活动次数: count
  input 满意分:   number min 0 max 10
  let 活动分 = {
    10 when 活动次数 >= 12
     6 when 活动次数 >= 6
     0 otherwise
  } "活动得分"
  criterion 服务 "社区服务" max 20 {
    criterion 活动 "组织活动" max 10 {
      活动分 otherwise
    }
    criterion 满意 "群众满意" max 10 {
      10 when 满意分 >= 9
      满意分 when 满意分 >= 6
       0 otherwise
    }
  }
  grade {
    "五星" when score >= 18
    "三星" when 活动 >= 6
    "无星" otherwise
  }
}
`;

/** The policy, written out by hand: the oracle for the scorecard above. */
function policy(活动次数: number, 满意分: number): { score: number; grade: string } {
  const a = 活动次数 >= 12 ? 10 : 活动次数 >= 6 ? 6 : 0;
  const s = 满意分 >= 9 ? 10 : 满意分 >= 6 ? 满意分 : 0;
  const score = a + s;
  return { score, grade: score >= 18 ? "五星" : a >= 6 ? "三星" : "无星" };
}

describe("conditional values and sub-criteria", () => {
  let m: CompiledModule;
  let rule: CompiledRule;
  beforeEach(() => {
    m = compile(STEPS);
    rule = m.rules[0]!;
  });

  it("compiles without diagnostics", () => {
    expect(m.diagnostics).toEqual([]);
  });

  it("gives what the policy gives, with the sub-scores in the result; decide() agrees", () => {
    assertProperty(
      fc.property(fc.nat({ max: 20 }), fc.integer({ min: 0, max: 100 }), (n, pct) => {
        const input = { 活动次数: n, 满意分: pct / 10 };
        // As written (toJSON): the exact evaluator's result, where the object's own score and grade are decide()'s.
        const out = writtenOutcome(rule.evaluate(input));
        if (!out.ok || out.result.kind !== "scorecard") throw new Error(out.ok ? "kind" : out.error.message);
        const want = policy(n, pct / 10);
        const score = typeof out.result.score === "number" ? out.result.score : Number(out.result.score.num) / Number(out.result.score.den);
        expect(score).toBeCloseTo(want.score, 9);
        expect(out.result.grade).toBe(want.grade);
        const parts = out.result.criteria[0]!.parts!.map((p) => p.name);
        expect(parts).toEqual(["活动", "满意"]);
        const d = rule.decide(input);
        expect(d.ok && d.decision.kind === "scorecard" ? [d.decision.score, d.decision.grade] : d).toEqual([out.result.score, out.result.grade]);
      }),
      { numRuns: 300 },
    );
  });

  it("proves bounds through band values and sub-criteria", () => {
    // A band value that can reach 12 is out of a max of 10.
    expect(codes(STEPS.replace("10 when 活动次数 >= 12", "12 when 活动次数 >= 12"))).toContain("POINTS_OUT_OF_RANGE");
    // Sub-criteria whose maxima add up past the parent's.
    expect(codes(STEPS.replace('criterion 服务 "社区服务" max 20', 'criterion 服务 "社区服务" max 15'))).toContain("POINTS_OUT_OF_RANGE");
    // A negative band value.
    expect(codes(STEPS.replace("0 otherwise\n  } \"活动得分\"", "-5 otherwise\n  } \"活动得分\""))).toContain("POINTS_OUT_OF_RANGE");
  });

  it("refuses bands and sub-criteria mixed, and a band let without otherwise", () => {
    const mixed = STEPS.replace('criterion 活动 "组织活动" max 10 {\n      活动分 otherwise\n    }', 'criterion 活动 "组织活动" max 10 {\n      活动分 otherwise\n    }\n    1 otherwise');
    expect(codes(mixed)).toContain("CRITERION_MIXED");
    expect(codes(STEPS.replace("     0 otherwise\n  } \"活动得分\"", "  } \"活动得分\""))).toContain("MISSING_OTHERWISE");
  });

  it("formats to a fixed point that means the same", () => {
    const once = format(STEPS);
    if (!once.ok) throw new Error("format failed");
    expect(format(once.text)).toEqual(once);
    expect(compile(once.text).diagnostics).toEqual([]);
  });
});

describe("the text explanation of sub-criteria", () => {
  it("lists each sub-criterion under its criterion", async () => {
    const { explainText } = await import("../eval/explain.ts");
    const out = compile(STEPS).rules[0]!.evaluate({ 活动次数: 12, 满意分: 7.5 });
    if (!out.ok) throw new Error(out.error.message);
    const text = explainText(out.result);
    expect(text).toContain("  社区服务: 35/2 (≈17.5) / 20");
    expect(text).toContain("    组织活动: 10 / 10");
    expect(text).toContain("    群众满意: 15/2 (≈7.5) / 10");
  });
});
