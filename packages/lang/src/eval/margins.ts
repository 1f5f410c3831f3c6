/**
 * Margins: for each clause of a vote or an election, the least whole count that makes it true (`needed`) and
 * how far the actual count is from it (`margin`). Solved exactly from the clause's linear form (see
 * linear-clause.ts): ceilings and floors of exact fractions, no float and no scanning.
 */

import type * as A from "../syntax/index.ts";
import { ELECTION_FACTS, VOTE_FACTS } from "../check/index.ts";
import { expandCondition, linearRule, mentions, solveFor, wholeForm, type Condition, type IntSet, type LinearForm, type LinearRule, type Range } from "./linear-clause.ts";
import { Rational, safeIntegerOf } from "./rational.ts";
import type { ClauseMargin, MarginBound } from "../types.ts";

export type { ClauseMargin, MarginBound };

const NO_MARGIN: ClauseMargin = { count: null, actual: null, needed: null, margin: null, bound: null, range: null };

/** The facts a rule kind counts with, which of them are derived and how, and the range each can take. */
interface CountModel {
  counts: ReadonlySet<string>;
  derived: ReadonlyMap<string, LinearForm>;
  range(count: string, values: ReadonlyMap<string, bigint>): Range;
}

const sumOf = (...names: string[]): LinearForm => ({ coef: new Map(names.map((n) => [n, Rational.ONE])), constant: Rational.ZERO });

/** A vote: present within the roster, every vote count within those present, the roster unbounded. */
export const VOTE_MODEL: CountModel = {
  counts: new Set(VOTE_FACTS),
  derived: new Map([["cast", sumOf("yes", "no", "abstain")]]),
  range(count, v) {
    if (count === "entitled") return { lo: 0n, hi: null };
    if (count === "present") return { lo: 0n, hi: v.get("entitled") ?? 0n };
    return { lo: 0n, hi: v.get("present") ?? 0n };
  },
};

/** An election round: voters within the registered, a candidate's votes within the valid ballots. */
export const ELECTION_MODEL: CountModel = {
  counts: new Set([...ELECTION_FACTS, "votes"]),
  derived: new Map([["valid", { coef: new Map([["ballots", Rational.ONE], ["invalid", Rational.ONE.neg()]]), constant: Rational.ZERO }]]),
  range(count, v) {
    switch (count) {
      case "voters": return { lo: 0n, hi: v.get("registered") ?? 0n };
      case "invalid":
      case "valid": return { lo: 0n, hi: v.get("ballots") ?? 0n };
      case "votes": return { lo: 0n, hi: v.get("valid") ?? 0n };
      case "seats":
      case "round": return { lo: 1n, hi: null };
      default: return { lo: 0n, hi: null };
    }
  },
};

// A memo cache, not a hand-off: linearRuleOf computes the same value again for a declaration it has not seen.
const cache = new WeakMap<object, LinearRule>();

/** The linear reading of a rule's members, once per declaration. */
export function linearRuleOf(decl: A.VoteDecl | A.ElectionDecl, model: CountModel): LinearRule {
  let r = cache.get(decl);
  if (!r) {
    r = linearRule(decl.members as readonly { kind: string; name?: string; expr?: A.Expr }[], model.counts);
    cache.set(decl, r);
  }
  return r;
}

const unwrap = (e: A.Expr): A.Expr => (e.kind === "paren" ? unwrap(e.expr) : e);

/** The count a clause is about: the fact alone on the left of its first comparison, else alone on its right. */
export function clauseCount(expr: A.Expr, counts: ReadonlySet<string>): string | null {
  // Depth-first, left to right, without recursion or argument spreads: a chain may have tens of thousands of operands.
  const stack = [expr];
  while (stack.length > 0) {
    const e = unwrap(stack.pop()!);
    if (e.kind === "compare") {
      for (const side of [unwrap(e.left), unwrap(e.right)]) if (side.kind === "name" && counts.has(side.name)) return side.name;
      return null;
    }
    if (e.kind === "logic") for (let i = e.operands.length - 1; i >= 0; i--) stack.push(e.operands[i]!);
    else if (e.kind === "not") stack.push(e.operand);
  }
  return null;
}

/** Whether the clause grows true with its count (`x > …`), judged by its first comparison that mentions it. */
function risesWith(c: Condition, x: string): boolean {
  switch (c.kind) {
    case "atom": {
      const s = c.form.coef.get(x) ?? Rational.ZERO;
      const up = c.op === ">" || c.op === ">=";
      const down = c.op === "<" || c.op === "<=";
      return s.isNegative() ? down : up || !down;
    }
    case "not":
      return !risesWith(c.part, x);
    case "and":
    case "or":
      return risesWith(c.parts.find((p) => mentions(p, x)) ?? c.parts[0]!, x);
    default:
      return true;
  }
}

const toNumber = (n: bigint | null): number | null => (n === null ? null : safeIntegerOf(n));

