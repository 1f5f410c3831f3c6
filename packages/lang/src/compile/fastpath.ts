/**
 * The decision-only fast path: a rule compiled to JavaScript that computes every value as an
 * integer numerator/denominator pair in doubles. Static bounds prove each intermediate stays
 * below 2^53 (so it is exact) when every numeric input is an integer of at most INPUT_BOUND;
 * any other input, and any division by zero, falls back to the exact bigint evaluator, so
 * decide() always answers exactly what evaluate() answers. The generated code holds no user
 * text: names become slot indexes and texts are passed in a constants array.
 */

import type * as A from "../syntax/index.ts";
import { applyConstant, constantValue, type RuleInfo, type Type, VOTE_INPUT_FACTS, VOTE_OUTCOMES } from "../check/index.ts";
import { evaluateExact, Rational as R } from "../eval/index.ts";
import type { DecideOutcome, Decision, ExactJson, VoteOutcome } from "../types.ts";

/** Largest numeric input the fast path takes (about a million: any roster or count in practice). */
export const INPUT_BOUND = 2 ** 20;
/** Decimal inputs of the fast path are read in thousandths. */
const DECIMAL_SCALE = 1000;
const SAFE = Number.MAX_SAFE_INTEGER;
/**
 * Each temporary is a register in decide()'s stack frame: a rule needing more than this (a chain of
 * thousands of terms) is left to the exact evaluator, so calling decide() never needs a large stack.
 */
const MAX_TEMPORARIES = 4000;

class NotFastPathable extends Error {}

/** A name's slot; a name without one (the checker lets none through) leaves the rule to the exact evaluator. */
function known<T>(slot: T | undefined): T {
  if (slot === undefined) throw new NotFastPathable();
  return slot;
}

