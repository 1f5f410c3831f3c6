/** The checker: names, types and units, band reachability and order, missing `otherwise`, unused inputs. */

import * as A from "../syntax/index.ts";
import { chainPrefix, walkExpr, joinSpans, printExpr } from "../syntax/index.ts";
import { Rational, type WorkCalendar } from "../eval/index.ts";
import { diagnostic, type MessageArgsOf, type MessageId } from "../diagnostics/index.ts";
import type { Diagnostic, InputType, Span } from "../types.ts";
import { ELECTION_FACTS, ELECTION_INPUT_FACTS, ELECTION_OUTCOMES, FACT_LABELS, VOTE_FACTS, VOTE_INPUT_FACTS, VOTE_OUTCOMES } from "./facts.ts";

/**
 * The static type of an expression. `literal` is a bare number, compatible with every numeric type; `records`
 * is a list input, `list of T` one field of its records (`cases.limit`): both only as an aggregate's argument.
 */
export type Type = InputType | "literal" | "error" | "records" | `list of ${InputType}`;

/** Expectations of an election that name candidates: a text of names separated by 、 or commas. */
export const NAME_LIST_TARGETS = ["elected", "tied"] as const;
export const INPUT_TYPES: readonly InputType[] = ["count", "number", "ratio", "boolean", "text", "date"];
/** Aggregates over a list input (`count(cases where …)`); min and max are also the smaller/larger of values. */
export const AGGREGATES = ["count", "sum", "min", "max", "share", "distinct_months"] as const;
/** Functions of dates: working days by the calendar, plain days, and the parts of a date. */
export const DATE_FUNCTIONS = ["add_workdays", "workdays_between", "add_days", "days_between", "year", "quarter", "month", "day", "weekday"] as const;
export const FUNCTIONS = [...AGGREGATES, ...DATE_FUNCTIONS, "absent"] as const;
/** Signatures of the functions, for hover, completion and messages. */
export const FUNCTION_DOCS: Record<(typeof FUNCTIONS)[number], string> = {
  count: "count(cases) · count(cases where COND): how many records (exact count)",
  sum: "sum(cases.field) · sum(cases.field where COND): exact sum of a numeric field (absent values skipped; 0 for no records)",
  min: "min(a, b, …) the smallest value · min(cases.field where COND) the smallest field value (error for no records)",
  max: "max(a, b, …) the largest value · max(cases.field where COND) the largest field value (error for no records)",
  share: "share(cases where COND): count(cases where COND) / count(cases), a ratio (error for an empty list)",
  distinct_months: "distinct_months(visits.date where COND): how many different calendar months the dates fall in",
  add_workdays: "add_workdays(date, n): the n-th working day after date, not counting date itself (n = 0 gives date)",
  workdays_between: "workdays_between(a, b): working days after a up to and including b (negative when b is before a)",
  add_days: "add_days(date, n): the date n calendar days later (n may be negative)",
  days_between: "days_between(a, b): calendar days from a to b (b - a)",
  year: "year(date): the year, e.g. 2026",
  quarter: "quarter(date): 1 … 4",
  month: "month(date): 1 … 12",
  day: "day(date): the day of the month, 1 … 31",
  weekday: "weekday(date): 1 = Monday … 7 = Sunday",
  absent: "absent(x): true when the optional input or field x is absent",
};


/** What each election clause decides, for hover and messages. */
export const ELECTION_CLAUSE_DOCS: Record<A.ElectionClauseName, string> = {
  void: "**void:** the round is void (`void_ballots`) when this holds; checked first. 收回选票多于投票人数：`ballots > voters`.",
  turnout: "**turnout:** the election is valid only when this holds (`void_turnout` otherwise). `voters > 1/2 of registered`.",
  elected: "**elected:** round 1: a candidate (their `votes`) qualifies when this holds; the most votes win the seats.",
  runoff: "**runoff:** round 2 and later (另行选举): a candidate qualifies when this holds. `votes >= 1/3 of ballots`.",
};

export type SymbolKind = "fact" | "input" | "let" | "criterion" | "score" | "field";

/** Something a name in an expression can refer to. */
export interface RuleSymbol {
  kind: SymbolKind;
  name: string;
  type: Type;
  label?: string;
  span?: Span;
  /** Declared with `?`: may be absent. */
  optional?: boolean;
  /** The fields of a list input's records. */
  fields?: Map<string, RuleSymbol>;
}

/** What the checker learned about a rule; the compiler and language service read it. */
export interface RuleInfo {
  decl: A.RuleDecl;
  symbols: Map<string, RuleSymbol>;
  /** Static type of every expression node. */
  types: Map<A.Expr, Type>;
  /** Every name reference and the symbol it resolved to (for hover and go to definition). */
  references: { span: Span; symbol: RuleSymbol }[];
  ok: boolean;
  /** The file the rule is written in, when the host named it. */
  file?: string;
  /** The working-day calendar of add_workdays and workdays_between (the built-in one when absent). */
  calendar?: WorkCalendar;
}

const isNumeric = (t: Type): boolean => t === "count" || t === "number" || t === "ratio" || t === "literal" || t === "error";
const isList = (t: Type): boolean => t === "records" || t.startsWith("list of ");
/** A whole number of days: a count, a literal or a number (checked whole when evaluated). */
const isDayCount = (t: Type): boolean => t === "count" || t === "literal" || t === "number" || t === "error";

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const HAN = /\p{Script=Han}/u;

/**
 * The closest known name, for "did you mean" hints. Names in Chinese are matched with names in Chinese only, and
 * must share a character: a two-character typo such as 应到 is as far from `no` as from any word, and a hint that
 * changes script helps nobody.
 */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  const han = HAN.test(name);
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    if (HAN.test(k) !== han) continue;
    const d = levenshtein(name, k);
    const limit = han ? Math.max(1, Math.ceil(Math.max([...name].length, [...k].length) / 2)) : Math.max(2, Math.floor(name.length / 3));
    if (d > limit || d >= bestDist) continue;
    if (han && ![...name].some((c) => k.includes(c))) continue;
    best = k;
    bestDist = d;
  }
  return best;
}

/** Folds an expression of literals to its exact value, or undefined when it depends on inputs. */
export function constantValue(e: A.Expr): Rational | undefined {
  switch (e.kind) {
    case "number":
      return e.value;
    case "paren":
      return constantValue(e.expr);
    case "neg": {
      const v = constantValue(e.operand);
      return v?.neg();
    }
    case "arith": {
      let acc = constantValue(e.operands[0]!);
      for (let i = 1; acc && i < e.operands.length; i++) {
        const r = constantValue(e.operands[i]!);
        acc = r && applyConstant(e.ops[i - 1]!, acc, r);
      }
      return acc;
    }
    default:
      return undefined;
  }
}

/** One exact step of constant folding; undefined for a division by zero. */
export function applyConstant(op: A.ArithOp, l: Rational, r: Rational): Rational | undefined {
  switch (op) {
    case "+":
      return l.add(r);
    case "-":
      return l.sub(r);
    case "*":
    case "of":
      return l.mul(r);
    case "/":
      return r.isZero() ? undefined : l.div(r);
  }
}

