/**
 * Margins of vote and election clauses: a table of hand-worked cases for every operator and clause shape, and a
 * property against an independent oracle that scans every count with integer cross-multiplication.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { explainText } from "./explain.ts";
import { percentText } from "./margin-text.ts";
import { assertProperty } from "../test-support/property.ts";
import type { ClauseMargin, CompiledRule, ElectionResult, VoteResult } from "../types.ts";

function voteRule(quorum: string, passes: string, extra = ""): CompiledRule {
  const m = compile(`vote v "v" {\n${extra}\n  quorum: ${quorum}\n  passes: ${passes}\n}`);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return m.rules[0]!;
}

function vote(rule: CompiledRule, entitled: number, present: number, yes: number, no: number, abstain: number): VoteResult {
  const out = rule.evaluate({ entitled, present, yes, no, abstain });
  if (!out.ok) throw new Error(out.error.message);
  return out.result as VoteResult;
}

const pick = (m: ClauseMargin) => ({ count: m.count, needed: m.needed, margin: m.margin, bound: m.bound });

describe("margins of vote clauses", () => {
  it("major matter, roster 31, 25 present, 15 yes: quorum needs 21 (4 to spare), passes needs 16 (short by 1)", () => {
    const r = vote(voteRule("present > 2/3 of entitled", "yes > 1/2 of entitled"), 31, 25, 15, 6, 4);
    expect(r.margins["quorum"]).toEqual({ count: "present", actual: 25, needed: 21, margin: 4, bound: "at_least", range: { min: 0, max: 31 } });
    expect(r.margins["passes"]).toEqual({ count: "yes", actual: 15, needed: 16, margin: -1, bound: "at_least", range: { min: 0, max: 25 } });
    const quorumStep = r.explanation.find((s) => s.clause === "quorum")!;
    expect([quorumStep.needed, quorumStep.margin]).toEqual([21, 4]);
    expect(explainText(r)).toContain("16 yes needed, 15 cast: short by 1");
    expect(explainText(r)).toContain("21 present needed, 25 present: 4 to spare");
    expect(explainText(r, "zh")).toContain("需赞成16票，实得15票，差1票");
    expect(explainText(r, "zh")).toContain("需实到21人，实到25人，多4人");
  });

  // [quorum, passes, facts (entitled, present, yes, no, abstain), expected margin of passes]; worked out by hand.
  const cases: [string, string, [number, number, number, number, number], ReturnType<typeof pick>][] = [
    ["true", "yes >= 2/3 of cast", [30, 21, 14, 7, 0], { count: "yes", needed: 14, margin: 0, bound: "at_least" }], // yes ≥ 2/3(yes+7) ⇔ yes ≥ 14
    ["true", "yes > 1/2 of present", [30, 20, 10, 10, 0], { count: "yes", needed: 11, margin: -1, bound: "at_least" }],
    ["true", "yes > no", [30, 20, 10, 9, 1], { count: "yes", needed: 10, margin: 0, bound: "at_least" }],
    ["true", "no < 1/3 of present", [30, 21, 15, 5, 1], { count: "no", needed: 6, margin: 1, bound: "at_most" }], // no < 7
    ["true", "no <= 1/3 of present", [30, 21, 10, 8, 1], { count: "no", needed: 7, margin: -1, bound: "at_most" }],
    ["true", "abstain = 0", [30, 21, 10, 8, 2], { count: "abstain", needed: 0, margin: -2, bound: "at_most" }], // only 0: at most 0
    ["true", "abstain = 3", [30, 21, 10, 8, 2], { count: "abstain", needed: 3, margin: -1, bound: "exactly" }],
    ["true", "yes = present", [30, 21, 20, 1, 0], { count: "yes", needed: 21, margin: -1, bound: "at_least" }], // only 21, the top
    ["true", "yes = 1/2 of entitled", [31, 21, 20, 1, 0], { count: "yes", needed: null, margin: null, bound: null }], // 15.5 is no count
    ["true", "no != 0", [30, 21, 20, 1, 0], { count: "no", needed: 1, margin: 0, bound: "at_least" }],
    ["true", "no != 3", [30, 21, 10, 1, 0], { count: "no", needed: 0, margin: null, bound: null }], // 0..2 and 4..21
    ["true", "yes > 1/2 of entitled", [31, 10, 10, 0, 0], { count: "yes", needed: null, margin: null, bound: null }], // 16 > 10 present
    ["true", "2/3 of present < yes", [30, 30, 20, 10, 0], { count: "yes", needed: 21, margin: -1, bound: "at_least" }], // count on the right
    ["true", "yes > 1/2 of present and yes >= 10", [30, 12, 9, 3, 0], { count: "yes", needed: 10, margin: -1, bound: "at_least" }],
    ["true", "yes > 1/2 of present or yes >= 20", [30, 30, 15, 3, 0], { count: "yes", needed: 16, margin: -1, bound: "at_least" }],
    ["true", "yes > 1/2 of present and no < 3", [30, 12, 9, 3, 0], { count: "yes", needed: null, margin: null, bound: null }], // no < 3 fails
    ["true", "not (yes <= 1/2 of present)", [30, 12, 9, 3, 0], { count: "yes", needed: 7, margin: 2, bound: "at_least" }],
    ["true", "yes >= 5 and yes <= 8", [30, 12, 9, 3, 0], { count: "yes", needed: 5, margin: null, bound: null }], // between
    ["true", "yes * 2 > present", [30, 12, 9, 3, 0], { count: "present", needed: 17, margin: 5, bound: "at_most" }], // the lone fact: present < 18
    ["true", "yes * no > 3", [30, 12, 9, 3, 0], { count: null, needed: null, margin: null, bound: null }], // not linear
    ["true", "true", [30, 12, 9, 3, 0], { count: null, needed: null, margin: null, bound: null }],
    ["true", "cast >= 1/2 of present", [30, 12, 3, 1, 0], { count: "cast", needed: 6, margin: -2, bound: "at_least" }],
  ];
  it.each(cases)("passes: %s / %s on %j", (quorum, passes, f, expected) => {
    expect(pick(vote(voteRule(quorum, passes), ...f).margins["passes"]!)).toEqual(expected);
  });

  it("reads lets, and clauses that use them", () => {
    const rule = voteRule("present > 2/3 of entitled", "yes > majority", "  let valid = yes + no\n  let majority = 1/2 of valid");
    expect(pick(vote(rule, 30, 21, 11, 9, 1).margins["passes"]!)).toEqual({ count: "yes", needed: 10, margin: 1, bound: "at_least" });
  });

  it("an empty roster: the quorum holds with 0 present, nothing can pass", () => {
    const r = vote(voteRule("present >= 2/3 of entitled", "yes > 1/2 of present"), 0, 0, 0, 0, 0);
    expect(pick(r.margins["quorum"]!)).toEqual({ count: "present", needed: 0, margin: 0, bound: "at_least" });
    expect(pick(r.margins["passes"]!)).toEqual({ count: "yes", needed: null, margin: null, bound: null });
    expect(explainText(r)).toContain("no number of yes up to 0 meets it");
  });
});

describe("margins of an election", () => {
  it("each candidate's votes needed to be elected, and the turnout's voters needed", () => {
    const m = compile(`election e "e" {
  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff:  votes >= 1/3 of ballots
}`);
    const out = m.rules[0]!.evaluate({ registered: 1000, voters: 601, ballots: 601, invalid: 1, seats: 2, round: 1, candidates: { 甲: 301, 乙: 300 } });
    if (!out.ok) throw new Error(out.error.message);
    const r = out.result as ElectionResult;
    expect(r.candidates.map((c) => [c.name, c.needed, c.margin])).toEqual([["甲", 301, 0], ["乙", 301, -1]]);
    expect(pick(r.margins["turnout"]!)).toEqual({ count: "voters", needed: 501, margin: 100, bound: "at_least" });
    expect(explainText(r, "zh")).toContain("需得票301票，实得300票，差1票");
    const runoff = m.rules[0]!.evaluate({ registered: 1000, voters: 601, ballots: 601, invalid: 1, seats: 1, round: 2, candidates: { 甲: 200 } });
    if (!runoff.ok) throw new Error(runoff.error.message);
    expect((runoff.result as ElectionResult).candidates[0]).toMatchObject({ needed: 201, margin: -1 }); // 601/3 = 200.33
  });
});

describe("ratios in words", () => {
  it("shows a share as a percentage with its exact fraction", () => {
    expect(percentText({ num: "12299", den: "15000", decimal: "0.8199" })).toBe("81.99% (12299/15000)");
    expect(percentText({ num: "2", den: "3", decimal: "0.6667" })).toBe("66.67% (2/3)");
    expect(percentText(1)).toBe("100% (1)");
  });
});

// ---- the oracle: every count scanned, each comparison decided by integer cross-multiplication -----------------

type Op = ">" | ">=" | "<" | "<=" | "=" | "!=";
const OPS: Op[] = [">", ">=", "<", "<=", "=", "!="];
type Facts = { entitled: number; present: number; yes: number; no: number; abstain: number };
const BASES = ["entitled", "present", "cast", "(yes + no)", "no"] as const;

function baseValue(base: (typeof BASES)[number], f: Facts): number {
  const cast = f.yes + f.no + f.abstain;
  return base === "entitled" ? f.entitled : base === "present" ? f.present : base === "cast" ? cast : base === "no" ? f.no : f.yes + f.no;
}

function holdsInt(l: number, op: Op, r: number): boolean {
  return op === ">" ? l > r : op === ">=" ? l >= r : op === "<" ? l < r : op === "<=" ? l <= r : op === "=" ? l === r : l !== r;
}

/** needed, margin and bound by scanning every value of the count (the definition in docs/design.md). */
function oracle(count: keyof Facts | "cast", op: Op, p: number, q: number, base: (typeof BASES)[number], f: Facts) {
  const hi = count === "present" ? f.entitled : f.present;
  const actual = count === "cast" ? f.yes + f.no + f.abstain : f[count];
  const set: number[] = [];
  for (let x = 0; x <= hi; x++) {
    // cast moves alone (yes, no and abstain as given); any other count moves with cast following it.
    const g = count === "cast" ? f : { ...f, [count]: x };
    const b = count === "cast" && base === "cast" ? x : baseValue(base, g);
    // x op p/q × base  ⇔  q·x op p·base (q > 0)
    if (holdsInt(q * x, op, p * b)) set.push(x);
  }
  if (set.length === 0) return { needed: null, margin: null, bound: null };
  const a = set[0]!;
  const b = set[set.length - 1]!;
  if (b - a + 1 !== set.length) return { needed: a, margin: null, bound: null };
  if (a === 0 && b === hi) return op === "<" || op === "<=" ? { needed: b, margin: b - actual, bound: "at_most" } : { needed: a, margin: actual - a, bound: "at_least" };
  if (b === hi) return { needed: a, margin: actual - a, bound: "at_least" };
  if (a === 0) return { needed: b, margin: b - actual, bound: "at_most" };
  if (a === b) return { needed: a, margin: actual - a, bound: "exactly" };
  return { needed: a, margin: null, bound: null };
}

