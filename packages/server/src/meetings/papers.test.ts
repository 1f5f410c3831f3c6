import { describe, expect, it } from "vitest";
import { Refusal } from "../refusal.ts";
import { readElectionPaper, readRatingPaper } from "./papers.ts";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof Refusal ? error.code : "not an Refusal";
  }
  return undefined;
}

describe("election and rating papers", () => {
  const candidates = ["王建国", "李秀英", "张伟", "刘洋"];
  it("counts a paper with at most as many names as seats as valid, more as invalid", () => {
    expect(readElectionPaper(["王建国", "张伟"], candidates, 2, false)).toEqual({ names: ["王建国", "张伟"], valid: true });
    expect(readElectionPaper([], candidates, 2, false)).toEqual({ names: [], valid: true });
    expect(readElectionPaper(["王建国", "张伟", "刘洋"], candidates, 2, false).valid).toBe(false);
  });

  it("takes a write-in only where allowed, and no name twice", () => {
    expect(codeOf(() => readElectionPaper(["赵六"], candidates, 1, false))).toBe("NOT_A_CANDIDATE");
    expect(readElectionPaper([" 赵六 "], candidates, 1, true)).toEqual({ names: ["赵六"], valid: true });
    expect(codeOf(() => readElectionPaper(["张伟", "张伟"], candidates, 3, false))).toBe("DUPLICATE_NAMES");
    expect(codeOf(() => readElectionPaper([" "], candidates, 3, true))).toBe("EMPTY_NAME");
  });

  it("rates every subject once on a declared level", () => {
    const levels = ["满意", "基本满意", "不满意"];
    expect(readRatingPaper({ 乙: "不满意", 甲: "满意" }, ["甲", "乙"], levels)).toEqual({ 甲: "满意", 乙: "不满意" });
    expect(codeOf(() => readRatingPaper({ 甲: "满意" }, ["甲", "乙"], levels))).toBe("INVALID_RATING");
    expect(codeOf(() => readRatingPaper({ 甲: "满意", 乙: "很好" }, ["甲", "乙"], levels))).toBe("INVALID_RATING");
    expect(codeOf(() => readRatingPaper({ 甲: "满意", 乙: "满意", 丙: "满意" }, ["甲", "乙"], levels))).toBe("INVALID_RATING");
  });
});
