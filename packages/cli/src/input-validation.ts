/** Checks an evaluation input against a rule's JSON Schema (draft 2020-12), problem by problem. */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { JsonSchema } from "@gavel-rules/lang";

/** One thing wrong with an input: a missing or unknown input, or a value that breaks a constraint. */
export type InputProblem =
  | { kind: "missing"; input: string }
  | { kind: "unknown"; input: string }
  | { kind: "invalid"; input: string; message: string };

const ajv = new Ajv2020({ allErrors: true, strict: false });
// Date inputs are ISO days; the evaluator then refuses a day that does not exist (2026-02-30) by name.
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const validators = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();

function problemOf(error: ErrorObject): InputProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") return { kind: "missing", input: String(params.missingProperty) };
  if (error.keyword === "additionalProperties") return { kind: "unknown", input: String(params.additionalProperty) };
  return { kind: "invalid", input: error.instancePath.slice(1).replace(/\//g, "."), message: error.message ?? error.keyword };
}

/** The problems of `input` against `schema`; empty when it is valid. */
export function inputProblems(schema: JsonSchema, input: unknown): InputProblem[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  if (validate(input)) return [];
  return (validate.errors ?? []).map(problemOf);
}
