/**
 * Clauses as exact linear conditions over a rule's counts: the ground under margins, threshold tables and
 * the semantic diff. A clause such as `present > 2/3 of entitled` becomes the atom `present − 2/3·entitled > 0`;
 * `and`, `or` and `not` combine atoms. Solving an atom for one count gives a set of whole numbers, in
 * closed form (floor and ceiling of exact fractions), never by scanning and never with a float.
 */

import type * as A from "../syntax/index.ts";
import { walkExpr } from "../syntax/index.ts";
import { Rational } from "../eval/index.ts";

/** Σ coef[name]·name + constant, over count names (derived ones such as `cast` kept by name). */
export interface LinearForm {
  coef: Map<string, Rational>;
  constant: Rational;
}

/** A condition on the counts: atoms `form op 0` combined by and / or / not. */
export type Condition =
  | { kind: "const"; value: boolean }
  | { kind: "atom"; form: LinearForm; op: A.CompareOp }
  | { kind: "and" | "or"; parts: Condition[] }
  | { kind: "not"; part: Condition };

/** Why a clause has no linear form: a count times a count, a count in a divisor, min/max of counts, text. */
export class NotLinear extends Error {}

type Symbolic = LinearForm | Condition;

const isForm = (v: Symbolic): v is LinearForm => "coef" in v;

function constantForm(c: Rational): LinearForm {
  return { coef: new Map(), constant: c };
}

function isConstant(f: LinearForm): boolean {
  for (const c of f.coef.values()) if (!c.isZero()) return false;
  return true;
}

function combine(l: LinearForm, r: LinearForm, sign: 1 | -1): LinearForm {
  const coef = new Map(l.coef);
  for (const [k, c] of r.coef) coef.set(k, (coef.get(k) ?? Rational.ZERO)[sign === 1 ? "add" : "sub"](c));
  return { coef, constant: sign === 1 ? l.constant.add(r.constant) : l.constant.sub(r.constant) };
}

function scale(f: LinearForm, k: Rational): LinearForm {
  const coef = new Map<string, Rational>();
  for (const [n, c] of f.coef) coef.set(n, c.mul(k));
  return { coef, constant: f.constant.mul(k) };
}

/**
 * The linear form or condition of `e`. `counts` are the names that stay symbolic; `lets` holds the symbolic
 * value of each let seen so far. Throws NotLinear for anything outside linear arithmetic and comparisons.
 */
export function linearize(e: A.Expr, counts: ReadonlySet<string>, lets: ReadonlyMap<string, Symbolic>): Symbolic {
  switch (e.kind) {
    case "number":
      return constantForm(e.value);
    case "bool":
      return { kind: "const", value: e.value };
    case "paren":
      return linearize(e.expr, counts, lets);
    case "name": {
      if (counts.has(e.name)) return { coef: new Map([[e.name, Rational.ONE]]), constant: Rational.ZERO };
      const v = lets.get(e.name);
      if (v === undefined) throw new NotLinear(`unknown name ${e.name}`);
      return v;
    }
    case "neg":
      return scale(form(e.operand, counts, lets), Rational.ONE.neg());
    case "not":
      return { kind: "not", part: condition(e.operand, counts, lets) };
    case "logic":
      return { kind: e.op, parts: e.operands.map((o) => condition(o, counts, lets)) };
    case "compare": {
      const l = form(e.left, counts, lets);
      const r = form(e.right, counts, lets);
      return { kind: "atom", form: combine(l, r, -1), op: e.op };
    }
    case "arith": {
      let acc = form(e.operands[0]!, counts, lets);
      for (let i = 1; i < e.operands.length; i++) {
        const r = form(e.operands[i]!, counts, lets);
        const op = e.ops[i - 1]!;
        if (op === "+" || op === "-") acc = combine(acc, r, op === "+" ? 1 : -1);
        else if (op === "*" || op === "of") {
          if (isConstant(r)) acc = scale(acc, r.constant);
          else if (isConstant(acc)) acc = scale(r, acc.constant);
          else throw new NotLinear("a count times a count");
        } else {
          if (!isConstant(r) || r.constant.isZero()) throw new NotLinear("a count in a divisor");
          acc = scale(acc, Rational.ONE.div(r.constant));
        }
      }
      return acc;
    }
    case "call": {
      const args = e.args.map((a) => form(a, counts, lets));
      if (!args.every(isConstant)) throw new NotLinear(`${e.callee} of counts`);
      const values = args.map((a) => a.constant);
      return constantForm(values.reduce((a, b) => ((e.callee === "min" ? a.cmp(b) <= 0 : a.cmp(b) >= 0) ? a : b)));
    }
    default:
      throw new NotLinear(e.kind);
  }
}

