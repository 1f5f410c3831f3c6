import { describe, expect, it } from "vitest";
import type { ExplanationStep, RatingResult } from "@gavel-rules/lang";
import { clauseWords, fractionWords, gradeWords, ratingSummary } from "./notice-words.ts";

const step = (text: string, result: boolean): ExplanationStep => ({ clause: "c", text, detail: "", result, span: { line: 1, column: 1 } });

describe("notice words", () => {
  it("names the fractions of the statutes", () => {
    expect([fractionWords("1/2"), fractionWords("2/3"), fractionWords("1/3"), fractionWords("3/4"), fractionWords("75%"), fractionWords("11/20")]).toEqual([
      "一半",
      "三分之二",
      "三分之一",
      "四分之三",
      "百分之75",
      "20分之11",
    ]);
  });

  it("reads a clause with its number, held or not", () => {
    const facts = { entitled: 31, present: 25, yes: 16 };
    expect(clauseWords(step("present > 2/3 of entitled", true), facts)).toBe("实到25人，超过应到人数的三分之二");
    expect(clauseWords(step("yes > 1/2 of entitled", false), facts)).toBe("赞成16票，未超过应到人数的一半");
    expect(clauseWords(step("王建国: votes >= 1/3 of ballots", false), { ballots: 30 }, new Map([["王建国", 9]]))).toBe("王建国9票，不足收回选票数的三分之一");
    expect(clauseWords(step("ballots > voters", false), { ballots: 30, voters: 30 })).toBe("收回选票30张，未超过参加投票人数（30）");
  });

  it("leaves out what it cannot read", () => {
    expect(clauseWords(step("3 seats, round 1: the most votes among those qualified win", true), {})).toBeUndefined();
    expect(clauseWords(step("turnout > 1/2 of entitled", true), { entitled: 3 })).toBeUndefined();
  });
});

describe("rating words", () => {
  const rating = (counts: Record<string, number>, grade: string, values: Record<string, unknown>, step: Partial<ExplanationStep>): RatingResult => ({
    rule: "r",
    label: "r",
    kind: "rating",
    grade,
    ballots: Object.values(counts).reduce((a, b) => a + b, 0),
    levels: Object.entries(counts).map(([name, count]) => ({ name, count, share: 0 })),
    counts,
    values: values as RatingResult["values"],
    explanation: [{ clause: "grade", text: "", detail: "", result: grade, span: { line: 1, column: 1 }, ...step }],
  });

  it("names the deciding condition with its count, or every condition not met", () => {
    const best = rating({ 满意: 26, 基本满意: 4, 不满意: 1 }, "优秀", { 认可率: { num: "30", den: "31", decimal: "0.9677" } }, { text: '"优秀" when 满意 >= 2/3 of ballots' });
    expect(ratingSummary("周书记", best)).toBe("周书记：满意26票，基本满意4票，不满意1票（共31票）；认可率30/31；满意26票，达到测评票数的三分之二，评为优秀");
    const low = rating({ 满意: 5, 基本满意: 5, 不满意: 21 }, "不称职", { 认可率: { num: "10", den: "31", decimal: "0.3226" } }, { text: '"不称职" when 认可率 < 2/3' });
    expect(gradeWords(low)).toBe("认可率10/31，少于三分之二，评为不称职");
    const middle = rating({ 满意: 10, 基本满意: 16, 不满意: 5 }, "称职", {}, { text: '"称职" otherwise', detail: "26/31 < 2/3 → false; 10 >= 2/3 × 31 = 62/3 → false; otherwise" });
    expect(gradeWords(middle)).toBe("26/31 < 2/3 不成立，10 >= 2/3 × 31 = 62/3 不成立，评为称职");
  });
});
