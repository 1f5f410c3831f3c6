/**
 * Turns the Chevrotain CST into the AST, dropping pieces that error recovery left incomplete. AstBuilder is a CST
 * visitor typed by the generated cst.ts: a method per grammar rule, taking that rule's children, so a grammar
 * change that the conversion does not follow fails to type-check.
 */

import type { CstElement, IToken } from "chevrotain";
import type * as A from "./ast.ts";
import type * as C from "./cst.ts";
import { Rational, parseIsoDate } from "../eval/index.ts";
import { unquote } from "./lexer.ts";
import { joinSpans, spanOfToken } from "./span.ts";
import type { Span } from "../types.ts";

/**
 * Thrown inside the builder when recovery left a required piece out; the enclosing member is dropped.
 * Not an Error: it never leaves this module, and a broken file throws it thousands of times, so the
 * stack trace an Error captures was a large part of compiling one.
 */
class Incomplete {
  constructor(readonly piece: string) {}
}

/** Any rule's children: what a node's span is read from. */
type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function realToken(t: IToken | undefined): t is IToken {
  return t !== undefined && !Number.isNaN(t.startOffset) && t.isInsertedInRecovery !== true;
}

// The generated types say which labels a rule always has, but error recovery can leave any of them out (or fill a
// token in): every child is read as possibly missing, and a token filled in by recovery counts as missing.

function tok(list: IToken[] | undefined, i = 0): IToken | undefined {
  const t = list?.[i];
  return realToken(t) ? t : undefined;
}

function needTok(list: IToken[] | undefined, piece: string): IToken {
  const t = tok(list);
  if (!t) throw new Incomplete(piece);
  return t;
}

function node<N>(list: N[] | undefined): N | undefined {
  return list?.[0];
}

function needNode<N>(list: N[] | undefined, piece: string): N {
  const n = list?.[0];
  if (n === undefined) throw new Incomplete(piece);
  return n;
}

const NONE: never[] = [];

function nodes<N>(list: N[] | undefined): N[] {
  return list ?? NONE;
}

function tokensOf(list: IToken[] | undefined): IToken[] {
  return (list ?? NONE).filter(realToken);
}

/**
 * The first (or, with `last`, the last) real token under a node's children. Each label's elements are in source
 * order, so only the first (last) element of each label that holds a real token is looked into: the cost is the
 * node's leftmost (rightmost) spine, not its size, where walking the whole subtree for every node made nested
 * nodes cost their depth each. Tokens inserted by error recovery never count.
 */
function edgeToken(children: Children, last: boolean): IToken | undefined {
  let best: IToken | undefined;
  for (const key in children) {
    const list = children[key]!;
    for (let k = 0; k < list.length; k++) {
      const e = list[last ? list.length - 1 - k : k]!;
      const t = isToken(e) ? (realToken(e) ? e : undefined) : edgeToken(e.children, last);
      if (!t) continue;
      if (!best || (last ? t.startOffset > best.startOffset : t.startOffset < best.startOffset)) best = t;
      break;
    }
  }
  return best;
}

/** The span from the first to the last real token under a node, given its children. */
function nodeSpan(children: Children, piece: string): Span {
  const first = edgeToken(children, false);
  const last = edgeToken(children, true);
  if (!first || !last) throw new Incomplete(piece);
  return joinSpans(spanOfToken(first), spanOfToken(last));
}

function optString(list: IToken[] | undefined): string | undefined {
  const t = tok(list);
  return t ? unquote(t.image) : undefined;
}

function numberFromToken(t: IToken): A.Expr {
  const text = t.image;
  const span = spanOfToken(t);
  if (text.endsWith("%")) {
    const v = Rational.parseDecimal(text.slice(0, -1))!;
    return { kind: "number", value: v.div(Rational.fromInt(100)), text, span };
  }
  return { kind: "number", value: Rational.parseDecimal(text)!, text, span };
}

