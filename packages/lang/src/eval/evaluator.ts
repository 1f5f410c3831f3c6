/** The exact evaluator: validates input, evaluates a checked rule in rationals, explains every step. */

import type * as A from "../syntax/index.ts";
import { type RuleInfo, AGGREGATES, constantValue, ELECTION_INPUT_FACTS, VOTE_FACTS, VOTE_INPUT_FACTS, ratingLevels } from "../check/index.ts";
import { aggregate, dateFunction, isRecordList, MAX_LIST_LENGTH, type Value } from "./aggregates.ts";
import { defaultCalendar, type WorkCalendar } from "./calendar.ts";
import { DateValue, parseIsoDate } from "./dates.ts";
import { EvalFailure, fail } from "./eval-failure.ts";
import { chainPrefix, walkExpr, joinOperands, printChain, printExpr as printSource } from "../syntax/index.ts";
import { Rational } from "./rational.ts";
import type {
  CandidateResult, CriterionResult, ElectionOutcome, ElectionResult, EvalError, EvalOutcome, ExplanationStep, JsonValue, RatingResult, ScorecardResult, Span, VoteOutcome, VoteResult,
} from "../types.ts";
import { electionMargin, voteMargins } from "./margins.ts";

/** Each expression's source text, printed once: a rule is evaluated many times and its text never changes. */
const sourceTexts = new WeakMap<A.Expr, string>();

function printExpr(e: A.Expr): string {
  let text = sourceTexts.get(e);
  if (text === undefined) {
    text = printSource(e);
    sourceTexts.set(e, text);
  }
  return text;
}

export type { Value };
export { EvalFailure };

/** An input value as the user wrote it, for messages. */
const shownInput = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Renders a value for an explanation. */
export function showValue(v: Value): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (v === null) return "absent";
  if (isRecordList(v)) return `${v.items.length} records`;
  return v.toString();
}

/** The JSON form of a value in a result: a date as its ISO text. */
export function jsonValue(v: Value): JsonValue {
  if (v instanceof Rational) return v.toJSON();
  if (v instanceof DateValue) return v.toString();
  if (v === null || isRecordList(v)) return showValue(v);
  return v;
}

const VOTE_INPUTS = VOTE_INPUT_FACTS;

function readCount(input: Record<string, unknown>, name: string): Rational {
  if (!Object.prototype.hasOwnProperty.call(input, name) || input[name] === undefined || input[name] === null) {
    fail("MISSING_INPUT", { name }, undefined, { input: name });
  }
  return countValue(input[name], name);
}

/** A present value read as a count: a whole, non-negative, safe integer. */
function countValue(v: unknown, name: string): Rational {
  if (typeof v !== "number" || !Number.isFinite(v)) fail("INVALID_INPUT_NUMBER", { name, value: shownInput(v) }, undefined, { input: name, value: v });
  if (!Number.isSafeInteger(v)) fail("INVALID_INPUT_WHOLE", { name, value: String(v) }, undefined, { input: name, value: v });
  if (v < 0) fail("NEGATIVE_COUNT", { name, value: String(v) }, undefined, { input: name, value: v });
  return Rational.fromInt(v);
}

function rejectUnknown(input: Record<string, unknown>, known: Set<string>): void {
  for (const k of Object.keys(input)) {
    if (!known.has(k)) fail("UNKNOWN_INPUT", { name: k, inputs: [...known] }, undefined, { input: k });
  }
}

function checkObject(input: unknown): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) fail("INVALID_INPUT_OBJECT", {});
  return input as Record<string, unknown>;
}

/** Validates a vote's counts and derives `cast`. */
export function readVoteFacts(raw: unknown): Map<string, Value> {
  const input = checkObject(raw);
  rejectUnknown(input, new Set(VOTE_INPUTS));
  const env = new Map<string, Value>();
  for (const f of VOTE_INPUTS) env.set(f, readCount(input, f));
  const n = (k: string) => (env.get(k) as Rational).n;
  if (n("present") > n("entitled")) fail("INCONSISTENT_COUNTS_PRESENT", { present: n("present").toString(), entitled: n("entitled").toString() }, undefined, { present: n("present").toString(), entitled: n("entitled").toString() });
  const cast = n("yes") + n("no") + n("abstain");
  if (cast > n("present")) fail("INCONSISTENT_COUNTS_CAST", { cast: cast.toString(), present: n("present").toString() }, undefined, { cast: cast.toString(), present: n("present").toString() });
  env.set("cast", Rational.fromInt(cast));
  return env;
}

/** Validates a scorecard's inputs against their declared types and constraints. */
export function readScorecardInputs(info: RuleInfo, raw: unknown): Map<string, Value> {
  const input = checkObject(raw);
  const decls = (info.decl as A.ScorecardDecl).members.filter((m): m is A.InputDecl => m.kind === "input");
  rejectUnknown(input, new Set(decls.map((d) => d.name)));
  const env = new Map<string, Value>();
  for (const d of decls) {
    if (d.fields) env.set(d.name, readRecords(input, d));
    else env.set(d.name, readValue(input, d.name, d, d.optional === true, d.label));
  }
  return env;
}

