/**
 * The fast path's contract beyond "same answer as evaluate()" (which evaluator.test.ts checks): which inputs the
 * generated code answers itself and which it hands to the exact evaluator. Those hand-offs are invisible in the answer,
 * so the exact evaluator is wrapped to count its calls. Expected answers come from integer oracles written here.
 */

import { describe, expect, it, vi } from "vitest";
import * as evaluation from "../eval/index.ts";
import { compile } from "./compiler.ts";
import { INPUT_BOUND } from "./fastpath.ts";
import type { CompiledRule } from "../types.ts";

// The fast path reaches the evaluator through the eval folder's index, so that is what is wrapped.
vi.mock("../eval/index.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../eval/index.ts")>();
  return { ...original, evaluateExact: vi.fn(original.evaluateExact) };
});

const exactCalls = () => vi.mocked(evaluation.evaluateExact).mock.calls.length;

function rule(src: string): CompiledRule {
  const m = compile(src);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return m.rules[0]!;
}

/** decide(input), with whether the exact evaluator was asked. */
function decided(r: CompiledRule, input: unknown): { outcome: unknown; exact: boolean } {
  const before = exactCalls();
  const outcome = r.decide(input as Record<string, unknown>);
  return { outcome, exact: exactCalls() > before };
}

/** What decide() must answer: evaluate()'s outcome without the explanation. */
function decisionOf(r: CompiledRule, input: unknown): unknown {
  const full = r.evaluate(input as Record<string, unknown>);
  if (!full.ok) return full;
  const res = full.result;
  if (res.kind === "vote") return { ok: true, decision: { kind: "vote", outcome: res.outcome } };
  if (res.kind !== "scorecard") throw new Error(`the fast path has no ${res.kind} rules`);
  return { ok: true, decision: { kind: "scorecard", score: res.score, grade: res.grade } };
}

// Rules are compiled inside each test: decide() generates its code on first use and keeps it, and Stryker's per-test
// coverage credits that code only to the test that first ran it, so a shared rule would hide mutants from the others.
const major = () =>
  rule(`vote major "要事" {
  quorum: present > 2/3 of entitled
  passes: yes > 1/2 of entitled
}`);

/** The major-matter rule in integers: 3·present > 2·entitled, 2·yes > entitled. */
function majorOracle(t: { entitled: number; present: number; yes: number }): string {
  if (!(3 * t.present > 2 * t.entitled)) return "no_quorum";
  return 2 * t.yes > t.entitled ? "passed" : "rejected";
}

describe("fast path of a vote rule", () => {
  const tally = (entitled: number, present: number, yes: number, no = 0, abstain = 0) => ({ entitled, present, yes, no, abstain });

  it("answers consistent whole tallies up to INPUT_BOUND itself, with the oracle's outcome", () => {
    const MAJOR = major();
    const tallies = [tally(30, 21, 16), tally(30, 20, 20), tally(30, 21, 15, 6), tally(3, 3, 2, 1), tally(0, 0, 0), tally(INPUT_BOUND, INPUT_BOUND, INPUT_BOUND), tally(INPUT_BOUND, INPUT_BOUND, 0, INPUT_BOUND), tally(9, 9, 3, 3, 3)];
    for (const t of tallies) {
      expect(decided(MAJOR, t), JSON.stringify(t)).toEqual({ outcome: { ok: true, decision: { kind: "vote", outcome: majorOracle(t) } }, exact: false });
    }
  });

  it("hands every other input to the exact evaluator, which answers it (errors worded there)", () => {
    const MAJOR = major();
    const handed: [string, unknown][] = [
      ["a count above INPUT_BOUND", tally(INPUT_BOUND + 1, 1, 1)],
      ["a negative count", tally(30, 21, -1)],
      ["a fraction", tally(30, 21.5, 16)],
      ["a numeric string", { ...tally(30, 21, 16), yes: "16" }],
      ["a missing fact", { entitled: 30, present: 21, yes: 16, no: 0 }],
      ["an extra fact", { ...tally(30, 21, 16), spoiled: 0 }],
      ["more present than entitled", tally(30, 31, 16)],
      ["more cast than present", tally(30, 21, 16, 5, 1)],
      ["null", null],
      ["a number", 7],
    ];
    for (const [what, input] of handed) {
      const { outcome, exact } = decided(MAJOR, input);
      expect(exact, what).toBe(true);
      expect(outcome, what).toEqual(decisionOf(MAJOR, input));
    }
  });
});

