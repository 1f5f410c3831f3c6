import { describe, expect, it } from "vitest";
import type { ExplanationStep } from "@gavel-rules/lang";
import { clauseWords, fractionWords } from "./notice-words.ts";

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
