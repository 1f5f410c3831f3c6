/** Turns the Chevrotain CST into the AST, dropping pieces that error recovery left incomplete. */

import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.ts";
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

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function realToken(t: IToken | undefined): t is IToken {
  return t !== undefined && !Number.isNaN(t.startOffset) && t.isInsertedInRecovery !== true;
}

function tok(c: Children, key: string, i = 0): IToken | undefined {
  const e = c[key]?.[i];
  return e && isToken(e) && realToken(e) ? e : undefined;
}

function needTok(c: Children, key: string, i = 0): IToken {
  const t = tok(c, key, i);
  if (!t) throw new Incomplete(key);
  return t;
}

function node(c: Children, key: string, i = 0): CstNode | undefined {
  const e = c[key]?.[i];
  return e && !isToken(e) ? e : undefined;
}

function needNode(c: Children, key: string, i = 0): CstNode {
  const n = node(c, key, i);
  if (!n) throw new Incomplete(key);
  return n;
}

const NONE: CstElement[] = [];

function nodes(c: Children, key: string): CstNode[] {
  return (c[key] ?? NONE).filter((e): e is CstNode => !isToken(e));
}

function tokensOf(c: Children, key: string): IToken[] {
  return (c[key] ?? NONE).filter((e): e is IToken => isToken(e) && realToken(e));
}

/**
 * The first (or, with `last`, the last) real token under a node. Each label's elements are in source
 * order, so only the first (last) element of each label that holds a real token is looked into: the
 * cost is the node's leftmost (rightmost) spine, not its size, where walking the whole subtree for
 * every node made nested nodes cost their depth each. Tokens inserted by error recovery never count.
 */
function edgeToken(n: CstNode, last: boolean): IToken | undefined {
  let best: IToken | undefined;
  for (const key in n.children) {
    const list = n.children[key]!;
    for (let k = 0; k < list.length; k++) {
      const e = list[last ? list.length - 1 - k : k]!;
      const t = isToken(e) ? (realToken(e) ? e : undefined) : edgeToken(e, last);
      if (!t) continue;
      if (!best || (last ? t.startOffset > best.startOffset : t.startOffset < best.startOffset)) best = t;
      break;
    }
  }
  return best;
}

/** The span from the first to the last real token under a node. */
function nodeSpan(n: CstNode): Span {
  const first = edgeToken(n, false);
  const last = edgeToken(n, true);
  if (!first || !last) throw new Incomplete(n.name);
  return joinSpans(spanOfToken(first), spanOfToken(last));
}