/** Longer left parts of a chain are shortened in division messages. */
const SHOWN_OPERANDS = 4;

/**
 * The text of a chain up to its division by operand i. `x / 0 / 0 / …` has an error at every step:
 * printing the whole left part each time would make the messages grow with the square of the chain.
 */
function divisionText(chain: A.ArithChain, i: number): string {
  if (i < SHOWN_OPERANDS) return printExpr(chainPrefix(chain, i + 1));
  const parts = ["…", printExpr(chain.operands[i - SHOWN_OPERANDS + 2]!)];
  for (let k = i - SHOWN_OPERANDS + 3; k <= i; k++) parts.push(chain.ops[k - 1]!, printExpr(chain.operands[k]!));
  return parts.join(" ");
}

/** Where a condition is required, for the message when it is not one. */
type ConditionPlace = { place: "clause"; clause: string } | { place: "band" | "grade" | "require" | "where" };

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly symbols = new Map<string, RuleSymbol>();
  readonly types = new Map<A.Expr, Type>();
  readonly references: { span: Span; symbol: RuleSymbol }[] = [];
  readonly used = new Set<string>();
  /** Every name declared in the rule, visible in expressions or not (criteria are visible only to grades). */
  readonly declared = new Map<string, RuleSymbol>();
  /** The fields in scope inside `where` conditions, innermost last. */
  readonly recordScopes: Map<string, RuleSymbol>[] = [];

  error<K extends MessageId>(id: K, args: MessageArgsOf<K>, span: Span): void {
    this.diagnostics.push(diagnostic("error", id, args, span));
  }

  warn<K extends MessageId>(id: K, args: MessageArgsOf<K>, span: Span): void {
    this.diagnostics.push(diagnostic("warning", id, args, span));
  }

  declare(sym: RuleSymbol, span: Span, visible = true): void {
    const existing = this.declared.get(sym.name) ?? this.symbols.get(sym.name);
    if (existing) {
      const builtin = existing.kind === "fact" || existing.kind === "score";
      if (builtin) this.error("RESERVED_NAME", { name: sym.name }, span);
      else this.error("DUPLICATE_NAME", { name: sym.name, kind: existing.kind }, span);
      return;
    }
    this.declared.set(sym.name, sym);
    if (visible) this.symbols.set(sym.name, sym);
  }

  /** Infers the type of e, reporting unknown names and unit mistakes. */
  expr(e: A.Expr): Type {
    const t = this.infer(e);
    this.types.set(e, t);
    return t;
  }

  private infer(e: A.Expr): Type {
    switch (e.kind) {
      case "number":
        return e.text.endsWith("%") ? "ratio" : "literal";
      case "string":
        return "text";
      case "bool":
        return "boolean";
      case "paren":
        return this.expr(e.expr);
      case "date":
        if (e.day === undefined) this.error("INVALID_DATE_LITERAL", { text: e.text }, e.span);
        return "date";
      case "field":
      case "where":
        this.listArg(e, undefined);
        this.error("WHERE_OUTSIDE_AGGREGATE", { expr: printExpr(e) }, e.span);
        return "error";
      case "name": {
        const sym = this.recordField(e.name) ?? this.symbols.get(e.name);
        if (!sym) {
          const hint = suggest(e.name, [...this.symbols.keys(), ...this.recordScopes.flatMap((f) => [...f.keys()])]);
          this.error("UNDEFINED_NAME", { name: e.name, hint }, e.span);
          return "error";
        }
        this.used.add(sym.name);
        this.references.push({ span: e.span, symbol: sym });
        return sym.type;
      }
      case "call": {
        const special = this.specialCall(e);
        if (special) return special;
        const argTypes = e.args.map((a) => this.expr(a));
        if (!(FUNCTIONS as readonly string[]).includes(e.callee)) {
          this.error("UNKNOWN_FUNCTION", { name: e.callee, functions: [...FUNCTIONS] }, e.calleeSpan);
          return "error";
        }
        if (e.args.length === 0) {
          this.error("ARGUMENT_COUNT", { name: e.callee }, e.span);
          return "error";
        }
        if (argTypes.every((t) => t === "date")) return "date";
        let acc: Type = "literal";
        e.args.forEach((a, i) => {
          acc = this.joinNumeric(acc, argTypes[i]!, a.span, `'${e.callee}' of`);
        });
        return acc;
      }
      case "neg": {
        const t = this.expr(e.operand);
        if (!isNumeric(t)) this.error("TYPE_MISMATCH_NEGATE", { expr: printExpr(e.operand), type: t }, e.span);
        return t === "count" ? "number" : t;
      }
      case "not": {
        const t = this.expr(e.operand);
        if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH_NOT", { expr: printExpr(e.operand), type: t }, e.span);
        return "boolean";
      }
      case "logic": {
        for (const side of e.operands) {
          const t = this.expr(side);
          if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH_LOGIC", { op: e.op, expr: printExpr(side), type: t }, side.span);
        }
        return "boolean";
      }
      case "compare":
        return this.compare(e);
      case "arith":
        return this.arith(e);
    }
  }

  /** A field of the record a `where` condition is looking at, innermost first. */
  private recordField(name: string): RuleSymbol | undefined {
    for (let i = this.recordScopes.length - 1; i >= 0; i--) {
      const f = this.recordScopes[i]!.get(name);
      if (f) return f;
    }
    return undefined;
  }

  /**
   * Types an aggregate's argument: a list input (`records`), a field of its records (`list of T`), either
   * followed by `where` with the record's fields in scope. Reports anything else as NOT_A_LIST for `fn`.
   */
  listArg(e: A.Expr, fn: string | undefined): Type {
    const t = this.listArgType(e, fn);
    this.types.set(e, t);
    return t;
  }

  private listArgType(e: A.Expr, fn: string | undefined): Type {
    if (e.kind === "where") {
      const t = this.listArg(e.list, fn);
      const fields = this.listFields(e.list);
      this.recordScopes.push(fields ?? new Map());
      try {
        this.condition(e.condition, { place: "where" });
      } finally {
        this.recordScopes.pop();
      }
      return t;
    }
    if (e.kind === "field") {
      const target = e.target;
      const sym = target.kind === "name" ? this.symbols.get(target.name) : undefined;
      if (!sym || !sym.fields) {
        if (target.kind === "name" && !sym) this.expr(target);
        else this.error("NOT_A_LIST", { name: fn ?? "where", expr: printExpr(target) }, target.span);
        return "error";
      }
      this.used.add(sym.name);
      this.references.push({ span: target.span, symbol: sym });
      this.types.set(target, "records");
      const field = sym.fields.get(e.field);
      if (!field) {
        this.error("UNKNOWN_FIELD", { list: sym.name, field: e.field, fields: [...sym.fields.keys()], hint: suggest(e.field, sym.fields.keys()) }, e.fieldSpan);
        return "error";
      }
      this.references.push({ span: e.fieldSpan, symbol: field });
      return field.type === "error" || isList(field.type) ? "error" : (`list of ${field.type}` as Type);
    }
    const t = this.expr(e);
    if (t !== "error" && !isList(t)) {
      this.error("NOT_A_LIST", { name: fn ?? "where", expr: printExpr(e) }, e.span);
      return "error";
    }
    return t;
  }

  /** The record fields of a list argument (`cases`, `cases.limit`), for a `where` after it. */
  private listFields(e: A.Expr): Map<string, RuleSymbol> | undefined {
    const name = e.kind === "field" ? e.target : e;
    return name.kind === "name" ? this.symbols.get(name.name)?.fields : undefined;
  }

  /** Aggregates, date functions and absent(): their own argument rules; undefined for min/max of values and unknown names. */
  private specialCall(e: Extract<A.Expr, { kind: "call" }>): Type | undefined {
    const fn = e.callee;
    const arity = (n: number, expected: string): boolean => {
      if (e.args.length === n) return true;
      for (const a of e.args) this.expr(a);
      this.error("FUNCTION_ARGUMENTS", { name: fn, expected }, e.span);
      return false;
    };
    // An aggregate inside `where` would run once per record (100,000 × 100,000 at the limit): a let computes it once.
    if ((AGGREGATES as readonly string[]).includes(fn) && this.recordScopes.length > 0 && !((fn === "min" || fn === "max") && e.args.length > 1)) {
      this.error("NESTED_AGGREGATE", { name: fn }, e.span);
    }
    const listLike = (a: A.Expr | undefined): boolean => a !== undefined && (a.kind === "where" || a.kind === "field" || (a.kind === "name" && this.symbols.get(a.name)?.fields !== undefined));
    switch (fn) {
      case "count":
      case "share": {
        if (!arity(1, `one list: ${fn}(cases) or ${fn}(cases where …)`)) return "error";
        const t = this.listArg(e.args[0]!, fn);
        if (t === "error") return "error";
        return fn === "count" ? "count" : "ratio";
      }
      case "sum":
      case "distinct_months":
      case "min":
      case "max": {
        if ((fn === "min" || fn === "max") && !(e.args.length === 1 && listLike(e.args[0]))) return undefined;
        const wanted = fn === "distinct_months" ? "dates: distinct_months(visits.date)" : fn === "sum" ? "numbers: sum(cases.field)" : `numbers or dates: ${fn}(cases.field)`;
        if (!arity(1, `one field of a list's ${wanted}`)) return "error";
        const t = this.listArg(e.args[0]!, fn);
        if (t === "error") return "error";
        const elem = t === "records" ? undefined : (t.slice("list of ".length) as Type);
        const ok = elem !== undefined && (fn === "distinct_months" ? elem === "date" : fn === "sum" ? isNumeric(elem) : isNumeric(elem) || elem === "date");
        if (!ok) {
          this.error("FUNCTION_ARGUMENTS", { name: fn, expected: `one field of a list's ${wanted}` }, e.args[0]!.span);
          return "error";
        }
        if (fn === "distinct_months") return "count";
        if (fn === "sum") return elem === "count" ? "count" : "number";
        return elem;
      }
      case "add_workdays":
      case "add_days": {
        if (!arity(2, `(date, days): ${fn}(received, 5)`)) return "error";
        const d = this.expr(e.args[0]!);
        const n = this.expr(e.args[1]!);
        if ((d !== "date" && d !== "error") || !isDayCount(n)) this.error("FUNCTION_ARGUMENTS", { name: fn, expected: `(date, days): ${fn}(received, 5)` }, e.span);
        return "date";
      }
      case "workdays_between":
      case "days_between": {
        if (!arity(2, `two dates: ${fn}(received, resolved)`)) return "error";
        const a = this.expr(e.args[0]!);
        const b = this.expr(e.args[1]!);
        if ((a !== "date" && a !== "error") || (b !== "date" && b !== "error")) this.error("FUNCTION_ARGUMENTS", { name: fn, expected: `two dates: ${fn}(received, resolved)` }, e.span);
        return "number";
      }
      case "year":
      case "quarter":
      case "month":
      case "day":
      case "weekday": {
        if (!arity(1, `one date: ${fn}(received)`)) return "error";
        const d = this.expr(e.args[0]!);
        if (d !== "date" && d !== "error") this.error("FUNCTION_ARGUMENTS", { name: fn, expected: `one date: ${fn}(received)` }, e.span);
        return "count";
      }
      case "absent": {
        if (!arity(1, "one optional input or field: absent(resolved)")) return "error";
        const a = e.args[0]!;
        this.expr(a);
        if (a.kind !== "name") this.error("FUNCTION_ARGUMENTS", { name: fn, expected: "one optional input or field: absent(resolved)" }, e.span);
        return "boolean";
      }
      default:
        return undefined;
    }
  }

  private compare(e: Extract<A.Expr, { kind: "compare" }>): Type {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    if (l === "error" || r === "error") return "boolean";
    if (l === "date" || r === "date") {
      if (l !== r) this.error("TYPE_MISMATCH_COMPARE", { leftType: l, left: printExpr(e.left), rightType: r, right: printExpr(e.right) }, e.span);
      return "boolean";
    }
    if (l === "text" || r === "text" || l === "boolean" || r === "boolean") {
      if (l !== r) this.error("TYPE_MISMATCH_COMPARE", { leftType: l, left: printExpr(e.left), rightType: r, right: printExpr(e.right) }, e.span);
      else if (e.op !== "=" && e.op !== "!=") this.error("TYPE_MISMATCH_EQUALITY_ONLY", { type: l }, e.span);
      return "boolean";
    }
    this.joinNumeric(l, r, e.span, "compare");
    for (const [side, other] of [[e.left, r], [e.right, l]] as const) {
      const c = constantValue(side);
      if (other === "ratio" && side.kind === "number" && !side.text.endsWith("%") && c && c.cmp(Rational.ONE) > 0) {
        this.warn("RATIO_SCALE", { value: side.text }, side.span);
      }
    }
    return "boolean";
  }

  /** The common type of two numeric operands, or an error for counts mixed with ratios. */
  private joinNumeric(a: Type, b: Type, span: Span, what: string): Type {
    if (a === "error" || b === "error") return "error";
    if (!isNumeric(a) || !isNumeric(b)) {
      this.error(what === "compare" ? "TYPE_MISMATCH_COMPARE_TYPES" : "TYPE_MISMATCH_COMBINE_TYPES", { left: a, right: b }, span);
      return "error";
    }
    if (a === "literal") return b;
    if (b === "literal") return a;
    if ((a === "ratio") !== (b === "ratio")) {
      this.error(what === "compare" ? "UNIT_MISMATCH_COMPARE" : "UNIT_MISMATCH_MIX", { other: a === "ratio" ? b : a }, span);
      return "error";
    }
    if (a === b) return a;
    return "number";
  }

  /** Types a chain step by step, as the left-nested tree ((a op b) op c) would be typed. */
  private arith(e: A.ArithChain): Type {
    let l = this.expr(e.operands[0]!);
    for (let i = 1; i < e.operands.length; i++) {
      l = this.arithStep(e, i, l, this.expr(e.operands[i]!));
    }
    return l;
  }

  /** The type of the chain's first i+1 operands, given the type of the first i (l) and of operand i (r). */
  private arithStep(chain: A.ArithChain, i: number, l: Type, r: Type): Type {
    const op = chain.ops[i - 1]!;
    const right = chain.operands[i]!;
    const span = joinSpans(chain.operands[0]!.span, right.span);
    if (l === "error" || r === "error") return "error";
    if (!isNumeric(l) || !isNumeric(r)) {
      this.error("TYPE_MISMATCH_ARITH", { op, left: l, right: r }, span);
      return "error";
    }
    switch (op) {
      case "+":
      case "-": {
        const t = this.joinNumeric(l, r, span, op);
        return op === "-" && t === "count" ? "number" : t;
      }
      case "of": {
        const left = chainPrefix(chain, i);
        if (l !== "ratio" && l !== "literal") {
          this.error("UNIT_MISMATCH_OF", { expr: printExpr(left), type: l }, left.span);
          return "error";
        }
        // "50 of entitled" is 50 times the roster: a share is at most 1 (write 50% or 1/2).
        const share = l === "literal" ? constantValue(left) : undefined;
        if (share && (share.cmp(Rational.ONE) > 0 || share.isNegative())) {
          this.error("OF_NOT_A_SHARE", { expr: printExpr(left), value: share.toString() }, left.span);
          return "error";
        }
        if (r === "ratio") return "ratio";
        return r === "literal" ? "literal" : "number";
      }
      case "*":
        if (l === "literal") return r === "count" ? "number" : r;
        if (r === "literal") return l === "count" ? "number" : l;
        if (l === "ratio" && r === "ratio") return "ratio";
        return "number";
      case "/":
        if (r === "literal") {
          const c = constantValue(right);
          if (c?.isZero()) this.error("DIVISION_BY_ZERO_CONSTANT", { expr: divisionText(chain, i) }, span);
          return l === "count" ? "number" : l;
        }
        if (l === "literal") return "number";
        if (l === "ratio" || r === "ratio") return l === r ? "literal" : "number";
        return "ratio";
    }
  }

  /** Checks that e is a condition. */
  condition(e: A.Expr, where: ConditionPlace): void {
    const t = this.expr(e);
    if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH_CONDITION", { ...where, expr: printExpr(e), type: t }, e.span);
  }
}