function form(e: A.Expr, counts: ReadonlySet<string>, lets: ReadonlyMap<string, Symbolic>): LinearForm {
  const v = linearize(e, counts, lets);
  if (!isForm(v)) throw new NotLinear("a condition used as a number");
  return v;
}

function condition(e: A.Expr, counts: ReadonlySet<string>, lets: ReadonlyMap<string, Symbolic>): Condition {
  const v = linearize(e, counts, lets);
  if (isForm(v)) throw new NotLinear("a number used as a condition");
  return v;
}

/** The conditions of a rule's clauses and requires, lets read in order; undefined for a clause that is not linear. */
export interface LinearRule {
  clauses: Map<string, Condition | undefined>;
  requires: (Condition | undefined)[];
}

/** Reads the members of a vote or election: each let, require and clause as a linear form or condition. */
export function linearRule(
  members: readonly { kind: string; name?: string; expr?: A.Expr }[],
  counts: ReadonlySet<string>,
): LinearRule {
  const lets = new Map<string, Symbolic>();
  const broken = new Set<string>();
  const clauses = new Map<string, Condition | undefined>();
  const requires: (Condition | undefined)[] = [];
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof NotLinear) return undefined;
      throw e;
    }
  };
  // A let that is not linear only spoils the clauses that use it.
  const usesBroken = (e: A.Expr): boolean => {
    let found = false;
    walkExpr(e, (x) => {
      if (x.kind === "name" && broken.has(x.name)) found = true;
    });
    return found;
  };
  for (const m of members) {
    if (m.kind === "let") {
      const d = m as A.LetDecl;
      const v = usesBroken(d.expr) ? undefined : attempt(() => linearize(d.expr, counts, lets));
      if (v === undefined) broken.add(d.name);
      else lets.set(d.name, v);
    } else if (m.kind === "require") {
      const d = m as A.RequireDecl;
      requires.push(usesBroken(d.expr) ? undefined : attempt(() => condition(d.expr, counts, lets)));
    } else if (m.expr !== undefined && m.name !== undefined) {
      const e = m.expr;
      clauses.set(m.name, usesBroken(e) ? undefined : attempt(() => condition(e, counts, lets)));
    }
  }
  return { clauses, requires };
}

/** Replaces each derived count (e.g. cast = yes + no + abstain) by its definition, except `keep`. */
export function expandForm(f: LinearForm, derived: ReadonlyMap<string, LinearForm>, keep?: string): LinearForm {
  if (keep === undefined || !derived.has(keep)) return substituteForm(f, derived);
  const without = new Map(derived);
  without.delete(keep);
  return substituteForm(f, without);
}

/** The condition with every atom expanded (see expandForm). */
export function expandCondition(c: Condition, derived: ReadonlyMap<string, LinearForm>, keep?: string): Condition {
  switch (c.kind) {
    case "const":
      return c;
    case "atom":
      return { kind: "atom", form: expandForm(c.form, derived, keep), op: c.op };
    case "not":
      return { kind: "not", part: expandCondition(c.part, derived, keep) };
    default:
      return { kind: c.kind, parts: c.parts.map((p) => expandCondition(p, derived, keep)) };
  }
}