/** needed, margin and bound from the set of counts at which the clause holds. */
export function marginFromSet(set: IntSet, range: Range, actual: bigint, rises: boolean): Pick<ClauseMargin, "needed" | "margin" | "bound"> {
  if (set.length === 0) return { needed: null, margin: null, bound: null };
  const first = set[0]!;
  if (set.length > 1) return { needed: toNumber(first.lo), margin: null, bound: null };
  const toTop = first.hi === range.hi;
  const fromBottom = first.lo === range.lo;
  const atLeast = (): Pick<ClauseMargin, "needed" | "margin" | "bound"> => ({ needed: toNumber(first.lo), margin: toNumber(actual - first.lo), bound: "at_least" });
  const atMost = (hi: bigint): Pick<ClauseMargin, "needed" | "margin" | "bound"> => ({ needed: toNumber(hi), margin: toNumber(hi - actual), bound: "at_most" });
  if (toTop && fromBottom) return !rises && first.hi !== null ? atMost(first.hi) : atLeast();
  if (toTop) return atLeast();
  if (fromBottom && first.hi !== null) return atMost(first.hi);
  if (first.hi === first.lo) return { needed: toNumber(first.lo), margin: toNumber(actual - first.lo), bound: "exactly" };
  return { needed: toNumber(first.lo), margin: null, bound: null };
}

// A memo cache, not a hand-off: expandedFor computes the same value again for a condition it has not seen.
const expanded = new WeakMap<Condition, Map<string, Condition>>();

/**
 * The condition with derived counts written out, once per clause and count: the count moves alone, so a derived
 * count (cast) is the unknown itself, and a base count moves its derived ones with it.
 */
function expandedFor(condition: Condition, count: string, model: CountModel): Condition {
  let byCount = expanded.get(condition);
  if (!byCount) expanded.set(condition, (byCount = new Map()));
  let c = byCount.get(count);
  if (!c) byCount.set(count, (c = expandCondition(condition, model.derived, model.derived.has(count) ? count : undefined)));
  return c;
}

/** The margin of one clause at the given counts (derived counts included in `values`). */
export function clauseMargin(expr: A.Expr, condition: Condition | undefined, model: CountModel, values: ReadonlyMap<string, bigint>): ClauseMargin {
  const count = clauseCount(expr, model.counts);
  if (count === null || condition === undefined) return NO_MARGIN;
  const actual = values.get(count);
  if (actual === undefined) return NO_MARGIN;
  const c = expandedFor(condition, count, model);
  const range = model.range(count, values);
  const set = solveFor(c, count, values, range);
  return { count, actual: Number(actual), ...marginFromSet(set, range, actual, risesWith(c, count)), range: { min: Number(range.lo), max: toNumber(range.hi) } };
}

/** The values of a rule's counts, as bigints, from an evaluation environment of rationals. */
export function countValues(env: ReadonlyMap<string, unknown>, counts: ReadonlySet<string>): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const name of counts) {
    const v = env.get(name);
    if (v instanceof Rational && v.isInteger()) out.set(name, v.n);
  }
  return out;
}

/** The margins of every clause of a vote, by clause name. */
export function voteMargins(decl: A.VoteDecl, env: ReadonlyMap<string, unknown>): Record<string, ClauseMargin> {
  const linear = linearRuleOf(decl, VOTE_MODEL);
  const values = countValues(env, VOTE_MODEL.counts);
  const out: Record<string, ClauseMargin> = {};
  for (const m of decl.members) if (m.kind === "clause") out[m.name] = clauseMargin(m.expr, linear.clauses.get(m.name), VOTE_MODEL, values);
  return out;
}

/** The margin of an election clause at the given counts (with `votes` for a candidate's clause). */
export function electionMargin(decl: A.ElectionDecl, clause: A.ElectionClauseDecl, env: ReadonlyMap<string, unknown>): ClauseMargin {
  const linear = linearRuleOf(decl, ELECTION_MODEL);
  return clauseMargin(clause.expr, linear.clauses.get(clause.name), ELECTION_MODEL, countValues(env, ELECTION_MODEL.counts));
}

/** Counts beyond this go to the bigint solver: the planned solver's sums then stay exact in doubles. */
const PLANNED_COUNT_BOUND = 2 ** 20;
const PLANNED_COEF_BOUND = 2 ** 26;
const PLANNED_CONSTANT_BOUND = 2 ** 50;

/** One clause's margin from whole-number counts (VOTE_FACTS order), in doubles. */
type PlannedMargin = (v: readonly number[]) => ClauseMargin;

const floorOf = (n: number, d: number): number => (n - (((n % d) + d) % d)) / d;

/**
 * A clause that is one comparison `s·count + k op 0` solved in doubles, exactly as clauseMargin solves it in
 * bigints: every term is a whole number below 2^53 when the counts are at most PLANNED_COUNT_BOUND.
 */