const JS_COMPARISON: Record<A.CompareOp, string> = { "=": "===", "!=": "!==", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** A numeric value in generated code: expressions for numerator and denominator, with static bounds. */
interface Num {
  n: string;
  d: string;
  /** Upper bound of |numerator| and of the denominator over all accepted inputs. */
  bn: number;
  bd: number;
}

class Emitter {
  readonly lines: string[] = [];
  readonly consts: unknown[] = [];
  private temp = 0;
  readonly nums = new Map<string, Num>();
  readonly others = new Map<string, string>();

  fresh(): string {
    if (this.temp >= MAX_TEMPORARIES) throw new NotFastPathable();
    return `t${this.temp++}`;
  }

  constant(v: unknown): string {
    this.consts.push(v);
    return `k[${this.consts.length - 1}]`;
  }

  bound(...xs: number[]): void {
    for (const x of xs) if (!(x <= SAFE)) throw new NotFastPathable();
  }

  literal(r: R): Num {
    // Beyond SAFE a bigint converts to 2^53 or more (rounding is monotonic), so bound() refuses exactly the inexact ones.
    const n = Number(r.n);
    const d = Number(r.d);
    this.bound(Math.abs(n), d);
    return { n: `(${n})`, d: String(d), bn: Math.abs(n), bd: d };
  }

  /** The first band whose condition holds; none holding (the checker requires a last `otherwise`) goes to the exact evaluator. */
  firstBand(conds: string[], then: (band: number) => string): void {
    this.lines.push(conds.map((c, i) => `if (${c}) { ${then(i)} }`).join(" else ") + " else return exact(input);");
  }

  /** Emits statements computing e into temporaries; returns the pair. */
  num(e: A.Expr): Num {
    const c = constantValue(e);
    if (c) return this.literal(c);
    switch (e.kind) {
      case "paren":
        return this.num(e.expr);
      case "name":
        return known(this.nums.get(e.name));
      case "neg": {
        const v = this.num(e.operand);
        return { ...v, n: `(-${v.n})` };
      }
      case "call":
        // min() or max(): every other function takes a date or a list, whose arguments reach the default below.
        return e.args.map((a) => this.num(a)).reduce((acc, b) => {
          this.bound(acc.bn * b.bd, b.bn * acc.bd);
          const c = this.fresh();
          const n = this.fresh();
          const d = this.fresh();
          this.lines.push(`const ${c} = ${acc.n} * ${b.d} ${e.callee === "min" ? "<=" : ">="} ${b.n} * ${acc.d};`);
          this.lines.push(`const ${n} = ${c} ? ${acc.n} : ${b.n}; const ${d} = ${c} ? ${acc.d} : ${b.d};`);
          return { n, d, bn: Math.max(acc.bn, b.bn), bd: Math.max(acc.bd, b.bd) };
        });
      case "arith":
        return this.chain(e);
      default:
        throw new NotFastPathable();
    }
  }

  /**
   * Emits a chain left to right, as the left-nested tree ((a op b) op c) would: a left part made
   * only of literals is folded to one literal (as constantValue folds it), then each operator is
   * one step.
   */
  private chain(e: A.ArithChain): Num {
    let i = 1;
    let folded = constantValue(e.operands[0]!);
    for (; folded && i < e.operands.length; i++) {
      const next = constantValue(e.operands[i]!);
      const step = next && applyConstant(e.ops[i - 1]!, folded, next);
      if (!step) break;
      folded = step;
    }
    let acc = folded ? this.literal(folded) : this.num(e.operands[0]!);
    for (; i < e.operands.length; i++) acc = this.step(e.ops[i - 1]!, acc, this.num(e.operands[i]!));
    return acc;
  }

  /**
   * Emits one binary operation on two pairs. Whole numbers take the same formulas with denominators of 1, which
   * V8 folds away, so there is one formula per operator to prove.
   */
  private step(op: A.ArithOp, a: Num, b: Num): Num {
    const n = this.fresh();
    const d = this.fresh();
    switch (op) {
      case "+":
      case "-":
        this.bound(a.bn * b.bd + b.bn * a.bd, a.bd * b.bd);
        this.lines.push(`const ${n} = ${a.n} * ${b.d} ${op} ${b.n} * ${a.d}; const ${d} = ${a.d} * ${b.d};`);
        return { n, d, bn: a.bn * b.bd + b.bn * a.bd, bd: a.bd * b.bd };
      case "*":
      case "of":
        this.bound(a.bn * b.bn, a.bd * b.bd);
        this.lines.push(`const ${n} = ${a.n} * ${b.n}; const ${d} = ${a.d} * ${b.d};`);
        return { n, d, bn: a.bn * b.bn, bd: a.bd * b.bd };
      case "/":
        this.bound(a.bn * b.bd, a.bd * b.bn);
        // A zero divisor goes to the exact evaluator, which names the expression in its error.
        this.lines.push(`if (${b.n} === 0) return exact(input);`);
        this.lines.push(`let ${n} = ${a.n} * ${b.d}; let ${d} = ${a.d} * ${b.n}; if (${d} < 0) { ${n} = -${n}; ${d} = -${d}; }`);
        return { n, d, bn: a.bn * b.bd, bd: a.bd * b.bn };
    }
  }

  /** Emits a `let`: a condition or text into a temporary, a number into a numerator/denominator pair. */
  let(m: A.LetDecl, type: Type | undefined): void {
    // A number chosen by bands, as a criterion's points are (num() refuses bands of conditions, texts or dates).
    if (m.bands) {
      this.nums.set(m.name, this.banded(m.bands));
      return;
    }
    if (type === "boolean" || type === "text") {
      const t = this.fresh();
      this.lines.push(`const ${t} = ${this.value(m.expr)};`);
      this.others.set(m.name, t);
    } else this.nums.set(m.name, this.num(m.expr));
  }

  /** Emits the number of the first band that holds into a new pair, bounded by the largest band's. */
  banded(bands: readonly { when?: A.Expr; points: A.Expr }[]): Num {
    const values = bands.map((b) => this.num(b.points));
    const conds = bands.map((b) => (b.when ? this.value(b.when) : "true"));
    const n = this.fresh();
    const d = this.fresh();
    this.lines.push(`let ${n}; let ${d};`);
    this.firstBand(conds, (i) => `${n} = ${values[i]!.n}; ${d} = ${values[i]!.d};`);
    return { n, d, bn: Math.max(...values.map((v) => v.bn)), bd: Math.max(...values.map((v) => v.bd)) };
  }

  /** A JavaScript expression for a condition or text value. */
  value(e: A.Expr): string {
    switch (e.kind) {
      case "paren":
        return this.value(e.expr);
      case "bool":
      case "string":
        return this.constant(e.value);
      case "name":
        return known(this.others.get(e.name));
      case "not":
        return `(!${this.value(e.operand)})`;
      case "logic": {
        // Every operand into a temporary first, as the binary tree put both sides of each operator: a zero divisor
        // in any operand goes to the exact evaluator, as evaluate() reports it whatever the other operands hold.
        const operands = e.operands.map((o) => {
          const t = this.fresh();
          this.lines.push(`const ${t} = ${this.value(o)};`);
          return t;
        });
        return `(${operands.join(e.op === "and" ? " && " : " || ")})`;
      }
      case "compare": {
        const lt = this.isText(e.left) || this.isText(e.right);
        if (lt) return `(${this.value(e.left)} ${JS_COMPARISON[e.op]} ${this.value(e.right)})`;
        const a = this.num(e.left);
        const b = this.num(e.right);
        this.bound(a.bn * b.bd, b.bn * a.bd);
        const t = this.fresh();
        // a.n/a.d OP b.n/b.d  ⟺  a.n·b.d OP b.n·a.d, as both denominators are positive.
        this.lines.push(`const ${t} = ${a.n} * ${b.d} ${JS_COMPARISON[e.op]} ${b.n} * ${a.d};`);
        return t;
      }
      default:
        throw new NotFastPathable();
    }
  }

  private isText(e: A.Expr): boolean {
    if (e.kind === "string") return true;
    if (e.kind === "paren") return this.isText(e.expr);
    return e.kind === "name" && this.others.has(e.name) && !this.nums.has(e.name);
  }
}

type Decide = (input: Record<string, unknown>) => DecideOutcome;

/** What the generated decide() closes over: constants, the exact evaluator, and the answer builders. */
interface Environment<R> {
  k: unknown[];
  exact: (input: Record<string, unknown>) => R;
  answers: R[];
  /** Called by the generated code with what it computed (a score and a grade, a vote's counts and clauses). */
  done: (...computed: never[]) => R;
}

/** Compiles the emitted lines into one function, so a decision costs a single call. */
function generate<R>(em: Emitter, prologue: string[], env: Environment<R>): (input: Record<string, unknown>) => R {
  const body = ["\"use strict\";", "return function decide(input) {", ...prologue, ...em.lines, "};"].join("\n");
  try {
    // Built from slot numbers, numbers and fixed operators; input names enter only as JSON string literals.
    const factory = new Function("k", "exact", "answers", "done", body) as (...args: unknown[]) => (input: Record<string, unknown>) => R;
    return factory(env.k, env.exact, env.answers, env.done);
  } catch {
    // Generated code that does not parse is a compiler bug; the exact evaluator still answers correctly.
    throw new NotFastPathable();
  }
}

/**
 * Statements that read and check every input straight from the object; anything the fast path
 * does not take (a missing, extra, non-integer, out-of-range or unlisted value) goes to the exact
 * evaluator, which answers with its precise error.
 */
function inputPrologue(inputs: { name: string; type: string; lo?: number; hi?: number; options?: string[] }[], em: Emitter): string[] {
  const lines = [`if (typeof input !== "object" || input === null) return exact(input);`, `let keys = 0; for (const key in input) keys++;`, `if (keys !== ${inputs.length}) return exact(input);`];
  inputs.forEach((inp, i) => {
    const v = `x${i}`;
    if (inp.type === "decimal") {
      // v is read as m/1000 only when m/1000 is v exactly: then v's decimal text, which the exact evaluator reads, is that m/1000.
      const lo = Math.max(-INPUT_BOUND, inp.lo ?? -Infinity);
      const hi = Math.min(INPUT_BOUND, inp.hi ?? Infinity);
      lines.push(`const ${v}_raw = input[${JSON.stringify(inp.name)}];`);
      lines.push(`if (typeof ${v}_raw !== "number" || !(${v}_raw >= ${lo} && ${v}_raw <= ${hi})) return exact(input);`);
      lines.push(`const ${v} = Math.round(${v}_raw * ${DECIMAL_SCALE}); if (${v} / ${DECIMAL_SCALE} !== ${v}_raw) return exact(input);`);
      return;
    }
    lines.push(`const ${v} = input[${JSON.stringify(inp.name)}];`);
    if (inp.type === "count" || inp.type === "number") {
      const lo = Math.max(inp.type === "count" ? 0 : -INPUT_BOUND, inp.lo ?? -Infinity);
      const hi = Math.min(INPUT_BOUND, inp.hi ?? Infinity);
      // Bounds lie within ±INPUT_BOUND (2^20), so an integer in them is an int32: (v | 0) === v tests integrality,
      // and refuses NaN and the infinities, in one operation.
      lines.push(`if (typeof ${v} !== "number" || (${v} | 0) !== ${v} || ${v} < ${lo} || ${v} > ${hi}) return exact(input);`);
    } else if (inp.type === "boolean") {
      lines.push(`if (typeof ${v} !== "boolean") return exact(input);`);
    } else {
      lines.push(`if (typeof ${v} !== "string") return exact(input);`);
      if (inp.options) lines.push(`if (!${em.constant(inp.options)}.includes(${v})) return exact(input);`);
    }
  });
  return lines;
}

function scoreJson(n: number, d: number): ExactJson {
  return d === 1 ? n : R.of(BigInt(n), BigInt(d)).toJSON();
}

function exactDecision(info: RuleInfo, input: Record<string, unknown>): DecideOutcome {
  const r = evaluateExact(info, input);
  if (!r.ok) return r;
  const res = r.result;
  switch (res.kind) {
    case "vote":
      return { ok: true, decision: { kind: "vote", outcome: res.outcome } };
    case "scorecard":
      return { ok: true, decision: { kind: "scorecard", score: res.score, grade: res.grade } };
    case "election":
      return { ok: true, decision: { kind: "election", outcome: res.outcome, elected: res.elected, tied: res.tied } };
    case "rating":
      return { ok: true, decision: { kind: "rating", grade: res.grade } };
  }
}

/** A broken requirement is an error only the exact evaluator words (with the values), so it goes there. */
function requireCheck(em: Emitter, m: A.RequireDecl): void {
  em.lines.push(`if (!(${em.value(m.expr)})) return exact(input);`);
}

const OUTCOMES: readonly VoteOutcome[] = VOTE_OUTCOMES;

/** A vote's prologue and members emitted: the JavaScript condition of each clause, by name in source order. */
function voteClauses(info: RuleInfo, em: Emitter): { prologue: string[]; clauses: Map<string, string> } {
  const decl = info.decl as A.VoteDecl;
  const facts = VOTE_INPUT_FACTS;
  const prologue = inputPrologue(facts.map((name) => ({ name, type: "count" })), em);
  prologue.push("const x5 = x2 + x3 + x4;", "if (x1 > x0 || x5 > x1) return exact(input);");
  // cast is at most present (the prologue above), so INPUT_BOUND bounds it too.
  [...facts, "cast"].forEach((f, i) => em.nums.set(f, { n: `x${i}`, d: "1", bn: INPUT_BOUND, bd: 1 }));
  const clauses = new Map<string, string>();
  for (const m of decl.members) {
    if (m.kind === "let") em.let(m, info.types.get(m.expr));
    else if (m.kind === "require") requireCheck(em, m);
    else clauses.set(m.name, em.value(m.expr));
  }
  return { prologue, clauses };
}

function voteDecider(info: RuleInfo): Decide {
  const em = new Emitter();
  const { prologue, clauses } = voteClauses(info, em);
  em.lines.push(`return ${clauses.get("quorum")} ? (${clauses.get("passes")} ? answers[0] : answers[1]) : answers[2];`);
  const answers: DecideOutcome[] = OUTCOMES.map((outcome) => Object.freeze({ ok: true as const, decision: Object.freeze({ kind: "vote" as const, outcome }) }));
  return generate(em, prologue, { k: em.consts, exact: (input) => exactDecision(info, input), answers, done: () => answers[0]! });
}

/** The counts a vote's generated clause test read, in VOTE_FACTS order, with each clause's value in source order. */
export interface VoteClauseValues {
  counts: [number, number, number, number, number, number];
  clauses: boolean[];
}

/**
 * The values of a vote's clauses computed as decide() computes its outcome, for the explained result; undefined
 * where decide() would ask the exact evaluator (input it does not take, a broken requirement, a zero divisor), or
 * for a rule the fast path does not take.
 */
export function buildVoteClauseTest(info: RuleInfo): ((input: Record<string, unknown>) => VoteClauseValues | undefined) | undefined {
  try {
    const em = new Emitter();
    const { prologue, clauses } = voteClauses(info, em);
    em.lines.push(`return done([x0, x1, x2, x3, x4, x5], [${[...clauses.values()].join(", ")}]);`);
    const done = (counts: VoteClauseValues["counts"], values: boolean[]): VoteClauseValues => ({ counts, clauses: values });
    return generate<VoteClauseValues | undefined>(em, prologue, { k: em.consts, exact: () => undefined, answers: [], done });
  } catch (e) {
    if (!(e instanceof NotFastPathable)) throw e;
    return undefined;
  }
}

/** An input's declared bound as the integer an integer input must reach (inputs here are integers). */
function integerBound(e: A.Expr | undefined, dir: "ceil" | "floor"): number | undefined {
  const r = e && constantValue(e);
  if (!r) return undefined;
  let q = r.n / r.d;
  if (dir === "ceil" && q * r.d < r.n) q += 1n;
  if (dir === "floor" && q * r.d > r.n) q -= 1n;
  return Number(q);
}

/**
 * With `decimals`, a `number` input may carry up to three decimal places (14.5 training days): it
 * enters as thousandths, which costs bound headroom, so a rule whose bounds do not allow it is
 * generated again for whole numbers only.
 */
function scorecardDecider<R>(info: RuleInfo, decimals: boolean, exact: (input: Record<string, unknown>) => R): (input: Record<string, unknown>) => R | DecideOutcome {
  const decl = info.decl as A.ScorecardDecl;
  const em = new Emitter();
  const inputs = decl.members.filter((m): m is A.InputDecl => m.kind === "input");
  inputs.forEach((inp, i) => {
    if (inp.type === "number" && decimals) em.nums.set(inp.name, { n: `x${i}`, d: String(DECIMAL_SCALE), bn: INPUT_BOUND * DECIMAL_SCALE, bd: DECIMAL_SCALE });
    else if (inp.type === "count" || inp.type === "number") em.nums.set(inp.name, { n: `x${i}`, d: "1", bn: INPUT_BOUND, bd: 1 });
    else if (inp.type === "text" || inp.type === "boolean") em.others.set(inp.name, `x${i}`);
    else throw new NotFastPathable();
  });
  const prologue = inputPrologue(inputs.map((inp) => ({ name: inp.name, type: inp.type === "number" && decimals ? "decimal" : inp.type, lo: integerBound(inp.min, "ceil"), hi: integerBound(inp.max, "floor"), options: inp.options })), em);
  em.lines.push("let sn = 0; let sd = 1;");
  let scoreBn = 0;
  let scoreBd = 1;
  for (const m of decl.members) {
    if (m.kind === "let") em.let(m, info.types.get(m.expr));
    else if (m.kind === "require") requireCheck(em, m);
    else if (m.kind === "criterion") {
      // A criterion of sub-criteria (or one that recovery left without bands) is for the exact evaluator.
      if (m.bands.length === 0) throw new NotFastPathable();
      const max = em.literal(constantValue(m.max)!);
      const points = em.banded(m.bands);
      em.bound(points.bn * max.bd, max.bn * points.bd);
      em.lines.push(`if (${points.n} * ${max.d} > ${max.n} * ${points.d}) return exact(input);`);
      scoreBn = scoreBn * points.bd + points.bn * scoreBd;
      scoreBd *= points.bd;
      em.bound(scoreBn, scoreBd);
      em.lines.push(`sn = sn * ${points.d} + ${points.n} * sd; sd = sd * ${points.d};`);
      em.nums.set(m.name, points);
    }
  }
  em.nums.set("score", { n: "sn", d: "sd", bn: scoreBn, bd: scoreBd });
  const grade = decl.members.find((m): m is A.GradeDecl => m.kind === "grade");
  const labels = grade ? grade.bands.map((b) => b.label) : [];
  if (grade) {
    const conds = grade.bands.map((b) => (b.when ? em.value(b.when) : "true"));
    em.firstBand(conds, (i) => `return done(sn, sd, ${i});`);
  } else em.lines.push("return done(sn, sd, -1);");
  const done = (n: number, d: number, g: number): DecideOutcome => ({ ok: true, decision: { kind: "scorecard", score: scoreJson(n, d), grade: g < 0 ? null : labels[g]! } });
  return generate<R | DecideOutcome>(em, prologue, { k: em.consts, exact, answers: [], done });
}

/** A scorecard's generated code, with decimal inputs read as thousandths where its bounds allow that, else whole. */
function generatedScorecard<R>(info: RuleInfo, exact: (input: Record<string, unknown>) => R): (input: Record<string, unknown>) => R | DecideOutcome {
  try {
    return scorecardDecider(info, true, exact);
  } catch (e) {
    if (!(e instanceof NotFastPathable)) throw e;
    return scorecardDecider(info, false, exact);
  }
}

/**
 * A scorecard's score and grade computed as decide() computes them, for the explained result; undefined where decide()
 * would ask the exact evaluator, or for a rule the fast path does not take.
 */
export function buildScorecardTest(info: RuleInfo): ((input: Record<string, unknown>) => DecideOutcome | undefined) | undefined {
  try {
    return generatedScorecard(info, () => undefined);
  } catch (e) {
    if (!(e instanceof NotFastPathable)) throw e;
    return undefined;
  }
}

/** Generated deciders by kind; elections and ratings have none: a round is evaluated once, not thousands of times. */
const GENERATORS: Partial<Record<A.RuleDecl["kind"], (info: RuleInfo) => Decide>> = {
  vote: voteDecider,
  scorecard: (info) => generatedScorecard(info, (input) => exactDecision(info, input)),
};

/** Builds decide(input) for a checked rule: generated code when bounds allow, the exact evaluator otherwise. */
export function buildDecider(info: RuleInfo): Decide {
  const exact: Decide = (input) => exactDecision(info, input);
  const generator = GENERATORS[info.decl.kind];
  if (!generator) return exact;
  try {
    return generator(info);
  } catch (e) {
    if (!(e instanceof NotFastPathable)) throw e;
    return exact;
  }
}
