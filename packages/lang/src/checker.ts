/** The checker: names, types and units, band reachability and order, missing `otherwise`, unused inputs. */

import type * as A from "./ast";
import { walkExpr } from "./ast";
import { Rational } from "./rational";
import { printExpr } from "./print";
import type { Diagnostic, InputType, Span } from "./types";

/** The static type of an expression. `literal` is a bare number, compatible with every numeric type. */
export type Type = InputType | "literal" | "error";

export const VOTE_FACTS = ["entitled", "present", "yes", "no", "abstain", "cast"] as const;
export const VOTE_OUTCOMES = ["passed", "rejected", "no_quorum"] as const;
export const INPUT_TYPES: readonly InputType[] = ["count", "number", "ratio", "boolean", "text"];
export const FUNCTIONS = ["min", "max"] as const;

export const FACT_LABELS: Record<string, string> = {
  entitled: "应到 / entitled: members on the roster",
  present: "实到 / present: members actually present",
  yes: "赞成 / yes votes",
  no: "反对 / no votes",
  abstain: "弃权 / abstentions",
  cast: "投票 / votes cast = yes + no + abstain",
};

export type SymbolKind = "fact" | "input" | "let" | "criterion" | "score";

/** Something a name in an expression can refer to. */
export interface RuleSymbol {
  kind: SymbolKind;
  name: string;
  type: Type;
  label?: string;
  span?: Span;
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
}

const isNumeric = (t: Type): boolean => t === "count" || t === "number" || t === "ratio" || t === "literal" || t === "error";

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