/** Reads a list input: an array of at most MAX_LIST_LENGTH records, each field as a scalar input is read. */
function readRecords(input: Record<string, unknown>, d: A.InputDecl): Value {
  const v = input[d.name];
  if (!Object.prototype.hasOwnProperty.call(input, d.name) || v === undefined || v === null) fail("MISSING_INPUT", { name: d.name, label: d.label }, d.span, { input: d.name });
  if (!Array.isArray(v)) fail("INVALID_INPUT_LIST", { name: d.name, value: shownInput(v) }, d.span, { input: d.name });
  if (v.length > MAX_LIST_LENGTH) fail("LIST_TOO_LONG", { name: d.name, length: String(v.length), max: String(MAX_LIST_LENGTH) }, d.span, { input: d.name, length: v.length, max: MAX_LIST_LENGTH });
  const fields = d.fields!;
  const known = new Set(fields.map((f) => f.name));
  const items = v.map((rec, i) => {
    const path = `${d.name}[${i}]`;
    if (typeof rec !== "object" || rec === null || Array.isArray(rec)) fail("INVALID_INPUT_LIST", { name: path, value: shownInput(rec) }, d.span, { input: path });
    const r = rec as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!known.has(k)) fail("UNKNOWN_INPUT", { name: `${path}.${k}`, inputs: [...known] }, d.span, { input: `${path}.${k}` });
    const out = new Map<string, Value>();
    for (const f of fields) out.set(f.name, readValue(r, f.name, f, f.optional, undefined, `${path}.${f.name}`));
    return out;
  });
  return { kind: "records", name: d.name, items };
}

/** Reads one scalar input or record field by its declared type and constraints; null when an optional one is absent. */
function readValue(input: Record<string, unknown>, key: string, d: A.InputDecl | A.FieldDecl, optional: boolean, label?: string, path = key): Value {
  {
    const v = input[key];
    if (!Object.prototype.hasOwnProperty.call(input, key) || v === undefined || v === null) {
      if (optional) return null;
      fail("MISSING_INPUT", { name: path, label }, d.span, { input: path });
    }
    const name = path;
    switch (d.type) {
      case "date": {
        const day = typeof v === "string" ? parseIsoDate(v) : undefined;
        if (day === undefined) fail("INVALID_INPUT_DATE", { name, value: shownInput(v) }, d.span, { input: name, value: v });
        return new DateValue(day);
      }
      case "boolean":
        if (typeof v !== "boolean") fail("INVALID_INPUT_BOOLEAN", { name, value: shownInput(v) }, d.span, { input: name, value: v });
        return v;
      case "text":
        if (typeof v !== "string") fail("INVALID_INPUT_TEXT", { name, value: shownInput(v) }, d.span, { input: name, value: v });
        if (d.options && !d.options.includes(v)) fail("INVALID_INPUT_OPTION", { name, options: d.options, value: shownInput(v) }, d.span, { input: name, value: v });
        return v;
      default: {
        let r: Rational;
        if (d.type === "count") r = countValue(v, name);
        else {
          if (typeof v !== "number" || !Number.isFinite(v)) fail("INVALID_INPUT_NUMBER", { name, value: shownInput(v) }, d.span, { input: name, value: v });
          r = Rational.fromNumber(v)!;
        }
        const lo = d.min ? constantValue(d.min) : d.type === "ratio" ? Rational.ZERO : undefined;
        const hi = d.max ? constantValue(d.max) : d.type === "ratio" ? Rational.ONE : undefined;
        if (lo && r.cmp(lo) < 0) fail("OUT_OF_RANGE_MIN", { name, value: r.toString(), min: lo.toString() }, d.span, { input: name, value: v, min: lo.toString() });
        if (hi && r.cmp(hi) > 0) fail("OUT_OF_RANGE_MAX", { name, value: r.toString(), max: hi.toString() }, d.span, { input: name, value: v, max: hi.toString() });
        return r;
      }
    }
  }
}

/** `of` and `*` are both shown as × in substituted text. */
const timesSign = (op: A.ArithOp): string => (op === "of" || op === "*" ? "×" : op);

/** Evaluates expressions of one rule against an environment of names. */
class Interpreter {
  /** The fields of the record a `where` condition is looking at, innermost last. */
  private readonly records: Map<string, Value>[] = [];

  constructor(
    readonly env: Map<string, Value>,
    readonly calendar: WorkCalendar = defaultCalendar(),
  ) {}

  withRecord<T>(record: Map<string, Value>, fn: () => T): T {
    this.records.push(record);
    try {
      return fn();
    } finally {
      this.records.pop();
    }
  }

