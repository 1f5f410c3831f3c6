/**
 * Semantic diff of two scorecards: how each band boundary moves (criterion by criterion, band by band), and the
 * inputs on a grid around every threshold whose score or grade changes. The grid is documented in dsl/README.md:
 * each input takes its thresholds and their neighbours, its bounds, and a spread of small counts; a grid larger
 * than MAX_GRID is sampled at evenly spread, deterministic points.
 */

import type * as A from "../syntax/index.ts";
import { walkExpr, printExpr } from "../syntax/index.ts";
import { constantValue, criteriaOf } from "../check/index.ts";
import { Rational } from "../eval/index.ts";
import type { InsightError } from "./threshold-table.ts";
import type { CompiledModule, CompiledRule, ExactJson } from "../types.ts";

/** How one band comparison moved; `old` or `new` is null when the band or comparison is not in that rule. */
export interface BoundaryShift {
  /** `criterion training, band 1` or `grade band 2`. */
  where: string;
  old: string | null;
  new: string | null;
  /** The name compared and its constant thresholds, when both sides are `name op constant` on the same name. */
  name?: string;
  old_threshold?: ExactJson;
  new_threshold?: ExactJson;
}

/** What a scorecard gives for one input: its score and grade, or the code of its evaluation error. */
export type ScorecardOutcome = { score: ExactJson; grade: string | null } | { error: string };

export interface ScorecardExample {
  input: Record<string, number | boolean | string>;
  old: ScorecardOutcome;
  new: ScorecardOutcome;
}

export interface ScorecardDiff {
  kind: "scorecard";
  /** Inputs evaluated: the whole grid, or MAX_GRID points of it. */
  tallies: number;
  /** The size of the whole grid (equal to tallies when it was not sampled), as decimal text: it can pass 2^53. */
  grid: string;
  /** Inputs whose score or grade differs (or that fail under one rule only). */
  changed: number;
  examples: ScorecardExample[];
  /** The band comparisons that differ, in the order of the new rule. */
  shifts: BoundaryShift[];
}

/** The most inputs a scorecard diff evaluates. */
export const MAX_GRID = 20_000;

const SPREAD = [0, 1, 2, 3, 5, 10, 20];

type Band = { when?: A.Expr };

/** The band lists of a scorecard by place: each criterion by name, and the grade. */
function bandLists(decl: A.ScorecardDecl): Map<string, { label: (i: number) => string; bands: Band[] }> {
  const out = new Map<string, { label: (i: number) => string; bands: Band[] }>();
  for (const m of decl.members) {
    if (m.kind === "criterion") for (const c of criteriaOf(m)) out.set(`criterion ${c.name}`, { label: (i) => `criterion ${c.name}, band ${i + 1}`, bands: c.bands });
    if (m.kind === "grade") out.set("grade", { label: (i) => `grade band ${i + 1}`, bands: m.bands });
    if (m.kind === "let" && m.bands) out.set(`let ${m.name}`, { label: (i) => `let ${m.name}, band ${i + 1}`, bands: m.bands });
  }
  return out;
}

const unwrap = (e: A.Expr): A.Expr => (e.kind === "paren" ? unwrap(e.expr) : e);

function comparisons(e: A.Expr | undefined): (A.Expr & { kind: "compare" })[] {
  const out: (A.Expr & { kind: "compare" })[] = [];
  if (e) walkExpr(e, (x) => x.kind === "compare" && out.push(x));
  return out;
}

/** `name op constant` (either way round): the name and the constant. */
function simpleThreshold(c: A.Expr & { kind: "compare" }): { name: string; value: Rational } | undefined {
  const l = unwrap(c.left);
  const r = unwrap(c.right);
  if (l.kind === "name") {
    const v = constantValue(r);
    if (v) return { name: l.name, value: v };
  }
  if (r.kind === "name") {
    const v = constantValue(l);
    if (v) return { name: r.name, value: v };
  }
  return undefined;
}

/** The band comparisons that differ between two scorecards. */
export function boundaryShifts(before: A.ScorecardDecl, after: A.ScorecardDecl): BoundaryShift[] {
  const a = bandLists(before);
  const b = bandLists(after);
  const places = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const out: BoundaryShift[] = [];
  for (const place of places) {
    const x = a.get(place);
    const y = b.get(place);
    const n = Math.max(x?.bands.length ?? 0, y?.bands.length ?? 0);
    for (let i = 0; i < n; i++) {
      const cx = comparisons(x?.bands[i]?.when);
      const cy = comparisons(y?.bands[i]?.when);
      const m = Math.max(cx.length, cy.length);
      for (let k = 0; k < m; k++) {
        const ox = cx[k] ? printExpr(cx[k]!) : null;
        const oy = cy[k] ? printExpr(cy[k]!) : null;
        if (ox === oy) continue;
        const shift: BoundaryShift = { where: (y ?? x)!.label(i), old: ox, new: oy };
        const sx = cx[k] && simpleThreshold(cx[k]!);
        const sy = cy[k] && simpleThreshold(cy[k]!);
        if (sx && sy && sx.name === sy.name) Object.assign(shift, { name: sx.name, old_threshold: sx.value.toJSON(), new_threshold: sy.value.toJSON() });
        out.push(shift);
      }
    }
  }
  return out;
}

type InputValue = number | boolean | string;