describe("fast path of a scorecard", () => {
  const card = () =>
    rule(`scorecard card "卡" {
  input days: number min 0.5 max 3.5
  input level: text one of "高", "低"
  input certified: boolean
  input passed: count
  input failed: count
  let rate = passed / (passed + failed)
  criterion attendance "出勤" max 10 {
    10 when days >= 3
    5 when days > 1
    0 otherwise
  }
  criterion quality "质量" max 20 {
    20 when rate >= 90% and certified
    15 when level = "高" or rate > 1/2
    2/3 when not certified
    0 otherwise
  }
  grade {
    "优" when score >= 25
    "良" when score >= 10
    "差" otherwise
  }
}`);

  /** The card in integers and thirds: days in thousandths, the score as a fraction n/3. */
  function cardOracle(i: { days: number; level: string; certified: boolean; passed: number; failed: number }): { score: unknown; grade: string } {
    const attendance = i.days >= 3 ? 30 : i.days > 1 ? 15 : 0;
    const high = 10 * i.passed >= 9 * (i.passed + i.failed);
    const quality = high && i.certified ? 60 : i.level === "高" || 2 * i.passed > i.passed + i.failed ? 45 : !i.certified ? 2 : 0;
    const thirds = attendance + quality;
    const score = thirds % 3 === 0 ? thirds / 3 : { num: String(thirds), den: "3", decimal: (thirds / 3).toFixed(4) };
    return { score, grade: thirds >= 75 ? "优" : thirds >= 30 ? "良" : "差" };
  }

  it("answers in-range inputs itself, decimals to the thousandth included", () => {
    const CARD = card();
    const inputs = [
      { days: 3, level: "高", certified: true, passed: 9, failed: 1 },
      { days: 3, level: "低", certified: true, passed: 10, failed: 0 },
      { days: 1, level: "低", certified: false, passed: 1, failed: 1 },
      { days: 1.001, level: "低", certified: false, passed: 0, failed: 3 },
      { days: 2.999, level: "低", certified: true, passed: 2, failed: 1 },
      { days: 1.5, level: "低", certified: true, passed: 0, failed: 1 },
    ];
    for (const input of inputs) {
      const { outcome, exact } = decided(CARD, input);
      expect(exact, JSON.stringify(input)).toBe(false);
      const expected = cardOracle(input);
      const evaluated = CARD.evaluate(input);
      expect(evaluated.ok && evaluated.result.kind === "scorecard" ? { score: evaluated.result.score, grade: evaluated.result.grade } : evaluated).toEqual(expected);
      expect(outcome).toEqual({ ok: true, decision: { kind: "scorecard", ...expected } });
    }
  });

  it("hands inputs out of its range or type, and a zero divisor, to the exact evaluator", () => {
    const CARD = card();
    const base = { days: 2, level: "高", certified: true, passed: 3, failed: 1 };
    const handed: [string, Record<string, unknown>][] = [
      ["days below its min (rounded up to 1)", { ...base, days: 0.4 }],
      ["days below the whole min but within the declared one", { ...base, days: 0.5 }],
      ["days above its max (rounded down to 3)", { ...base, days: 3.6 }],
      ["days above the whole max but within the declared one", { ...base, days: 3.5 }],
      ["days finer than a thousandth", { ...base, days: 2.0005 }],
      ["days as text", { ...base, days: "2" }],
      ["a level not among the options", { ...base, level: "中" }],
      ["a level that is not text", { ...base, level: 1 }],
      ["certified as a number", { ...base, certified: 1 }],
      ["a negative count", { ...base, failed: -1 }],
      ["a fractional count", { ...base, failed: 0.5 }],
      ["no ballots: division by zero", { ...base, passed: 0, failed: 0 }],
      ["a missing input", { days: 2, level: "高", certified: true, passed: 3 }],
    ];
    for (const [what, input] of handed) {
      const { outcome, exact } = decided(CARD, input);
      expect(exact, what).toBe(true);
      expect(outcome, what).toEqual(decisionOf(CARD, input));
    }
  });

  it("evaluate() asks the exact evaluator once: when the explanation is read, or at once for an input the code hands over", () => {
    const CARD = card();
    const base = { days: 2, level: "高", certified: true, passed: 3, failed: 1 };
    const callsDuring = (work: () => unknown): number => {
      const before = exactCalls();
      work();
      return exactCalls() - before;
    };
    let taken: unknown;
    expect(callsDuring(() => (taken = CARD.evaluate(base)))).toBe(0);
    expect(callsDuring(() => JSON.stringify(taken))).toBe(1);
    expect(callsDuring(() => JSON.stringify(taken))).toBe(0);
    for (const input of [{ ...base, days: 3.5 }, { ...base, failed: -1 }, { ...base, passed: 0, failed: 0 }]) {
      expect(callsDuring(() => JSON.stringify(CARD.evaluate(input))), JSON.stringify(input)).toBe(1);
    }
  });

  it("leaves a score the bounds cannot prove exact to the exact evaluator, with the same answers", () => {
    // 2^20 · 2^20 · 2^20 exceeds 2^53: no generated code, every decision is exact.
    const huge = rule(`scorecard huge { input a: count input b: count input c: count criterion x max 1 { 1 when a * b * c > 5 0 otherwise } }`);
    for (const input of [{ a: 1, b: 2, c: 3 }, { a: 2, b: 2, c: 2 }]) {
      const { outcome, exact } = decided(huge, input);
      expect(exact).toBe(true);
      expect(outcome).toEqual({ ok: true, decision: { kind: "scorecard", score: input.a * input.b * input.c > 5 ? 1 : 0, grade: null } });
    }
    const small = rule(`scorecard small { input a: count input b: count criterion x max 1 { 1 when a * b > 5 0 otherwise } }`);
    expect(decided(small, { a: 2, b: 3 })).toEqual({ outcome: { ok: true, decision: { kind: "scorecard", score: 1, grade: null } }, exact: false });
  });
});