/** The closest known name, for "did you mean" hints. */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = levenshtein(name, k);
    if (d < bestDist) {
      best = k;
      bestDist = d;
    }
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
      const l = constantValue(e.left);
      const r = constantValue(e.right);
      if (!l || !r) return undefined;
      switch (e.op) {
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
    // falls through
    default:
      return undefined;
  }
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly symbols = new Map<string, RuleSymbol>();
  readonly types = new Map<A.Expr, Type>();
  readonly references: { span: Span; symbol: RuleSymbol }[] = [];
  readonly used = new Set<string>();
  /** Every name declared in the rule, visible in expressions or not (criteria are visible only to grades). */
  readonly declared = new Map<string, RuleSymbol>();

  error(code: string, message: string, span: Span): void {
    this.diagnostics.push({ severity: "error", code, message, span });
  }

  warn(code: string, message: string, span: Span): void {
    this.diagnostics.push({ severity: "warning", code, message, span });
  }

  declare(sym: RuleSymbol, span: Span, visible = true): void {
    const existing = this.declared.get(sym.name) ?? this.symbols.get(sym.name);
    if (existing) {
      const builtin = existing.kind === "fact" || existing.kind === "score";
      const what = builtin ? `the built-in '${sym.name}'` : `the ${existing.kind} '${sym.name}'`;
      this.error(builtin ? "RESERVED_NAME" : "DUPLICATE_NAME", `'${sym.name}' is already defined as ${what}; choose another name.`, span);
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
      case "name": {
        const sym = this.symbols.get(e.name);
        if (!sym) {
          const hint = suggest(e.name, this.symbols.keys());
          this.error("UNDEFINED_NAME", `'${e.name}' is not defined here${hint ? `; did you mean '${hint}'?` : "."}`, e.span);
          return "error";
        }
        this.used.add(sym.name);
        this.references.push({ span: e.span, symbol: sym });
        return sym.type;
      }
      case "call": {
        const argTypes = e.args.map((a) => this.expr(a));
        if (!(FUNCTIONS as readonly string[]).includes(e.callee)) {
          this.error("UNKNOWN_FUNCTION", `There is no function '${e.callee}'; the functions are ${FUNCTIONS.join(", ")}.`, e.calleeSpan);
          return "error";
        }
        if (e.args.length === 0) {
          this.error("ARGUMENT_COUNT", `'${e.callee}' needs at least one value.`, e.span);
          return "error";
        }
        let acc: Type = "literal";
        e.args.forEach((a, i) => {
          acc = this.joinNumeric(acc, argTypes[i]!, a.span, `'${e.callee}' of`);
        });
        return acc;
      }
      case "neg": {
        const t = this.expr(e.operand);
        if (!isNumeric(t)) this.error("TYPE_MISMATCH", `'-' needs a number, but ${printExpr(e.operand)} is ${t}.`, e.span);
        return t === "count" ? "number" : t;
      }
      case "not": {
        const t = this.expr(e.operand);
        if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH", `'not' needs a condition, but ${printExpr(e.operand)} is ${t}.`, e.span);
        return "boolean";
      }
      case "logic": {
        for (const side of [e.left, e.right]) {
          const t = this.expr(side);
          if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH", `'${e.op}' joins conditions, but ${printExpr(side)} is ${t}.`, side.span);
        }
        return "boolean";
      }
      case "compare":
        return this.compare(e);
      case "arith":
        return this.arith(e);
    }
  }

  private compare(e: Extract<A.Expr, { kind: "compare" }>): Type {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    if (l === "error" || r === "error") return "boolean";
    if (l === "text" || r === "text" || l === "boolean" || r === "boolean") {
      if (l !== r) this.error("TYPE_MISMATCH", `Cannot compare ${l} ${printExpr(e.left)} with ${r} ${printExpr(e.right)}.`, e.span);
      else if (e.op !== "=" && e.op !== "!=") this.error("TYPE_MISMATCH", `${l === "text" ? "Texts" : "Conditions"} can only be compared with = or !=.`, e.span);
      return "boolean";
    }
    this.joinNumeric(l, r, e.span, "compare");
    for (const [side, other] of [[e.left, r], [e.right, l]] as const) {
      const c = constantValue(side);
      if (other === "ratio" && side.kind === "number" && !side.text.endsWith("%") && c && c.cmp(Rational.ONE) > 0) {
        this.warn("RATIO_SCALE", `A ratio lies between 0 and 1, so comparing it with ${side.text} is suspicious; did you mean ${side.text}%?`, side.span);
      }
    }
    return "boolean";
  }

  /** The common type of two numeric operands, or an error for counts mixed with ratios. */
  private joinNumeric(a: Type, b: Type, span: Span, what: string): Type {
    if (a === "error" || b === "error") return "error";
    if (!isNumeric(a) || !isNumeric(b)) {
      this.error("TYPE_MISMATCH", `Cannot ${what === "compare" ? "compare" : "combine"} ${a} with ${b} here.`, span);
      return "error";
    }
    if (a === "literal") return b;
    if (b === "literal") return a;
    if ((a === "ratio") !== (b === "ratio")) {
      this.error("UNIT_MISMATCH", `Cannot ${what === "compare" ? "compare" : "mix"} a ratio with a ${a === "ratio" ? b : a}: a ratio is a share (e.g. 75%), a ${a === "ratio" ? b : a} is an amount. Use 'SHARE of AMOUNT' to turn a share into an amount.`, span);
      return "error";
    }
    if (a === b) return a;
    return "number";
  }

  private arith(e: Extract<A.Expr, { kind: "arith" }>): Type {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    if (l === "error" || r === "error") return "error";
    if (!isNumeric(l) || !isNumeric(r)) {
      this.error("TYPE_MISMATCH", `'${e.op}' needs numbers, but got ${l} and ${r}.`, e.span);
      return "error";
    }
    switch (e.op) {
      case "+":
      case "-": {
        const t = this.joinNumeric(l, r, e.span, e.op);
        return e.op === "-" && t === "count" ? "number" : t;
      }
      case "of":
        if (l !== "ratio" && l !== "literal") {
          this.error("UNIT_MISMATCH", `'of' takes a share on its left, as in '2/3 of entitled', but ${printExpr(e.left)} is a ${l}.`, e.left.span);
          return "error";
        }
        if (r === "ratio") return "ratio";
        return r === "literal" ? "literal" : "number";
      case "*":
        if (l === "literal") return r === "count" ? "number" : r;
        if (r === "literal") return l === "count" ? "number" : l;
        if (l === "ratio" && r === "ratio") return "ratio";
        return "number";
      case "/":
        if (r === "literal") {
          const c = constantValue(e.right);
          if (c?.isZero()) this.error("DIVISION_BY_ZERO", `${printExpr(e)} divides by zero.`, e.span);
          return l === "count" ? "number" : l;
        }
        if (l === "literal") return "number";
        if (l === "ratio" || r === "ratio") return l === r ? "literal" : "number";
        return "ratio";
    }
  }

  /** Checks that e is a condition. */
  condition(e: A.Expr, where: string): void {
    const t = this.expr(e);
    if (t !== "boolean" && t !== "error") this.error("TYPE_MISMATCH", `${where} must be a condition (true or false), but ${printExpr(e)} is a ${t}.`, e.span);
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
    const a = conditionRange(e.left);
    const b = conditionRange(e.right);
    if (!a || !b || a.subject !== b.subject) return undefined;
    return { subject: a.subject, range: intersect(a.range, b.range) };
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

function describeRange(i: Interval): string {
  if (i.lo && i.hi) return `between ${i.lo} and ${i.hi}`;
  if (i.lo) return `${i.loIn ? "at least" : "above"} ${i.lo}`;
  if (i.hi) return `${i.hiIn ? "at most" : "below"} ${i.hi}`;
  return "any value";
}

/** Checks first-match bands: a final `otherwise`, no unreachable band, points in a sensible order. */
function checkBands(ck: Checker, bands: { when?: A.Expr; span: Span; points?: Rational }[], what: string, blockSpan: Span): void {
  const covers = new Map<string, Interval[]>();
  const thresholds: { subject: string; lo?: Rational; points?: Rational }[] = [];
  bands.forEach((b, i) => {
    if (!b.when) {
      if (i !== bands.length - 1) ck.error("UNREACHABLE_BAND", `'otherwise' must be the last band of ${what}: the bands after it can never match.`, bands[i + 1]!.span);
      return;
    }
    const r = conditionRange(b.when);
    if (!r) return;
    const list = covers.get(r.subject) ?? [];
    if (isEmpty(r.range)) ck.error("UNREACHABLE_BAND", `This band of ${what} can never match: no value of ${r.subject} satisfies it.`, b.span);
    else if (coveredBy(r.range, list)) ck.error("UNREACHABLE_BAND", `This band of ${what} can never match: every ${r.subject} ${describeRange(r.range)} is already taken by an earlier band. Put the stricter band first.`, b.span);
    list.push(r.range);
    covers.set(r.subject, list);
    if (r.range.lo && !r.range.hi) thresholds.push({ subject: r.subject, lo: r.range.lo, points: b.points });
  });
  if (bands.length > 0 && bands[bands.length - 1]!.when) {
    ck.error("MISSING_OTHERWISE", `${what[0]!.toUpperCase()}${what.slice(1)} has no 'otherwise' band, so some inputs would get no result; add one as the last band.`, blockSpan);
  }
  // "x >= 15 → 6 points, x >= 10 → 10 points": reachable, but rewards the lower result more.
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1]!;
    const cur = thresholds[i]!;
    if (prev.subject === cur.subject && prev.points && cur.points && cur.points.cmp(prev.points) > 0) {
      ck.warn("BANDS_UNORDERED", `Bands of ${what} are out of order: ${cur.subject} at least ${cur.lo} gives more points (${cur.points}) than at least ${prev.lo} (${prev.points}).`, blockSpan);
    }
  }
}

