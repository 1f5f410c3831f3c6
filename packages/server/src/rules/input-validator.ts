/** Validates evaluation input against a rule's generated JSON Schema (draft 2020-12) with ajv, one compiled validator per rule. */

import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { CompiledRule } from "@gavel-rules/lang";
import { unprocessable } from "../http/api-error.ts";

const ajv = new Ajv2020({ allErrors: true, strict: false });
// Date inputs are ISO days; the evaluator then refuses a day that does not exist (2026-02-30) by name.
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const validators = new WeakMap<CompiledRule, ValidateFunction>();

/** One schema violation, as reported to clients. */
export interface InputProblem {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

function problemsOf(errors: ErrorObject[] | null | undefined): InputProblem[] {
  return (errors ?? []).map((e) => ({ path: e.instancePath || "/", message: e.message ?? e.keyword, keyword: e.keyword, params: e.params as Record<string, unknown> }));
}

/** The schema problems of `input` for `rule` (empty when valid). */
export function inputProblems(rule: CompiledRule, input: unknown): InputProblem[] {
  let validate = validators.get(rule);
  if (!validate) {
    validate = ajv.compile(rule.inputSchema);
    validators.set(rule, validate);
  }
  return validate(input) ? [] : problemsOf(validate.errors);
}

/** Throws 422 INVALID_INPUT naming every problem when `input` does not fit the rule's inputs. */
export function assertValidInput(rule: CompiledRule, input: unknown): asserts input is Record<string, unknown> {
  const problems = inputProblems(rule, input);
  if (problems.length > 0) {
    throw unprocessable("INVALID_INPUT", `The input does not fit the inputs of rule ${rule.name}: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, { rule: rule.name, problems });
  }
}
