/**
 * Boundary coverage: for each threshold of a rule, whether the tests sit one below it, exactly on it and one above
 * it. A vote's or an election's threshold is a clause and its `needed` count (see margins.ts); a scorecard's or a
 * rating's is each comparison inside a band or grade condition, `name op expression`, solved for the name.
 */

import type * as A from "../syntax/index.ts";
import { walkExpr, printExpr } from "../syntax/index.ts";
import { constantValue, criteriaOf, type RuleInfo } from "../check/index.ts";
import { ceilDiv, floorDiv, linearize, NotLinear, type Condition, clauseCount, Rational } from "../eval/index.ts";
import type { TestRun } from "./testing.ts";
import type { CompiledModule, JsonValue, RuleResult, Span } from "../types.ts";

export type BoundaryPosition = "below" | "on" | "above";
export const BOUNDARY_POSITIONS: readonly BoundaryPosition[] = ["below", "on", "above"];

/** One threshold of a rule that tests should sit around. */
export interface BoundaryThreshold {
  id: string;
  rule: string;
  /** Where it is: `quorum`, `criterion training, band 1`, `grade band 2`. */
  where: string;
  /** The comparison, as written: `present > 2/3 of entitled`, `training_days >= 15`. */
  text: string;
  /** The count or value the threshold is about. */
  name: string;
  /**
   * Whether `name` is a whole count: then below, on and above are needed − 1, needed and needed + 1, needed being
   * the least value that makes the comparison true (the greatest for `<`, `<=`); else below and above are any
   * value under and over the exact threshold, on is the threshold itself.
   */
  whole: boolean;
  /** Positions no input can reach: outside a count input's declared min and max (e.g. one above `max 12`). */
  impossible: BoundaryPosition[];
  span: Span;
}

/** A threshold and where the tests of a run sit around it. */
export interface BoundaryResult extends BoundaryThreshold {
  below: boolean;
  on: boolean;
  above: boolean;
  /** The positions no test sits on. */
  missing: BoundaryPosition[];
}

const unwrap = (e: A.Expr): A.Expr => (e.kind === "paren" ? unwrap(e.expr) : e);

/** The comparisons inside a condition whose one side is a lone name, in source order. */
function comparisonsIn(e: A.Expr): (A.Expr & { kind: "compare" })[] {
  const out: (A.Expr & { kind: "compare" })[] = [];
  walkExpr(e, (x) => {
    if (x.kind === "compare" && (unwrap(x.left).kind === "name" || unwrap(x.right).kind === "name")) out.push(x);
  });
  return out;
}

/** Every threshold of the rules a module defines. */
export function boundaryThresholds(module: CompiledModule): BoundaryThreshold[] {
  const { infos } = module.analysed;
  return module.rules.flatMap((rule) => {
    const info = infos.get(rule.name);
    return info ? thresholdsOf(info) : [];
  });
}

/** The thresholds of one checked rule. */
function thresholdsOf(info: RuleInfo): BoundaryThreshold[] {
  const out: BoundaryThreshold[] = [];
  {
    const d = info.decl;
    const isWhole = (name: string) => info.symbols.get(name)?.type === "count";
    if (d.kind === "vote" || d.kind === "election") {
      const counts = new Set([...info.symbols.values()].filter((s) => s.kind === "fact").map((s) => s.name));
      for (const m of d.members) {
        if (m.kind !== "clause" && m.kind !== "electionClause") continue;
        const name = clauseCount(m.expr, counts);
        if (name !== null) out.push({ id: `${d.name}:${m.name}`, rule: d.name, where: m.name, text: printExpr(m.expr), name, whole: true, impossible: [], span: m.span });
      }
      return out;
    }
    const bandsOf = (bands: { when?: A.Expr; span: Span }[], where: (i: number) => string, prefix: string) =>
      bands.forEach((b, i) => {
        if (!b.when) return;
        comparisonsIn(b.when).forEach((c, k) => {
          const lone = unwrap(c.left).kind === "name" ? unwrap(c.left) : unwrap(c.right);
          const name = (lone as { name: string }).name;
          const whole = isWhole(name);
          out.push({ id: `${d.name}:${prefix}:${i}:${k}`, rule: d.name, where: where(i), text: printExpr(c), name, whole, impossible: whole ? unreachable(d, c, name) : unreachablePoints(d, c, name), span: c.span });
        });
      });
    for (const m of d.members as readonly { kind: string }[]) {
      if (m.kind === "criterion") {
        for (const c of criteriaOf(m as A.CriterionDecl)) bandsOf(c.bands, (i) => `criterion ${c.name}, band ${i + 1}`, c.name);
      } else if (m.kind === "grade") bandsOf((m as A.GradeDecl).bands, (i) => `grade band ${i + 1}`, "grade");
      else if (m.kind === "let" && (m as A.LetDecl).bands) {
        const l = m as A.LetDecl;
        bandsOf(l.bands!, (i) => `let ${l.name}, band ${i + 1}`, l.name);
      }
    }
  }
  return out;
}