  /** The value of a name: a field of the current record first, then the rule's inputs and lets. */
  lookup(name: string): Value | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i]!;
      if (r.has(name)) return r.get(name);
    }
    return this.env.get(name);
  }

  value(e: A.Expr): Value {
    switch (e.kind) {
      case "date":
        return new DateValue(e.day!);
      case "field":
      case "where":
        return fail("WHERE_OUTSIDE_AGGREGATE", { expr: printExpr(e) }, e.span);
      case "number":
        return e.value;
      case "string":
        return e.value;
      case "bool":
        return e.value;
      case "paren":
        return this.value(e.expr);
      case "name": {
        const v = this.lookup(e.name);
        if (v === undefined) fail("MISSING_VALUE", { name: e.name }, e.span);
        return v;
      }
      case "neg":
        return this.num(e.operand).neg();
      case "not":
        return !this.bool(e.operand);
      case "logic":
        return this.logicValues(e)[e.operands.length - 1]!;
      case "compare": {
        const l = this.value(e.left);
        const r = this.value(e.right);
        // Any comparison with an absent value is false, whatever the operator; absent(x) asks for it.
        if (l === null || r === null) return false;
        if (l instanceof DateValue && r instanceof DateValue) {
          const c = l.day - r.day;
          return e.op === ">" ? c > 0 : e.op === ">=" ? c >= 0 : e.op === "<" ? c < 0 : e.op === "<=" ? c <= 0 : e.op === "=" ? c === 0 : c !== 0;
        }
        if (l instanceof Rational && r instanceof Rational) {
          const c = l.cmp(r);
          switch (e.op) {
            case ">": return c > 0;
            case ">=": return c >= 0;
            case "<": return c < 0;
            case "<=": return c <= 0;
            case "=": return c === 0;
            case "!=": return c !== 0;
          }
        }
        return e.op === "=" ? l === r : e.op === "!=" ? l !== r : fail("TYPE_MISMATCH_ORDER", { left: showValue(l), right: showValue(r) }, e.span);
      }
      case "arith": {
        let acc = this.num(e.operands[0]!);
        for (let i = 1; i < e.operands.length; i++) {
          const r = this.num(e.operands[i]!);
          switch (e.ops[i - 1]!) {
            case "+": acc = acc.add(r); break;
            case "-": acc = acc.sub(r); break;
            case "*":
            case "of": acc = acc.mul(r); break;
            case "/":
              if (r.isZero()) {
                const step: A.Expr = chainPrefix(e, i + 1);
                fail("DIVISION_BY_ZERO", { expression: printExpr(step), divisor: printExpr(e.operands[i]!), values: this.substitutions(step) }, step.span, { expression: printExpr(step), values: this.valuesOf(step) });
              }
              acc = acc.div(r);
          }
        }
        return acc;
      }
      case "call":
        return this.call(e);
    }
  }

  private call(e: Extract<A.Expr, { kind: "call" }>): Value {
    if (e.callee === "absent") return this.value(e.args[0]!) === null;
    const list = e.args.length === 1 && (e.args[0]!.kind === "where" || e.args[0]!.kind === "field" || isRecordList(this.peek(e.args[0]!) ?? null));
    if ((AGGREGATES as readonly string[]).includes(e.callee) && (list || (e.callee !== "min" && e.callee !== "max"))) return aggregate(e, this);
    if (e.callee === "min" || e.callee === "max") {
      const values = e.args.map((a) => this.present(a));
      if (values.every((v) => v instanceof DateValue)) {
        const days = values.map((v) => (v as DateValue).day);
        return new DateValue(e.callee === "min" ? Math.min(...days) : Math.max(...days));
      }
      const args = e.args.map((a) => this.num(a));
      return args.reduce((a, b) => ((e.callee === "min" ? a.cmp(b) <= 0 : a.cmp(b) >= 0) ? a : b));
    }
    return dateFunction(e, e.args.map((a) => this.present(a)), this.calendar);
  }

  /** For count(list where …): " (of N list)", how many records the condition chose from; "" for anything else. */
  selectionNote(e: A.Expr): string {
    if (e.kind !== "call" || e.callee !== "count" || e.args.length !== 1) return "";
    const arg = e.args[0]!;
    if (arg.kind !== "where" || arg.list.kind !== "name") return "";
    const list = this.lookup(arg.list.name);
    return list && isRecordList(list) ? ` (of ${list.items.length} ${list.name})` : "";
  }

  /** The value of a plain name without failing (undefined when it is not one), to tell a list from a value. */
  private peek(e: A.Expr): Value | undefined {
    return e.kind === "name" ? this.lookup(e.name) : undefined;
  }

  /** A value that must be there: an absent one fails naming it. */
  present(e: A.Expr): Value {
    const v = this.value(e);
    if (v === null) fail("ABSENT_VALUE", { name: printExpr(e), expr: printExpr(e) }, e.span);
    return v;
  }

  num(e: A.Expr): Rational {
    const v = this.present(e);
    if (!(v instanceof Rational)) fail("TYPE_MISMATCH_NUMBER_VALUE", { expr: printExpr(e), value: showValue(v) }, e.span);
    return v;
  }

  bool(e: A.Expr): boolean {
    const v = this.present(e);
    if (typeof v !== "boolean") fail("TYPE_MISMATCH_CONDITION_VALUE", { expr: printExpr(e), value: showValue(v) }, e.span);
    return v;
  }

  valuesOf(e: A.Expr): Record<string, string> {
    const out: Record<string, string> = {};
    walkExpr(e, (x) => {
      if (x.kind !== "name") return;
      const v = this.lookup(x.name);
      if (v !== undefined) out[x.name] = showValue(v);
    });
    return out;
  }

  /**
   * The value of each left part of an `and`/`or` chain: entry i is the value of its first i+1 operands.
   * Like the left-nested tree, an operand after a decided part is not evaluated.
   */
  logicValues(e: A.LogicChain): boolean[] {
    const values = [this.bool(e.operands[0]!)];
    for (let i = 1; i < e.operands.length; i++) {
      const acc = values[i - 1]!;
      values.push(e.op === "and" ? acc && this.bool(e.operands[i]!) : acc || this.bool(e.operands[i]!));
    }
    return values;
  }

  /** "name = value" for every name in e. */
  private substitutions(e: A.Expr): string[] {
    return Object.entries(this.valuesOf(e)).map(([k, v]) => `${k} = ${v}`);
  }

  /** The expression with every name replaced by its value: "2/3 of entitled" → "2/3 × 30". */
  substituted(e: A.Expr): string {
    switch (e.kind) {
      case "name": {
        const v = this.lookup(e.name);
        return v === undefined || isRecordList(v) ? e.name : showValue(v);
      }
      case "paren":
        return `(${this.substituted(e.expr)})`;
      case "neg":
        return `-${this.substituted(e.operand)}`;
      case "not":
        return `not ${this.substituted(e.operand)}`;
      case "call":
        // An aggregate reads many records: it is shown as written, its value beside it.
        if ((AGGREGATES as readonly string[]).includes(e.callee) && e.args.length === 1 && (e.args[0]!.kind !== "name" || isRecordList(this.peek(e.args[0]!) ?? null))) return printExpr(e);
        return `${e.callee}(${e.args.map((a) => this.substituted(a)).join(", ")})`;
      case "arith":
        return printChain(e, (x) => this.substituted(x), timesSign);
      case "logic":
        return joinOperands(e.operands, e.op, (x) => this.substituted(x));
      case "compare":
        return `${this.substituted(e.left)} ${e.op} ${this.substituted(e.right)}`;
      default:
        return printExpr(e);
    }
  }

  /** One side of a comparison, shown with its value when it is computed: "2/3 × 30 = 20". */
  side(e: A.Expr): string {
    const text = this.substituted(e);
    if (e.kind === "name" || e.kind === "number" || e.kind === "string" || e.kind === "bool" || e.kind === "date") return text;
    if (constantValue(e) && e.kind === "arith" && e.ops[e.ops.length - 1] === "/") return text;
    return `${text} = ${showValue(this.value(e))}`;
  }

  /** The detail text of a condition: "20 > 2/3 × 30 = 20 → false". */
  detail(e: A.Expr): string {
    if (e.kind === "logic") return this.logicDetail(e);
    const result = this.value(e);
    if (e.kind === "paren") return this.detail(e.expr);
    if (e.kind === "compare") return `${this.side(e.left)} ${e.op} ${this.side(e.right)} → ${showValue(result)}`;
    if (e.kind === "not") return `not (${this.detail(e.operand)}) → ${showValue(result)}`;
    return `${this.side(e)}${e.kind === "name" ? ` → ${showValue(result)}` : ""}`;
  }

  /** "((A) and (B) → false) and (C) → false": each operator wraps the detail of its left part, as the binary tree read. */
  private logicDetail(e: A.LogicChain): string {
    const values = this.logicValues(e);
    let text = this.detail(e.operands[0]!);
    for (let i = 1; i < e.operands.length; i++) text = `(${text}) ${e.op} (${this.detail(e.operands[i]!)}) → ${showValue(values[i]!)}`;
    return text;
  }
}