function plannedAtom(count: string, c: Extract<Condition, { kind: "atom" }>, rises: boolean): PlannedMargin | undefined {
  if (c.op === "!=") return undefined;
  const w = wholeForm(c.form);
  const x = VOTE_FACTS.indexOf(count as (typeof VOTE_FACTS)[number]);
  const coef = VOTE_FACTS.map(() => 0);
  for (const [name, k] of w.coef) {
    const i = VOTE_FACTS.indexOf(name as (typeof VOTE_FACTS)[number]);
    if (i < 0 || k > BigInt(PLANNED_COEF_BOUND) || k < -BigInt(PLANNED_COEF_BOUND)) return undefined;
    coef[i] = Number(k);
  }
  if (w.constant > BigInt(PLANNED_CONSTANT_BOUND) || w.constant < -BigInt(PLANNED_CONSTANT_BOUND)) return undefined;
  const constant = Number(w.constant);
  const s = coef[x]!;
  // The range of the count: entitled unbounded, present within entitled, every vote count within present.
  const rangeOf = x === 0 ? -1 : x === 1 ? 0 : 1;
  let op = c.op;
  if (s < 0) op = ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "!=": "!=" } as const)[op];
  return (v) => {
    let k = constant;
    for (let i = 0; i < coef.length; i++) if (i !== x) k += coef[i]! * v[i]!;
    const actual = v[x]!;
    const hi = rangeOf < 0 ? null : v[rangeOf]!;
    let lo: number | null = 0;
    let top: number | null = null;
    if (s === 0) {
      if (!compareZeroNumber(k, c.op)) lo = null;
      else top = hi;
    } else {
      // s·x + k op 0  ⇔  x op' num/den, den > 0.
      const num = s < 0 ? k : 0 - k; // 0 - k: never -0, which the bigint solver cannot give
      const den = s < 0 ? -s : s;
      const floor = floorOf(num, den);
      const whole = floor * den === num;
      const ceil = whole ? floor : floor + 1;
      switch (op) {
        case ">": lo = Math.max(floor + 1, 0); break;
        case ">=": lo = Math.max(ceil, 0); break;
        case "<": top = ceil - 1; break;
        case "<=": top = floor; break;
        default: if (whole) { lo = Math.max(floor, 0); top = floor; if (floor < 0) lo = null; } else lo = null;
      }
      top = top === null ? hi : hi === null ? top : Math.min(top, hi);
      if (lo !== null && top !== null && lo > top) lo = null;
    }
    const range = { min: 0, max: hi };
    if (lo === null) return { count, actual, needed: null, margin: null, bound: null, range };
    const toTop = top === hi;
    const fromBottom = lo === 0;
    const atLeast = (): ClauseMargin => ({ count, actual, needed: lo, margin: actual - lo!, bound: "at_least", range });
    const atMost = (t: number): ClauseMargin => ({ count, actual, needed: t, margin: t - actual, bound: "at_most", range });
    if (toTop && fromBottom) return !rises && top !== null ? atMost(top) : atLeast();
    if (toTop) return atLeast();
    if (fromBottom && top !== null) return atMost(top);
    if (top === lo) return { count, actual, needed: lo, margin: actual - lo, bound: "exactly", range };
    return { count, actual, needed: lo, margin: null, bound: null, range };
  };
}

function compareZeroNumber(n: number, op: A.CompareOp): boolean {
  switch (op) {
    case "=": return n === 0;
    case "!=": return n !== 0;
    case "<": return n < 0;
    case "<=": return n <= 0;
    case ">": return n > 0;
    case ">=": return n >= 0;
  }
}

/**
 * The margins of a vote's clauses from whole counts (entitled, present, yes, no, abstain, cast), planned once per
 * declaration: a clause that is one comparison is solved in doubles; any other clause, or counts beyond
 * PLANNED_COUNT_BOUND, by clauseMargin in bigints. Both give the same answer (margins.test.ts).
 */
export function planVoteMargins(decl: A.VoteDecl): (v: readonly number[]) => Record<string, ClauseMargin> {
  const linear = linearRuleOf(decl, VOTE_MODEL);
  const clauses: { name: string; planned?: PlannedMargin; exact: (v: ReadonlyMap<string, bigint>) => ClauseMargin }[] = [];
  for (const m of decl.members) {
    if (m.kind !== "clause") continue;
    const condition = linear.clauses.get(m.name);
    const exact = (v: ReadonlyMap<string, bigint>) => clauseMargin(m.expr, condition, VOTE_MODEL, v);
    const count = clauseCount(m.expr, VOTE_MODEL.counts);
    if (count === null || condition === undefined) {
      clauses.push({ name: m.name, planned: () => NO_MARGIN, exact });
      continue;
    }
    const c = expandedFor(condition, count, VOTE_MODEL);
    clauses.push({ name: m.name, planned: c.kind === "atom" ? plannedAtom(count, c, risesWith(c, count)) : undefined, exact });
  }
  return (v) => {
    const small = v.every((x) => x <= PLANNED_COUNT_BOUND);
    let big: Map<string, bigint> | undefined;
    const out: Record<string, ClauseMargin> = {};
    for (const c of clauses) {
      if (small && c.planned) out[c.name] = c.planned(v);
      else out[c.name] = c.exact((big ??= new Map(VOTE_FACTS.map((name, i) => [name, BigInt(v[i]!)]))));
    }
    return out;
  };
}