/** For `input op constant` on a count input with a declared range: the positions outside that range. */
function unreachable(d: A.RuleDecl, c: A.Expr, name: string): BoundaryPosition[] {
  const input = (d.members as readonly { kind: string; name?: string }[]).find((m): m is A.InputDecl => m.kind === "input" && m.name === name);
  if (!input) return [];
  let cond: Condition;
  try {
    const v = linearize(c, new Set([name]), new Map());
    if (!("kind" in v)) return [];
    cond = v;
  } catch (e) {
    if (e instanceof NotLinear) return [];
    throw e;
  }
  const lo = input.min ? constantValue(input.min) : Rational.ZERO;
  const hi = input.max ? constantValue(input.max) : undefined;
  const needed = neededOf(cond, name);
  if (needed === undefined) return [];
  const out: BoundaryPosition[] = [];
  for (const [p, delta] of [["below", -1], ["on", 0], ["above", 1]] as const) {
    const v = Rational.fromInt(needed + BigInt(delta));
    if ((lo && v.cmp(lo) < 0) || (hi && v.cmp(hi) > 0)) out.push(p);
  }
  return out;
}

/** For `criterion op constant` where the criterion's bands all give constant points: the positions no points reach. */
function unreachablePoints(d: A.RuleDecl, c: A.Expr, name: string): BoundaryPosition[] {
  const criterion = (d.members as readonly { kind: string }[])
    .flatMap((m) => (m.kind === "criterion" ? criteriaOf(m as A.CriterionDecl) : []))
    .find((m) => m.name === name);
  const points = criterion?.bands.map((b) => constantValue(b.points));
  if (!points || points.some((p) => p === undefined)) return [];
  let cond: Condition;
  try {
    const v = linearize(c, new Set([name]), new Map());
    if (!("kind" in v) || v.kind !== "atom" || v.form.coef.size !== 1) return [];
    cond = v;
  } catch (e) {
    if (e instanceof NotLinear) return [];
    throw e;
  }
  if (cond.kind !== "atom") return [];
  const s = cond.form.coef.get(name)!;
  const t = cond.form.constant.neg().div(s);
  const values = points as Rational[];
  const out: BoundaryPosition[] = [];
  if (!values.some((v) => v.cmp(t) < 0)) out.push("below");
  if (!values.some((v) => v.cmp(t) === 0)) out.push("on");
  if (!values.some((v) => v.cmp(t) > 0)) out.push("above");
  return out;
}

/** The needed whole value of `x` for an atom in x alone (see atomPosition). */
function neededOf(c: Condition, x: string): bigint | undefined {
  if (c.kind !== "atom") return undefined;
  const s = c.form.coef.get(x) ?? Rational.ZERO;
  if (s.isZero() || c.form.coef.size > 1) return undefined;
  const t = c.form.constant.neg().div(s);
  const flipped = s.isNegative() ? ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "!=": "!=" } as const)[c.op] : c.op;
  switch (flipped) {
    case ">": return floorDiv(t.n, t.d) + 1n;
    case ">=": return ceilDiv(t.n, t.d);
    case "<": return ceilDiv(t.n, t.d) - 1n;
    case "<=": return floorDiv(t.n, t.d);
    default: return t.isInteger() ? t.n : undefined;
  }
}

function rationalOf(v: JsonValue | undefined): Rational | undefined {
  if (typeof v === "number") return Rational.fromNumber(v);
  if (typeof v === "object" && v !== null) return Rational.of(BigInt(v.num), BigInt(v.den));
  return undefined;
}

/** Position of an actual value against a needed count (whole) or an exact threshold. */
function positionOf(diff: Rational, whole: boolean): BoundaryPosition | undefined {
  if (whole) return diff.eq(Rational.fromInt(-1)) ? "below" : diff.isZero() ? "on" : diff.eq(Rational.ONE) ? "above" : undefined;
  return diff.isNegative() ? "below" : diff.isZero() ? "on" : "above";
}

/** The position of `x` around the comparison `form op 0` solved for x, the other names at their values. */
function atomPosition(c: Condition, x: string, env: ReadonlyMap<string, Rational>, whole: boolean): BoundaryPosition | undefined {
  if (c.kind !== "atom") return undefined;
  const actual = env.get(x);
  if (!actual) return undefined;
  let s = Rational.ZERO;
  let k = c.form.constant;
  for (const [name, coef] of c.form.coef) {
    if (name === x) s = s.add(coef);
    else {
      const v = env.get(name);
      if (!v) return undefined;
      k = k.add(coef.mul(v));
    }
  }
  if (s.isZero()) return undefined;
  const t = k.neg().div(s);
  if (!whole) return positionOf(actual.sub(t), false);
  const flipped = s.isNegative() ? ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "!=": "!=" } as const)[c.op] : c.op;
  let needed: bigint;
  switch (flipped) {
    case ">": needed = floorDiv(t.n, t.d) + 1n; break;
    case ">=": needed = ceilDiv(t.n, t.d); break;
    case "<": needed = ceilDiv(t.n, t.d) - 1n; break;
    case "<=": needed = floorDiv(t.n, t.d); break;
    default:
      if (!t.isInteger()) return undefined;
      needed = t.n;
  }
  return positionOf(actual.sub(Rational.fromInt(needed)), true);
}