function optString(c: Children, key: string): string | undefined {
  const t = tok(c, key);
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

function numberLiteral(n: CstNode): A.Expr {
  const c = n.children;
  const t = tok(c, "Integer") ?? tok(c, "Decimal") ?? tok(c, "Percent");
  if (!t) throw new Incomplete("number");
  return numberFromToken(t);
}

function signedNumber(n: CstNode): A.Expr {
  const c = n.children;
  const num = numberLiteral(needNode(c, "numberLiteral"));
  const minus = tok(c, "Minus");
  if (!minus) return num;
  return { kind: "neg", operand: num, span: joinSpans(spanOfToken(minus), num.span) };
}

function literal(n: CstNode): A.Expr {
  const c = n.children;
  const sn = node(c, "signedNumber");
  if (sn) {
    const numerator = signedNumber(sn);
    const den = node(c, "denominator");
    if (!den) return numerator;
    const denominator = numberLiteral(den);
    return { kind: "arith", ops: ["/"], operands: [numerator, denominator], span: joinSpans(numerator.span, denominator.span) };
  }
  const date = tok(c, "DateLiteral");
  if (date) return dateLiteral(date);
  const s = tok(c, "StringLiteral");
  if (s) return { kind: "string", value: unquote(s.image), span: spanOfToken(s) };
  const t = tok(c, "True") ?? tok(c, "False");
  if (t) return { kind: "bool", value: t.image === "true", span: spanOfToken(t) };
  const id = needTok(c, "Identifier");
  return { kind: "name", name: id.image, span: spanOfToken(id) };
}

function compareOp(n: CstNode): A.CompareOp {
  const c = n.children;
  const t = tok(c, "GreaterEq") ?? tok(c, "LessEq") ?? tok(c, "NotEq") ?? tok(c, "Greater") ?? tok(c, "Less") ?? tok(c, "Equals");
  if (!t) throw new Incomplete("compareOp");
  const map: Record<string, A.CompareOp> = { ">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "!=": "!=", "≠": "!=", ">": ">", "<": "<", "=": "=" };
  return map[t.image]!;
}

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

function expr(n: CstNode): A.Expr {
  switch (n.name) {
    case "expr":
    case "andExpr": {
      let operands = nodes(n.children, "operand").map(expr);
      if (operands.length === 0) throw new Incomplete(n.name);
      if (n.name === "andExpr") operands = withPrefixes(operands, tokensOf(n.children, "not"), "not");
      if (operands.length === 1) return operands[0]!;
      const op = n.name === "expr" ? "or" : "and";
      return { kind: "logic", op, operands, span: joinSpans(operands[0]!.span, operands[operands.length - 1]!.span) };
    }
    case "comparison": {
      const operands = nodes(n.children, "operand").map(expr);
      const opNode = node(n.children, "compareOp");
      if (operands.length === 1 && !opNode) return operands[0]!;
      if (operands.length !== 2 || !opNode) throw new Incomplete("comparison");
      const [left, right] = operands as [A.Expr, A.Expr];
      return { kind: "compare", op: compareOp(opNode), left, right, span: joinSpans(left.span, right.span) };
    }
    case "additive": {
      const terms = withPrefixes(nodes(n.children, "operand").map(primary), tokensOf(n.children, "sign"), "neg");
      const ops = tokensOf(n.children, "op").sort((a, b) => a.startOffset - b.startOffset);
      if (terms.length === 0 || ops.length !== terms.length - 1) throw new Incomplete(n.name);
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
    case "primary":
      return primary(n);
    default:
      throw new Incomplete(n.name);
  }
}

function dateLiteral(t: IToken): A.Expr {
  return { kind: "date", text: t.image, day: parseIsoDate(t.image), span: spanOfToken(t) };
}

/** A call argument: its expression, or `list where condition`. */
function callArg(n: CstNode): A.Expr {
  const c = n.children;
  const value = expr(needNode(c, "value"));
  const cond = node(c, "condition");
  if (!cond) {
    if (tok(c, "Where")) throw new Incomplete("condition");
    return value;
  }
  const condition = expr(cond);
  return { kind: "where", list: value, condition, span: joinSpans(value.span, condition.span) };
}

function primary(n: CstNode): A.Expr {
  const c = n.children;
  const num = tok(c, "Integer") ?? tok(c, "Decimal") ?? tok(c, "Percent");
  if (num) return numberFromToken(num);
  const date = tok(c, "DateLiteral");
  if (date) return dateLiteral(date);
  const s = tok(c, "StringLiteral");
  if (s) return { kind: "string", value: unquote(s.image), span: spanOfToken(s) };
  const b = tok(c, "True") ?? tok(c, "False");
  if (b) return { kind: "bool", value: b.image === "true", span: spanOfToken(b) };
  const inner = node(c, "inner");
  if (inner) return { kind: "paren", expr: expr(inner), span: nodeSpan(n) };
  const id = needTok(c, "Identifier");
  let target: A.Expr = { kind: "name", name: id.image, span: spanOfToken(id) };
  if (c["LParen"]) {
    const args = nodes(c, "arg").map(callArg);
    const callEnd = tok(c, "RParen");
    target = { kind: "call", callee: id.image, calleeSpan: spanOfToken(id), args, span: callEnd ? joinSpans(spanOfToken(id), spanOfToken(callEnd)) : nodeSpan(n) };
  }
  if (c["Dot"]) {
    const field = needTok(c, "field");
    return { kind: "field", target, field: field.image, fieldSpan: spanOfToken(field), span: joinSpans(target.span, spanOfToken(field)) };
  }
  return target;
}

function letDecl(n: CstNode): A.LetDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const base = { kind: "let" as const, name: name.image, nameSpan: spanOfToken(name), label: optString(c, "label"), span: nodeSpan(n) };
  if (c["LCurly"]) {
    const bands: A.Band[] = [];
    for (const b of nodes(c, "band")) tryMember(() => bands.push(band(b)));
    if (bands.length === 0) throw new Incomplete("band");
    return { ...base, expr: bands[0]!.points, bands };
  }
  return { ...base, expr: expr(needNode(c, "expr")) };
}

function clauseDecl(n: CstNode): A.ClauseDecl {
  const c = n.children;
  const name = needTok(c, "clause");
  return {
    kind: "clause",
    name: name.image as "quorum" | "passes",
    nameSpan: spanOfToken(name),
    expr: expr(needNode(c, "expr")),
    reason: optString(c, "reason"),
    span: nodeSpan(n),
  };
}

function requireDecl(n: CstNode): A.RequireDecl {
  const c = n.children;
  return { kind: "require", expr: expr(needNode(c, "expr")), reason: optString(c, "reason"), span: nodeSpan(n) };
}

/** `proxies: at most 1`: the setting's name, its words and number as written. */
function settingDecl(n: CstNode): A.SettingDecl {
  const c = n.children;
  const name = needTok(c, "setting");
  const words = tokensOf(c, "word").map((t) => ({ text: t.image, span: spanOfToken(t) }));
  const v = node(c, "value");
  let value: A.Expr | undefined;
  if (v) {
    value = signedNumber(v);
    const d = node(c, "denominator");
    if (d) {
      const den = numberLiteral(d);
      value = { kind: "arith", ops: ["/"], operands: [value, den], span: joinSpans(value.span, den.span) };
    }
  }
  return { kind: "setting", name: name.image as A.SettingName, nameSpan: spanOfToken(name), words, ...(value ? { value } : {}), reason: optString(c, "reason"), span: nodeSpan(n) };
}

/** The settings among a rule's member nodes, in source order. */
function settingsOf(members: CstNode[]): A.SettingDecl[] {
  const settings: A.SettingDecl[] = [];
  for (const m of members) {
    const s = node(m.children, "settingDecl");
    if (s) tryMember(() => settings.push(settingDecl(s)));
  }
  return settings;
}

function voteDecl(n: CstNode): A.VoteDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const members: A.VoteMember[] = [];
  const settings = settingsOf(nodes(c, "voteMember"));
  for (const m of nodes(c, "voteMember")) {
    if (node(m.children, "settingDecl")) continue;
    tryMember(() => {
      const l = node(m.children, "letDecl");
      const r = node(m.children, "requireDecl");
      members.push(l ? letDecl(l) : r ? requireDecl(r) : clauseDecl(needNode(m.children, "clauseDecl")));
    });
  }
  return { kind: "vote", name: name.image, nameSpan: spanOfToken(name), label: optString(c, "label"), members, settings, span: nodeSpan(n) };
}

/** Applies the `min`, `max` and `one of` constraints written after a type. */
function constraints(decl: { min?: A.Expr; max?: A.Expr; options?: string[] }, list: CstNode[]): void {
  for (const k of list) {
    const kc = k.children;
    const min = node(kc, "min");
    const max = node(kc, "max");
    if (min) decl.min = signedNumber(min);
    else if (max) decl.max = signedNumber(max);
    else decl.options = [...(decl.options ?? []), ...tokensOf(kc, "option").map((t) => unquote(t.image))];
  }
}

function fieldDecl(n: CstNode): A.FieldDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const type = needTok(c, "type");
  const decl: A.FieldDecl = { name: name.image, nameSpan: spanOfToken(name), type: type.image, typeSpan: spanOfToken(type), optional: tok(c, "optional") !== undefined, span: nodeSpan(n) };
  constraints(decl, nodes(c, "constraint"));
  return decl;
}

