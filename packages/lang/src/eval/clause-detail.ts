/**
 * A clause's detail text ("21 > 2/3 × 30 = 20 → true") planned once and rendered from whole counts, without the
 * interpreter's bigint rationals: the same text as Interpreter.detail (clause-detail.test.ts compares the two on every
 * clause shape). Values are exact fractions in doubles, reduced at every step; any value that would leave the safe
 * integers, and any expression the plan does not cover, renders as undefined, and the caller asks the interpreter.
 */

import type * as A from "../syntax/index.ts";
import { constantValue } from "../check/index.ts";
import { joinOperands, printChain, printExpr } from "../syntax/index.ts";
import { Rational } from "./rational.ts";

/** An exact fraction n/d in doubles: d > 0, reduced, both safe integers. */
interface Fraction {
  n: number;
  d: number;
}

class Unsafe extends Error {}

const SAFE = Number.MAX_SAFE_INTEGER;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function fraction(n: number, d: number): Fraction {
  if (!(Math.abs(n) <= SAFE && Math.abs(d) <= SAFE) || d === 0) throw new Unsafe();
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d === 1) return { n: n === 0 ? 0 : n, d };
  const g = gcd(n, d);
  return g > 1 ? { n: n / g, d: d / g } : { n: n === 0 ? 0 : n, d };
}

function apply(op: A.ArithOp, a: Fraction, b: Fraction): Fraction {
  switch (op) {
    case "+": return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
    case "-": return fraction(a.n * b.d - b.n * a.d, a.d * b.d);
    case "*":
    case "of": return fraction(a.n * b.n, a.d * b.d);
    case "/": return fraction(a.n * b.d, a.d * b.n);
  }
}

function compare(op: A.CompareOp, a: Fraction, b: Fraction): boolean {
  const l = a.n * b.d;
  const r = b.n * a.d;
  if (!(Math.abs(l) <= SAFE && Math.abs(r) <= SAFE)) throw new Unsafe();
  switch (op) {
    case ">": return l > r;
    case ">=": return l >= r;
    case "<": return l < r;
    case "<=": return l <= r;
    case "=": return l === r;
    case "!=": return l !== r;
  }
}

const MILLION = 1_000_000;

/** Rational.toString of a fraction: whole numbers, exact decimals of up to six places, else n/d. */
function show(v: Fraction | boolean): string {
  if (typeof v === "boolean") return String(v);
  if (v.d === 1) return String(v.n);
  if (MILLION % v.d === 0) {
    const m = Math.abs(v.n) * (MILLION / v.d);
    if (m <= SAFE) {
      const frac = String(m % MILLION).padStart(6, "0").replace(/0+$/, "");
      return `${v.n < 0 ? "-" : ""}${Math.floor(m / MILLION)}.${frac}`;
    }
    return Rational.of(BigInt(v.n), BigInt(v.d)).toString();
  }
  return `${v.n}/${v.d}`;
}

const timesSign = (op: A.ArithOp): string => (op === "of" || op === "*" ? "×" : op);

class Unplanned extends Error {}

type Counts = readonly number[];
type NumPlan = (v: Counts) => Fraction;
type BoolPlan = (v: Counts) => boolean;
type TextPlan = (v: Counts) => string;

/**
 * Interpreter.value, substituted, side and detail of one expression, compiled once into closures over the counts:
 * constants folded at plan time, counts read by index.
 */
class Planner {
  constructor(private readonly counts: readonly string[]) {}

  private index(name: string): number {
    const i = this.counts.indexOf(name);
    if (i < 0) throw new Unplanned();
    return i;
  }

  num(e: A.Expr): NumPlan {
    const c = constantValue(e);
    if (c) {
      if (!(c.n <= BigInt(SAFE) && c.n >= -BigInt(SAFE) && c.d <= BigInt(SAFE))) throw new Unplanned();
      const k: Fraction = { n: Number(c.n), d: Number(c.d) };
      return () => k;
    }
    switch (e.kind) {
      case "name": {
        const i = this.index(e.name);
        return (v) => ({ n: v[i]!, d: 1 });
      }
      case "paren":
        return this.num(e.expr);
      case "neg": {
        const x = this.num(e.operand);
        return (v) => {
          const f = x(v);
          return { n: -f.n || 0, d: f.d };
        };
      }
      case "arith": {
        const first = this.num(e.operands[0]!);
        const rest = e.operands.slice(1).map((o) => this.num(o));
        const ops = e.ops;
        return (v) => {
          let acc = first(v);
          for (let i = 0; i < rest.length; i++) acc = apply(ops[i]!, acc, rest[i]!(v));
          return acc;
        };
      }
      default:
        throw new Unplanned();
    }
  }

  bool(e: A.Expr): BoolPlan {
    switch (e.kind) {
      case "bool": {
        const b = e.value;
        return () => b;
      }
      case "paren":
        return this.bool(e.expr);
      case "not": {
        const x = this.bool(e.operand);
        return (v) => !x(v);
      }
      case "compare": {
        const l = this.num(e.left);
        const r = this.num(e.right);
        const op = e.op;
        return (v) => compare(op, l(v), r(v));
      }
      case "logic": {
        const values = this.logicValues(e);
        return (v) => values(v)[e.operands.length - 1]!;
      }
      default:
        throw new Unplanned();
    }
  }