/** The values a scorecard's or rating's test saw, by name: its inputs, lets, criteria, score, levels and ballots. */
function environmentOf(result: RuleResult, args: readonly A.TestArg[]): Map<string, Rational> {
  const env = new Map<string, Rational>();
  for (const a of args) {
    if (a.value.kind === "tally" || a.value.kind === "list") continue;
    const v = constantValue(a.value);
    if (v) env.set(a.name, v);
  }
  for (const [k, v] of Object.entries(result.values)) {
    const r = rationalOf(v);
    if (r) env.set(k, r);
  }
  if (result.kind === "scorecard") {
    for (const c of result.criteria) env.set(c.name, rationalOf(c.points)!);
    env.set("score", rationalOf(result.score)!);
  } else if (result.kind === "rating") {
    for (const [k, v] of Object.entries(result.counts)) env.set(k, Rational.fromInt(v));
    env.set("ballots", Rational.fromInt(result.ballots));
  }
  return env;
}

/** The positions (`${thresholdId}:${position}`) the tests of a run sit on, for every rule they evaluated. */
export function boundaryHits(module: CompiledModule, run: TestRun): Set<string> {
  const { tests, infos } = module.analysed;
  const hits = new Set<string>();
  const decls = new Map(tests.map((t) => [t.span.offset, t]));
  const conditions = new Map<string, Map<string, { expr: A.Expr; name: string; whole: boolean }>>();
  for (const t of run.results) {
    const result = t.result;
    if (!result) continue;
    if (result.kind === "vote" || result.kind === "election") {
      const add = (clause: string, needed: number | null | undefined, actual: number | null | undefined) => {
        if (needed === null || needed === undefined || actual === null || actual === undefined) return;
        const p = positionOf(Rational.fromInt(actual - needed), true);
        if (p) hits.add(`${result.rule}:${clause}:${p}`);
      };
      for (const [clause, m] of Object.entries(result.margins)) if (m.bound !== null) add(clause, m.needed, m.actual);
      if (result.kind === "election") {
        const clause = result.facts.round === 1 ? "elected" : "runoff";
        for (const c of result.candidates) add(clause, c.needed, c.votes);
      }
      continue;
    }
    const decl = decls.get(t.span.offset);
    const info = infos.get(result.rule);
    if (!decl || !info) continue;
    let atoms = conditions.get(result.rule);
    if (!atoms) {
      atoms = new Map();
      conditions.set(result.rule, atoms);
      // The thresholds of this rule with their comparisons (a rule imported from another file included).
      const own = thresholdsOf(info);
      const byOffset = new Map<string, A.Expr>();
      walkAll(info.decl, (e) => byOffset.set(`${e.span.offset}:${e.span.endOffset}`, e));
      for (const th of own) {
        const expr = byOffset.get(`${th.span.offset}:${th.span.endOffset}`);
        if (expr) atoms.set(th.id, { expr, name: th.name, whole: th.whole });
      }
    }
    const env = environmentOf(result, decl.args);
    const names = new Set(env.keys());
    for (const [id, a] of atoms) {
      let c: Condition;
      try {
        const v = linearize(a.expr, names, new Map());
        if (!("kind" in v)) continue;
        c = v;
      } catch (e) {
        if (e instanceof NotLinear) continue;
        throw e;
      }
      const p = atomPosition(c, a.name, env, a.whole);
      if (p) hits.add(`${id}:${p}`);
    }
  }
  return hits;
}

function walkAll(decl: A.RuleDecl, visit: (e: A.Expr) => void): void {
  for (const m of decl.members as readonly { kind: string }[]) {
    if (m.kind === "criterion") for (const c of criteriaOf(m as A.CriterionDecl)) for (const b of c.bands) b.when && walkExpr(b.when, visit);
    if (m.kind === "grade") for (const b of (m as A.GradeDecl).bands) b.when && walkExpr(b.when, visit);
    if (m.kind === "let") for (const b of (m as A.LetDecl).bands ?? []) b.when && walkExpr(b.when, visit);
  }
}

/** Each threshold with where the hits put tests, and the positions missing. */
export function boundaryResults(thresholds: readonly BoundaryThreshold[], hits: ReadonlySet<string>): BoundaryResult[] {
  return thresholds.map((th) => {
    const at = (p: BoundaryPosition) => hits.has(`${th.id}:${p}`);
    return { ...th, below: at("below"), on: at("on"), above: at("above"), missing: BOUNDARY_POSITIONS.filter((p) => !at(p) && !th.impossible.includes(p)) };
  });
}