function dateLiteral(t: IToken): A.Expr {
  return { kind: "date", text: t.image, day: parseIsoDate(t.image), span: spanOfToken(t) };
}

const COMPARE_OPS: Record<string, A.CompareOp> = { ">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "!=": "!=", "≠": "!=", ">": ">", "<": "<", "=": "=" };

/** Wraps an operand in the prefix operators (`not` or `-`) written before it, the first outermost. */
function prefixed(operand: A.Expr, prefixes: IToken[], kind: "not" | "neg"): A.Expr {
  let e = operand;
  for (let i = prefixes.length - 1; i >= 0; i--) e = { kind, operand: e, span: joinSpans(spanOfToken(prefixes[i]!), e.span) } as A.Expr;
  return e;
}

/** Operands with the prefix tokens that stand before each (after the previous operand). */
function withPrefixes(operands: A.Expr[], prefixTokens: IToken[], kind: "not" | "neg"): A.Expr[] {
  if (prefixTokens.length === 0) return operands;
  const sorted = [...prefixTokens].sort((a, b) => a.startOffset - b.startOffset);
  let next = 0;
  return operands.map((operand) => {
    const mine: IToken[] = [];
    while (next < sorted.length && sorted[next]!.startOffset < operand.span.offset) mine.push(sorted[next++]!);
    return prefixed(operand, mine, kind);
  });
}

/** A chain of the operands, or the operand alone. */
function arithChain(operands: A.Expr[], ops: A.ArithOp[]): A.Expr {
  if (operands.length === 1) return operands[0]!;
  return { kind: "arith", ops, operands, span: joinSpans(operands[0]!.span, operands[operands.length - 1]!.span) };
}

function tryMember(build: () => void): void {
  try {
    build();
  } catch (e) {
    if (!(e instanceof Incomplete)) throw e;
  }
}

/** What one `min`, `max` or `one of` constraint written after a type says. */
type Constraint = { min: A.Expr } | { max: A.Expr } | { options: string[] };

/** The CST → AST visitor: every rule of the grammar (cst.ts's GavelCstVisitor) has its method, by its children. */
class AstBuilder implements Omit<C.GavelCstVisitor<never, unknown>, "visit" | "validateVisitor"> {
  file(c: C.FileCstChildren): A.Program {
    const items: A.Item[] = [];
    for (const n of nodes(c.importDecl)) tryMember(() => items.push(this.importDecl(n.children)));
    for (const n of nodes(c.voteDecl)) tryMember(() => items.push(this.voteDecl(n.children)));
    for (const n of nodes(c.scorecardDecl)) tryMember(() => items.push(this.scorecardDecl(n.children)));
    for (const n of nodes(c.electionDecl)) tryMember(() => items.push(this.electionDecl(n.children)));
    for (const n of nodes(c.ratingDecl)) tryMember(() => items.push(this.ratingDecl(n.children)));
    for (const n of nodes(c.testDecl)) tryMember(() => items.push(this.testDecl(n.children)));
    items.sort((a, b) => a.span.offset - b.span.offset);
    return { items };
  }

  importDecl(c: C.ImportDeclCstChildren): A.ImportDecl {
    const s = needTok(c.StringLiteral, "StringLiteral");
    return { kind: "import", path: unquote(s.image), span: nodeSpan(c, "importDecl") };
  }

  voteDecl(c: C.VoteDeclCstChildren): A.VoteDecl {
    const name = needTok(c.name, "name");
    const members: A.VoteMember[] = [];
    const settings = this.settingsOf(nodes(c.voteMember));
    for (const m of nodes(c.voteMember)) {
      if (node(m.children.settingDecl)) continue;
      tryMember(() => members.push(this.voteMember(m.children)));
    }
    return { kind: "vote", name: name.image, nameSpan: spanOfToken(name), label: optString(c.label), members, settings, span: nodeSpan(c, "voteDecl") };
  }

  /** A member of a vote other than a setting (settingsOf reads those). */
  voteMember(c: C.VoteMemberCstChildren): A.VoteMember {
    const l = node(c.letDecl);
    const r = node(c.requireDecl);
    return l ? this.letDecl(l.children) : r ? this.requireDecl(r.children) : this.clauseDecl(needNode(c.clauseDecl, "clauseDecl").children);
  }

  requireDecl(c: C.RequireDeclCstChildren): A.RequireDecl {
    return { kind: "require", expr: this.expr(needNode(c.expr, "expr").children), reason: optString(c.reason), span: nodeSpan(c, "requireDecl") };
  }

  clauseDecl(c: C.ClauseDeclCstChildren): A.ClauseDecl {
    const name = needTok(c.clause, "clause");
    return {
      kind: "clause",
      name: name.image as "quorum" | "passes",
      nameSpan: spanOfToken(name),
      expr: this.expr(needNode(c.expr, "expr").children),
      reason: optString(c.reason),
      span: nodeSpan(c, "clauseDecl"),
    };
  }

  letDecl(c: C.LetDeclCstChildren): A.LetDecl {
    const name = needTok(c.name, "name");
    const base = { kind: "let" as const, name: name.image, nameSpan: spanOfToken(name), label: optString(c.label), span: nodeSpan(c, "letDecl") };
    if (c.LCurly) {
      const bands: A.Band[] = [];
      for (const b of nodes(c.band)) tryMember(() => bands.push(this.band(b.children)));
      if (bands.length === 0) throw new Incomplete("band");
      return { ...base, expr: bands[0]!.points, bands };
    }
    return { ...base, expr: this.expr(needNode(c.expr, "expr").children) };
  }

  electionDecl(c: C.ElectionDeclCstChildren): A.ElectionDecl {
    const name = needTok(c.name, "name");
    const members: A.ElectionMember[] = [];
    const settings = this.settingsOf(nodes(c.electionMember));
    for (const m of nodes(c.electionMember)) {
      if (node(m.children.settingDecl)) continue;
      tryMember(() => members.push(this.electionMember(m.children)));
    }
    return { kind: "election", name: name.image, nameSpan: spanOfToken(name), label: optString(c.label), members, settings, span: nodeSpan(c, "electionDecl") };
  }

  /** A member of an election other than a setting (settingsOf reads those). */
  electionMember(c: C.ElectionMemberCstChildren): A.ElectionMember {
    const l = node(c.letDecl);
    const r = node(c.requireDecl);
    if (l) return this.letDecl(l.children);
    if (r) return this.requireDecl(r.children);
    return this.namedClause(needNode(c.namedClause, "namedClause").children);
  }

  /** `proxies: at most 1`: the setting's name, its words and number as written. */
  settingDecl(c: C.SettingDeclCstChildren): A.SettingDecl {
    const name = needTok(c.setting, "setting");
    const words = tokensOf(c.word).map((t) => ({ text: t.image, span: spanOfToken(t) }));
    const v = node(c.value);
    let value: A.Expr | undefined;
    if (v) {
      value = this.signedNumber(v.children);
      const d = node(c.denominator);
      if (d) {
        const den = this.numberLiteral(d.children);
        value = { kind: "arith", ops: ["/"], operands: [value, den], span: joinSpans(value.span, den.span) };
      }
    }
    return { kind: "setting", name: name.image as A.SettingName, nameSpan: spanOfToken(name), words, ...(value ? { value } : {}), reason: optString(c.reason), span: nodeSpan(c, "settingDecl") };
  }

  /** The settings among a rule's member nodes, in source order. */
  private settingsOf(members: { children: { settingDecl?: C.SettingDeclCstNode[] } }[]): A.SettingDecl[] {
    const settings: A.SettingDecl[] = [];
    for (const m of members) {
      const s = node(m.children.settingDecl);
      if (s) tryMember(() => settings.push(this.settingDecl(s.children)));
    }
    return settings;
  }

  namedClause(c: C.NamedClauseCstChildren): A.ElectionClauseDecl {
    const clause = needTok(c.clause, "clause");
    return { kind: "electionClause", name: clause.image, nameSpan: spanOfToken(clause), expr: this.expr(needNode(c.expr, "expr").children), reason: optString(c.reason), span: nodeSpan(c, "namedClause") };
  }

  ratingDecl(c: C.RatingDeclCstChildren): A.RatingDecl {
    const name = needTok(c.name, "name");
    const members: A.RatingMember[] = [];
    const settings = this.settingsOf(nodes(c.ratingMember));
    for (const m of nodes(c.ratingMember)) {
      if (node(m.children.settingDecl)) continue;
      tryMember(() => {
        const member = this.ratingMember(m.children);
        if (member) members.push(member);
      });
    }
    return { kind: "rating", name: name.image, nameSpan: spanOfToken(name), label: optString(c.label), members, settings, span: nodeSpan(c, "ratingDecl") };
  }

  /** A member of a rating other than a setting (settingsOf reads those); undefined when recovery left none. */
  ratingMember(c: C.RatingMemberCstChildren): A.RatingMember | undefined {
    const lv = node(c.levelsDecl);
    const l = node(c.letDecl);
    const g = node(c.gradeDecl);
    const r = node(c.requireDecl);
    if (lv) return this.levelsDecl(lv.children);
    if (l) return this.letDecl(l.children);
    if (g) return this.gradeDecl(g.children);
    if (r) return this.requireDecl(r.children);
    return undefined;
  }

  levelsDecl(c: C.LevelsDeclCstChildren): A.LevelsDecl {
    const levels = tokensOf(c.level).map((t) => ({ name: t.image, span: spanOfToken(t) }));
    if (levels.length === 0) throw new Incomplete("levels");
    return { kind: "levels", levels, span: nodeSpan(c, "levelsDecl") };
  }

  scorecardDecl(c: C.ScorecardDeclCstChildren): A.ScorecardDecl {
    const name = needTok(c.name, "name");
    const members: A.ScorecardMember[] = [];
    for (const m of nodes(c.scorecardMember)) {
      tryMember(() => {
        const member = this.scorecardMember(m.children);
        if (member) members.push(member);
      });
    }
    return { kind: "scorecard", name: name.image, nameSpan: spanOfToken(name), label: optString(c.label), members, span: nodeSpan(c, "scorecardDecl") };
  }

  /** A member of a scorecard; undefined when recovery left none. */
  scorecardMember(c: C.ScorecardMemberCstChildren): A.ScorecardMember | undefined {
    const i = node(c.inputDecl);
    const l = node(c.letDecl);
    const cr = node(c.criterionDecl);
    const g = node(c.gradeDecl);
    const r = node(c.requireDecl);
    if (r) return this.requireDecl(r.children);
    if (i) return this.inputDecl(i.children);
    if (l) return this.letDecl(l.children);
    if (cr) return this.criterionDecl(cr.children);
    if (g) return this.gradeDecl(g.children);
    return undefined;
  }

  inputDecl(c: C.InputDeclCstChildren): A.InputDecl {
    const name = needTok(c.name, "name");
    const type = needTok(c.type, "type");
    const decl: A.InputDecl = { kind: "input", name: name.image, nameSpan: spanOfToken(name), type: type.image, typeSpan: spanOfToken(type), label: optString(c.label), span: nodeSpan(c, "inputDecl") };
    if (tok(c.optional)) decl.optional = true;
    if (c.Of) {
      decl.type = "list";
      decl.fields = [];
      for (const f of nodes(c.fieldDecl)) tryMember(() => decl.fields!.push(this.fieldDecl(f.children)));
    }
    this.constraints(decl, nodes(c.constraint));
    return decl;
  }

  fieldDecl(c: C.FieldDeclCstChildren): A.FieldDecl {
    const name = needTok(c.name, "name");
    const type = needTok(c.type, "type");
    const decl: A.FieldDecl = { name: name.image, nameSpan: spanOfToken(name), type: type.image, typeSpan: spanOfToken(type), optional: tok(c.optional) !== undefined, span: nodeSpan(c, "fieldDecl") };
    this.constraints(decl, nodes(c.constraint));
    return decl;
  }

  /** Applies the `min`, `max` and `one of` constraints written after a type. */
  private constraints(decl: { min?: A.Expr; max?: A.Expr; options?: string[] }, list: C.ConstraintCstNode[]): void {
    for (const k of list) {
      const constraint = this.constraint(k.children);
      if ("min" in constraint) decl.min = constraint.min;
      else if ("max" in constraint) decl.max = constraint.max;
      else decl.options = [...(decl.options ?? []), ...constraint.options];
    }
  }

  constraint(c: C.ConstraintCstChildren): Constraint {
    const min = node(c.min);
    const max = node(c.max);
    if (min) return { min: this.signedNumber(min.children) };
    if (max) return { max: this.signedNumber(max.children) };
    return { options: tokensOf(c.option).map((t) => unquote(t.image)) };
  }

  signedNumber(c: C.SignedNumberCstChildren): A.Expr {
    const num = this.numberLiteral(needNode(c.numberLiteral, "numberLiteral").children);
    const minus = tok(c.Minus);
    if (!minus) return num;
    return { kind: "neg", operand: num, span: joinSpans(spanOfToken(minus), num.span) };
  }

  numberLiteral(c: C.NumberLiteralCstChildren): A.Expr {
    const t = tok(c.Integer) ?? tok(c.Decimal) ?? tok(c.Percent);
    if (!t) throw new Incomplete("number");
    return numberFromToken(t);
  }

  criterionDecl(c: C.CriterionDeclCstChildren): A.CriterionDecl {
    const name = needTok(c.name, "name");
    const bands: A.Band[] = [];
    for (const b of nodes(c.band)) tryMember(() => bands.push(this.band(b.children)));
    const parts: A.CriterionDecl[] = [];
    for (const p of nodes(c.part)) tryMember(() => parts.push(this.criterionDecl(p.children)));
    return {
      kind: "criterion",
      name: name.image,
      nameSpan: spanOfToken(name),
      label: optString(c.label),
      max: this.signedNumber(needNode(c.max, "max").children),
      bands,
      ...(parts.length > 0 ? { parts } : {}),
      span: nodeSpan(c, "criterionDecl"),
    };
  }

  band(c: C.BandCstChildren): A.Band {
    const cond = node(c.condition);
    if (!cond && !tok(c.Otherwise)) throw new Incomplete("band");
    return { points: this.additive(needNode(c.points, "points").children), when: cond ? this.expr(cond.children) : undefined, reason: optString(c.reason), span: nodeSpan(c, "band") };
  }

  gradeDecl(c: C.GradeDeclCstChildren): A.GradeDecl {
    const bands: A.GradeBand[] = [];
    for (const b of nodes(c.gradeBand)) tryMember(() => bands.push(this.gradeBand(b.children)));
    return { kind: "grade", bands, span: nodeSpan(c, "gradeDecl") };
  }

  gradeBand(c: C.GradeBandCstChildren): A.GradeBand {
    const cond = node(c.condition);
    if (!cond && !tok(c.Otherwise)) throw new Incomplete("gradeBand");
    return { label: unquote(needTok(c.label, "label").image), when: cond ? this.expr(cond.children) : undefined, span: nodeSpan(c, "gradeBand") };
  }

  testDecl(c: C.TestDeclCstChildren): A.TestDecl {
    const rule = needTok(c.rule, "rule");
    const args: A.TestArg[] = [];
    for (const a of nodes(c.testArg)) tryMember(() => args.push(this.testArg(a.children)));
    const expects: A.Expectation[] = [];
    for (const e of nodes(c.expectation)) tryMember(() => expects.push(this.expectation(e.children)));
    return { kind: "test", name: unquote(needTok(c.name, "name").image), rule: rule.image, ruleSpan: spanOfToken(rule), args, expects, span: nodeSpan(c, "testDecl") };
  }

  testArg(c: C.TestArgCstChildren): A.TestArg {
    const name = needTok(c.name, "name");
    const t = node(c.tally);
    const l = node(c.listLiteral);
    const value = t ? this.tally(t.children) : l ? this.listLiteral(l.children) : this.literal(needNode(c.literal, "literal").children);
    return { name: name.image, nameSpan: spanOfToken(name), value };
  }

  listLiteral(c: C.ListLiteralCstChildren): A.ListLiteral {
    return { kind: "list", items: nodes(c.item).map((item) => this.tally(item.children)), span: nodeSpan(c, "listLiteral") };
  }

  tally(c: C.TallyCstChildren): A.TallyLiteral {
    const keys = tokensOf(c.key).sort((a, b) => a.startOffset - b.startOffset);
    const counts = nodes(c.count);
    if (keys.length !== counts.length) throw new Incomplete("tally");
    const entries = keys.map((k, i) => ({ key: k.tokenType.name === "StringLiteral" ? unquote(k.image) : k.image, keySpan: spanOfToken(k), value: this.literal(counts[i]!.children) }));
    return { kind: "tally", entries, span: nodeSpan(c, "tally") };
  }

  expectation(c: C.ExpectationCstChildren): A.Expectation {
    const target = tok(c.target);
    if (target) {
      return { kind: "value", target: target.image, targetSpan: spanOfToken(target), op: this.compareOp(needNode(c.compareOp, "compareOp").children), value: this.literal(needNode(c.literal, "literal").children), span: nodeSpan(c, "expectation") };
    }
    needTok(c.Error, "Error");
    return { kind: "error", code: optString(c.code), span: nodeSpan(c, "expectation") };
  }

  literal(c: C.LiteralCstChildren): A.Expr {
    const sn = node(c.signedNumber);
    if (sn) {
      const numerator = this.signedNumber(sn.children);
      const den = node(c.denominator);
      if (!den) return numerator;
      const denominator = this.numberLiteral(den.children);
      return { kind: "arith", ops: ["/"], operands: [numerator, denominator], span: joinSpans(numerator.span, denominator.span) };
    }
    const date = tok(c.DateLiteral);
    if (date) return dateLiteral(date);
    const s = tok(c.StringLiteral);
    if (s) return { kind: "string", value: unquote(s.image), span: spanOfToken(s) };
    const t = tok(c.True) ?? tok(c.False);
    if (t) return { kind: "bool", value: t.image === "true", span: spanOfToken(t) };
    const id = needTok(c.Identifier, "Identifier");
    return { kind: "name", name: id.image, span: spanOfToken(id) };
  }

  compareOp(c: C.CompareOpCstChildren): A.CompareOp {
    const t = tok(c.GreaterEq) ?? tok(c.LessEq) ?? tok(c.NotEq) ?? tok(c.Greater) ?? tok(c.Less) ?? tok(c.Equals);
    if (!t) throw new Incomplete("compareOp");
    return COMPARE_OPS[t.image]!;
  }

  expr(c: C.ExprCstChildren): A.Expr {
    const operands = nodes(c.operand).map((n) => this.andExpr(n.children));
    if (operands.length === 0) throw new Incomplete("expr");
    if (operands.length === 1) return operands[0]!;
    return { kind: "logic", op: "or", operands, span: joinSpans(operands[0]!.span, operands[operands.length - 1]!.span) };
  }

  andExpr(c: C.AndExprCstChildren): A.Expr {
    let operands = nodes(c.operand).map((n) => this.comparison(n.children));
    if (operands.length === 0) throw new Incomplete("andExpr");
    operands = withPrefixes(operands, tokensOf(c.not), "not");
    if (operands.length === 1) return operands[0]!;
    return { kind: "logic", op: "and", operands, span: joinSpans(operands[0]!.span, operands[operands.length - 1]!.span) };
  }

  comparison(c: C.ComparisonCstChildren): A.Expr {
    const operands = nodes(c.operand).map((n) => this.additive(n.children));
    const opNode = node(c.compareOp);
    if (operands.length === 1 && !opNode) return operands[0]!;
    if (operands.length !== 2 || !opNode) throw new Incomplete("comparison");
    const [left, right] = operands as [A.Expr, A.Expr];
    return { kind: "compare", op: this.compareOp(opNode.children), left, right, span: joinSpans(left.span, right.span) };
  }

  additive(c: C.AdditiveCstChildren): A.Expr {
    const terms = withPrefixes(nodes(c.operand).map((n) => this.primary(n.children)), tokensOf(c.sign), "neg");
    const ops = tokensOf(c.op).sort((a, b) => a.startOffset - b.startOffset);
    if (terms.length === 0 || ops.length !== terms.length - 1) throw new Incomplete("additive");
    // `*`, `/` and `of` bind tighter: each run of them is one chain, an operand of the `+`/`-` chain.
    const sums: A.Expr[] = [];
    const sumOps: A.ArithOp[] = [];
    let product: A.Expr[] = [terms[0]!];
    let productOps: A.ArithOp[] = [];
    for (let i = 0; i < ops.length; i++) {
      const image = ops[i]!.image;
      const op: A.ArithOp = image === "×" ? "*" : (image as A.ArithOp);
      if (op === "+" || op === "-") {
        sums.push(arithChain(product, productOps));
        sumOps.push(op);
        product = [terms[i + 1]!];
        productOps = [];
      } else {
        product.push(terms[i + 1]!);
        productOps.push(op);
      }
    }
    sums.push(arithChain(product, productOps));
    return arithChain(sums, sumOps);
  }

  /** A call argument: its expression, or `list where condition`. */
  callArg(c: C.CallArgCstChildren): A.Expr {
    const value = this.expr(needNode(c.value, "value").children);
    const cond = node(c.condition);
    if (!cond) {
      if (tok(c.Where)) throw new Incomplete("condition");
      return value;
    }
    const condition = this.expr(cond.children);
    return { kind: "where", list: value, condition, span: joinSpans(value.span, condition.span) };
  }

  primary(c: C.PrimaryCstChildren): A.Expr {
    const num = tok(c.Integer) ?? tok(c.Decimal) ?? tok(c.Percent);
    if (num) return numberFromToken(num);
    const date = tok(c.DateLiteral);
    if (date) return dateLiteral(date);
    const s = tok(c.StringLiteral);
    if (s) return { kind: "string", value: unquote(s.image), span: spanOfToken(s) };
    const b = tok(c.True) ?? tok(c.False);
    if (b) return { kind: "bool", value: b.image === "true", span: spanOfToken(b) };
    const inner = node(c.inner);
    if (inner) return { kind: "paren", expr: this.expr(inner.children), span: nodeSpan(c, "primary") };
    const id = needTok(c.Identifier, "Identifier");
    let target: A.Expr = { kind: "name", name: id.image, span: spanOfToken(id) };
    if (c.LParen) {
      const args = nodes(c.arg).map((n) => this.callArg(n.children));
      const callEnd = tok(c.RParen);
      target = { kind: "call", callee: id.image, calleeSpan: spanOfToken(id), args, span: callEnd ? joinSpans(spanOfToken(id), spanOfToken(callEnd)) : nodeSpan(c, "primary") };
    }
    if (c.Dot) {
      const field = needTok(c.field, "field");
      return { kind: "field", target, field: field.image, fieldSpan: spanOfToken(field), span: joinSpans(target.span, spanOfToken(field)) };
    }
    return target;
  }
}

const builder = new AstBuilder();

/** Builds the AST of one `file` CST node. */
export function buildProgram(file: C.FileCstNode): A.Program {
  return builder.file(file.children);
}
