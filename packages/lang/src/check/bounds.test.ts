/**
 * The checker's interval bounds of points against brute force. The checker reports the range it proved for a
 * criterion's points (POINTS_OUT_OF_RANGE names it), and the points are shifted far below 0 so it always does.
 * - Sound: every value the expression takes at the inputs tried lies within the reported range.
 * - Tight where interval arithmetic is exact: when every input is bounded and used once, and no divisor's range holds
 *   0, the extremes of + - * / min max and negation lie at corners of the inputs' box, so the reported range must be
 *   exactly the smallest and largest value over those corners.
 * The arithmetic here is its own (fractions on bigint), not the language's Rational.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { assertProperty } from "../test-support/property.ts";

/** An exact fraction n/d with d > 0, reduced. */
interface Fraction {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}
function fraction(n: bigint, d = 1n): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}
const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
const cmp = (a: Fraction, b: Fraction) => Math.sign(Number(a.n * b.d - b.n * a.d));
const least = (xs: Fraction[]) => xs.reduce((m, x) => (cmp(x, m) < 0 ? x : m));
const most = (xs: Fraction[]) => xs.reduce((m, x) => (cmp(x, m) > 0 ? x : m));
const halves = (h: number) => fraction(BigInt(h), 2n);

/** Parses the checker's number text: "12", "-1007.5", "-3001/3". */
function parseNumber(text: string): Fraction {
  const ratio = /^(-?\d+)\/(\d+)$/.exec(text);
  if (ratio) return fraction(BigInt(ratio[1]!), BigInt(ratio[2]!));
  const [whole, decimals = ""] = text.replace("-", "").split(".");
  const value = fraction(BigInt(whole! + decimals), 10n ** BigInt(decimals.length));
  return text.startsWith("-") ? fraction(-value.n, value.d) : value;
}
const show = (f: Fraction) => (f.d === 1n ? `${f.n}` : `${f.n}/${f.d}`);

/** An input: both ends in halves, or one end open. */
interface Input {
  lo?: number;
  hi?: number;
}

type Expr =
  | { kind: "input"; index: number }
  | { kind: "constant"; halves: number }
  | { kind: "neg"; operand: Expr }
  | { kind: "arith"; op: "+" | "-" | "*"; left: Expr; right: Expr }
  /** Written `((l) / (r)) * one`: a quotient is a ratio, and a ratio times an amount is points again. */
  | { kind: "div"; left: Expr; right: Expr }
  | { kind: "call"; callee: "min" | "max"; args: Expr[] };

const INPUTS = 3;
const SHIFT = fraction(1_000_000n);

const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: -8, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([lo, width]) => ({ lo, hi: lo + width })) },
  { weight: 2, arbitrary: fc.integer({ min: -8, max: 8 }).map((lo) => ({ lo })) },
  { weight: 2, arbitrary: fc.integer({ min: -8, max: 8 }).map((hi) => ({ hi })) },
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: INPUTS - 1 }).map((index): Expr => ({ kind: "input", index })),
    fc.integer({ min: -6, max: 6 }).filter((h) => h !== 0).map((h): Expr => ({ kind: "constant", halves: h })),
    tie("expr").map((operand): Expr => ({ kind: "neg", operand })),
    fc.tuple(fc.constantFrom("+", "-", "*") as fc.Arbitrary<"+" | "-" | "*">, tie("expr"), tie("expr")).map(([op, left, right]): Expr => ({ kind: "arith", op, left, right })),
    fc.tuple(tie("expr"), tie("expr")).map(([left, right]): Expr => ({ kind: "div", left, right })),
    fc.tuple(fc.constantFrom("min", "max") as fc.Arbitrary<"min" | "max">, fc.array(tie("expr"), { minLength: 1, maxLength: 3 })).map(([callee, args]): Expr => ({ kind: "call", callee, args })),
  ),
}));

function text(e: Expr): string {
  switch (e.kind) {
    case "input":
      return `v${e.index}`;
    case "constant":
      return `${e.halves / 2}`;
    case "neg":
      return `-(${text(e.operand)})`;
    case "arith":
      return `(${text(e.left)} ${e.op} ${text(e.right)})`;
    case "div":
      return `((${text(e.left)}) / (${text(e.right)}) * one)`;
    case "call":
      return `${e.callee}(${e.args.map(text).join(", ")})`;
  }
}

