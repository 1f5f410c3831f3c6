/**
 * Types and units of expressions: each expression's static type, unknown names (with a hint), counts mixed with
 * ratios, the argument rules of the built-in functions, and conditions that are not conditions.
 */

import type * as A from "../syntax/index.ts";
import { chainPrefix, joinSpans, printExpr } from "../syntax/index.ts";
import { Rational } from "../eval/index.ts";
import { diagnostic, type MessageArgsOf, type MessageId } from "../diagnostics/index.ts";
import type { Diagnostic, InputType, Span } from "../types.ts";
import { constantValue } from "./constant-folding.ts";
import { AGGREGATES, FUNCTIONS } from "./functions.ts";
import { suggest } from "./suggest.ts";

/**
 * The static type of an expression. `literal` is a bare number, compatible with every numeric type; `records`
 * is a list input, `list of T` one field of its records (`cases.limit`): both only as an aggregate's argument.
 */
export type Type = InputType | "literal" | "error" | "records" | `list of ${InputType}`;
export const INPUT_TYPES: readonly InputType[] = ["count", "number", "ratio", "boolean", "text", "date"];

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

export const isNumeric = (t: Type): boolean => t === "count" || t === "number" || t === "ratio" || t === "literal" || t === "error";
export const isList = (t: Type): boolean => t === "records" || t.startsWith("list of ");
/** A whole number of days: a count, a literal or a number (checked whole when evaluated). */
const isDayCount = (t: Type): boolean => t === "count" || t === "literal" || t === "number" || t === "error";

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
export type ConditionPlace = { place: "clause"; clause: string } | { place: "band" | "grade" | "require" | "where" };

/**
 * The state of checking one rule (its diagnostics, the names in scope and declared, every expression's type) and the
 * typing of its expressions. checker.ts checks what each rule kind declares with it.
 */
export class Checker {
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
        // Numbers of one unit (a constant joins any); a value that is not one is named with the one before it.
        let acc = argTypes[0]!;
        if (argTypes.length === 1 && !isNumeric(acc)) {
          this.error("FUNCTION_ARGUMENTS", { name: e.callee, expected: `numbers or dates, ${e.callee}(a, b, …), or one field of a list, ${e.callee}(cases.field)` }, e.span);
          return "error";
        }
        for (let i = 1; i < argTypes.length; i++) acc = this.joinNumeric(acc, argTypes[i]!, e.args[i]!.span, "combine");
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
        // The parameter names of the function's signature help, so the error and the help read alike.
        const expected = `(date, n): ${fn}(received, 5)`;
        if (!arity(2, expected)) return "error";
        const d = this.expr(e.args[0]!);
        const n = this.expr(e.args[1]!);
        if ((d !== "date" && d !== "error") || !isDayCount(n)) this.error("FUNCTION_ARGUMENTS", { name: fn, expected }, e.span);
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
  private joinNumeric(a: Type, b: Type, span: Span, what: "compare" | "combine"): Type {
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
        const t = this.joinNumeric(l, r, span, "combine");
        return op === "-" && t === "count" ? "number" : t;
      }
      case "of": {
        const left = chainPrefix(chain, i);
        if (l !== "ratio" && l !== "literal") {
          this.error("UNIT_MISMATCH_OF", { expr: printExpr(left), type: l }, left.span);
          return "error";
        }
        // "50 of entitled" is 50 times the roster: a share is at most 1 (write 50% or 1/2).
        // 150% is no more a share than 1.5 is: any constant left part is checked.
        const share = constantValue(left);
        if (share && (share.cmp(Rational.ONE) > 0 || share.isNegative())) {
          // "50 of entitled" most likely meant 50%; a percentage, a negative or a computed value has no such reading.
          const plain = left.kind === "number" && !left.text.endsWith("%") && !share.isNegative();
          this.error("OF_NOT_A_SHARE", { expr: printExpr(left), value: share.toString(), hint: plain ? `${printExpr(left)}%` : undefined }, left.span);
          return "error";
        }
        if (r === "ratio") return "ratio";
        // A share of a constant is a constant only when the share is one too: `r of 10` is an amount.
        return l === "literal" && r === "literal" ? "literal" : "number";
      }
      case "*":
        if (l === "literal") return r === "count" ? "number" : r;
        if (r === "literal") return l === "count" ? "number" : l;
        if (l === "ratio" && r === "ratio") return "ratio";
        return "number";
      case "/":
        // A zero is a zero whatever it is written as (0, 0%, 0/5).
        if (constantValue(right)?.isZero()) this.error("DIVISION_BY_ZERO_CONSTANT", { expr: divisionText(chain, i) }, span);
        if (r === "literal") return l === "count" ? "number" : l;
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