function inputDecl(n: CstNode): A.InputDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const type = needTok(c, "type");
  const decl: A.InputDecl = { kind: "input", name: name.image, nameSpan: spanOfToken(name), type: type.image, typeSpan: spanOfToken(type), label: optString(c, "label"), span: nodeSpan(n) };
  if (tok(c, "optional")) decl.optional = true;
  if (c["Of"]) {
    decl.type = "list";
    decl.fields = [];
    for (const f of nodes(c, "fieldDecl")) tryMember(() => decl.fields!.push(fieldDecl(f)));
  }
  constraints(decl, nodes(c, "constraint"));
  return decl;
}

function band(n: CstNode): A.Band {
  const c = n.children;
  const cond = node(c, "condition");
  if (!cond && !tok(c, "Otherwise")) throw new Incomplete("band");
  return { points: expr(needNode(c, "points")), when: cond ? expr(cond) : undefined, reason: optString(c, "reason"), span: nodeSpan(n) };
}

function criterionDecl(n: CstNode): A.CriterionDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const bands: A.Band[] = [];
  for (const b of nodes(c, "band")) tryMember(() => bands.push(band(b)));
  const parts: A.CriterionDecl[] = [];
  for (const p of nodes(c, "part")) tryMember(() => parts.push(criterionDecl(p)));
  return {
    kind: "criterion",
    name: name.image,
    nameSpan: spanOfToken(name),
    label: optString(c, "label"),
    max: signedNumber(needNode(c, "max")),
    bands,
    ...(parts.length > 0 ? { parts } : {}),
    span: nodeSpan(n),
  };
}