function checkVote(ck: Checker, decl: A.VoteDecl): void {
  for (const f of VOTE_FACTS) ck.symbols.set(f, { kind: "fact", name: f, type: "count", label: FACT_LABELS[f] });
  const seen = new Set<string>();
  for (const m of decl.members) {
    if (m.kind === "let") {
      const t = ck.expr(m.expr);
      ck.declare({ kind: "let", name: m.name, type: t, label: m.label, span: m.nameSpan }, m.nameSpan);
    } else {
      if (seen.has(m.name)) ck.error("DUPLICATE_CLAUSE", `The '${m.name}' clause is written twice; a vote has one quorum and one passes clause.`, m.nameSpan);
      seen.add(m.name);
      ck.condition(m.expr, `The '${m.name}' clause`);
    }
  }
  for (const c of ["quorum", "passes"]) {
    if (!seen.has(c)) {
      const hint = c === "quorum" ? " (write 'quorum: true' if this body needs none)" : "";
      ck.error("MISSING_CLAUSE", `Vote '${decl.name}' has no '${c}:' clause${hint}.`, decl.nameSpan);
    }
  }
  for (const m of decl.members) {
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", `'${m.name}' is defined but never used.`, m.nameSpan);
  }
}

function checkInput(ck: Checker, m: A.InputDecl): void {
  let type: Type = m.type as InputType;
  if (!(INPUT_TYPES as readonly string[]).includes(m.type)) {
    const hint = suggest(m.type, INPUT_TYPES);
    ck.error("UNKNOWN_TYPE", `'${m.type}' is not a type; use one of ${INPUT_TYPES.join(", ")}${hint ? ` (did you mean '${hint}'?)` : ""}.`, m.typeSpan);
    type = "error";
  }
  const numeric = type === "count" || type === "number" || type === "ratio";
  if ((m.min || m.max) && !numeric && type !== "error") ck.error("BAD_CONSTRAINT", `'min' and 'max' apply to numbers, not to ${m.type}.`, m.span);
  if (m.options && type !== "text" && type !== "error") ck.error("BAD_CONSTRAINT", `'one of' applies to text inputs, not to ${m.type}.`, m.span);
  const lo = m.min && constantValue(m.min);
  const hi = m.max && constantValue(m.max);
  if (lo && hi && lo.cmp(hi) > 0) ck.error("BAD_CONSTRAINT", `min ${lo} is greater than max ${hi}: no value is allowed.`, m.span);
  if (type === "count" && lo?.isNegative()) ck.error("BAD_CONSTRAINT", `A count is never negative, so min ${lo} is meaningless.`, m.min!.span);
  ck.declare({ kind: "input", name: m.name, type, label: m.label, span: m.nameSpan }, m.nameSpan);
}