/** A fraction as scores carry it (4 decimal places, rounded). */
const frac = (num: number, den: number) => ({ num: String(num), den: String(den), decimal: (num / den).toFixed(4).replace(/\.?0+$/, "") });

/** A rule, then inputs with the score the generated code must give, or "exact" where it must hand over. */
const CONSTRUCTS: [string, string, [Record<string, unknown>, unknown][]][] = [
  ["min() and max() over whole numbers and fractions", `scorecard s { input a: count max 100 input b: count max 100 criterion c max 100 { min(a, b, 50) + max(a / 3, b / 2) otherwise } }`, [
    [{ a: 7, b: 3 }, frac(16, 3)],
    [{ a: 80, b: 90 }, 95],
    [{ a: 2, b: 1 }, frac(5, 3)],
    [{ a: 3, b: 2 }, 3],
  ]],
  ["negation, brackets and subtraction of fractions", `scorecard s { input a: count max 10 input b: count max 10 criterion c max 100 { -(a - b) + 20 + a / 2 - b / 3 otherwise } }`, [
    [{ a: 3, b: 5 }, frac(131, 6)],
    [{ a: 6, b: 3 }, 19],
  ]],
  ["'of' and division, a negative divisor and a zero one", `scorecard s { input a: count input b: count criterion c max 100 { 1 when 7 / (a - b) < 0 and 1/2 of a < b 50 when 7 / (a - b) > 1 0 otherwise } }`, [
    [{ a: 1, b: 4 }, 1],
    [{ a: 8, b: 4 }, 50],
    [{ a: 14, b: 4 }, 0],
    [{ a: 4, b: 4 }, "exact"],
  ]],
  ["each comparison of numbers, whole and fractional", `scorecard s { input a: count input b: count criterion c max 100 { 1 when a / 2 < b / 3 0 otherwise } criterion j max 200 { 128 when a >= b / 2 0 otherwise } criterion d max 100 { 2 when a <= b 0 otherwise } criterion e max 100 { 4 when a > b 0 otherwise }
    criterion f max 100 { 8 when a >= b 0 otherwise } criterion g max 100 { 16 when a = b 0 otherwise } criterion h max 100 { 32 when a != b 0 otherwise } criterion i max 100 { 64 when a < b 0 otherwise } }`, [
    [{ a: 1, b: 2 }, 1 + 2 + 32 + 64 + 128],
    [{ a: 3, b: 3 }, 2 + 8 + 16 + 128],
    [{ a: 4, b: 3 }, 4 + 8 + 32 + 128],
    [{ a: 0, b: 1 }, 1 + 2 + 32 + 64],
  ]],
  ["text and boolean inputs, lets, and/or/not over three operands, true and false", `scorecard s { input k: text input f: boolean input a: count
    let t = k
    let g = f and a > 2
    criterion c max 100 { 1 when t = "甲" and g and not false 0 otherwise }
    criterion d max 100 { 2 when k != "乙" or a = 0 or false 0 otherwise }
    criterion e max 100 { 4 when true 0 otherwise } }`, [
    [{ k: "甲", f: true, a: 3 }, 1 + 2 + 4],
    [{ k: "甲", f: false, a: 3 }, 2 + 4],
    [{ k: "乙", f: true, a: 3 }, 4],
    [{ k: "乙", f: true, a: 0 }, 2 + 4],
  ]],
  ["brackets around conditions and texts, a third operand that decides, booleans compared, a negated negative let", `scorecard s { input a: count max 10 input b: count input k: text input f: boolean
    let g = not f
    let m = -3
    criterion c max 100 { 1 when (a > 1) and b > 0 and a > b 0 otherwise }
    criterion d max 100 { 2 when a = 0 or b = 0 or a = b 0 otherwise }
    criterion e max 100 { 4 when f = true and (k) = ("甲") 0 otherwise }
    criterion h max 100 { 8 when f != g and -m > a 0 otherwise } }`, [
    [{ a: 2, b: 1, k: "甲", f: true }, 1 + 4 + 8],
    [{ a: 2, b: 2, k: "甲", f: false }, 2 + 8],
    [{ a: 3, b: 2, k: "乙", f: true }, 1],
    [{ a: 0, b: 2, k: "甲", f: true }, 2 + 4 + 8],
  ]],
  ["a whole number times a fraction, two texts compared, a text input given a number", `scorecard s { input a: count max 10 input b: count max 10 input k: text
    criterion c max 100 { a * (b / 3) otherwise }
    criterion d max 100 { 1 when "甲" != "乙" and k = "甲" 0 otherwise } }`, [
    [{ a: 2, b: 1, k: "甲" }, frac(5, 3)],
    [{ a: 3, b: 2, k: "乙" }, 2],
    [{ a: 3, b: 2, k: 1 }, "exact"],
  ]],
  ["a requirement: kept, the generated code answers; broken, the exact evaluator words it", `scorecard s { input a: count max 50 input b: count require a <= b "a 不超过 b" criterion c max 100 { a otherwise } }`, [
    [{ a: 2, b: 3 }, 2],
    [{ a: 3, b: 3 }, 3],
    [{ a: 4, b: 3 }, "exact"],
  ]],
  ["a literal beyond 2^53 leaves the rule to the exact evaluator", `scorecard s { input a: count criterion c max 1 { 1 when a * 9007199254740993 > 5 0 otherwise } }`, [
    [{ a: 0 }, "exact"],
    [{ a: 1 }, "exact"],
  ]],
  ["a square of a number: whole inputs only (thousandths would pass 2^53)", `scorecard s { input n: number criterion c max 1 { 1 when n * n > 8 0 otherwise } }`, [
    [{ n: 3 }, 1],
    [{ n: -3 }, 1],
    [{ n: 2 }, 0],
    [{ n: 2.5 }, "exact"],
    [{ n: 1048576 }, 1],
    [{ n: 1048577 }, "exact"],
    [{ n: -1048576 }, 1],
    [{ n: -1048577 }, "exact"],
  ]],
  ["negative bounds rounded inwards", `scorecard s { input n: number min -2.5 max -0.5 input m: count max 10 criterion c max 100 { 0 - n + m otherwise } }`, [
    [{ n: -2, m: 10 }, 12],
    [{ n: -1, m: 0 }, 1],
    [{ n: -1.5, m: 0 }, frac(3, 2)],
    [{ n: -2.5, m: 0 }, "exact"],
    [{ n: -0.5, m: 0 }, "exact"],
    [{ n: -2, m: 11 }, "exact"],
  ]],
  ["whole declared bounds taken as they are, not rounded past", `scorecard s { input n: count min 2 max 5 input m: number min -3 max 4 criterion c max 100 { n + m + 3 otherwise } }`, [
    [{ n: 2, m: -3 }, 2],
    [{ n: 5, m: 4 }, 12],
    [{ n: 3, m: 3.5 }, frac(19, 2)],
    [{ n: 1, m: 0 }, "exact"],
    [{ n: 6, m: 0 }, "exact"],
    [{ n: 2, m: -3.001 }, "exact"],
    [{ n: 2, m: 4.001 }, "exact"],
  ]],
  // Unfolded, 2^33 / 2^33 would carry a bound of 2^33 into the product with a (2^53): exact evaluator only.
  ["a literal left part folded before the inputs", `scorecard s { input a: count input b: count criterion c max 1 { 1 when 8589934592 / 8589934592 * a * b > 0 0 otherwise } }`, [
    [{ a: 1, b: 1 }, 1],
    [{ a: 0, b: 1 }, 0],
  ]],
  ["a let chosen by bands, whole and fractional", `scorecard s { input a: count max 20 input b: count max 10
    let level = {
      5/2 when a >= 10
      1 when a >= 5
      0 otherwise
    }
    criterion c max 100 { level * b otherwise } }`, [
    [{ a: 10, b: 3 }, frac(15, 2)],
    [{ a: 9, b: 3 }, 3],
    [{ a: 5, b: 4 }, 4],
    [{ a: 4, b: 10 }, 0],
  ]],
  ["a grade that names a criterion", `scorecard s { input a: count max 10 criterion c max 10 { a otherwise } grade { "甲" when c >= 5 and score < 8 "乙" otherwise } }`, [
    [{ a: 5 }, 5],
    [{ a: 4 }, 4],
  ]],
  // A date is not a number nor a text to the generated code: ordering two dates is for the exact evaluator.
  ["date inputs", `scorecard s { input d: date input e: date criterion c max 1 { 1 when d < e 0 otherwise } }`, [
    [{ d: "2026-01-02", e: "2026-01-01" }, "exact"],
    [{ d: "2026-01-01", e: "2026-01-02" }, "exact"],
  ]],
  // Functions of dates reach num() with a date argument, and absent() reaches value() as a call: neither is generated.
  ["a function of a date literal", `scorecard s { input a: count max 10 criterion c max 10 { a when year(2026-05-01) = 2026 0 otherwise } }`, [
    [{ a: 3 }, "exact"],
  ]],
  ["absent() of an optional input", `scorecard s { input a: count? criterion c max 10 { 0 when absent(a) 1 otherwise } }`, [
    [{ a: 3 }, "exact"],
  ]],
  ["decimal inputs up to INPUT_BOUND, with no declared bounds", `scorecard s { input n: number criterion c max 1 { 1 when n > -1048576 0 otherwise } }`, [
    [{ n: -1048576 }, 0],
    [{ n: -1048575.999 }, 1],
    [{ n: 1048576 }, 1],
    [{ n: -1048576.001 }, "exact"],
    [{ n: 1048576.001 }, "exact"],
  ]],
];

