/**
 * The checker of a rule declaration: what each rule kind declares (inputs, lets, clauses, criteria, grades, levels),
 * duplicates and missing parts, unused inputs and lets, and what it learned (RuleInfo) for the compiler and the
 * language service. Its jobs beside: typing.ts (the Checker state and expression types), bands.ts (band order),
 * bounds.ts (points within 0..max), rule-settings.ts, test-blocks.ts, suggest.ts (hints), constant-folding.ts.
 */

import * as A from "../syntax/index.ts";
import { printExpr, walkExpr } from "../syntax/index.ts";
import { Rational, type WorkCalendar } from "../eval/index.ts";
import type { Diagnostic, InputType, Span } from "../types.ts";
import { ELECTION_FACTS, FACT_LABELS, VOTE_FACTS } from "./facts.ts";
import { checkBands } from "./bands.ts";
import { bandBounds, boundsOf, boundsText, inputBounds, narrowedBy, within, type Bounds } from "./bounds.ts";
import { constantValue } from "./constant-folding.ts";
import { checkSettings } from "./rule-settings.ts";
import { suggest } from "./suggest.ts";
import { Checker, INPUT_TYPES, isList, isNumeric, type RuleSymbol, type Type } from "./typing.ts";

/** What each election clause decides, for hover and messages. */
export const ELECTION_CLAUSE_DOCS: Record<A.ElectionClauseName, string> = {
  void: "**void:** the round is void (`void_ballots`) when this holds; checked first. 收回选票多于投票人数：`ballots > voters`.",
  turnout: "**turnout:** the election is valid only when this holds (`void_turnout` otherwise). `voters > 1/2 of registered`.",
  elected: "**elected:** round 1: a candidate (their `votes`) qualifies when this holds; the most votes win the seats.",
  runoff: "**runoff:** round 2 and later (另行选举): a candidate qualifies when this holds. `votes >= 1/3 of ballots`.",
};

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

/** The type of let `name`'s bands so far (`t`) joined with the next band's value type (`bt`); refuses a mix. */
function joinBandValue(ck: Checker, name: string, t: Type, bt: Type, span: Span): Type {
  // An error was reported where it arose; one is enough.
  if (t === "error" || bt === "error") return t;
  if (isNumeric(t) && isNumeric(bt)) {
    if (t === "literal" || t === bt) return bt;
    if (bt === "literal") return t;
    if (t === "ratio" || bt === "ratio") {
      ck.error("UNIT_MISMATCH_MIX", { other: t === "ratio" ? bt : t }, span);
      return "error";
    }
    return "number";
  }
  if (t === bt) return t;
  ck.error("TYPE_MISMATCH_LET_BANDS", { name, left: t, right: bt }, span);
  return "error";
}

/** Checks a `let` (a value, or bands choosing one) and declares it; returns its type. */
function checkLet(ck: Checker, m: A.LetDecl): Type {
  let t: Type;
  if (m.bands) {
    // The value of the first band that holds: every band's value must have one type (numbers join as in `+`).
    let joined: Type | undefined;
    for (const b of m.bands) {
      const bt = ck.expr(b.points);
      if (b.when) ck.condition(b.when, { place: "band" });
      joined = joined === undefined ? bt : joinBandValue(ck, m.name, joined, bt, b.points.span);
    }
    t = joined ?? "error";
    checkBands(ck, m.bands.map((b) => ({ when: b.when, span: b.span, points: constantValue(b.points) })), { let: m.name }, m.nameSpan);
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
    if (m.min || m.max) ck.error("BAD_CONSTRAINT_MIN_MAX", { type: "list" }, m.span);
    if (m.options) ck.error("BAD_CONSTRAINT_ONE_OF", { type: "list" }, m.span);
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
    else if (max && !max.isNegative() && isNumeric(t) && t !== "ratio" && t !== "error") {
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
      case "grade":
        grades++;
        if (grades > 1) ck.error("DUPLICATE_GRADE", { rule: "scorecard" }, m.span);
        break;
    }
  }
  // The grade is chosen after every criterion is scored, so it sees the total and every criterion's points (and
  // every let) wherever it is written; checked last, so a criterion declared after it is not a second declaration.
  ck.symbols.set("score", ck.declared.get("score")!);
  for (const c of decl.members) {
    if (c.kind !== "criterion") continue;
    for (const x of criteriaOf(c)) if (!ck.symbols.has(x.name)) ck.symbols.set(x.name, { kind: "criterion", name: x.name, type: "number", label: x.label, span: x.nameSpan });
  }
  for (const m of decl.members) {
    if (m.kind !== "grade") continue;
    for (const b of m.bands) if (b.when) ck.condition(b.when, { place: "grade" });
    checkBands(ck, m.bands, {}, m.span);
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
  // A let naming a let is followed to the expression at the end of its chain; two chains that meet end alike, so
  // comparing the ends is enough. The step limit only guards against a cycle, which is refused elsewhere.
  const end = (e: A.Expr): A.Expr => {
    e = unparen(e);
    for (let steps = 0; e.kind === "name" && lets.has(e.name) && steps < lets.size; steps++) e = unparen(lets.get(e.name)!);
    return e;
  };
  const same = (a: A.Expr, b: A.Expr): boolean => printExpr(end(a)) === printExpr(end(b));
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
        if (grades > 1) ck.error("DUPLICATE_GRADE", { rule: "rating" }, m.span);
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

/** All names referenced in an expression (used for dependency order in the compiler). */
export function namesIn(e: A.Expr): string[] {
  const out: string[] = [];
  walkExpr(e, (x) => {
    if (x.kind === "name") out.push(x.name);
  });
  return out;
}