/** The truth of a condition at given counts (every name in it must have a value). */
export function holdsAt(c: Condition, values: ReadonlyMap<string, bigint>): boolean {
  switch (c.kind) {
    case "const":
      return c.value;
    case "not":
      return !holdsAt(c.part, values);
    case "and":
      return c.parts.every((p) => holdsAt(p, values));
    case "or":
      return c.parts.some((p) => holdsAt(p, values));
    case "atom": {
      let v = c.form.constant;
      for (const [name, k] of c.form.coef) v = v.add(k.mul(Rational.fromInt(values.get(name) ?? 0n)));
      return compareZero(v.n, c.op);
    }
  }
}

function compareZero(n: bigint, op: A.CompareOp): boolean {
  // n is the sign-carrying numerator (or a whole value): only its sign matters.
  switch (op) {
    case ">": return n > 0n;
    case ">=": return n >= 0n;
    case "<": return n < 0n;
    case "<=": return n <= 0n;
    case "=": return n === 0n;
    case "!=": return n !== 0n;
  }
}

// ---- sets of whole numbers ------------------------------------------------------------------------

/** A closed range of whole numbers; `hi` null is unbounded above. */
export interface Range {
  lo: bigint;
  hi: bigint | null;
}

/** A set of whole numbers within a range: sorted, disjoint, non-adjacent closed intervals. */
export type IntSet = Range[];

/** floor(n/d) for d > 0. */
export function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** ceil(n/d) for d > 0. */
export function ceilDiv(n: bigint, d: bigint): bigint {
  return -floorDiv(-n, d);
}

const maxHi = (a: bigint | null, b: bigint | null): bigint | null => (a === null || b === null ? null : a > b ? a : b);
const minHi = (a: bigint | null, b: bigint | null): bigint | null => (a === null ? b : b === null ? a : a < b ? a : b);

function clip(set: IntSet, within: Range): IntSet {
  const out: IntSet = [];
  for (const r of set) {
    const lo = r.lo > within.lo ? r.lo : within.lo;
    const hi = minHi(r.hi, within.hi);
    if (hi === null || lo <= hi) out.push({ lo, hi });
  }
  return out;
}

function normalize(set: IntSet): IntSet {
  const sorted = [...set].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IntSet = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && (last.hi === null || r.lo <= last.hi + 1n)) last.hi = maxHi(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

function complement(set: IntSet, within: Range): IntSet {
  const out: IntSet = [];
  let next: bigint | null = within.lo;
  for (const r of set) {
    if (next === null) break;
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1n });
    next = r.hi === null ? null : r.hi + 1n;
  }
  if (next !== null && (within.hi === null || next <= within.hi)) out.push({ lo: next, hi: within.hi });
  return out;
}

function intersect(a: IntSet, b: IntSet): IntSet {
  const out: IntSet = [];
  for (const x of a) for (const y of b) {
    const lo = x.lo > y.lo ? x.lo : y.lo;
    const hi = minHi(x.hi, y.hi);
    if (hi === null || lo <= hi) out.push({ lo, hi });
  }
  return normalize(out);
}

/** The whole numbers x with s·x + k op 0, within `within`; s and k exact. */
export function solveAtom(s: Rational, k: Rational, op: A.CompareOp, within: Range): IntSet {
  // Scaled to whole numbers: (s.n·k.d)·x + (k.n·s.d) op 0, both sides times s.d·k.d > 0.
  return solveWhole(s.n * k.d, k.n * s.d, op, within);
}

/** The whole numbers x with s·x + k op 0, within `within`; s and k whole. */
export function solveWhole(s: bigint, k: bigint, op: A.CompareOp, within: Range): IntSet {
  if (s === 0n) return compareZero(k, op) ? [{ ...within }] : [];
  // s·x + k op 0  ⇔  x op' num/den with num = −k, den = s > 0, the operator flipped when s < 0.
  let num = -k;
  let den = s;
  let flipped = op;
  if (den < 0n) {
    num = -num;
    den = -den;
    flipped = ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "!=": "!=" } as const)[op];
  }
  const whole = num % den === 0n;
  const all: Range = { lo: within.lo, hi: within.hi };
  let set: IntSet;
  switch (flipped) {
    case ">": set = [{ lo: floorDiv(num, den) + 1n, hi: null }]; break;
    case ">=": set = [{ lo: ceilDiv(num, den), hi: null }]; break;
    case "<": set = [{ lo: within.lo, hi: ceilDiv(num, den) - 1n }]; break;
    case "<=": set = [{ lo: within.lo, hi: floorDiv(num, den) }]; break;
    case "=": set = whole ? [{ lo: num / den, hi: num / den }] : []; break;
    case "!=": set = whole ? complement([{ lo: num / den, hi: num / den }], all) : [all]; break;
  }
  return clip(set, within);
}