interface Interval {
  lo?: Rational;
  loIn: boolean;
  hi?: Rational;
  hiIn: boolean;
}

/** The set of subject values a simple band condition selects, when the condition is that simple. */
function conditionRange(e: A.Expr): { subject: string; range: Interval } | undefined {
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
      const endsAfter = !c.hi || (lo !== undefined && (c.hi.cmp(lo) > 0 || (c.hi.eq(lo) && c.hiIn && loIn)));
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
function checkBands(ck: Checker, bands: { when?: A.Expr; span: Span; points?: Rational }[], what: { criterion?: string }, blockSpan: Span): void {
  const covers = new Map<string, Interval[]>();
  const thresholds: { subject: string; lo?: Rational; points?: Rational }[] = [];
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
    if (r.range.lo && !r.range.hi) thresholds.push({ subject: r.subject, lo: r.range.lo, points: b.points });
  });
  if (bands.length > 0 && bands[bands.length - 1]!.when) {
    ck.error("MISSING_OTHERWISE", what, blockSpan);
  }
  // "x >= 15 → 6 points, x >= 10 → 10 points": reachable, but rewards the lower result more.
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1]!;
    const cur = thresholds[i]!;
    if (prev.subject === cur.subject && prev.points && cur.points && cur.points.cmp(prev.points) > 0) {
      ck.warn("BANDS_UNORDERED", { ...what, subject: cur.subject, lo: String(cur.lo), points: cur.points.toString(), prevLo: String(prev.lo), prevPoints: prev.points.toString() }, blockSpan);
    }
  }
}

