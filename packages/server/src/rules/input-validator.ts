/** Evaluation input checked against a rule's declared inputs with the language's own validator. */

import { inputProblems as languageInputProblems, type CompiledRule } from "@gavel-rules/lang";
import { unprocessable } from "../refusal.ts";

/** One input problem, as reported to clients: a JSON pointer and a JSON Schema keyword with its params. */
export interface InputProblem {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The input problems of `input` for `rule` (empty when valid). */
export function inputProblems(rule: CompiledRule, input: unknown): InputProblem[] {
  return languageInputProblems(rule.inputs, input).map(({ path, message, keyword, params }) => ({ path, message, keyword, params }));
}

/** Throws 422 INVALID_INPUT naming every problem when `input` does not fit the rule's inputs. */
export function assertValidInput(rule: CompiledRule, input: unknown): asserts input is Record<string, unknown> {
  const problems = inputProblems(rule, input);
  if (problems.length > 0) {
    throw unprocessable("INVALID_INPUT", `The input does not fit the inputs of rule ${rule.name}: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, { rule: rule.name, problems });
  }
}