function gradeDecl(n: CstNode): A.GradeDecl {
  const bands: A.GradeBand[] = [];
  for (const b of nodes(n.children, "gradeBand")) {
    tryMember(() => {
      const c = b.children;
      const cond = node(c, "condition");
      if (!cond && !tok(c, "Otherwise")) throw new Incomplete("gradeBand");
      bands.push({ label: unquote(needTok(c, "label").image), when: cond ? expr(cond) : undefined, span: nodeSpan(b) });
    });
  }
  return { kind: "grade", bands, span: nodeSpan(n) };
}

function scorecardDecl(n: CstNode): A.ScorecardDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const members: A.ScorecardMember[] = [];
  for (const m of nodes(c, "scorecardMember")) {
    tryMember(() => {
      const mc = m.children;
      const i = node(mc, "inputDecl");
      const l = node(mc, "letDecl");
      const cr = node(mc, "criterionDecl");
      const g = node(mc, "gradeDecl");
      const r = node(mc, "requireDecl");
      if (r) members.push(requireDecl(r));
      else if (i) members.push(inputDecl(i));
      else if (l) members.push(letDecl(l));
      else if (cr) members.push(criterionDecl(cr));
      else if (g) members.push(gradeDecl(g));
    });
  }
  return { kind: "scorecard", name: name.image, nameSpan: spanOfToken(name), label: optString(c, "label"), members, span: nodeSpan(n) };
}

function electionDecl(n: CstNode): A.ElectionDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const members: A.ElectionMember[] = [];
  const settings = settingsOf(nodes(c, "electionMember"));
  for (const m of nodes(c, "electionMember")) {
    if (node(m.children, "settingDecl")) continue;
    tryMember(() => {
      const l = node(m.children, "letDecl");
      const r = node(m.children, "requireDecl");
      if (l) members.push(letDecl(l));
      else if (r) members.push(requireDecl(r));
      else {
        const k = needNode(m.children, "namedClause");
        const kc = k.children;
        const clause = needTok(kc, "clause");
        members.push({ kind: "electionClause", name: clause.image, nameSpan: spanOfToken(clause), expr: expr(needNode(kc, "expr")), reason: optString(kc, "reason"), span: nodeSpan(k) });
      }
    });
  }
  return { kind: "election", name: name.image, nameSpan: spanOfToken(name), label: optString(c, "label"), members, settings, span: nodeSpan(n) };
}