describe("margins against the scanning oracle (property)", () => {
  it("agrees for every operator, share and base on small tallies", () => {
    const facts = fc.nat(40).chain((entitled) =>
      fc.nat(entitled).chain((present) =>
        fc.nat(present).chain((yes) => fc.nat(present - yes).chain((no) => fc.nat(present - yes - no).map((abstain) => ({ entitled, present, yes, no, abstain })))),
      ),
    );
    const share = fc.integer({ min: 1, max: 6 }).chain((q) => fc.tuple(fc.integer({ min: 0, max: q }), fc.constant(q)));
    const rules = new Map<string, CompiledRule>();
    assertProperty(
      fc.property(fc.constantFrom("present", "yes", "no", "abstain", "cast" as const), fc.constantFrom(...OPS), share, fc.constantFrom(...BASES), facts, (count, op, [p, q], base, f) => {
        const clause = `${count} ${op} ${p}/${q} of ${base}`;
        let rule = rules.get(clause);
        if (!rule) rules.set(clause, (rule = voteRule("true", clause)));
        const m = vote(rule, f.entitled, f.present, f.yes, f.no, f.abstain).margins["passes"]!;
        expect({ needed: m.needed, margin: m.margin, bound: m.bound }).toEqual(oracle(count, op, p, q, base, f));
      }),
      { numRuns: 1500 },
    );
  });
});
