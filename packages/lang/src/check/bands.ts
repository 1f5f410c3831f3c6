/**
 * Band reachability and order: first-match bands need a final `otherwise`, no band hidden by the ones before it
 * (interval analysis of simple conditions), and points that do not reward a lower result more.
 */

import type * as A from "../syntax/index.ts";
import { printExpr } from "../syntax/index.ts";
import type { Rational } from "../eval/index.ts";
import type { Span } from "../types.ts";
import { constantValue } from "./constant-folding.ts";
import type { Checker } from "./typing.ts";

export interface Interval {
  lo?: Rational;
  loIn: boolean;
  hi?: Rational;
  hiIn: boolean;
}

/** The set of subject values a simple band condition selects, when the condition is that simple. */
export function conditionRange(e: A.Expr): { subject: string; range: Interval } | undefined {
  if (e.kind === "paren") return conditionRange(e.expr);
  if (e.kind === "logic" && e.op === "and") {
    let acc = conditionRange(e.operands[0]!);
    for (let i = 1; acc && i < e.operands.length; i++) {
      const b = conditionRange(e.operands[i]!);
      acc = b && acc.subject === b.subject ? { subject: acc.subject, range: intersect(acc.range, b.range) } : undefined;
    }
    return acc;
  }
  if (e.kind !== "compare" || e.op === "!=") return undefined;
  let op: A.CompareOp = e.op;
  let subject = e.left;
  let c = constantValue(e.right);
  if (!c) {
    c = constantValue(e.left);
    subject = e.right;
    const flip: Record<string, A.CompareOp> = { ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=" };
    op = flip[op]!;
  }
  if (!c || constantValue(subject)) return undefined;
  const key = printExpr(subject);
  switch (op) {
    case ">":
      return { subject: key, range: { lo: c, loIn: false, hiIn: false } };
    case ">=":
      return { subject: key, range: { lo: c, loIn: true, hiIn: false } };
    case "<":
      return { subject: key, range: { hi: c, hiIn: false, loIn: false } };
    case "<=":
      return { subject: key, range: { hi: c, hiIn: true, loIn: false } };
    default:
      return { subject: key, range: { lo: c, hi: c, loIn: true, hiIn: true } };
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const r: Interval = { loIn: false, hiIn: false };
  if (!a.lo) Object.assign(r, { lo: b.lo, loIn: b.loIn });
  else if (!b.lo) Object.assign(r, { lo: a.lo, loIn: a.loIn });
  else {
    const c = a.lo.cmp(b.lo);
    Object.assign(r, c > 0 ? { lo: a.lo, loIn: a.loIn } : c < 0 ? { lo: b.lo, loIn: b.loIn } : { lo: a.lo, loIn: a.loIn && b.loIn });
  }
  if (!a.hi) Object.assign(r, { hi: b.hi, hiIn: b.hiIn });
  else if (!b.hi) Object.assign(r, { hi: a.hi, hiIn: a.hiIn });
  else {
    const c = a.hi.cmp(b.hi);
    Object.assign(r, c < 0 ? { hi: a.hi, hiIn: a.hiIn } : c > 0 ? { hi: b.hi, hiIn: b.hiIn } : { hi: a.hi, hiIn: a.hiIn && b.hiIn });
  }
  return r;
}

function isEmpty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  const c = i.lo.cmp(i.hi);
  return c > 0 || (c === 0 && !(i.loIn && i.hiIn));
}

/** True when every value of `inner` lies in the union of `covers`. */
function coveredBy(inner: Interval, covers: Interval[]): boolean {
  if (isEmpty(inner)) return true;
  // Walk upward from inner's low end, extending through any cover that contains the current point.
  let lo = inner.lo;
  let loIn = inner.loIn;
  for (let progress = true; progress; ) {
    progress = false;
    for (const c of covers) {
      if (isEmpty(c)) continue;
      const startsBefore = !c.lo || (lo !== undefined && (c.lo.cmp(lo) < 0 || (c.lo.eq(lo) && (c.loIn || !loIn))));
      if (!startsBefore) continue;
      // From minus infinity (no lo yet) any cover that starts there reaches past the current point.
      const endsAfter = !c.hi || lo === undefined || c.hi.cmp(lo) > 0 || (c.hi.eq(lo) && c.hiIn && loIn);
      if (!endsAfter) continue;
      if (!c.hi) return true;
      if (inner.hi && (c.hi.cmp(inner.hi) > 0 || (c.hi.eq(inner.hi) && (c.hiIn || !inner.hiIn)))) return true;
      if (lo && c.hi.eq(lo) && !c.hiIn === !loIn && !c.hiIn) continue;
      lo = c.hi;
      loIn = !c.hiIn;
      progress = true;
    }
  }
  return false;
}

/** An interval as message arguments. */
function rangeArgs(i: Interval): { lo?: string; loIn: boolean; hi?: string; hiIn: boolean } {
  return { lo: i.lo?.toString(), loIn: i.loIn, hi: i.hi?.toString(), hiIn: i.hiIn };
}

/** Checks first-match bands: a final `otherwise`, no unreachable band, points in a sensible order. */
export function checkBands(ck: Checker, bands: { when?: A.Expr; span: Span; points?: Rational }[], what: { criterion?: string; let?: string }, blockSpan: Span): void {
  const covers = new Map<string, Interval[]>();
  const thresholds: { subject: string; lo: Rational; loIn: boolean; points?: Rational }[] = [];
  bands.forEach((b, i) => {
    if (!b.when) {
      if (i !== bands.length - 1) ck.error("UNREACHABLE_BAND_AFTER_OTHERWISE", what, bands[i + 1]!.span);
      return;
    }
    const r = conditionRange(b.when);
    if (!r) return;
    const list = covers.get(r.subject) ?? [];
    if (isEmpty(r.range)) ck.error("UNREACHABLE_BAND_EMPTY", { ...what, subject: r.subject }, b.span);
    else if (coveredBy(r.range, list)) ck.error("UNREACHABLE_BAND_COVERED", { ...what, subject: r.subject, ...rangeArgs(r.range) }, b.span);
    list.push(r.range);
    covers.set(r.subject, list);
    if (r.range.lo && !r.range.hi) thresholds.push({ subject: r.subject, lo: r.range.lo, loIn: r.range.loIn, points: b.points });
  });
  if (bands.length > 0 && bands[bands.length - 1]!.when) {
    ck.error("MISSING_OTHERWISE", what, blockSpan);
  }
  // "x >= 15 → 6 points, x >= 10 → 10 points": reachable, but rewards the lower result more.
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1]!;
    const cur = thresholds[i]!;
    if (prev.subject === cur.subject && prev.points && cur.points && cur.points.cmp(prev.points) > 0) {
      ck.warn("BANDS_UNORDERED", { ...what, subject: cur.subject, lo: cur.lo.toString(), loIn: cur.loIn, points: cur.points.toString(), prevLo: prev.lo.toString(), prevLoIn: prev.loIn, prevPoints: prev.points.toString() }, blockSpan);
    }
  }
}