function at(span: Span): { line: number; column: number } {
  return { line: span.line, column: span.column };
}

function letStep(it: Interpreter, m: A.LetDecl): ExplanationStep {
  if (m.bands) {
    // The first band that holds gives the value, as a criterion's points are chosen.
    const { band, detail } = firstMatch(it, m.bands);
    if (!band) fail("NO_BAND", { name: m.name }, m.span);
    const v = it.present(band.points);
    it.env.set(m.name, v);
    const text = `${printExpr(band.points)} ${band.when ? `when ${printExpr(band.when)}` : "otherwise"}`;
    return { clause: m.name, text: `${m.name} = ${text}`, detail: `${detail} → ${showValue(v)}`, result: jsonValue(v), span: at(band.span) };
  }
  const v = it.present(m.expr);
  it.env.set(m.name, v);
  const text = printExpr(m.expr);
  const sub = it.substituted(m.expr);
  const detail = (sub === showValue(v) ? sub : `${sub} = ${showValue(v)}`) + it.selectionNote(m.expr);
  return { clause: m.name, text: `${m.name} = ${text}`, detail, result: jsonValue(v), span: at(m.span) };
}

/** Checks a `require`: a step of the explanation when it holds, REQUIREMENT_FAILED naming the values when not. */
function requireStep(it: Interpreter, m: A.RequireDecl): ExplanationStep {
  const detail = it.detail(m.expr);
  const condition = printExpr(m.expr);
  if (!it.bool(m.expr)) fail("REQUIREMENT_FAILED", { condition, detail, reason: m.reason }, m.span, { requirement: condition, detail, ...(m.reason ? { reason: m.reason } : {}) });
  return { clause: "require", text: `require ${condition}`, detail, result: true, span: at(m.span) };
}