/** Checks a `let` (a value, or bands choosing one) and declares it; returns its type. */
function checkLet(ck: Checker, m: A.LetDecl): Type {
  let t: Type;
  if (m.bands) {
    // The value of the first band that holds: every band's value must have one type (numbers join as in `+`).
    t = "literal";
    for (const b of m.bands) {
      const bt = ck.expr(b.points);
      if (b.when) ck.condition(b.when, { place: "band" });
      if (t === "literal" && !isNumeric(bt)) t = bt;
      else if (bt === "literal" && !isNumeric(t)) continue;
      else if (isNumeric(t) && isNumeric(bt)) t = t === "literal" ? bt : bt === "literal" ? t : t === bt ? t : t === "ratio" || bt === "ratio" ? (ck.error("UNIT_MISMATCH_MIX", { other: t === "ratio" ? bt : t }, b.points.span), "error") : "number";
      else if (t !== bt && t !== "error" && bt !== "error") {
        ck.error("TYPE_MISMATCH_COMPARE_TYPES", { left: t, right: bt }, b.points.span);
        t = "error";
      }
    }
    checkBands(ck, m.bands.map((b) => ({ when: b.when, span: b.span, points: constantValue(b.points) })), { criterion: m.name }, m.nameSpan);
  } else t = ck.expr(m.expr);
  if (isList(t)) {
    ck.error("LIST_NOT_A_VALUE", { expr: printExpr(m.expr) }, m.expr.span);
    t = "error";
  }
  ck.declare({ kind: "let", name: m.name, type: t, label: m.label, span: m.nameSpan }, m.nameSpan);
  return t;
}

/** Checks a `let` or a `require`, as every rule kind does: true when `m` was one of them. */
function checkLetOrRequire<M extends { kind: string }>(ck: Checker, m: M): m is Extract<M, A.LetDecl | A.RequireDecl> {
  const member = m as unknown as A.LetDecl | A.RequireDecl | { kind: "other" };
  if (member.kind === "let") {
    checkLet(ck, member);
    return true;
  }
  if (member.kind === "require") {
    ck.condition(member.expr, { place: "require" });
    return true;
  }
  return false;
}

function checkVote(ck: Checker, decl: A.VoteDecl): void {
  for (const f of VOTE_FACTS) ck.symbols.set(f, { kind: "fact", name: f, type: "count", label: FACT_LABELS[f] });
  const seen = new Set<string>();
  for (const m of decl.members) {
    if (checkLetOrRequire(ck, m)) continue;
    if (seen.has(m.name)) ck.error("DUPLICATE_CLAUSE", { clause: m.name }, m.nameSpan);
    seen.add(m.name);
    ck.condition(m.expr, { place: "clause", clause: m.name });
  }
  for (const c of ["quorum", "passes"]) {
    if (!seen.has(c)) ck.error("MISSING_CLAUSE", { rule: decl.name, clause: c }, decl.nameSpan);
  }
  for (const m of decl.members) {
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", { name: m.name }, m.nameSpan);
  }
}

