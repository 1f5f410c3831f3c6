/** Boundary coverage: which tests sit one below, on and one above each threshold, worked out by hand. */

import { describe, expect, it } from "vitest";
import { boundaryHits, boundaryResults, boundaryThresholds } from "./boundary-coverage.ts";
import { compile } from "../compile/compiler.ts";
import { runTests } from "./testing.ts";

function report(source: string) {
  const m = compile(source);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const run = runTests(m);
  expect(run.failed).toBe(0);
  return Object.fromEntries(boundaryResults(boundaryThresholds(m), boundaryHits(m, run)).map((b) => [b.id, { below: b.below, on: b.on, above: b.above, missing: b.missing }]));
}

describe("boundary coverage", () => {
  it("a vote: each clause against its needed count in each test", () => {
    const r = report(`vote v "v" {
  quorum: present > 2/3 of entitled
  passes: yes >= 1/2 of present
}
test "21 of 30 present (needed 21), 12 yes of 21 (needed 11)" {
  v(entitled: 30, present: 21, yes: 12, no: 9, abstain: 0)
    expect outcome = passed
}
test "20 of 30 present (needed 21), 10 yes of 20 (needed 10)" {
  v(entitled: 30, present: 20, yes: 10, no: 10, abstain: 0)
    expect outcome = no_quorum
}`);
    expect(r["v:quorum"]).toEqual({ below: true, on: true, above: false, missing: ["above"] });
    expect(r["v:passes"]).toEqual({ below: false, on: true, above: true, missing: ["below"] });
  });

  it("a scorecard: each comparison of a band, counts by ±1, ratios by side, positions no input can reach left out", () => {
    const r = report(`scorecard s "s" {
  input days: count max 12
  input rate: ratio
  criterion a max 10 {
    10 when days >= 12
     5 when days > 6
     0 otherwise
  }
  criterion b max 5 {
    5 when rate >= 90%
    0 otherwise
  }
  grade {
    "好" when b = 5
    "差" otherwise
  }
}
test "t1" {
  s(days: 11, rate: 0.9)
    expect a = 5
}
test "t2" {
  s(days: 12, rate: 0.95)
    expect a = 10
}
test "t3" {
  s(days: 7, rate: 0.95)
    expect a = 5
}`);
    // days >= 12: 11 below, 12 on; 13 is over the input's max 12.
    expect(r["s:a:0:0"]).toEqual({ below: true, on: true, above: false, missing: [] });
    // days > 6: needed 7; 7 is on, no test at 6 or 8.
    expect(r["s:a:1:0"]).toEqual({ below: false, on: true, above: false, missing: ["below", "above"] });
    // rate >= 90%: 0.9 on, 0.95 above, nothing under.
    expect(r["s:b:0:0"]).toEqual({ below: false, on: true, above: true, missing: ["below"] });
    // b = 5 where b is 0 or 5: every test has 5; nothing can be above 5.
    expect(r["s:grade:0:0"]).toEqual({ below: false, on: true, above: false, missing: ["below"] });
  });

  it("a scorecard's sub-criteria and band lets have their thresholds too", () => {
    const r = report(`scorecard s "s" {
  input visits: count max 12
  let level = {
    2 when visits >= 10
    0 otherwise
  } "level"
  criterion total max 10 {
    criterion a max 6 {
      6 when visits >= 6
      0 otherwise
    }
    criterion b max 4 {
      4 when level = 2
      0 otherwise
    }
  }
}
test "t1" {
  s(visits: 6)
    expect a = 6
}
test "t2" {
  s(visits: 9)
    expect b = 0
}`);
    // visits >= 6 in sub-criterion a: 6 is on, nothing at 5 or 7.
    expect(r["s:a:0:0"]).toEqual({ below: false, on: true, above: false, missing: ["below", "above"] });
    // visits >= 10 in the band let: 9 is one below.
    expect(r["s:level:0:0"]).toEqual({ below: true, on: false, above: false, missing: ["on", "above"] });
  });

  it("an election: each candidate's votes against the votes needed", () => {
    const r = report(`election e "e" {
  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff:  votes >= 1/3 of ballots
}
test "round 1" {
  e(registered: 100, voters: 60, ballots: 60, invalid: 0, seats: 3, round: 1, candidates: {"甲": 30, "乙": 31, "丙": 32})
    expect outcome = runoff
}`);
    expect(r["e:elected"]).toEqual({ below: true, on: true, above: true, missing: [] });
    expect(r["e:runoff"]!.missing).toEqual(["below", "on", "above"]);
    // ballots > voters: needed 61, 60 is one below.
    expect(r["e:void"]).toEqual({ below: true, on: false, above: false, missing: ["on", "above"] });
  });
});
