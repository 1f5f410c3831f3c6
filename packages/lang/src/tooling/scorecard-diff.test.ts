/** Scorecard diffs: band boundaries that move, and the grid inputs whose score or grade changes, against a hand oracle. */

import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { semanticDiff } from "./semantic-diff.ts";
import type { ScorecardDiff } from "./scorecard-diff.ts";

const card = (days: number, good: number) => `scorecard c "c" {
  input days: count max 20
  input late: boolean
  criterion training max 10 {
    10 when days >= ${days}
     0 otherwise
  }
  criterion punctual max 5 {
    5 when not late
    0 otherwise
  }
  grade {
    "好" when score >= ${good}
    "中" otherwise
  }
}`;

function diff(before: string, after: string): ScorecardDiff {
  const a = compile(before);
  const b = compile(after);
  const d = semanticDiff(a, "c", b, "c", { from: 0, to: 0 }, { examples: 100 });
  if (!d.ok || d.diff.kind !== "scorecard") throw new Error("not a scorecard diff");
  return d.diff;
}

/** The scorecard by hand: 10 for days ≥ d, 5 when on time; 好 from `good`. */
const oracle = (d: number, good: number, days: number, late: boolean) => {
  const score = (days >= d ? 10 : 0) + (late ? 0 : 5);
  return { score, grade: score >= good ? "好" : "中" };
};

describe("scorecard diff", () => {
  it("moves the training boundary 10 → 12: the grid is each threshold ±1 and the bounds, and 10, 11 change", () => {
    const d = diff(card(10, 15), card(12, 15));
    expect(d.shifts).toEqual([{ where: "criterion training, band 1", old: "days >= 10", new: "days >= 12", name: "days", old_threshold: 10, new_threshold: 12 }]);
    // days: 9, 10, 11 (around 10), 11, 12, 13 (around 12), 0 and 20 (the bounds) — 7 values; late: 2.
    const days = [0, 9, 10, 11, 12, 13, 20];
    expect([d.tallies, d.grid]).toEqual([14, "14"]);
    const changed = days.flatMap((x) => [false, true].map((late) => ({ x, late }))).filter(({ x, late }) => JSON.stringify(oracle(10, 15, x, late)) !== JSON.stringify(oracle(12, 15, x, late)));
    expect(d.changed).toBe(changed.length);
    expect(d.changed).toBe(4);
    for (const e of d.examples) {
      const days = e.input["days"] as number;
      const late = e.input["late"] as boolean;
      expect(e.old).toEqual(oracle(10, 15, days, late));
      expect(e.new).toEqual(oracle(12, 15, days, late));
    }
  });

  it("moves a grade boundary: only the grade of some inputs changes", () => {
    const d = diff(card(10, 15), card(10, 10));
    expect(d.shifts).toEqual([{ where: "grade band 1", old: "score >= 15", new: "score >= 10", name: "score", old_threshold: 15, new_threshold: 10 }]);
    // Score 10 (days ≥ 10, late) becomes 好: days 10, 11, 20 with late.
    expect(d.examples.map((e) => [e.input["days"], e.input["late"]])).toEqual([[10, true], [11, true], [20, true]]);
    expect(d.changed).toBe(3);
  });

  it("the same scorecard changes nothing", () => {
    const d = diff(card(10, 15), card(10, 15));
    expect([d.changed, d.shifts]).toEqual([0, []]);
  });
});
