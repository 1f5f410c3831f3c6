/** The abstract syntax tree: what the checker, compiler, formatter and language service read. */

import type { Rational } from "./rational.ts";
import type { Span } from "./types.ts";

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
  | { kind: "arith"; op: ArithOp; left: Expr; right: Expr; span: Span }
  | { kind: "logic"; op: "and" | "or"; left: Expr; right: Expr; span: Span }
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr; span: Span }
  | { kind: "paren"; expr: Expr; span: Span };

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

export interface VoteDecl {
  kind: "vote";
  name: string;
  nameSpan: Span;
  label?: string;
  members: VoteMember[];
  span: Span;
}

export interface InputDecl {
  kind: "input";
  name: string;
  nameSpan: Span;
  type: string;
  typeSpan: Span;
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

export interface TestArg {
  name: string;
  nameSpan: Span;
  value: Expr;
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

export type RuleDecl = VoteDecl | ScorecardDecl;
export type Item = ImportDecl | RuleDecl | TestDecl;

export interface Program {
  items: Item[];
}

/** Calls visit on every expression node below expr, expr included, parents first. */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case "call":
      for (const a of expr.args) walkExpr(a, visit);
      break;
    case "neg":
    case "not":
      walkExpr(expr.operand, visit);
      break;
    case "arith":
    case "logic":
    case "compare":
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      break;
    case "paren":
      walkExpr(expr.expr, visit);
      break;
    default:
      break;
  }
}