/** The value at the given inputs, or undefined where a divisor is 0. */
function valueAt(e: Expr, at: Fraction[]): Fraction | undefined {
  switch (e.kind) {
    case "input":
      return at[e.index]!;
    case "constant":
      return halves(e.halves);
    case "neg": {
      const v = valueAt(e.operand, at);
      return v && fraction(-v.n, v.d);
    }
    case "arith": {
      const l = valueAt(e.left, at);
      const r = valueAt(e.right, at);
      if (!l || !r) return undefined;
      return e.op === "+" ? add(l, r) : e.op === "-" ? sub(l, r) : mul(l, r);
    }
    case "div": {
      const l = valueAt(e.left, at);
      const r = valueAt(e.right, at);
      return l && r && r.n !== 0n ? div(l, r) : undefined;
    }
    case "call": {
      const vs = e.args.map((a) => valueAt(a, at));
      if (vs.some((v) => v === undefined)) return undefined;
      return e.callee === "min" ? least(vs as Fraction[]) : most(vs as Fraction[]);
    }
  }
}

function inputsOf(e: Expr): number[] {
  switch (e.kind) {
    case "input":
      return [e.index];
    case "constant":
      return [];
    case "neg":
      return inputsOf(e.operand);
    case "arith":
    case "div":
      return [...inputsOf(e.left), ...inputsOf(e.right)];
    case "call":
      return e.args.flatMap(inputsOf);
  }
}

/** Every combination of the given values per input. */
function grid(choices: Fraction[][]): Fraction[][] {
  return choices.reduce<Fraction[][]>((points, values) => points.flatMap((p) => values.map((v) => [...p, v])), [[]]);
}

/** The exact range where interval arithmetic must be tight (bounded inputs each used once, divisors away from 0). */
function exactRange(e: Expr, inputs: Input[]): { lo: Fraction; hi: Fraction } | undefined {
  const used = inputsOf(e);
  if (new Set(used).size !== used.length || used.some((i) => inputs[i]!.lo === undefined || inputs[i]!.hi === undefined)) return undefined;
  const divisorsAwayFromZero = (x: Expr): boolean => {
    switch (x.kind) {
      case "input":
      case "constant":
        return true;
      case "neg":
        return divisorsAwayFromZero(x.operand);
      case "arith":
        return divisorsAwayFromZero(x.left) && divisorsAwayFromZero(x.right);
      case "div": {
        const r = exactRange(x.right, inputs);
        return !!r && (cmp(r.lo, fraction(0n)) > 0 || cmp(r.hi, fraction(0n)) < 0) && divisorsAwayFromZero(x.left);
      }
      case "call":
        return x.args.every(divisorsAwayFromZero);
    }
  };
  if (!divisorsAwayFromZero(e)) return undefined;
  const corners = grid(inputs.map((b) => [halves(b.lo ?? 0), halves(b.hi ?? 0)]));
  const values = corners.map((at) => valueAt(e, at)!);
  return { lo: least(values), hi: most(values) };
}

/** Values to try for each input: its ends and points inside; far values where an end is open. */
function samples(b: Input): Fraction[] {
  const lo = b.lo ?? (b.hi ?? 0) - 40;
  const hi = b.hi ?? (b.lo ?? 0) + 40;
  const inside = [lo, hi, Math.round((lo + hi) / 2), 0, 1, -1, 3].filter((h) => h >= lo && h <= hi);
  return [...new Set(inside)].map(halves);
}

function declaration(b: Input, index: number): string {
  const end = (h: number) => `${h / 2}`;
  return `  input v${index}: number${b.lo !== undefined ? ` min ${end(b.lo)}` : ""}${b.hi !== undefined ? ` max ${end(b.hi)}` : ""}`;
}

/** The range the checker proved for the points, read from its message (an absent end is unbounded). */
function provedRange(e: Expr, inputs: Input[]): { source: string; lo?: Fraction; hi?: Fraction } {
  const source = [
    "scorecard s {",
    ...inputs.map(declaration),
    "  input one: number min 1 max 1",
    "  criterion c max 10 {",
    `    ${text(e)} - 1000000 when true`,
    "    0 otherwise",
    "  }",
    "}",
    "",
  ].join("\n");
  const ends = provedEnds(source);
  const [lo, hi] = ends.length === 1 ? [ends[0], ends[0]] : ends;
  return { source, lo, hi };
}