/** Checks the type and constraints of a list input's field, as a scalar input's. */
function checkField(ck: Checker, list: string, f: A.FieldDecl): RuleSymbol {
  let type: Type = f.type as InputType;
  if (!(INPUT_TYPES as readonly string[]).includes(f.type)) {
    ck.error("UNKNOWN_TYPE", { type: f.type, types: [...INPUT_TYPES], hint: suggest(f.type, INPUT_TYPES) }, f.typeSpan);
    type = "error";
  }
  checkConstraints(ck, f, type);
  return { kind: "field", name: f.name, type, label: `${list}.${f.name}`, span: f.nameSpan, optional: f.optional };
}

function checkConstraints(ck: Checker, m: A.InputDecl | A.FieldDecl, type: Type): void {
  const numeric = type === "count" || type === "number" || type === "ratio";
  if ((m.min || m.max) && !numeric && type !== "error") ck.error("BAD_CONSTRAINT_MIN_MAX", { type: m.type }, m.span);
  if (m.options && type !== "text" && type !== "error") ck.error("BAD_CONSTRAINT_ONE_OF", { type: m.type }, m.span);
  const lo = m.min && constantValue(m.min);
  const hi = m.max && constantValue(m.max);
  if (lo && hi && lo.cmp(hi) > 0) ck.error("BAD_CONSTRAINT_RANGE", { min: lo.toString(), max: hi.toString() }, m.span);
  if (type === "count" && lo?.isNegative()) ck.error("BAD_CONSTRAINT_NEGATIVE_COUNT", { min: lo.toString() }, m.min!.span);
}

function checkInput(ck: Checker, m: A.InputDecl): void {
  if (m.fields) {
    const fields = new Map<string, RuleSymbol>();
    for (const f of m.fields) {
      if (fields.has(f.name)) ck.error("DUPLICATE_NAME", { name: f.name, kind: "field" }, f.nameSpan);
      else fields.set(f.name, checkField(ck, m.name, f));
    }
    if (m.min || m.max || m.options) ck.error("BAD_CONSTRAINT_MIN_MAX", { type: "list" }, m.span);
    ck.declare({ kind: "input", name: m.name, type: "records", label: m.label, span: m.nameSpan, fields }, m.nameSpan);
    return;
  }
  let type: Type = m.type as InputType;
  if (!(INPUT_TYPES as readonly string[]).includes(m.type)) {
    const hint = suggest(m.type, INPUT_TYPES);
    ck.error("UNKNOWN_TYPE", { type: m.type, types: [...INPUT_TYPES], hint }, m.typeSpan);
    type = "error";
  }
  checkConstraints(ck, m, type);
  ck.declare({ kind: "input", name: m.name, type, label: m.label, span: m.nameSpan, optional: m.optional }, m.nameSpan);
}

/** A closed range of values; an absent end is unbounded. */
interface Bounds {
  lo?: Rational;
  hi?: Rational;
}

const UNBOUNDED: Bounds = {};

function boundsText(b: Bounds): string {
  if (b.lo && b.hi && b.lo.eq(b.hi)) return b.lo.toString();
  return `${b.lo?.toString() ?? "unbounded"} to ${b.hi?.toString() ?? "unbounded"}`;
}