describe("generated code for each construct", () => {
  it.each(CONSTRUCTS)("%s", (_what, src, cases) => {
    const r = rule(src);
    for (const [input, expected] of cases) {
      const { outcome, exact } = decided(r, input);
      const context = JSON.stringify(input);
      expect(outcome, context).toEqual(decisionOf(r, input));
      if (expected === "exact") expect(exact, context).toBe(true);
      else {
        expect(exact, context).toBe(false);
        expect(outcome, context).toMatchObject({ ok: true, decision: { score: expected } });
      }
    }
  });

  it("answers a vote with lets, a requirement and the cast count", () => {
    const v = rule(`vote v { let turnout = present require cast <= present "投票数不超过到会数" require yes + no >= 1 "至少一票表态" quorum: turnout > 1/2 of entitled passes: yes > no and cast >= 2 }`);
    const cases: [Record<string, number>, string | "exact"][] = [
      [{ entitled: 10, present: 6, yes: 3, no: 2, abstain: 1 }, "passed"],
      [{ entitled: 10, present: 6, yes: 1, no: 0, abstain: 0 }, "rejected"],
      [{ entitled: 10, present: 5, yes: 3, no: 2, abstain: 0 }, "no_quorum"],
      [{ entitled: 10, present: 6, yes: 2, no: 2, abstain: 2 }, "rejected"],
    ];
    for (const [input, expected] of cases) {
      expect(decided(v, input), JSON.stringify(input)).toEqual({ outcome: { ok: true, decision: { kind: "vote", outcome: expected } }, exact: false });
    }
    // A broken requirement is worded by the exact evaluator.
    const broken = { entitled: 10, present: 6, yes: 0, no: 0, abstain: 6 };
    expect(decided(v, broken)).toEqual({ outcome: decisionOf(v, broken), exact: true });
    expect(decisionOf(v, broken)).toMatchObject({ ok: false, error: { code: "REQUIREMENT_FAILED" } });
  });

  it("answers with exactly 4,000 temporaries, and leaves 4,001 to the exact evaluator", () => {
    // T terms take 2(T - 1) temporaries, the condition one, the points two: 2T + 1.
    const chain = (count: number) => rule(`scorecard s { input a: count max 2 criterion c max 10000 { ${Array.from({ length: count }, () => "a").join(" + ")} when a > 0 0 otherwise } }`);
    expect(decided(chain(1999), { a: 2 })).toEqual({ outcome: { ok: true, decision: { kind: "scorecard", score: 3998, grade: null } }, exact: false });
    expect(decided(chain(2000), { a: 2 })).toEqual({ outcome: { ok: true, decision: { kind: "scorecard", score: 4000, grade: null } }, exact: true });
  });

  it("bounds a vote's facts by INPUT_BOUND: present · K is exact up to K = 2^33 - 1", () => {
    const vote = (k: number) => rule(`vote v { quorum: present * ${k} > entitled passes: yes > no }`);
    const tally = { entitled: 10, present: 6, yes: 3, no: 2, abstain: 1 };
    expect(decided(vote(8589934591), tally)).toEqual({ outcome: { ok: true, decision: { kind: "vote", outcome: "passed" } }, exact: false });
    expect(decided(vote(8589934592), tally)).toEqual({ outcome: { ok: true, decision: { kind: "vote", outcome: "passed" } }, exact: true });
  });

  it("leaves a chain needing more than 4,000 temporaries to the exact evaluator", () => {
    const terms = (count: number) => Array.from({ length: count }, () => "a").join(" + ");
    const short = rule(`scorecard s { input a: count max 2 criterion c max 10000 { ${terms(1000)} otherwise } }`);
    expect(decided(short, { a: 2 })).toEqual({ outcome: { ok: true, decision: { kind: "scorecard", score: 2000, grade: null } }, exact: false });
    const long = rule(`scorecard s { input a: count max 2 criterion c max 10000 { ${terms(4500)} otherwise } }`);
    expect(decided(long, { a: 2 })).toEqual({ outcome: { ok: true, decision: { kind: "scorecard", score: 9000, grade: null } }, exact: true });
  });
});