function checkScorecard(ck: Checker, decl: A.ScorecardDecl): void {
  let grades = 0;
  let criteria = 0;
  ck.declared.set("score", { kind: "score", name: "score", type: "number", label: "总分 / total score" });
  for (const m of decl.members) {
    switch (m.kind) {
      case "input":
        checkInput(ck, m);
        break;
      case "let": {
        const t = ck.expr(m.expr);
        ck.declare({ kind: "let", name: m.name, type: t, label: m.label, span: m.nameSpan }, m.nameSpan);
        break;
      }
      case "criterion": {
        criteria++;
        ck.declare({ kind: "criterion", name: m.name, type: "number", label: m.label, span: m.nameSpan }, m.nameSpan, false);
        const max = constantValue(m.max);
        if (max?.isNegative()) ck.error("BAD_MAX", `The maximum of '${m.name}' must not be negative.`, m.max.span);
        const bands = m.bands.map((b) => {
          const t = ck.expr(b.points);
          if (!isNumeric(t) || t === "ratio") ck.error("TYPE_MISMATCH", `Points must be a number, but ${printExpr(b.points)} is a ${t}.`, b.points.span);
          if (b.when) ck.condition(b.when, "A band's condition");
          const points = constantValue(b.points);
          if (points && max && points.cmp(max) > 0) ck.error("POINTS_EXCEED_MAX", `${points} points is more than the maximum ${max} of '${m.name}'.`, b.points.span);
          return { when: b.when, span: b.span, points };
        });
        checkBands(ck, bands, `criterion '${m.name}'`, m.nameSpan);
        break;
      }
      case "grade": {
        grades++;
        if (grades > 1) ck.error("DUPLICATE_GRADE", "A scorecard has one grade block.", m.span);
        // Grades see the total and every criterion's points, wherever the criteria are declared.
        ck.symbols.set("score", ck.declared.get("score")!);
        for (const c of decl.members) {
          if (c.kind === "criterion" && !ck.symbols.has(c.name)) ck.symbols.set(c.name, { kind: "criterion", name: c.name, type: "number", label: c.label, span: c.nameSpan });
        }
        for (const b of m.bands) if (b.when) ck.condition(b.when, "A grade's condition");
        checkBands(ck, m.bands, "the grade", m.span);
        break;
      }
    }
  }
  if (criteria === 0) ck.error("NO_CRITERIA", `Scorecard '${decl.name}' has no criterion, so it can only score 0.`, decl.nameSpan);
  for (const m of decl.members) {
    if (m.kind === "input" && !ck.used.has(m.name)) ck.warn("UNUSED_INPUT", `The input '${m.name}' is never used by any criterion, let or grade.`, m.nameSpan);
    if (m.kind === "let" && !ck.used.has(m.name)) ck.warn("UNUSED_LET", `'${m.name}' is defined but never used.`, m.nameSpan);
  }
}