function within(b: Bounds, lo: Rational, hi: Rational): boolean {
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
function boundsOf(e: A.Expr, env: Map<string, Bounds>): Bounds {
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
      if ((e.callee === "min" || e.callee === "max") && e.args.length === 1 && (e.args[0]!.kind === "where" || e.args[0]!.kind === "field")) return UNBOUNDED;
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
function inputBounds(m: A.InputDecl): Bounds {
  const min = m.min && constantValue(m.min);
  const max = m.max && constantValue(m.max);
  const floor = m.type === "count" || m.type === "ratio" ? Rational.ZERO : undefined;
  const ceiling = m.type === "ratio" ? Rational.ONE : undefined;
  const lo = min && floor ? (min.cmp(floor) > 0 ? min : floor) : (min ?? floor);
  const hi = max && ceiling ? (max.cmp(ceiling) < 0 ? max : ceiling) : (max ?? ceiling);
  return { lo: lo || undefined, hi: hi || undefined };
}

/** Narrows a band's subject to what its condition selects (`x when x <= 10` has x in ..10 there). */
function narrowedBy(when: A.Expr | undefined, env: Map<string, Bounds>): Map<string, Bounds> {
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
function bandBounds(bands: A.Band[], env: Map<string, Bounds>): Bounds {
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

/** Checks a criterion (its bands, or its sub-criteria whose sum are its points) and declares it; its maximum, when constant. */
function checkCriterion(ck: Checker, m: A.CriterionDecl, bounds: Map<string, Bounds>): Rational | undefined {
  ck.declare({ kind: "criterion", name: m.name, type: "number", label: m.label, span: m.nameSpan }, m.nameSpan, false);
  const max = constantValue(m.max);
  if (max?.isNegative()) ck.error("BAD_MAX", { name: m.name }, m.max.span);
  if (m.parts) {
    if (m.bands.length > 0) ck.error("CRITERION_MIXED", { name: m.name }, m.nameSpan);
    // The parts' maxima bound their sum: the static proof that the parent stays within 0..max.
    let sum = Rational.ZERO;
    for (const p of m.parts) sum = sum.add(checkCriterion(ck, p, bounds) ?? Rational.ZERO);
    if (max && sum.cmp(max) > 0) ck.error("SUBCRITERIA_EXCEED_MAX", { name: m.name, sum: sum.toString(), max: max.toString() }, m.nameSpan);
    return max;
  }
  const bands = m.bands.map((b) => {
    const t = ck.expr(b.points);
    if (!isNumeric(t) || t === "ratio") ck.error("TYPE_MISMATCH_POINTS", { expr: printExpr(b.points), type: t }, b.points.span);
    if (b.when) ck.condition(b.when, { place: "band" });
    const points = constantValue(b.points);
    if (points && max && points.cmp(max) > 0) ck.error("POINTS_EXCEED_MAX", { name: m.name, points: points.toString(), max: max.toString() }, b.points.span);
    else if (max && !max.isNegative() && isNumeric(t) && t !== "ratio") {
      // Computed points must provably stay within 0..max, so no input can give a negative or excess score.
      const range = boundsOf(b.points, narrowedBy(b.when, bounds));
      if (!within(range, Rational.ZERO, max)) {
        ck.error("POINTS_OUT_OF_RANGE", { name: m.name, points: printExpr(b.points), range: boundsText(range), max: max.toString() }, b.points.span);
      }
    }
    return { when: b.when, span: b.span, points };
  });
  checkBands(ck, bands, { criterion: m.name }, m.nameSpan);
  return max;
}

/** A criterion and its sub-criteria, parents first. */
export function criteriaOf(m: A.CriterionDecl): A.CriterionDecl[] {
  return [m, ...(m.parts ?? []).flatMap(criteriaOf)];
}

function checkScorecard(ck: Checker, decl: A.ScorecardDecl): void {
  // What each input and let can be, for proving that every band's points stay within 0..max.
  const bounds = new Map<string, Bounds>();
  let grades = 0;
  let criteria = 0;
  ck.declared.set("score", { kind: "score", name: "score", type: "number", label: "总分 / total score" });
  for (const m of decl.members) {
    switch (m.kind) {
      case "input":
        checkInput(ck, m);
        if (!bounds.has(m.name)) bounds.set(m.name, inputBounds(m));
        break;
      case "let": {
        checkLet(ck, m);
        if (!bounds.has(m.name)) bounds.set(m.name, m.bands ? bandBounds(m.bands, bounds) : boundsOf(m.expr, bounds));
        break;
      }
      case "criterion":
        criteria++;
        checkCriterion(ck, m, bounds);
        break;
      case "require":
        ck.condition(m.expr, { place: "require" });
        break;
      case "grade": {
        grades++;
        if (grades > 1) ck.error("DUPLICATE_GRADE", {}, m.span);
        // Grades see the total and every criterion's points, wherever the criteria are declared.
        ck.symbols.set("score", ck.declared.get("score")!);
        for (const c of decl.members) {
          if (c.kind !== "criterion") continue;
          for (const x of criteriaOf(c)) if (!ck.symbols.has(x.name)) ck.symbols.set(x.name, { kind: "criterion", name: x.name, type: "number", label: x.label, span: x.nameSpan });
        }
        for (const b of m.bands) if (b.when) ck.condition(b.when, { place: "grade" });
        checkBands(ck, m.bands, {}, m.span);
        break;
      }
    }
  }
  if (criteria === 0) ck.error("NO_CRITERIA", { rule: decl.name }, decl.nameSpan);
  checkUnboundedRatios(ck, decl);
  for (const m of decl.members) {
    if (m.kind === "input" && !ck.used.has(m.name)) ck.warn("UNUSED_INPUT", { name: m.name }, m.nameSpan);
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", { name: m.name }, m.nameSpan);
  }
}

function unparen(e: A.Expr): A.Expr {
  while (e.kind === "paren") e = e.expr;
  return e;
}

/**
 * Warns where a ratio of two counts (按时办结 / 受理总数) is compared with a constant share while no `require`
 * keeps its numerator at most its denominator: impossible input (600 of 495) would then grade as excellent.
 */
function checkUnboundedRatios(ck: Checker, decl: A.ScorecardDecl): void {
  const lets = new Map<string, A.Expr>();
  for (const m of decl.members) if (m.kind === "let") lets.set(m.name, m.expr);
  const same = (a: A.Expr, b: A.Expr, depth = 0): boolean => {
    a = unparen(a);
    b = unparen(b);
    if (printExpr(a) === printExpr(b)) return true;
    if (depth > lets.size) return false;
    if (a.kind === "name" && lets.has(a.name)) return same(lets.get(a.name)!, b, depth + 1);
    if (b.kind === "name" && lets.has(b.name)) return same(a, lets.get(b.name)!, depth + 1);
    return false;
  };
  const facts: A.Expr[] = [];
  for (const m of decl.members) {
    if (m.kind !== "require") continue;
    // `require a <= b and c <= d` states two facts.
    const pending = [m.expr];
    for (let e = pending.pop(); e; e = pending.pop()) {
      e = unparen(e);
      if (e.kind === "logic" && e.op === "and") for (const operand of e.operands) pending.push(operand); // no spread: chains can be very long
      else facts.push(e);
    }
  }
  // The terms of a sum of counts, through lets: (满意 + 基本满意) / (满意 + 基本满意 + 不满意) is at most 1 by construction.
  const terms = (e: A.Expr, depth = 0): string[] | undefined => {
    e = unparen(e);
    if (e.kind === "arith" && e.ops.every((op) => op === "+")) {
      const all: string[] = [];
      for (const operand of e.operands) {
        const t = terms(operand, depth);
        if (!t) return undefined;
        all.push(...t);
      }
      return all;
    }
    if (e.kind === "name" && lets.has(e.name) && depth <= lets.size) return terms(lets.get(e.name)!, depth + 1);
    return ck.types.get(e) === "count" ? [printExpr(e)] : undefined;
  };
  const partOf = (num: A.Expr, den: A.Expr): boolean => {
    const part = terms(num);
    const whole = terms(den);
    if (!part || !whole) return false;
    for (const t of part) {
      const i = whole.indexOf(t);
      if (i < 0) return false;
      whole.splice(i, 1);
    }
    return true;
  };
  // count(cases where …) / count(cases) is at most 1 by construction.
  const resolve = (e: A.Expr): A.Expr => {
    e = unparen(e);
    for (let hops = 0; e.kind === "name" && lets.has(e.name) && hops <= lets.size; hops++) e = unparen(lets.get(e.name)!);
    return e;
  };
  const selection = (num: A.Expr, den: A.Expr): boolean => {
    const n = resolve(num);
    const d = resolve(den);
    return n.kind === "call" && d.kind === "call" && n.callee === "count" && d.callee === "count" && n.args[0]?.kind === "where" && d.args[0] !== undefined && printExpr(n.args[0].list) === printExpr(d.args[0]);
  };
  const bounded = (num: A.Expr, den: A.Expr) =>
    selection(num, den) ||
    partOf(num, den) ||
    facts.some((f) => f.kind === "compare" && (((f.op === "<=" || f.op === "<") && same(f.left, num) && same(f.right, den)) || ((f.op === ">=" || f.op === ">") && same(f.left, den) && same(f.right, num))));
  const division = (e: A.Expr): { numerator: A.Expr; denominator: A.Expr } | undefined => {
    e = unparen(e);
    for (let hops = 0; e.kind === "name" && lets.has(e.name) && hops <= lets.size; hops++) e = unparen(lets.get(e.name)!);
    return e.kind === "arith" && e.ops.length === 1 && e.ops[0] === "/" ? { numerator: e.operands[0]!, denominator: e.operands[1]! } : undefined;
  };
  const warned = new Set<string>();
  const conditions: A.Expr[] = [];
  for (const m of decl.members) {
    if (m.kind === "criterion" || m.kind === "grade") for (const b of m.bands) if (b.when) conditions.push(b.when);
  }
  for (const condition of conditions) {
    walkExpr(condition, (e) => {
      if (e.kind !== "compare") return;
      for (const [side, other] of [[e.left, e.right], [e.right, e.left]] as const) {
        if (!constantValue(other) || ck.types.get(side) !== "ratio") continue;
        const d = division(side);
        if (!d || ck.types.get(d.numerator) !== "count" || ck.types.get(d.denominator) !== "count" || bounded(d.numerator, d.denominator)) continue;
        const ratio = printExpr(side);
        if (warned.has(ratio)) continue;
        warned.add(ratio);
        ck.warn("UNBOUNDED_RATIO", { ratio, numerator: printExpr(d.numerator), denominator: printExpr(d.denominator) }, side.span);
      }
    });
  }
}

function checkElection(ck: Checker, decl: A.ElectionDecl): void {
  for (const f of ELECTION_FACTS) ck.symbols.set(f, { kind: "fact", name: f, type: "count", label: FACT_LABELS[f] });
  // `votes` is a fact only inside elected: and runoff:, where the clause is tried for each candidate.
  const votes: RuleSymbol = { kind: "fact", name: "votes", type: "count", label: FACT_LABELS["votes"] };
  ck.declared.set("votes", votes);
  const seen = new Set<string>();
  for (const m of decl.members) {
    if (checkLetOrRequire(ck, m)) continue;
    if (!(A.ELECTION_CLAUSES as readonly string[]).includes(m.name)) {
      ck.error("UNKNOWN_CLAUSE", { clause: m.name, clauses: [...A.ELECTION_CLAUSES], hint: suggest(m.name, A.ELECTION_CLAUSES) }, m.nameSpan);
      continue;
    }
    if (seen.has(m.name)) ck.error("DUPLICATE_ELECTION_CLAUSE", { clause: m.name }, m.nameSpan);
    seen.add(m.name);
    const perCandidate = m.name === "elected" || m.name === "runoff";
    if (perCandidate) ck.symbols.set("votes", votes);
    ck.condition(m.expr, { place: "clause", clause: m.name });
    ck.symbols.delete("votes");
    if (perCandidate && !namesIn(m.expr).includes("votes")) ck.error("CLAUSE_WITHOUT_VOTES", { clause: m.name }, m.expr.span);
  }
  for (const c of A.ELECTION_CLAUSES) {
    if (!seen.has(c)) ck.error("MISSING_ELECTION_CLAUSE", { rule: decl.name, clause: c }, decl.nameSpan);
  }
  for (const m of decl.members) {
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", { name: m.name }, m.nameSpan);
  }
}

function checkRating(ck: Checker, decl: A.RatingDecl): void {
  ck.symbols.set("ballots", { kind: "fact", name: "ballots", type: "count", label: "测评票 / rating ballots: the sum of the level counts" });
  let levels = 0;
  let grades = 0;
  for (const m of decl.members) {
    switch (m.kind) {
      case "levels":
        levels++;
        if (levels > 1) ck.error("DUPLICATE_LEVELS", {}, m.span);
        for (const l of m.levels) ck.declare({ kind: "input", name: l.name, type: "count", label: `测评等次 / level ${l.name}`, span: l.span }, l.span);
        break;
      case "let":
        checkLet(ck, m);
        break;
      case "require":
        ck.condition(m.expr, { place: "require" });
        break;
      case "grade":
        grades++;
        if (grades > 1) ck.error("DUPLICATE_GRADE", {}, m.span);
        for (const b of m.bands) if (b.when) ck.condition(b.when, { place: "grade" });
        checkBands(ck, m.bands, {}, m.span);
        break;
    }
  }
  if (levels === 0) ck.error("MISSING_LEVELS", { rule: decl.name }, decl.nameSpan);
  if (grades === 0) ck.error("MISSING_RATING_GRADE", { rule: decl.name }, decl.nameSpan);
  for (const m of decl.members) {
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", { name: m.name }, m.nameSpan);
  }
}

/** The level names a rating declares, in order. */
export function ratingLevels(decl: A.RatingDecl): string[] {
  return decl.members.flatMap((m) => (m.kind === "levels" ? m.levels.map((l) => l.name) : []));
}

/** The names a test of the rule passes as arguments. */
export function ruleParameters(info: RuleInfo): string[] {
  switch (info.decl.kind) {
    case "vote":
      return [...VOTE_INPUT_FACTS];
    case "election":
      return [...ELECTION_INPUT_FACTS, "candidates"];
    case "rating":
      return ratingLevels(info.decl);
    case "scorecard":
      return [...info.symbols.values()].filter((s) => s.kind === "input").map((s) => s.name);
  }
}

/** The outcomes an `expect outcome = …` may name for a rule kind (none for scorecards and ratings). */
export function outcomesOf(kind: A.RuleDecl["kind"]): readonly string[] {
  return kind === "election" ? ELECTION_OUTCOMES : VOTE_OUTCOMES;
}

/** The words each setting takes after its colon, and the value they give. */
const SETTING_FORMS: Record<A.SettingName, { words: string[]; number: boolean; writeIns?: boolean }[]> = {
  proxies: [{ words: ["at", "most"], number: true }],
  write_ins: [
    { words: ["allowed"], number: false, writeIns: true },
    { words: ["not", "allowed"], number: false, writeIns: false },
  ],
};

/** How each setting is written, for INVALID_SETTING. */
const SETTING_USAGE: Record<A.SettingName, string> = {
  proxies: "proxies: at most N",
  write_ins: "write_ins: allowed",
};

/** The form a setting is written in, or undefined when its words or number do not fit one. */
function settingForm(s: A.SettingDecl): (typeof SETTING_FORMS)[A.SettingName][number] | undefined {
  const words = s.words.map((w) => w.text).join(" ");
  return SETTING_FORMS[s.name].find((f) => f.words.join(" ") === words && f.number === (s.value !== undefined));
}

/** Checks `proxies:` and `write_ins:`: the words, a whole proxy limit of 0 or more, once each, write-ins only in an election. */
function checkSettings(ck: Checker, decl: A.VoteDecl | A.ElectionDecl | A.RatingDecl): void {
  const seen = new Set<string>();
  for (const s of decl.settings ?? []) {
    if (seen.has(s.name)) ck.error("DUPLICATE_SETTING", { setting: s.name }, s.nameSpan);
    seen.add(s.name);
    if (s.name === "write_ins" && decl.kind !== "election") {
      ck.error("WRITE_INS_NOT_ELECTION", { kind: decl.kind }, s.nameSpan);
      continue;
    }
    if (!settingForm(s)) {
      ck.error("INVALID_SETTING", { setting: s.name, usage: SETTING_USAGE[s.name] }, s.span);
      continue;
    }
    if (s.value) {
      const v = constantValue(s.value);
      if (!v || v.isNegative() || !v.isInteger() || v.cmp(Rational.fromInt(MAX_PROXY_LIMIT)) > 0) {
        ck.error("INVALID_PROXY_LIMIT", { value: printExpr(s.value), max: MAX_PROXY_LIMIT }, s.value.span);
      }
    }
  }
}

/** The most proxies a rule may let one member hold: a meeting's roster is far smaller. */
export const MAX_PROXY_LIMIT = 100;

/** What a checked rule declares for the meetings that use it: its proxy limit (0 when absent) and whether write-ins count. */
export function ruleSettings(decl: A.RuleDecl): { proxies: number; writeIns: boolean } {
  const settings = decl.kind === "scorecard" ? [] : (decl.settings ?? []);
  let proxies = 0;
  let writeIns = false;
  for (const s of settings) {
    const form = settingForm(s);
    if (!form) continue;
    if (s.name === "proxies" && s.value) {
      const v = constantValue(s.value);
      if (v && v.isInteger() && !v.isNegative()) proxies = Number(v.toString());
    } else if (s.name === "write_ins" && decl.kind === "election") writeIns = form.writeIns ?? false;
  }
  return { proxies, writeIns };
}

/** Checks one rule declaration; diagnostics are appended to `out`. */
export function checkRule(decl: A.RuleDecl, out: Diagnostic[]): RuleInfo {
  const ck = new Checker();
  if (decl.kind === "vote") checkVote(ck, decl);
  else if (decl.kind === "election") checkElection(ck, decl);
  else if (decl.kind === "rating") checkRating(ck, decl);
  else checkScorecard(ck, decl);
  if (decl.kind !== "scorecard") checkSettings(ck, decl);
  out.push(...ck.diagnostics);
  return { decl, symbols: new Map([...ck.symbols, ...ck.declared]), types: ck.types, references: ck.references, ok: !ck.diagnostics.some((d) => d.severity === "error") };
}

/** Names an expectation can check, for a rule. */
export function expectationTargets(info: RuleInfo): Map<string, string> {
  const targets = new Map<string, string>();
  if (info.decl.kind === "vote") {
    targets.set("outcome", "passed, rejected or no_quorum");
    targets.set("quorum", "the quorum clause");
    targets.set("passes", "the passes clause");
  } else if (info.decl.kind === "election") {
    targets.set("outcome", ELECTION_OUTCOMES.join(", "));
    targets.set("elected", "the names elected, separated by 、 or commas");
    targets.set("tied", "the tie group, separated by 、 or commas");
    targets.set("void", "the void clause");
    targets.set("turnout", "the turnout clause");
  } else if (info.decl.kind === "rating") {
    targets.set("grade", "the grade");
    targets.set("ballots", "the number of rating ballots");
  } else {
    targets.set("score", "the total score");
    targets.set("grade", "the grade");
  }
  for (const s of info.symbols.values()) {
    if (s.name === "votes") continue;
    if (s.kind === "let" || s.kind === "criterion" || s.kind === "fact" || (info.decl.kind === "rating" && s.kind === "input")) targets.set(s.name, s.kind);
  }
  return targets;
}

/** Checks test blocks against the rules in scope; returns each test's own errors, so that only that test fails. */
export function checkTests(tests: A.TestDecl[], scope: Map<string, RuleInfo>, all: Diagnostic[]): Map<A.TestDecl, Diagnostic[]> {
  const names = new Set<string>();
  const errorsOf = new Map<A.TestDecl, Diagnostic[]>();
  for (const t of tests) {
    const out: Diagnostic[] = [];
    checkTest(t, names, scope, out);
    all.push(...out);
    const errors = out.filter((d) => d.severity === "error");
    if (errors.length > 0) errorsOf.set(t, errors);
  }
  return errorsOf;
}

function gradeLabels(info: RuleInfo): string[] | undefined {
  if (info.decl.kind !== "scorecard" && info.decl.kind !== "rating") return undefined;
  const members: readonly (A.ScorecardMember | A.RatingMember)[] = info.decl.members;
  const grade = members.find((m): m is A.GradeDecl => m.kind === "grade");
  return grade?.bands.map((b) => b.label);
}

function checkTest(t: A.TestDecl, names: Set<string>, scope: Map<string, RuleInfo>, out: Diagnostic[]): void {
  {
    if (names.has(t.name)) out.push(diagnostic("warning", "DUPLICATE_TEST", { name: t.name }, t.span));
    names.add(t.name);
    const info = scope.get(t.rule);
    if (!info) {
      const hint = suggest(t.rule, scope.keys());
      out.push(diagnostic("error", "UNDEFINED_RULE", { rule: t.rule, hint }, t.ruleSpan));
      return;
    }
    const params = new Set(ruleParameters(info));
    const given = new Set<string>();
    for (const a of t.args) {
      if (given.has(a.name)) out.push(diagnostic("error", "DUPLICATE_ARGUMENT", { name: a.name }, a.nameSpan));
      given.add(a.name);
      if (!params.has(a.name)) {
        const hint = suggest(a.name, params);
        out.push(diagnostic("error", "UNKNOWN_ARGUMENT", { rule: t.rule, name: a.name, hint }, a.nameSpan));
      } else if ((a.value.kind === "list") !== (info.symbols.get(a.name)?.fields !== undefined)) {
        out.push(diagnostic("error", a.value.kind === "list" ? "LIST_NOT_EXPECTED" : "LIST_EXPECTED", { name: a.name }, a.value.span));
      } else if (a.value.kind === "list") {
        // A misspelt field in a test's record is caught here, with a hint, not at evaluation.
        const fields = info.symbols.get(a.name)!.fields!;
        for (const record of a.value.items) {
          for (const entry of record.entries) {
            if (!fields.has(entry.key)) out.push(diagnostic("error", "UNKNOWN_FIELD", { list: a.name, field: entry.key, fields: [...fields.keys()], hint: suggest(entry.key, fields.keys()) }, entry.keySpan));
          }
        }
      } else if ((a.value.kind === "tally") !== (info.decl.kind === "election" && a.name === "candidates")) {
        // Only an election's candidates are votes by name; every other argument is one value.
        out.push(diagnostic("error", a.value.kind === "tally" ? "TALLY_NOT_EXPECTED" : "TALLY_EXPECTED", { name: a.name }, a.value.span));
      }
    }
    const expectsError = t.expects.some((e) => e.kind === "error");
    if (!expectsError) {
      for (const p of params) {
        if (!given.has(p) && !info.symbols.get(p)?.optional) out.push(diagnostic("error", "MISSING_ARGUMENT", { name: p }, t.ruleSpan));
      }
    }
    if (t.expects.length === 0) out.push(diagnostic("warning", "EMPTY_TEST", {}, t.span));
    const targets = expectationTargets(info);
    for (const e of t.expects) {
      if (e.kind !== "value") continue;
      if (!targets.has(e.target)) {
        const hint = suggest(e.target, targets.keys());
        out.push(diagnostic("error", "UNKNOWN_EXPECTATION", { target: e.target, rule: t.rule, hint }, e.targetSpan));
      }
      const outcomes = outcomesOf(info.decl.kind);
      if (e.target === "outcome" && !(e.value.kind === "name" && outcomes.includes(e.value.name))) {
        out.push(diagnostic("error", "UNKNOWN_OUTCOME", { outcomes: [...outcomes] }, e.value.span));
      }
      if (info.decl.kind === "election" && (NAME_LIST_TARGETS as readonly string[]).includes(e.target) && (e.value.kind !== "string" || (e.op !== "=" && e.op !== "!="))) {
        out.push(diagnostic("error", "EXPECT_NAMES", { target: e.target }, e.span));
      }
      // A grade that no band gives ("优秀 " with a trailing space) would make the test fail for the wrong reason, or pass with "!=".
      const grades = e.target === "grade" ? gradeLabels(info) : undefined;
      const grade = e.value.kind === "string" ? e.value.value : undefined;
      if (grades && grade !== undefined && !grades.includes(grade)) {
        const hint = grades.find((g) => g === grade.trim()) ?? suggest(grade, grades);
        out.push(diagnostic("error", "UNKNOWN_GRADE", { grade, rule: t.rule, grades, hint }, e.value.span));
      }
    }
  }
}

/** All names referenced in an expression (used for dependency order in the compiler). */
export function namesIn(e: A.Expr): string[] {
  const out: string[] = [];
  walkExpr(e, (x) => {
    if (x.kind === "name") out.push(x.name);
  });
  return out;
}
