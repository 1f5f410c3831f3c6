/**
 * Interval arithmetic over checked expressions, from the inputs' declared ranges: the static proof that a
 * criterion's computed points stay within 0..max.
 */

import type * as A from "../syntax/index.ts";
import { Rational } from "../eval/index.ts";
import { conditionRange } from "./bands.ts";
import { constantValue } from "./constant-folding.ts";

/** A closed range of values; an absent end is unbounded. */
export interface Bounds {
  lo?: Rational;
  hi?: Rational;
}

const UNBOUNDED: Bounds = {};

export function boundsText(b: Bounds): string {
  if (b.lo && b.hi && b.lo.eq(b.hi)) return b.lo.toString();
  return `${b.lo?.toString() ?? "unbounded"} to ${b.hi?.toString() ?? "unbounded"}`;
}

export function within(b: Bounds, lo: Rational, hi: Rational): boolean {
  return b.lo !== undefined && b.hi !== undefined && b.lo.cmp(lo) >= 0 && b.hi.cmp(hi) <= 0;
}

/** The products of every pair of ends, when all four are known. */
function cornerBounds(a: Bounds, b: Bounds, op: (x: Rational, y: Rational) => Rational): Bounds {
  if (!a.lo || !a.hi || !b.lo || !b.hi) return UNBOUNDED;
  const corners = [op(a.lo, b.lo), op(a.lo, b.hi), op(a.hi, b.lo), op(a.hi, b.hi)];
  return { lo: corners.reduce((m, v) => (v.cmp(m) < 0 ? v : m)), hi: corners.reduce((m, v) => (v.cmp(m) > 0 ? v : m)) };
}

/** The range of `l op r` for ranges l and r. */
function combineBounds(op: A.ArithOp, l: Bounds, r: Bounds): Bounds {
  switch (op) {
    case "+":
      return { lo: l.lo && r.lo?.add(l.lo), hi: l.hi && r.hi?.add(l.hi) };
    case "-":
      return { lo: l.lo && r.hi && l.lo.sub(r.hi), hi: l.hi && r.lo && l.hi.sub(r.lo) };
    case "*":
    case "of": {
      const corners = cornerBounds(l, r, (x, y) => x.mul(y));
      if (corners !== UNBOUNDED) return corners;
      // Both sides at least 0: the product is at least the product of the low ends.
      if (l.lo && r.lo && !l.lo.isNegative() && !r.lo.isNegative()) return { lo: l.lo.mul(r.lo), hi: l.hi && r.hi?.mul(l.hi) };
      return UNBOUNDED;
    }
    case "/": {
      // Only a divisor kept away from zero on one side gives bounds.
      const positive = r.lo !== undefined && r.lo.cmp(Rational.ZERO) > 0;
      const negative = r.hi !== undefined && r.hi.isNegative();
      if (!positive && !negative) return UNBOUNDED;
      const corners = cornerBounds(l, r, (x, y) => x.div(y));
      if (corners !== UNBOUNDED) return corners;
      if (positive && l.lo && !l.lo.isNegative()) return { lo: r.hi ? l.lo.div(r.hi) : Rational.ZERO, hi: l.hi?.div(r.lo!) };
      return UNBOUNDED;
    }
  }
}

/**
 * Interval arithmetic over a checked expression, from the inputs' declared ranges (counts are at least 0, ratios
 * lie in 0..1). Sound, not tight: when in doubt an end is unbounded.
 */
