/** Prints expressions back to canonical source text (the formatter and explanations share it). */

import type { ArithChain, ArithOp, Expr } from "./ast.ts";
import { quote } from "./lexer.ts";

/** Canonical source text of an expression: single spaces around operators, parentheses as written. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case "number":
      return e.text;
    case "string":
      return quote(e.value);
    case "bool":
      return e.value ? "true" : "false";
    case "name":
      return e.name;
    case "call":
      return `${e.callee}(${e.args.map(printExpr).join(", ")})`;
    case "neg":
      return `-${printExpr(e.operand)}`;
    case "not":
      return `not ${printExpr(e.operand)}`;
    case "paren":
      return `(${printExpr(e.expr)})`;
    case "arith":
      return printChain(e, printExpr, sameOp);
    case "logic":
      return joinOperands(e.operands, e.op, printExpr);
    case "compare":
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case "date":
      return e.text;
    case "field":
      return `${printExpr(e.target)}.${e.field}`;
    case "where":
      return `${printExpr(e.list)} where ${printExpr(e.condition)}`;
  }
}

const sameOp = (op: ArithOp): string => op;

/** The operands' texts with the operator between each two. */
export function joinOperands(operands: Expr[], op: string, operand: (x: Expr) => string): string {
  let text = operand(operands[0]!);
  for (let i = 1; i < operands.length; i++) text += ` ${op} ${operand(operands[i]!)}`;
  return text;
}

/**
 * Text of an arithmetic chain with each operand printed by `operand` and each operator shown by `symbol`.
 * A fraction of two literals at the chain's start reads best tight ("2/3 of entitled"), as the
 * innermost pair of the left-nested tree did; every later operator has a chain on its left.
 */
export function printChain(e: ArithChain, operand: (x: Expr) => string, symbol: (op: ArithOp) => string): string {
  const [first, second] = e.operands as [Expr, Expr];
  let start = 1;
  let text: string;
  if (e.ops[0] === "/" && first.kind === "number" && second.kind === "number") {
    text = `${first.text}/${second.text}`;
    start = 2;
  } else text = operand(first);
  for (let i = start; i < e.operands.length; i++) text += ` ${symbol(e.ops[i - 1]!)} ${operand(e.operands[i]!)}`;
  return text;
}