/**
 * The 2^53 proofs at their edges. Counts reach INPUT_BOUND = 2^20 and SAFE = 2^53 - 1, so for each operation the
 * largest literal K that keeps every intermediate provably exact is worked out by hand (2^53 / 2^20 = 2^33 =
 * 8589934592): with K the generated code answers, with K + 1 the exact evaluator does.
 */
const BOUND_EDGES: [string, (k: number) => string, number][] = [
  // a·b·K: 2^40·K ≤ SAFE ⇔ K ≤ 8191.
  ["a product", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a * b * ${k} > 0 0 otherwise } }`, 8191],
  // a·K + b: 2^20·(K + 1) ≤ SAFE ⇔ K ≤ 2^33 - 2.
  ["a sum of whole numbers", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a * ${k} + b > 0 0 otherwise } }`, 8589934590],
  ["a difference of whole numbers", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a * ${k} - b > 0 0 otherwise } }`, 8589934590],
  // a/3 + b/K: numerator 2^20·K + 2^20·3 ≤ SAFE ⇔ K ≤ 2^33 - 4.
  ["a sum of fractions", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a / 3 + b / ${k} > 0 0 otherwise } }`, 8589934588],
  ["a difference of fractions", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a / 3 - b / ${k} > 0 0 otherwise } }`, 8589934588],
  // a / (b/K): numerator 2^20·K ≤ SAFE ⇔ K ≤ 2^33 - 1.
  ["a quotient", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a / (b / ${k}) > 0 0 otherwise } }`, 8589934591],
  // a/K against b/3: cross products 2^20·K ≤ SAFE.
  ["a comparison of fractions", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when a / ${k} > b / 3 0 otherwise } }`, 8589934591],
  ["min() of fractions", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when min(a / ${k}, b / 3) > 0 0 otherwise } }`, 8589934591],
  ["max() of fractions", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when max(b / 3, a / ${k}) > 0 0 otherwise } }`, 8589934591],
  // Points a/K against a max of 2^20: 2^20·K ≤ SAFE.
  ["points against the criterion's max", (k) => `scorecard s { input a: count max 1 criterion c max 1048576 { a / ${k} otherwise } }`, 8589934591],
  // Points a·K against a max of K.001 = (1000K + 1)/1000: 2^20·K·1000 ≤ SAFE ⇔ K ≤ 8589934.
  ["points against a fractional max", (k) => `scorecard s { input a: count max 1 criterion c max ${k}.001 { a * ${k} otherwise } }`, 8589934],
  // Two fractional criteria a/3 and b/K: the score's numerator 2^20·K + 2^20·3 ≤ SAFE.
  ["a score of fractions", (k) => `scorecard s { input a: count max 1 input b: count max 1 criterion c max 1 { a / 3 otherwise } criterion d max 1 { b / ${k} otherwise } }`, 8589934588],
  // A literal compared with a count: the literal itself is the bound, SAFE included.
  ["a literal near 2^53", (k) => `scorecard s { input a: count criterion c max 1 { 1 when ${k} > a 0 otherwise } }`, Number.MAX_SAFE_INTEGER],
  // The same for a negative literal and for a literal's denominator.
  ["a negative literal near -2^53", (k) => `scorecard s { input a: count criterion c max 1 { 1 when -${k} < a 0 otherwise } }`, Number.MAX_SAFE_INTEGER],
  ["a literal's denominator near 2^53", (k) => `scorecard s { input a: count criterion c max 1 { 1 when a * (1 / ${k}) > 0 0 otherwise } }`, Number.MAX_SAFE_INTEGER],
  // The bounds a result carries into the next operation. max(a·K, c)·b: 2^40·K ≤ SAFE ⇔ K ≤ 8191.
  ["max() of whole numbers, then a product", (k) => `scorecard s { input a: count input b: count input c: count criterion x max 1 { 1 when max(a * ${k}, c) * b > 0 0 otherwise } }`, 8191],
  // max(a/K, 1) has denominator K, against b: 2^20·K ≤ SAFE.
  ["max() of a fraction, then compared", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when max(a / ${k}, 1) > b 0 otherwise } }`, 8589934591],
  // A let chosen by bands carries the largest bounds of its bands: the same two edges.
  ["a let of whole bands, then a product", (k) => `scorecard s { input a: count input b: count let p = { a * ${k} when a > 1 0 otherwise } criterion x max 1 { 1 when p * b > 0 0 otherwise } }`, 8191],
  ["a let of fractional bands, then compared", (k) => `scorecard s { input a: count input b: count let p = { a / ${k} when a > 1 1 otherwise } criterion x max 1 { 1 when p > b 0 otherwise } }`, 8589934591],
  // (a·K + b)·c: 2^40·(K + 1) ≤ SAFE ⇔ K ≤ 8190.
  ["a sum of whole numbers, then a product", (k) => `scorecard s { input a: count input b: count input c: count criterion x max 1 { 1 when (a * ${k} + b) * c > 0 0 otherwise } }`, 8190],
  // (a/3 + b/K)·c: numerator 2^20·(K + 3), then 2^40·(K + 3) ≤ SAFE ⇔ K ≤ 8188.
  ["a sum of fractions, then a product", (k) => `scorecard s { input a: count input b: count input c: count criterion x max 1 { 1 when (a / 3 + b / ${k}) * c > 0 0 otherwise } }`, 8188],
  // a/3 + b/K has denominator 3K, against c: 3·2^20·K ≤ SAFE ⇔ K ≤ 2863311530.
  ["a sum of fractions, then compared", (k) => `scorecard s { input a: count input b: count input c: count criterion x max 1 { 1 when a / 3 + b / ${k} > c 0 otherwise } }`, 2863311530],
  // a/K + b/K: the denominator K² ≤ SAFE ⇔ K ≤ 94906265.
  ["a sum of fractions with large denominators", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when a / ${k} + b / ${k} > 0 0 otherwise } }`, 94906265],
  ["a product of fractions with large denominators", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when (a / ${k}) * (b / ${k}) > 0 0 otherwise } }`, 94906265],
  // (a/3)·(b/K) has denominator 3K, against c: 3·2^20·K ≤ SAFE.
  ["a product of fractions, then compared", (k) => `scorecard s { input a: count input b: count input c: count criterion x max 1 { 1 when (a / 3) * (b / ${k}) > c 0 otherwise } }`, 2863311530],
  // (a/K)/b: its denominator K·2^20 ≤ SAFE.
  ["a fraction divided by a count", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when (a / ${k}) / b > 0 0 otherwise } }`, 8589934591],
  // a/(b/3) has numerator 3·2^20, against 1/K: 3·2^20·K ≤ SAFE.
  ["a quotient's numerator, then compared", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when a / (b / 3) > 1 / ${k} 0 otherwise } }`, 2863311530],
  // (a/3)/b has denominator 3·2^20, against K: 3·2^20·K ≤ SAFE.
  ["a quotient's denominator, then compared", (k) => `scorecard s { input a: count input b: count criterion x max 1 { 1 when ${k} > (a / 3) / b 0 otherwise } }`, 2863311530],
  // Two whole criteria of up to 2^20·K each: the score 2^21·K ≤ SAFE ⇔ K ≤ 4294967295.
  ["a score of whole numbers", (k) => `scorecard s { input a: count max 1048576 input b: count max 1048576 criterion c max 9007199254740991 { a * ${k} when a > 0 0 otherwise } criterion d max 9007199254740991 { b * ${k} when b > 0 0 otherwise } }`, 4294967295],
  // Two criteria a/K and b/K: the score's denominator K² ≤ SAFE.
  ["a score's denominator", (k) => `scorecard s { input a: count max 1 input b: count max 1 criterion c max 1 { a / ${k} when a > 0 0 otherwise } criterion d max 1 { b / ${k} when b > 0 0 otherwise } }`, 94906265],
  // a/3 + b/3 is carried as 6·2^20 / 9, against 1/K in the grade: 6·2^20·K ≤ SAFE ⇔ K ≤ 1431655765.
  ["a fractional score compared in the grade", (k) => `scorecard s { input a: count max 1 input b: count max 1 criterion c max 1 { a / 3 otherwise } criterion d max 1 { b / 3 otherwise } grade { "x" when score > 1 / ${k} "y" otherwise } }`, 1431655765],
  // b/3 against a/K, the large product on the left this time: 2^20·K ≤ SAFE.
  ["a comparison of fractions, the other way round", (k) => `scorecard s { input a: count input b: count criterion c max 1 { 1 when b / 3 < a / ${k} 0 otherwise } }`, 8589934591],
];

