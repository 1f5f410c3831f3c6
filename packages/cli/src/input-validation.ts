/** Checks an evaluation input against a rule's JSON Schema (draft 2020-12), with readable problems. */
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import type { JsonSchema } from "@gavel/lang";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") return `missing input '${String(params.missingProperty)}'`;
  if (error.keyword === "additionalProperties") return `unknown input '${String(params.additionalProperty)}'`;
  const where = error.instancePath === "" ? "input" : error.instancePath.slice(1).replace(/\//g, ".");
  return `${where}: ${error.message ?? error.keyword}`;
}

/** The problems of `input` against `schema`, one readable line each; empty when it is valid. */
export function inputProblems(schema: JsonSchema, input: unknown): string[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  if (validate(input)) return [];
  return (validate.errors ?? []).map(describe);
}