function ratingDecl(n: CstNode): A.RatingDecl {
  const c = n.children;
  const name = needTok(c, "name");
  const members: A.RatingMember[] = [];
  const settings = settingsOf(nodes(c, "ratingMember"));
  for (const m of nodes(c, "ratingMember")) {
    if (node(m.children, "settingDecl")) continue;
    tryMember(() => {
      const mc = m.children;
      const lv = node(mc, "levelsDecl");
      const l = node(mc, "letDecl");
      const g = node(mc, "gradeDecl");
      const r = node(mc, "requireDecl");
      if (lv) {
        const levels = tokensOf(lv.children, "level").map((t) => ({ name: t.image, span: spanOfToken(t) }));
        if (levels.length === 0) throw new Incomplete("levels");
        members.push({ kind: "levels", levels, span: nodeSpan(lv) });
      } else if (l) members.push(letDecl(l));
      else if (g) members.push(gradeDecl(g));
      else if (r) members.push(requireDecl(r));
    });
  }
  return { kind: "rating", name: name.image, nameSpan: spanOfToken(name), label: optString(c, "label"), members, settings, span: nodeSpan(n) };
}

function tally(n: CstNode): A.TallyLiteral {
  const c = n.children;
  const keys = tokensOf(c, "key").sort((a, b) => a.startOffset - b.startOffset);
  const counts = nodes(c, "count");
  if (keys.length !== counts.length) throw new Incomplete("tally");
  const entries = keys.map((k, i) => ({ key: k.tokenType.name === "StringLiteral" ? unquote(k.image) : k.image, keySpan: spanOfToken(k), value: literal(counts[i]!) }));
  return { kind: "tally", entries, span: nodeSpan(n) };
}

function testDecl(n: CstNode): A.TestDecl {
  const c = n.children;
  const rule = needTok(c, "rule");
  const args: A.TestArg[] = [];
  for (const a of nodes(c, "testArg")) {
    tryMember(() => {
      const name = needTok(a.children, "name");
      const t = node(a.children, "tally");
      const l = node(a.children, "listLiteral");
      const value = t ? tally(t) : l ? { kind: "list" as const, items: nodes(l.children, "item").map(tally), span: nodeSpan(l) } : literal(needNode(a.children, "literal"));
      args.push({ name: name.image, nameSpan: spanOfToken(name), value });
    });
  }
  const expects: A.Expectation[] = [];
  for (const e of nodes(c, "expectation")) {
    tryMember(() => {
      const ec = e.children;
      const target = tok(ec, "target");
      if (target) {
        expects.push({ kind: "value", target: target.image, targetSpan: spanOfToken(target), op: compareOp(needNode(ec, "compareOp")), value: literal(needNode(ec, "literal")), span: nodeSpan(e) });
      } else {
        needTok(ec, "Error");
        expects.push({ kind: "error", code: optString(ec, "code"), span: nodeSpan(e) });
      }
    });
  }
  return { kind: "test", name: unquote(needTok(c, "name").image), rule: rule.image, ruleSpan: spanOfToken(rule), args, expects, span: nodeSpan(n) };
}

function tryMember(build: () => void): void {
  try {
    build();
  } catch (e) {
    if (!(e instanceof Incomplete)) throw e;
  }
}

/** Builds the AST of one `file` CST node. */
export function buildProgram(file: CstNode): A.Program {
  const items: A.Item[] = [];
  const c = file.children;
  const all: CstNode[] = [...nodes(c, "importDecl"), ...nodes(c, "voteDecl"), ...nodes(c, "scorecardDecl"), ...nodes(c, "electionDecl"), ...nodes(c, "ratingDecl"), ...nodes(c, "testDecl")];
  for (const n of all) {
    tryMember(() => {
      switch (n.name) {
        case "importDecl": {
          const s = needTok(n.children, "StringLiteral");
          items.push({ kind: "import", path: unquote(s.image), span: nodeSpan(n) });
          break;
        }
        case "voteDecl":
          items.push(voteDecl(n));
          break;
        case "scorecardDecl":
          items.push(scorecardDecl(n));
          break;
        case "electionDecl":
          items.push(electionDecl(n));
          break;
        case "ratingDecl":
          items.push(ratingDecl(n));
          break;
        case "testDecl":
          items.push(testDecl(n));
          break;
      }
    });
  }
  items.sort((a, b) => a.span.offset - b.span.offset);
  return { items };
}
