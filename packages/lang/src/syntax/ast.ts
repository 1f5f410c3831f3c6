/** The abstract syntax tree: what the checker, compiler, formatter and language service read. */

import type { Rational } from "../eval/index.ts";
import { joinSpans } from "./span.ts";
import type { Span } from "../types.ts";

export type CompareOp = ">" | ">=" | "<" | "<=" | "=" | "!=";
export type ArithOp = "+" | "-" | "*" | "/" | "of";

export type Expr =
  | { kind: "number"; value: Rational; text: string; span: Span }
  | { kind: "string"; value: string; span: Span }
  | { kind: "bool"; value: boolean; span: Span }
  | { kind: "name"; name: string; span: Span }
  | { kind: "call"; callee: string; calleeSpan: Span; args: Expr[]; span: Span }
  | { kind: "neg"; operand: Expr; span: Span }
  | { kind: "not"; operand: Expr; span: Span }
  | ArithChain
  | LogicChain
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr; span: Span }
  | { kind: "paren"; expr: Expr; span: Span }
  /** A date literal `2026-02-13`; `day` is its day number, undefined when it is no real date (2026-02-30). */
  | { kind: "date"; text: string; day: number | undefined; span: Span }
  /** `cases.limit`: one field of every record of a list, as an aggregate's argument. */
  | { kind: "field"; target: Expr; field: string; fieldSpan: Span; span: Span }
  /** `cases where resolved <= due`: the records (or field values) whose record meets the condition, as an aggregate's argument. */
  | { kind: "where"; list: Expr; condition: Expr; span: Span };

/**
 * Operators of one precedence level are kept flat, not as a left-nested binary tree, so no walk over
 * the tree recurses once per operator: `a + b - c` is operands [a, b, c] with ops ["+", "-"], and
 * means ((a + b) - c). Every chain has at least two operands and ops.length === operands.length - 1.
 */
export interface ArithChain {
  kind: "arith";
  ops: ArithOp[];
  operands: Expr[];
  span: Span;
}

/** `a and b and c` (or an `or` chain): one operator, two or more operands, left-associative. */
export interface LogicChain {
  kind: "logic";
  op: "and" | "or";
  operands: Expr[];
  span: Span;
}

/** The left part of a chain, its first `count` operands, as the left operand of the binary tree would hold it. */
export function chainPrefix<C extends ArithChain | LogicChain>(e: C, count: number): Expr {
  if (count <= 1) return e.operands[0]!;
  if (count >= e.operands.length) return e;
  const operands = e.operands.slice(0, count);
  const span = joinSpans(operands[0]!.span, operands[count - 1]!.span);
  return e.kind === "arith" ? { kind: "arith", ops: e.ops.slice(0, count - 1), operands, span } : { kind: "logic", op: e.op, operands, span };
}

export interface ImportDecl {
  kind: "import";
  path: string;
  span: Span;
}

export interface LetDecl {
  kind: "let";
  name: string;
  nameSpan: Span;
  expr: Expr;
  /** `let x = { 10 when … \n 0 otherwise }`: a value by first matching band; `expr` is then the first band's value. */
  bands?: Band[];
  label?: string;
  span: Span;
}

export interface ClauseDecl {
  kind: "clause";
  name: "quorum" | "passes";
  nameSpan: Span;
  expr: Expr;
  reason?: string;
  span: Span;
}

/** `require CONDITION "reason"`: a fact about the inputs that must hold, or evaluation fails with REQUIREMENT_FAILED. */
export interface RequireDecl {
  kind: "require";
  expr: Expr;
  reason?: string;
  span: Span;
}

export type VoteMember = LetDecl | ClauseDecl | RequireDecl;

/** The settings a vote, election or rating may declare for the meetings that use it. */
export const SETTING_NAMES = ["proxies", "write_ins"] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/**
 * `proxies: at most 1 "…"` or `write_ins: allowed`: how a meeting may run an item under this rule. The words and
 * the number are kept as written (any words parse), so the checker can say what is wrong with a span.
 */
export interface SettingDecl {
  kind: "setting";
  name: SettingName;
  nameSpan: Span;
  /** The words after the colon: `at most`, `allowed`, `not allowed`. */
  words: { text: string; span: Span }[];
  /** The number after the words (`1` in `at most 1`; a fraction `1/2` as an arith chain). */
  value?: Expr;
  reason?: string;
  span: Span;
}

export interface VoteDecl {
  kind: "vote";
  name: string;
  nameSpan: Span;
  label?: string;
  members: VoteMember[];
  /** `proxies:` (and, refused by the checker, `write_ins:`) in source order. */
  settings?: SettingDecl[];
  span: Span;
}