/** Evaluates a `let` or a `require` where it stands, as every rule kind does: true when `m` was one of them. */
function letOrRequireStep<M extends { kind: string }>(it: Interpreter, m: M, explanation: ExplanationStep[], values: Record<string, JsonValue>): m is Extract<M, A.LetDecl | A.RequireDecl> {
  const member = m as unknown as A.LetDecl | A.RequireDecl | { kind: "other" };
  if (member.kind === "let") {
    const step = letStep(it, member);
    explanation.push(step);
    values[member.name] = step.result;
    return true;
  }
  if (member.kind === "require") {
    explanation.push(requireStep(it, member));
    return true;
  }
  return false;
}

/** Evaluates a vote: quorum and passes, outcome, explanation. */
export function evaluateVote(info: RuleInfo, input: unknown): VoteResult {
  const decl = info.decl as A.VoteDecl;
  const env = readVoteFacts(input);
  const it = new Interpreter(env, info.calendar);
  const explanation: ExplanationStep[] = [];
  const values: Record<string, JsonValue> = {};
  const clauses: Record<string, boolean> = {};
  for (const m of decl.members) {
    if (letOrRequireStep(it, m, explanation, values)) continue;
    const result = it.bool(m.expr);
    clauses[m.name] = result;
    values[m.name] = result;
    explanation.push({ clause: m.name, text: printExpr(m.expr), detail: it.detail(m.expr), result, span: at(m.span) });
  }
  const margins = voteMargins(decl, env);
  for (const step of explanation) {
    const mg = step.clause === "quorum" || step.clause === "passes" ? margins[step.clause] : undefined;
    if (mg) Object.assign(step, { needed: mg.needed, margin: mg.margin });
  }
  const outcome: VoteOutcome = !clauses["quorum"] ? "no_quorum" : clauses["passes"] ? "passed" : "rejected";
  const fact = (k: string) => Number((env.get(k) as Rational).n);
  return {
    rule: decl.name,
    label: decl.label ?? decl.name,
    kind: "vote",
    outcome,
    facts: { entitled: fact("entitled"), present: fact("present"), yes: fact("yes"), no: fact("no"), abstain: fact("abstain"), cast: fact("cast") },
    values,
    margins,
    explanation,
  };
}

/** The detail text of each clause of a vote without lets, at whole counts in VOTE_FACTS order, as evaluateVote writes it. */
export function voteClauseDetails(info: RuleInfo, counts: readonly number[]): string[] {
  const env = new Map<string, Value>();
  VOTE_FACTS.forEach((f, i) => env.set(f, Rational.fromInt(counts[i]!)));
  const it = new Interpreter(env, info.calendar);
  const out: string[] = [];
  for (const m of (info.decl as A.VoteDecl).members) if (m.kind === "clause") out.push(it.detail(m.expr));
  return out;
}

/** The first band whose condition holds (`otherwise` always does), with the detail of every condition tried. */
function firstMatch<B extends { when?: A.Expr }>(it: Interpreter, bands: B[]): { band?: B; detail: string; tried: string[] } {
  const tried: string[] = [];
  for (const b of bands) {
    if (!b.when) return { band: b, detail: tried.length ? `${tried.join("; ")}; otherwise` : "otherwise", tried };
    const d = it.detail(b.when);
    if (it.bool(b.when)) return { band: b, detail: d, tried };
    tried.push(d);
  }
  return { detail: tried.join("; "), tried };
}