export function boundsOf(e: A.Expr, env: Map<string, Bounds>): Bounds {
  const c = constantValue(e);
  if (c) return { lo: c, hi: c };
  switch (e.kind) {
    case "paren":
      return boundsOf(e.expr, env);
    case "name":
      return env.get(e.name) ?? UNBOUNDED;
    case "neg": {
      const b = boundsOf(e.operand, env);
      return { lo: b.hi?.neg(), hi: b.lo?.neg() };
    }
    case "call": {
      const args = e.args.map((a) => boundsOf(a, env));
      const pick = (ends: (Rational | undefined)[], keep: 1 | -1, anyUnbounded: boolean): Rational | undefined => {
        // min() without arguments is already an error (ARGUMENT_COUNT); its bounds are unknown, not a crash.
        if (anyUnbounded || ends.length === 0) return undefined;
        return (ends as Rational[]).reduce((m, v) => (v.cmp(m) === keep ? v : m));
      };
      const los = args.map((a) => a.lo);
      const his = args.map((a) => a.hi);
      // min(): its low end is the lowest low end, its high end the lowest high end known; max() the other way round.
      if (e.callee === "min") {
        const known = his.filter((h): h is Rational => h !== undefined);
        return { lo: pick(los, -1, los.includes(undefined)), hi: known.length ? known.reduce((m, v) => (v.cmp(m) < 0 ? v : m)) : undefined };
      }
      if (e.callee === "max") {
        const known = los.filter((l): l is Rational => l !== undefined);
        return { lo: known.length ? known.reduce((m, v) => (v.cmp(m) > 0 ? v : m)) : undefined, hi: pick(his, 1, his.includes(undefined)) };
      }
      if (e.callee === "share") return { lo: Rational.ZERO, hi: Rational.ONE };
      if (e.callee === "count" || e.callee === "distinct_months") return { lo: Rational.ZERO };
      return UNBOUNDED;
    }
    case "arith": {
      // A chain is folded left to right, as ((a op b) op c) means.
      let acc = boundsOf(e.operands[0]!, env);
      for (let i = 1; i < e.operands.length; i++) acc = combineBounds(e.ops[i - 1]!, acc, boundsOf(e.operands[i]!, env));
      return acc;
    }
    // falls through
    default:
      return UNBOUNDED;
  }
}

/** The range an input's values can take, from its type and its min/max. */
export function inputBounds(m: A.InputDecl): Bounds {
  const min = m.min && constantValue(m.min);
  const max = m.max && constantValue(m.max);
  const floor = m.type === "count" || m.type === "ratio" ? Rational.ZERO : undefined;
  const ceiling = m.type === "ratio" ? Rational.ONE : undefined;
  const lo = min && floor ? (min.cmp(floor) > 0 ? min : floor) : (min ?? floor);
  const hi = max && ceiling ? (max.cmp(ceiling) < 0 ? max : ceiling) : (max ?? ceiling);
  return { lo, hi };
}

/** Narrows a band's subject to what its condition selects (`x when x <= 10` has x in ..10 there). */
export function narrowedBy(when: A.Expr | undefined, env: Map<string, Bounds>): Map<string, Bounds> {
  const selected = when && conditionRange(when);
  if (!selected || !env.has(selected.subject)) return env;
  const b = env.get(selected.subject)!;
  const { lo, hi } = selected.range;
  const narrowed: Bounds = {
    lo: lo && (!b.lo || lo.cmp(b.lo) > 0) ? lo : b.lo,
    hi: hi && (!b.hi || hi.cmp(b.hi) < 0) ? hi : b.hi,
  };
  return new Map(env).set(selected.subject, narrowed);
}

/** The range of a band-chosen value: from the lowest to the highest any band can give. */
export function bandBounds(bands: A.Band[], env: Map<string, Bounds>): Bounds {
  let lo: Rational | undefined;
  let hi: Rational | undefined;
  for (let i = 0; i < bands.length; i++) {
    const b = boundsOf(bands[i]!.points, narrowedBy(bands[i]!.when, env));
    if (!b.lo || !b.hi) return UNBOUNDED;
    if (i === 0 || b.lo.cmp(lo!) < 0) lo = b.lo;
    if (i === 0 || b.hi.cmp(hi!) > 0) hi = b.hi;
  }
  return { lo, hi };
}