describe("the fast path's exactness proof at its edges", () => {
  it.each(BOUND_EDGES)("%s", (_what, source, k) => {
    const within = rule(source(k));
    const beyond = rule(source(k + 1));
    for (const input of [{ a: 1, b: 1, c: 1 }, { a: 0, b: 1, c: 0 }]) {
      const inputs = Object.fromEntries(Object.entries(input).filter(([name]) => within.inputs.some((i) => i.name === name)));
      const fast = decided(within, inputs);
      expect(fast.exact, `K = ${k} on ${JSON.stringify(inputs)}`).toBe(false);
      expect(fast.outcome).toEqual(decisionOf(within, inputs));
      const slow = decided(beyond, inputs);
      expect(slow.exact, `K = ${k + 1} on ${JSON.stringify(inputs)}`).toBe(true);
      expect(slow.outcome).toEqual(decisionOf(beyond, inputs));
    }
  });
});

describe("rules the fast path leaves to the exact evaluator", () => {
  it("decides an election round by the exact evaluator, with its outcome, the elected and the tied", () => {
    const village = rule(`election village "村委会" {
  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff:  votes >= 1/3 of ballots
}`);
    // 600 of 1000 voted (turnout); 2 seats; 甲 and 乙 have more than 300 of the 600 votes, 丙 does not.
    const input = { registered: 1000, voters: 600, ballots: 600, invalid: 0, seats: 2, round: 1, candidates: { 甲: 400, 乙: 301, 丙: 100 } };
    expect(decided(village, input)).toEqual({ outcome: { ok: true, decision: { kind: "election", outcome: "complete", elected: ["甲", "乙"], tied: [] } }, exact: true });
    // More ballots than voters: void, nobody elected.
    expect(decided(village, { ...input, ballots: 601 }).outcome).toEqual({ ok: true, decision: { kind: "election", outcome: "void_ballots", elected: [], tied: [] } });
  });

  it("decides a rating by the exact evaluator, with its grade", () => {
    const rating = rule(`rating r "测评" {
  levels 满意, 基本满意, 不满意
  grade {
    "不称职" when (满意 + 基本满意) < 2/3 of ballots
    "优秀"   when 满意 >= 2/3 of ballots
    "称职"   otherwise
  }
}`);
    // 20 of 30 satisfied is exactly 2/3: 优秀; 19 with 7 basically satisfied: 26 of 30 approve, 称职; 9 + 10 of 30: 不称职.
    expect(decided(rating, { 满意: 20, 基本满意: 6, 不满意: 4 })).toEqual({ outcome: { ok: true, decision: { kind: "rating", grade: "优秀" } }, exact: true });
    expect(decided(rating, { 满意: 19, 基本满意: 7, 不满意: 4 }).outcome).toEqual({ ok: true, decision: { kind: "rating", grade: "称职" } });
    expect(decided(rating, { 满意: 9, 基本满意: 10, 不满意: 11 }).outcome).toEqual({ ok: true, decision: { kind: "rating", grade: "不称职" } });
  });
});