  private isCondition(e: A.Expr): boolean {
    const u = e.kind === "paren" ? e.expr : e;
    return u.kind === "compare" || u.kind === "logic" || u.kind === "not" || u.kind === "bool";
  }

  private valueText(e: A.Expr): TextPlan {
    if (this.isCondition(e)) {
      const b = this.bool(e);
      return (v) => String(b(v));
    }
    const n = this.num(e);
    return (v) => show(n(v));
  }

  private logicValues(e: A.LogicChain): (v: Counts) => boolean[] {
    const operands = e.operands.map((o) => this.bool(o));
    const and = e.op === "and";
    // Like the left-nested tree, an operand after a decided part is not evaluated.
    return (v) => {
      const values = [operands[0]!(v)];
      for (let i = 1; i < operands.length; i++) {
        const acc = values[i - 1]!;
        values.push(and ? acc && operands[i]!(v) : acc || operands[i]!(v));
      }
      return values;
    };
  }

  private substituted(e: A.Expr): TextPlan {
    switch (e.kind) {
      case "name": {
        const i = this.index(e.name);
        return (v) => String(v[i]!);
      }
      case "paren": {
        const x = this.substituted(e.expr);
        return (v) => `(${x(v)})`;
      }
      case "neg": {
        const x = this.substituted(e.operand);
        return (v) => `-${x(v)}`;
      }
      case "not": {
        const x = this.substituted(e.operand);
        return (v) => `not ${x(v)}`;
      }
      case "arith": {
        // printChain's text with each operand's text left open: the separators are fixed, the operands vary.
        const parts = e.operands.map((o) => this.substituted(o));
        const holes = new Map(e.operands.map((o, i) => [o, i]));
        const pieces = printChain(e, (x) => `\u0000${holes.get(x)}\u0000`, timesSign).split("\u0000");
        const fixed = pieces.filter((_, i) => i % 2 === 0);
        const open = pieces.filter((_, i) => i % 2 === 1).map((i) => parts[Number(i)]!);
        return (v) => {
          let text = fixed[0]!;
          for (let i = 0; i < open.length; i++) text += open[i]!(v) + fixed[i + 1]!;
          return text;
        };
      }
      case "logic": {
        const parts = new Map(e.operands.map((o) => [o, this.substituted(o)]));
        return (v) => joinOperands(e.operands, e.op, (x) => parts.get(x)!(v));
      }
      case "compare": {
        const l = this.substituted(e.left);
        const r = this.substituted(e.right);
        return (v) => `${l(v)} ${e.op} ${r(v)}`;
      }
      case "number":
      case "bool": {
        const text = printExpr(e);
        return () => text;
      }
      default:
        throw new Unplanned();
    }
  }

  private side(e: A.Expr): TextPlan {
    const text = this.substituted(e);
    if (e.kind === "name" || e.kind === "number" || e.kind === "bool") return text;
    if (constantValue(e) && e.kind === "arith" && e.ops[e.ops.length - 1] === "/") return text;
    const value = this.valueText(e);
    return (v) => `${text(v)} = ${value(v)}`;
  }

  detail(e: A.Expr): TextPlan {
    if (e.kind === "logic") {
      const values = this.logicValues(e);
      const details = e.operands.map((o) => this.detail(o));
      return (v) => {
        const at = values(v);
        let text = details[0]!(v);
        for (let i = 1; i < details.length; i++) text = `(${text}) ${e.op} (${details[i]!(v)}) → ${at[i]!}`;
        return text;
      };
    }
    if (e.kind === "paren") return this.detail(e.expr);
    if (e.kind === "compare") {
      const l = this.side(e.left);
      const r = this.side(e.right);
      const result = this.bool(e);
      return (v) => {
        const holds = result(v);
        return `${l(v)} ${e.op} ${r(v)} → ${holds}`;
      };
    }
    if (e.kind === "not") {
      const inner = this.detail(e.operand);
      const result = this.bool(e);
      return (v) => {
        const holds = result(v);
        return `not (${inner(v)}) → ${holds}`;
      };
    }
    const side = this.side(e);
    if (e.kind !== "name") {
      // The interpreter computes the value first, so a value it cannot compute fails before any text.
      const value = this.isCondition(e) ? this.bool(e) : this.num(e);
      return (v) => {
        value(v);
        return side(v);
      };
    }
    const value = this.valueText(e);
    return (v) => `${side(v)} → ${value(v)}`;
  }
}

/**
 * The detail of `expr` as a function of whole counts (in the order of `counts`), or undefined for an expression the
 * plan does not cover. The function answers undefined where a value would leave the safe integers or divide by zero.
 */
export function planDetail(expr: A.Expr, counts: readonly string[]): ((v: readonly number[]) => string | undefined) | undefined {
  let render: TextPlan;
  try {
    render = new Planner(counts).detail(expr);
  } catch (e) {
    if (e instanceof Unplanned) return undefined;
    throw e;
  }
  return (v) => {
    try {
      return render(v);
    } catch (e) {
      if (e instanceof Unsafe) return undefined;
      throw e;
    }
  };
}