/** Evaluates a criterion: the first band that holds, or the sum of its sub-criteria (each explained first). */
function criterionStep(it: Interpreter, m: A.CriterionDecl, explanation: ExplanationStep[], criterionPoints: Map<string, Rational>): CriterionResult {
  const cmax = constantValue(m.max)!;
  if (m.parts) {
    const parts = m.parts.map((p) => criterionStep(it, p, explanation, criterionPoints));
    let points = Rational.ZERO;
    for (const p of m.parts) points = points.add(criterionPoints.get(p.name)!);
    if (points.cmp(cmax) > 0) fail("POINTS_EXCEED_MAX_VALUE", { name: m.name, points: points.toString(), max: cmax.toString() }, m.span, { criterion: m.name, points: points.toString(), max: cmax.toString() });
    criterionPoints.set(m.name, points);
    const sum = `${m.parts.map((p) => criterionPoints.get(p.name)!.toString()).join(" + ")} = ${points}`;
    explanation.push({ clause: m.name, text: `${m.parts.map((p) => p.name).join(" + ")}`, detail: `${sum} points`, result: points.toJSON(), span: at(m.nameSpan) });
    return { name: m.name, label: m.label ?? m.name, points: points.toJSON(), max: cmax.toJSON(), reason: `${m.parts.map((p) => p.label ?? p.name).join(" + ")}: ${sum}`, parts };
  }
  const { band: chosen, detail, tried } = firstMatch(it, m.bands);
  if (!chosen) fail("NO_BAND", { name: m.name }, m.span);
  const points = it.num(chosen.points);
  if (points.cmp(cmax) > 0) fail("POINTS_EXCEED_MAX_VALUE", { name: m.name, points: points.toString(), max: cmax.toString() }, chosen.points.span, { criterion: m.name, points: points.toString(), max: cmax.toString() });
  const reason = chosen.reason ?? (chosen.when ? `${printExpr(chosen.when)} (${it.substituted(chosen.when)})` : `no band matched: ${tried.join("; ")}`);
  criterionPoints.set(m.name, points);
  const bandText = `${printExpr(chosen.points)} ${chosen.when ? `when ${printExpr(chosen.when)}` : "otherwise"}`;
  // Computed points show their arithmetic: "→ 2 × 7 = 14 points".
  const pointsText = chosen.points.kind === "number" || constantValue(chosen.points) ? points.toString() : it.side(chosen.points);
  explanation.push({ clause: m.name, text: bandText, detail: `${detail} → ${pointsText} points`, result: points.toJSON(), span: at(chosen.span) });
  return { name: m.name, label: m.label ?? m.name, points: points.toJSON(), max: cmax.toJSON(), reason };
}

/** Evaluates a scorecard: criteria by first matching band, total, grade, reasons. */
export function evaluateScorecard(info: RuleInfo, input: unknown): ScorecardResult {
  const decl = info.decl as A.ScorecardDecl;
  const env = readScorecardInputs(info, input);
  const it = new Interpreter(env, info.calendar);
  const explanation: ExplanationStep[] = [];
  const values: Record<string, JsonValue> = {};
  const criteria: CriterionResult[] = [];
  let score = Rational.ZERO;
  let max = Rational.ZERO;
  const criterionPoints = new Map<string, Rational>();
  for (const m of decl.members) {
    if (letOrRequireStep(it, m, explanation, values)) continue;
    if (m.kind === "criterion") {
      const result = criterionStep(it, m, explanation, criterionPoints);
      score = score.add(criterionPoints.get(m.name)!);
      max = max.add(constantValue(m.max)!);
      criteria.push(result);
    }
  }
  env.set("score", score);
  for (const [k, v] of criterionPoints) env.set(k, v);
  let grade: string | null = null;
  const gradeDecl = decl.members.find((m): m is A.GradeDecl => m.kind === "grade");
  if (gradeDecl) {
    const { band, detail } = firstMatch(it, gradeDecl.bands);
    if (band) {
      grade = band.label;
      explanation.push({ clause: "grade", text: `"${band.label}" ${band.when ? `when ${printExpr(band.when)}` : "otherwise"}`, detail, result: band.label, span: at(band.span) });
    }
  }
  return { rule: decl.name, label: decl.label ?? decl.name, kind: "scorecard", score: score.toJSON(), max: max.toJSON(), grade, criteria, values, explanation };
}

/** A candidate's votes as read from the input, in input order. */
interface Candidate {
  name: string;
  votes: bigint;
  order: number;
}