/** The ends of the range the checker proved for the one criterion's points (shifted back); undefined where unbounded. */
function provedEnds(source: string): (Fraction | undefined)[] {
  const diagnostics = compile(source).diagnostics.filter((d) => d.code !== "UNUSED_INPUT");
  expect(diagnostics.map((d) => d.code), source).toEqual(["POINTS_OUT_OF_RANGE"]);
  const range = /can be (.+?), outside 0\.\.10/.exec(diagnostics[0]!.message)![1]!;
  return range.split(" to ").map((t) => (t === "unbounded" ? undefined : add(parseNumber(t), SHIFT)));
}

/** Ends as the tables write them: "2 to unbounded", or one value. */
const endsText = (ends: (Fraction | undefined)[]) => ends.map((end) => (end ? show(end) : "unbounded")).join(" to ");

describe("bounds of points", () => {
  it("are sound everywhere and exact where interval arithmetic is (property)", () => {
    assertProperty(
      fc.property(fc.array(input, { minLength: INPUTS, maxLength: INPUTS }), expr, (inputs, e) => {
        const { source, lo, hi } = provedRange(e, inputs);
        const exact = exactRange(e, inputs);
        if (exact) {
          expect({ lo: lo && show(lo), hi: hi && show(hi) }, source).toEqual({ lo: show(exact.lo), hi: show(exact.hi) });
          return;
        }
        for (const at of grid(inputs.map(samples))) {
          const v = valueAt(e, at);
          if (!v) continue;
          if (lo) expect(cmp(lo, v), `${source}\nat ${at.map(show).join(", ")}: ${show(v)} below ${show(lo)}`).toBeLessThanOrEqual(0);
          if (hi) expect(cmp(v, hi), `${source}\nat ${at.map(show).join(", ")}: ${show(v)} above ${show(hi)}`).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe("bounds of points, computed by hand", () => {
  /** The points' range as the checker reports it (shifted back), for the given declarations and points. */
  function reported(declarations: string[], points: string, lets: string[] = []): string {
    const source = ["scorecard s {", ...declarations.map((d) => `  ${d}`), "  input one: number min 1 max 1", ...lets.map((l) => `  ${l}`), "  criterion c max 10 {", `    ${points} - 1000000 when true`, "    0 otherwise", "  }", "}", ""].join("\n");
    return endsText(provedEnds(source));
  }

  it.each([
    // Products and quotients with an open end: sound, not tight.
    ["a product whose left side has no top and whose right side can be negative", ["input a: number min 0", "input b: number min -1 max 2"], "a * b", "unbounded to unbounded"],
    ["a product of two sides at least 1 with no top", ["input a: number min 1", "input b: number min 2"], "a * b", "2 to unbounded"],
    ["a product of two bounded sides at least 0 where one has no top", ["input a: number min 0 max 3", "input b: number min 2"], "a * b", "0 to unbounded"],
    ["a product with a side open below", ["input a: number max 3", "input b: number min 2 max 3"], "a * b", "unbounded to unbounded"],
    ["a quotient of a side with no top by a positive range", ["input a: number min 2", "input b: number min 1 max 4"], "(a / b) * one", "1/2 to unbounded"],
    ["a quotient by a positive range with no top", ["input a: number min 2 max 6", "input b: number min 1"], "(a / b) * one", "0 to 6"],
    ["a quotient of a side that can be negative, with no top", ["input a: number min -1", "input b: number min 1 max 4"], "(a / b) * one", "unbounded to unbounded"],
    ["a quotient by a negative range", ["input a: number min 0 max 4", "input b: number min -2 max -1"], "(a / b) * one", "-4 to 0"],
    ["a quotient by a range that holds 0", ["input a: number min 1 max 4", "input b: number min 0 max 2"], "(a / b) * one", "unbounded to unbounded"],
    ["a quotient by a range that ends at 0 below", ["input a: number min 1 max 4", "input b: number min -2 max 0"], "(a / b) * one", "unbounded to unbounded"],
    // min() and max() of values with open ends keep the end that is known.
    ["min() of a side with no top and a side with no bottom", ["input a: number min 0", "input b: number max 3"], "min(a, b)", "unbounded to 3"],
    ["min() of two sides with no top", ["input a: number min 0", "input b: number min 5"], "min(a, b)", "0 to unbounded"],
    ["max() of a side with no top and a side with no bottom", ["input a: number min 0", "input b: number max 3"], "max(a, b)", "0 to unbounded"],
    ["max() of two sides with no bottom", ["input a: number max 0", "input b: number max 5"], "max(a, b)", "unbounded to 5"],
    ["min() of three bounded values", ["input a: number min -2 max 7", "input b: number min 1 max 3"], "min(a, b, 4)", "-2 to 3"],
    ["max() of three bounded values", ["input a: number min -2 max 7", "input b: number min 1 max 3"], "max(a, b, 4)", "4 to 7"],
    // The declared ranges: a count is at least 0, a ratio lies in 0..1, whatever min and max say beyond.
    ["a count with min and max", ["input a: count min 2 max 5"], "a * 1", "2 to 5"],
    ["a count with only a max", ["input a: count max 3"], "a * 1", "0 to 3"],
    ["a count with no max", ["input a: count"], "a * 1", "0 to unbounded"],
    ["a ratio with a max above 1", ["input r: ratio max 2"], "r * one", "0 to 1"],
    ["a ratio with a min", ["input r: ratio min 0.5"], "r * one", "1/2 to 1"],
    ["a number with no ends", ["input a: number"], "a", "unbounded to unbounded"],
    ["one value", ["input a: number min 12 max 12"], "a", "12"],
    // Aggregates: counts are at least 0, a share lies in 0..1, the smallest or largest field value is unknown.
    ["a count of records", ["input cases: list of { limit: count }"], "count(cases) * 1", "0 to unbounded"],
    ["a count of months", ["input visits: list of { date: date }"], "distinct_months(visits.date) * 1", "0 to unbounded"],
    ["a share of records", ["input cases: list of { limit: count }"], "share(cases where limit > 2) * one", "0 to 1"],
    ["the smallest field value", ["input cases: list of { limit: count }"], "min(cases.limit) * 1", "unbounded to unbounded"],
    ["the largest field value where a condition holds", ["input cases: list of { limit: count }"], "max(cases.limit where limit > 1) * 1", "unbounded to unbounded"],
    ["a sum of a field", ["input cases: list of { limit: count }"], "sum(cases.limit) * 1", "unbounded to unbounded"],
  ])("%s", (_what, declarations, points, range) => {
    expect(reported(declarations, points)).toBe(range);
  });

  it.each([
    ["a let's range is its expression's", ["let z = a * 2 - b"], "z", "-9 to 9"],
    ["a banded let's range runs from its lowest to its highest band", ["let z = {", "  3 when a > 1", "  -2 when a > 0", "  5 otherwise", "}"], "z", "-2 to 5"],
    ["a banded let with a band of unknown range", ["let z = {", "  a * w when a > 1", "  5 otherwise", "}"], "z", "unbounded to unbounded"],
    ["a banded let whose bands narrow their subject", ["let z = {", "  a when a <= 2", "  0 otherwise", "}"], "z", "-3 to 2"],
  ])("%s", (_what, lets, points, range) => {
    expect(reported(["input a: number min -3 max 5", "input b: number min 1 max 3", "input w: number"], points, lets)).toBe(range);
  });

  it.each([
    ["at most", "a <= 2", "-3 to 2"],
    ["below, an open end kept as its limit", "a < 2", "-3 to 2"],
    ["at least", "a >= 1", "1 to 5"],
    ["the constant first", "1 < a", "1 to 5"],
    ["one value", "a = 4", "4"],
    ["a range", "a >= -1 and a <= 3", "-1 to 3"],
    ["a wider top than the declared one keeps the declared one", "a <= 9", "-3 to 5"],
    ["a wider bottom than the declared one keeps the declared one", "a >= -9", "-3 to 5"],
    ["a subject that is not the points", "b <= 2", "-3 to 5"],
  ])("a band's condition narrows its subject: %s", (_what, when, range) => {
    const source = `scorecard s {\n  input a: number min -3 max 5\n  input b: number min 0 max 4\n  criterion c max 10 {\n    a - 1000000 when ${when}\n    0 otherwise\n  }\n}\n`;
    expect(endsText(provedEnds(source))).toBe(range);
  });

  it("a band's condition narrows an input with an open end", () => {
    const source = `scorecard s {\n  input a: number\n  criterion c max 10 {\n    a - 1000000 when a >= 2\n    0 otherwise\n  }\n}\n`;
    expect(compile(source).diagnostics.map((d) => d.message)).toEqual([
      "The points a - 1000000 of 'c' can be -999998 to unbounded, outside 0..10: bound them, e.g. max(0, min(10, a - 1000000)), or bound the inputs with min/max.",
    ]);
  });

  it("says nothing of points proved within 0..max", () => {
    const source = `scorecard s {\n  input a: number min -3 max 5\n  criterion c max 10 {\n    max(0, a) * 2 when true\n    0 otherwise\n  }\n}\n`;
    expect(compile(source).diagnostics).toEqual([]);
  });
});