/** Checks one rule declaration; diagnostics are appended to `out`. */
export function checkRule(decl: A.RuleDecl, out: Diagnostic[]): RuleInfo {
  const ck = new Checker();
  if (decl.kind === "vote") checkVote(ck, decl);
  else checkScorecard(ck, decl);
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
  } else {
    targets.set("score", "the total score");
    targets.set("grade", "the grade");
  }
  for (const s of info.symbols.values()) if (s.kind === "let" || s.kind === "criterion" || s.kind === "fact") targets.set(s.name, s.kind);
  return targets;
}

/** Checks test blocks against the rules in scope. */
export function checkTests(tests: A.TestDecl[], scope: Map<string, RuleInfo>, out: Diagnostic[]): void {
  const names = new Set<string>();
  for (const t of tests) {
    if (names.has(t.name)) out.push({ severity: "warning", code: "DUPLICATE_TEST", message: `Another test is also named "${t.name}".`, span: t.span });
    names.add(t.name);
    const info = scope.get(t.rule);
    if (!info) {
      const hint = suggest(t.rule, scope.keys());
      out.push({ severity: "error", code: "UNDEFINED_RULE", message: `There is no rule '${t.rule}' in this file or its imports${hint ? `; did you mean '${hint}'?` : "."}`, span: t.ruleSpan });
      continue;
    }
    const params = info.decl.kind === "vote" ? new Set(["entitled", "present", "yes", "no", "abstain"]) : new Set([...info.symbols.values()].filter((s) => s.kind === "input").map((s) => s.name));
    const given = new Set<string>();
    for (const a of t.args) {
      if (given.has(a.name)) out.push({ severity: "error", code: "DUPLICATE_ARGUMENT", message: `'${a.name}' is given twice.`, span: a.nameSpan });
      given.add(a.name);
      if (!params.has(a.name)) {
        const hint = suggest(a.name, params);
        out.push({ severity: "error", code: "UNKNOWN_ARGUMENT", message: `'${t.rule}' has no input '${a.name}'${hint ? `; did you mean '${hint}'?` : "."}`, span: a.nameSpan });
      }
    }
    const expectsError = t.expects.some((e) => e.kind === "error");
    if (!expectsError) {
      for (const p of params) {
        if (!given.has(p)) out.push({ severity: "error", code: "MISSING_ARGUMENT", message: `The test gives no value for '${p}'.`, span: t.ruleSpan });
      }
    }
    if (t.expects.length === 0) out.push({ severity: "warning", code: "EMPTY_TEST", message: "This test expects nothing, so it can never fail.", span: t.span });
    const targets = expectationTargets(info);
    for (const e of t.expects) {
      if (e.kind !== "value") continue;
      if (!targets.has(e.target)) {
        const hint = suggest(e.target, targets.keys());
        out.push({ severity: "error", code: "UNKNOWN_EXPECTATION", message: `'${e.target}' is not something '${t.rule}' produces${hint ? `; did you mean '${hint}'?` : "."}`, span: e.targetSpan });
      }
      if (e.target === "outcome" && !(e.value.kind === "name" && (VOTE_OUTCOMES as readonly string[]).includes(e.value.name))) {
        out.push({ severity: "error", code: "UNKNOWN_OUTCOME", message: `An outcome is one of ${VOTE_OUTCOMES.join(", ")}.`, span: e.value.span });
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
