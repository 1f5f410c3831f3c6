/** Prints expressions back to canonical source text (the formatter and explanations share it). */

import type { Expr } from "./ast.ts";
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
      // Fractions of literals read best tight: "2/3 of entitled".
      if (e.op === "/" && e.left.kind === "number" && e.right.kind === "number") return `${e.left.text}/${e.right.text}`;
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case "logic":
    case "compare":
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
  }
}