/** One field of a list input's records: `resolved: date?`. */
export interface FieldDecl {
  name: string;
  nameSpan: Span;
  type: string;
  typeSpan: Span;
  /** Written with `?`: the field may be absent (null or left out) in a record. */
  optional: boolean;
  min?: Expr;
  max?: Expr;
  options?: string[];
  span: Span;
}

export interface InputDecl {
  kind: "input";
  name: string;
  nameSpan: Span;
  /** A scalar type name, or "list" for `list of { … }` (with `fields`). */
  type: string;
  typeSpan: Span;
  /** Written with `?`: the input may be absent. */
  optional?: boolean;
  fields?: FieldDecl[];
  min?: Expr;
  max?: Expr;
  options?: string[];
  label?: string;
  span: Span;
}

export interface Band {
  points: Expr;
  /** Undefined for `otherwise`. */
  when?: Expr;
  reason?: string;
  span: Span;
}

export interface CriterionDecl {
  kind: "criterion";
  name: string;
  nameSpan: Span;
  label?: string;
  max: Expr;
  bands: Band[];
  /** Sub-criteria: the criterion's points are their sum (then `bands` is empty). */
  parts?: CriterionDecl[];
  span: Span;
}

export interface GradeBand {
  label: string;
  when?: Expr;
  span: Span;
}

export interface GradeDecl {
  kind: "grade";
  bands: GradeBand[];
  span: Span;
}

export type ScorecardMember = InputDecl | LetDecl | CriterionDecl | GradeDecl | RequireDecl;

export interface ScorecardDecl {
  kind: "scorecard";
  name: string;
  nameSpan: Span;
  label?: string;
  members: ScorecardMember[];
  span: Span;
}

/** The clauses of an election, in the order the evaluator decides them. */
export const ELECTION_CLAUSES = ["void", "turnout", "elected", "runoff"] as const;
export type ElectionClauseName = (typeof ELECTION_CLAUSES)[number];

/** `elected: votes > 1/2 of voters "…"`: a clause of an election (any name parses; the checker knows the four). */
export interface ElectionClauseDecl {
  kind: "electionClause";
  name: string;
  nameSpan: Span;
  expr: Expr;
  reason?: string;
  span: Span;
}

export type ElectionMember = LetDecl | RequireDecl | ElectionClauseDecl;

export interface ElectionDecl {
  kind: "election";
  name: string;
  nameSpan: Span;
  label?: string;
  members: ElectionMember[];
  /** `proxies:` and `write_ins:` in source order. */
  settings?: SettingDecl[];
  span: Span;
}

/** `levels 满意, 基本满意, 不满意`: the levels a rating's ballot offers, best first. */
export interface LevelsDecl {
  kind: "levels";
  levels: { name: string; span: Span }[];
  span: Span;
}

export type RatingMember = LevelsDecl | LetDecl | GradeDecl | RequireDecl;

export interface RatingDecl {
  kind: "rating";
  name: string;
  nameSpan: Span;
  label?: string;
  members: RatingMember[];
  /** `proxies:` (and, refused by the checker, `write_ins:`) in source order. */
  settings?: SettingDecl[];
  span: Span;
}

/** `{"王建国": 400, "李秀英": 350}`: a count per name, the value of an election's `candidates` in a test. */
export interface TallyLiteral {
  kind: "tally";
  entries: { key: string; keySpan: Span; value: Expr }[];
  span: Span;
}

/** `[{received: 2026-02-12, limit: 5}, …]`: the records of a list input, in a test. */
export interface ListLiteral {
  kind: "list";
  items: TallyLiteral[];
  span: Span;
}

export interface TestArg {
  name: string;
  nameSpan: Span;
  value: Expr | TallyLiteral | ListLiteral;
}

export type Expectation =
  | { kind: "value"; target: string; targetSpan: Span; op: CompareOp; value: Expr; span: Span }
  | { kind: "error"; code?: string; span: Span };

export interface TestDecl {
  kind: "test";
  name: string;
  rule: string;
  ruleSpan: Span;
  args: TestArg[];
  expects: Expectation[];
  span: Span;
}

export type RuleDecl = VoteDecl | ScorecardDecl | ElectionDecl | RatingDecl;
export type Item = ImportDecl | RuleDecl | TestDecl;

export interface Program {
  items: Item[];
}

/** The expressions directly inside e, in source order. */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "call":
      return e.args;
    case "neg":
    case "not":
      return [e.operand];
    case "arith":
    case "logic":
      return e.operands;
    case "compare":
      return [e.left, e.right];
    case "paren":
      return [e.expr];
    case "field":
      return [e.target];
    case "where":
      return [e.list, e.condition];
    default:
      return [];
  }
}

/** Calls visit on every expression node below expr, expr included, parents first, in source order; iterative, so any depth is safe. */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    const children = childrenOf(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
