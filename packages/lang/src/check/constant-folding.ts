/** Constant folding: the exact value of an expression made of number literals only. */

import type * as A from "../syntax/index.ts";
import type { Rational } from "../eval/index.ts";

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