/** Validates an election round's counts: the facts, `valid` = ballots − invalid, and votes that fit the valid ballots. */
export function readElection(raw: unknown): { env: Map<string, Value>; candidates: Candidate[] } {
  const input = checkObject(raw);
  rejectUnknown(input, new Set([...ELECTION_INPUT_FACTS, "candidates"]));
  const env = new Map<string, Value>();
  for (const f of ELECTION_INPUT_FACTS) env.set(f, readCount(input, f));
  const n = (k: string) => (env.get(k) as Rational).n;
  for (const k of ["seats", "round"]) if (n(k) < 1n) fail("BAD_ELECTION_COUNT", { name: k, value: n(k).toString() }, undefined, { input: k });
  if (n("voters") > n("registered")) fail("INCONSISTENT_COUNTS_VOTERS", { voters: n("voters").toString(), registered: n("registered").toString() }, undefined, { voters: n("voters").toString(), registered: n("registered").toString() });
  if (n("invalid") > n("ballots")) fail("INCONSISTENT_COUNTS_INVALID", { invalid: n("invalid").toString(), ballots: n("ballots").toString() }, undefined, { invalid: n("invalid").toString(), ballots: n("ballots").toString() });
  const valid = n("ballots") - n("invalid");
  env.set("valid", Rational.fromInt(valid));
  if (!Object.prototype.hasOwnProperty.call(input, "candidates") || input["candidates"] === undefined || input["candidates"] === null) fail("MISSING_INPUT", { name: "candidates" }, undefined, { input: "candidates" });
  const votesByName = input["candidates"];
  if (typeof votesByName !== "object" || Array.isArray(votesByName)) fail("INVALID_CANDIDATES", { value: shownInput(votesByName) }, undefined, { input: "candidates" });
  const candidates: Candidate[] = [];
  let total = 0n;
  for (const [name, v] of Object.entries(votesByName as Record<string, unknown>)) {
    if (name.trim() === "" || typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) fail("INVALID_CANDIDATES", { value: shownInput({ [name]: v }) }, undefined, { input: "candidates", candidate: name });
    const votes = BigInt(v);
    if (votes > valid) fail("INCONSISTENT_VOTES_CANDIDATE", { name, votes: votes.toString(), valid: valid.toString() }, undefined, { candidate: name, votes: votes.toString(), valid: valid.toString() });
    total += votes;
    candidates.push({ name, votes, order: candidates.length });
  }
  const most = valid * n("seats");
  if (total > most) fail("INCONSISTENT_VOTES_TOTAL", { total: total.toString(), valid: valid.toString(), seats: n("seats").toString(), most: most.toString() }, undefined, { total: total.toString(), most: most.toString() });
  return { env, candidates };
}

/** Who takes the seats among those who qualified (most votes first): complete, short of seats, or a tie at the last seat. */
export function allocateSeats(qualified: { name: string; votes: bigint }[], seats: number, round: number): { outcome: ElectionOutcome; elected: string[]; tied: string[] } {
  if (qualified.length < seats) return { outcome: round === 1 ? "runoff" : "incomplete", elected: qualified.map((c) => c.name), tied: [] };
  if (qualified.length === seats) return { outcome: "complete", elected: qualified.map((c) => c.name), tied: [] };
  const last = qualified[seats - 1]!.votes;
  if (qualified[seats]!.votes !== last) return { outcome: "complete", elected: qualified.slice(0, seats).map((c) => c.name), tied: [] };
  return { outcome: "tie", elected: qualified.filter((c) => c.votes > last).map((c) => c.name), tied: qualified.filter((c) => c.votes === last).map((c) => c.name) };
}

