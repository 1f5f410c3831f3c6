import { describe, expect, it } from "vitest";
import { rankByScore, rationalOf } from "./ranking.ts";

describe("ranking by exact score", () => {
  it("orders by exact value, not by rounded decimals, and ties share a rank", () => {
    const third = { num: "1", den: "3", decimal: "0.3333" };
    const nearlyThird = { num: "3333", den: "10000", decimal: "0.3333" };
    const ranked = rankByScore([
      { id: "a", score: nearlyThird },
      { id: "b", score: 1 },
      { id: "c", score: third },
      { id: "d", score: { num: "2", den: "6", decimal: "0.3333" } },
      { id: "e", score: 0.5 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ["b", 1],
      ["e", 2],
      ["c", 3],
      ["d", 3],
      ["a", 5],
    ]);
  });

  it("reads integers, decimals and fractions exactly", () => {
    expect(rationalOf(0.1).add(rationalOf(0.2)).eq(rationalOf(0.3))).toBe(true);
    expect(rationalOf({ num: "-4", den: "6", decimal: "-0.6667" }).toString()).toBe(rationalOf({ num: "-2", den: "3", decimal: "" }).toString());
  });
});