/** The values the grid tries for one input. */
function valuesOf(input: A.InputDecl, thresholds: Rational[], texts: string[]): InputValue[] {
  if (input.type === "boolean") return [false, true];
  if (input.type === "text") return input.options ?? [...new Set(texts.length > 0 ? [...texts, ""] : [""])];
  const lo = input.min ? constantValue(input.min)! : input.type === "ratio" || input.type === "count" ? Rational.ZERO : undefined;
  const hi = input.max ? constantValue(input.max)! : input.type === "ratio" ? Rational.ONE : undefined;
  const step = input.type === "ratio" ? Rational.of(1n, 100n) : Rational.ONE;
  const candidates: Rational[] = [];
  for (const t of thresholds) candidates.push(t.sub(step), t, t.add(step));
  if (thresholds.length === 0) for (const s of SPREAD) candidates.push(input.type === "ratio" ? Rational.of(BigInt(s), 20n) : Rational.fromInt(s));
  if (lo) candidates.push(lo);
  if (hi) candidates.push(hi);
  const kept = candidates.filter((v) => (!lo || v.cmp(lo) >= 0) && (!hi || v.cmp(hi) <= 0) && (input.type !== "count" || v.isInteger()));
  const unique = new Map(kept.map((v) => [v.toString(), v]));
  return [...unique.values()].sort((p, q) => p.cmp(q)).map((v) => (v.isInteger() ? Number(v.n) : Number(v.toDecimal(15))));
}

function outcomeOf(rule: CompiledRule, input: Record<string, InputValue>): ScorecardOutcome {
  const out = rule.evaluate(input);
  if (!out.ok) return { error: out.error.code };
  return out.result.kind === "scorecard" ? { score: out.result.score, grade: out.result.grade } : { error: "NOT_A_SCORECARD" };
}

const same = (x: ScorecardOutcome, y: ScorecardOutcome): boolean => JSON.stringify(x) === JSON.stringify(y);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Compares two scorecards: band boundary shifts, and score or grade changes on the input grid. */
export function diffScorecards(before: { rule: CompiledRule; decl: A.ScorecardDecl }, after: { rule: CompiledRule; decl: A.ScorecardDecl }, examples = 10): ScorecardDiff {
  const inputs = new Map<string, A.InputDecl>();
  for (const d of [after.decl, before.decl]) for (const m of d.members) if (m.kind === "input" && !inputs.has(m.name)) inputs.set(m.name, m);
  // Thresholds and texts each input is compared with directly, in either rule.
  const thresholds = new Map<string, Rational[]>();
  const texts = new Map<string, string[]>();
  for (const d of [before.decl, after.decl]) {
    for (const m of d.members) {
      const conditions = m.kind === "criterion" || m.kind === "grade" ? m.bands.map((b) => b.when) : [];
      for (const c of conditions.flatMap(comparisons)) {
        const s = simpleThreshold(c);
        if (s) thresholds.set(s.name, [...(thresholds.get(s.name) ?? []), s.value]);
        const l = unwrap(c.left);
        const r = unwrap(c.right);
        if (l.kind === "name" && r.kind === "string") texts.set(l.name, [...(texts.get(l.name) ?? []), r.value]);
      }
    }
  }
  const names = [...inputs.keys()];
  const axes = names.map((n) => valuesOf(inputs.get(n)!, thresholds.get(n) ?? [], texts.get(n) ?? []));
  const grid = axes.reduce((p, a) => p * BigInt(Math.max(a.length, 1)), 1n);
  const count = grid < BigInt(MAX_GRID) ? Number(grid) : MAX_GRID;
  // Sampled points walk the grid with a stride coprime to its size, so every axis value recurs.
  let stride = grid <= BigInt(MAX_GRID) ? 1n : grid / BigInt(MAX_GRID) + 1n;
  while (grid > BigInt(MAX_GRID) && gcd(stride, grid) !== 1n) stride++;
  const own = (d: A.ScorecardDecl) => new Set(d.members.filter((m): m is A.InputDecl => m.kind === "input").map((m) => m.name));
  const beforeInputs = own(before.decl);
  const afterInputs = own(after.decl);
  let changed = 0;
  const found: ScorecardExample[] = [];
  for (let j = 0; j < count; j++) {
    let index = (BigInt(j) * stride) % grid;
    const input: Record<string, InputValue> = {};
    for (let k = names.length - 1; k >= 0; k--) {
      const axis = axes[k]!;
      const size = BigInt(axis.length);
      input[names[k]!] = axis[Number(index % size)]!;
      index /= size;
    }
    const pick = (keep: Set<string>) => Object.fromEntries(Object.entries(input).filter(([k]) => keep.has(k)));
    const o = outcomeOf(before.rule, pick(beforeInputs));
    const w = outcomeOf(after.rule, pick(afterInputs));
    if (same(o, w)) continue;
    changed++;
    if (found.length < examples) found.push({ input: Object.fromEntries(names.map((n) => [n, input[n]!])), old: o, new: w });
  }
  return { kind: "scorecard", tallies: count, grid: grid.toString(), changed, examples: found, shifts: boundaryShifts(before.decl, after.decl) };
}

/** The scorecard `name` of a module with its declaration. */
export function scorecardOf(module: CompiledModule, name: string): { ok: true; rule: CompiledRule; decl: A.ScorecardDecl } | { ok: false; error: InsightError } {
  const rule = module.scope.get(name);
  const info = module.analysed.infos.get(name);
  if (!rule || !info) return { ok: false, error: { code: "UNKNOWN_RULE", message: `There is no rule '${name}'.` } };
  if (info.decl.kind !== "scorecard") return { ok: false, error: { code: "KIND_MISMATCH", message: `'${name}' is a ${info.decl.kind}; a scorecard is compared with a scorecard only.` } };
  return { ok: true, rule, decl: info.decl };
}