/** Evaluates an election round: void, turnout, each candidate against the round's threshold, then the seats. */
export function evaluateElection(info: RuleInfo, input: unknown): ElectionResult {
  const decl = info.decl as A.ElectionDecl;
  const { env, candidates } = readElection(input);
  const it = new Interpreter(env, info.calendar);
  const explanation: ExplanationStep[] = [];
  const values: Record<string, JsonValue> = {};
  const clauses: Record<string, boolean> = {};
  const round = Number((env.get("round") as Rational).n);
  const seats = Number((env.get("seats") as Rational).n);
  const thresholdClause = round === 1 ? "elected" : "runoff";
  // Most votes first; equal votes keep the order of the input (the ballot paper's order).
  const ranked = [...candidates].sort((a, b) => (a.votes === b.votes ? a.order - b.order : a.votes > b.votes ? -1 : 1));
  const qualifiedNames = new Set<string>();
  const margins: ElectionResult["margins"] = {};
  const neededOf = new Map<string, { needed: number | null; margin: number | null }>();
  for (const m of decl.members) {
    if (letOrRequireStep(it, m, explanation, values)) continue;
    if (m.name === "void" || m.name === "turnout") {
      const result = it.bool(m.expr);
      clauses[m.name] = result;
      values[m.name] = result;
      const mg = (margins[m.name] = electionMargin(decl, m, it.env));
      explanation.push({ clause: m.name, text: printExpr(m.expr), detail: it.detail(m.expr), result, span: at(m.span), needed: mg.needed, margin: mg.margin });
    } else if (m.name === thresholdClause) {
      for (const c of ranked) {
        it.env.set("votes", Rational.fromInt(c.votes));
        const result = it.bool(m.expr);
        if (result) qualifiedNames.add(c.name);
        const mg = electionMargin(decl, m, it.env);
        neededOf.set(c.name, { needed: mg.needed, margin: mg.margin });
        explanation.push({ clause: m.name, text: `${c.name}: ${printExpr(m.expr)}`, detail: `${c.name}: ${it.detail(m.expr)}`, result, span: at(m.span), needed: mg.needed, margin: mg.margin });
      }
      it.env.delete("votes");
    }
  }
  const qualified = ranked.filter((c) => qualifiedNames.has(c.name));
  let decided: { outcome: ElectionOutcome; elected: string[]; tied: string[] };
  let detail: string;
  if (clauses["void"]) {
    decided = { outcome: "void_ballots", elected: [], tied: [] };
    detail = "void → void_ballots: nobody is elected in this round";
  } else if (!clauses["turnout"]) {
    decided = { outcome: "void_turnout", elected: [], tied: [] };
    detail = "turnout → false: void_turnout, nobody is elected";
  } else {
    decided = allocateSeats(qualified, seats, round);
    const list = qualified.map((c) => `${c.name} ${c.votes}`).join(", ") || "nobody";
    detail = `${qualified.length} qualified for ${seats} seat${seats === 1 ? "" : "s"} (${list}) → ${decided.outcome}`;
    if (decided.outcome === "tie") detail += `: ${decided.tied.join(", ")} tie at ${qualified[seats - 1]!.votes} votes for the last ${seats - decided.elected.length} seat${seats - decided.elected.length === 1 ? "" : "s"}`;
    if (decided.elected.length > 0) detail += `; elected ${decided.elected.join(", ")}`;
  }
  explanation.push({ clause: "seats", text: `${seats} seat${seats === 1 ? "" : "s"}, round ${round}: the most votes among those qualified win`, detail, result: decided.outcome, span: at(decl.nameSpan) });
  const fact = (k: string) => Number((env.get(k) as Rational).n);
  const candidateResults: CandidateResult[] = ranked.map((c) => ({ name: c.name, votes: Number(c.votes), qualified: qualifiedNames.has(c.name), ...(neededOf.get(c.name) ?? { needed: null, margin: null }) }));
  return {
    rule: decl.name,
    label: decl.label ?? decl.name,
    kind: "election",
    outcome: decided.outcome,
    elected: decided.elected,
    tied: decided.tied,
    facts: { registered: fact("registered"), voters: fact("voters"), ballots: fact("ballots"), invalid: fact("invalid"), valid: fact("valid"), seats, round },
    candidates: candidateResults,
    values,
    margins,
    explanation,
  };
}

/** Evaluates a rating of one subject: the count and exact share of each level, and the grade. */
export function evaluateRating(info: RuleInfo, input: unknown): RatingResult {
  const decl = info.decl as A.RatingDecl;
  const levels = ratingLevels(decl);
  const raw = checkObject(input);
  rejectUnknown(raw, new Set(levels));
  const env = new Map<string, Value>();
  let ballots = Rational.ZERO;
  for (const l of levels) {
    const c = readCount(raw, l);
    env.set(l, c);
    ballots = ballots.add(c);
  }
  if (ballots.isZero()) fail("NO_RATING_BALLOTS", {});
  env.set("ballots", ballots);
  const it = new Interpreter(env, info.calendar);
  const explanation: ExplanationStep[] = [];
  const values: Record<string, JsonValue> = {};
  const counts: Record<string, number> = {};
  const levelResults = levels.map((l) => {
    const c = env.get(l) as Rational;
    counts[l] = Number(c.n);
    const share = c.div(ballots);
    explanation.push({ clause: l, text: `${l} / ballots`, detail: `${c} / ${ballots} = ${share}`, result: share.toJSON(), span: at(decl.nameSpan) });
    return { name: l, count: Number(c.n), share: share.toJSON() };
  });
  let grade: string | undefined;
  for (const m of decl.members) {
    if (letOrRequireStep(it, m, explanation, values)) continue;
    if (m.kind === "grade") {
      const { band, detail } = firstMatch(it, m.bands);
      if (!band) fail("NO_BAND", { name: "grade" }, m.span);
      grade = band.label;
      explanation.push({ clause: "grade", text: `"${band.label}" ${band.when ? `when ${printExpr(band.when)}` : "otherwise"}`, detail, result: band.label, span: at(band.span) });
    }
  }
  return { rule: decl.name, label: decl.label ?? decl.name, kind: "rating", grade: grade!, ballots: Number(ballots.n), levels: levelResults, counts, values, explanation };
}

/** Evaluates any rule; never throws for bad input: failures come back as values. */
export function evaluateExact(info: RuleInfo, input: unknown): EvalOutcome {
  try {
    const kind = info.decl.kind;
    const result = kind === "vote" ? evaluateVote(info, input) : kind === "election" ? evaluateElection(info, input) : kind === "rating" ? evaluateRating(info, input) : evaluateScorecard(info, input);
    return { ok: true, result };
  } catch (e) {
    if (e instanceof EvalFailure) return { ok: false, error: e.error };
    throw e;
  }
}