// A memo cache, not a hand-off: wholeForm computes the same value again for a form it has not seen.
/** An atom on whole coefficients (the form times the common denominator of its coefficients), once per atom. */
const wholeAtoms = new WeakMap<LinearForm, { coef: [string, bigint][]; constant: bigint }>();

/** An atom's form on whole coefficients (the form times the common denominator of its coefficients). */
export function wholeForm(f: LinearForm): { coef: [string, bigint][]; constant: bigint } {
  let w = wholeAtoms.get(f);
  if (!w) {
    let d = f.constant.d;
    for (const c of f.coef.values()) d = (d * c.d) / gcdOf(d, c.d);
    w = { coef: [...f.coef].map(([n, c]) => [n, (c.n * d) / c.d]), constant: (f.constant.n * d) / f.constant.d };
    wholeAtoms.set(f, w);
  }
  return w;
}

function gcdOf(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * The values of the count `x` within `within` at which `c` holds, every other count at its value in `values`.
 * `c` must already be expanded so that `x` is the only unknown.
 */
export function solveFor(c: Condition, x: string, values: ReadonlyMap<string, bigint>, within: Range): IntSet {
  switch (c.kind) {
    case "const":
      return c.value ? [{ ...within }] : [];
    case "not":
      return complement(solveFor(c.part, x, values, within), within);
    case "and":
      return c.parts.reduce<IntSet>((acc, p) => (acc.length === 0 ? acc : intersect(acc, solveFor(p, x, values, within))), [{ ...within }]);
    case "or":
      return normalize(c.parts.flatMap((p) => solveFor(p, x, values, within)));
    case "atom": {
      const w = wholeForm(c.form);
      let s = 0n;
      let k = w.constant;
      for (const [name, coef] of w.coef) {
        if (name === x) s += coef;
        else k += coef * (values.get(name) ?? 0n);
      }
      return solveWhole(s, k, c.op, within);
    }
  }
}

/** Whether a condition mentions the count `x` in some atom (with a non-zero coefficient). */
export function mentions(c: Condition, x: string): boolean {
  switch (c.kind) {
    case "const":
      return false;
    case "atom":
      return !(c.form.coef.get(x) ?? Rational.ZERO).isZero();
    case "not":
      return mentions(c.part, x);
    default:
      return c.parts.some((p) => mentions(p, x));
  }
}

/** The form with each named count replaced by a linear form of the others (a constant to fix it). */
export function substituteForm(f: LinearForm, by: ReadonlyMap<string, LinearForm>): LinearForm {
  let out: LinearForm = { coef: new Map(), constant: f.constant };
  for (const [name, c] of f.coef) {
    const def = by.get(name);
    out = combine(out, def ? scale(def, c) : { coef: new Map([[name, c]]), constant: Rational.ZERO }, 1);
  }
  return out;
}

/** The condition with each named count replaced (see substituteForm). */
export function substitute(c: Condition, by: ReadonlyMap<string, LinearForm>): Condition {
  switch (c.kind) {
    case "const":
      return c;
    case "atom":
      return { kind: "atom", form: substituteForm(c.form, by), op: c.op };
    case "not":
      return { kind: "not", part: substitute(c.part, by) };
    default:
      return { kind: c.kind, parts: c.parts.map((p) => substitute(p, by)) };
  }
}

/** The linear form `k·name + constant`. */
export function termForm(name: string | undefined, k: Rational, constant: Rational = Rational.ZERO): LinearForm {
  return { coef: name === undefined ? new Map() : new Map([[name, k]]), constant };
}
