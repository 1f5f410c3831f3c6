/** JSON Schema of a rule's input object, generated from its declared inputs (the service validates with it). */

import type * as A from "../syntax/index.ts";
import { constantValue, ratingLevels, ELECTION_INPUT_FACTS, FACT_LABELS, VOTE_INPUT_FACTS } from "../check/index.ts";
import type { InputInfo, JsonSchema } from "../types.ts";
import { Rational as RationalClass, type Rational, MAX_LIST_LENGTH } from "../eval/index.ts";

function limit(r: Rational | undefined): number | undefined {
  // JSON Schema bounds are JSON numbers; an exact bound that is not a short decimal still validates exactly in the evaluator.
  return r ? Number(r.toDecimal(12)) : undefined;
}

/** The declared inputs of a rule (a vote's are its five counted facts). */
export function ruleInputs(decl: A.RuleDecl): InputInfo[] {
  if (decl.kind === "vote") {
    return VOTE_INPUT_FACTS.map((name) => ({ name, type: "count" as const, label: FACT_LABELS[name]!, span: decl.nameSpan }));
  }
  if (decl.kind === "election") {
    // A round has at least one seat, and rounds count from 1.
    const facts: InputInfo[] = ELECTION_INPUT_FACTS.map((name) => ({ name, type: "count" as const, label: FACT_LABELS[name]!, span: decl.nameSpan, ...(name === "seats" || name === "round" ? { min: 1 } : {}) }));
    return [...facts, { name: "candidates", type: "tally", label: "候选人得票 / votes by candidate", span: decl.nameSpan }];
  }
  if (decl.kind === "rating") {
    return ratingLevels(decl).map((name) => ({ name, type: "count" as const, label: `测评等次 / level ${name}`, span: decl.nameSpan }));
  }
  return decl.members
    .filter((m): m is A.InputDecl => m.kind === "input")
    .map((m) => {
      const info = scalarInfo(m, m.label ?? m.name, m.optional === true);
      if (m.fields) info.fields = m.fields.map((f) => scalarInfo(f, f.name, f.optional));
      return info;
    });
}

/** An input or a record field as InputInfo: type, bounds, options, optional. */
function scalarInfo(m: A.InputDecl | A.FieldDecl, label: string, optional: boolean): InputInfo {
  const info: InputInfo = { name: m.name, type: m.type as InputInfo["type"], label, span: m.span };
  const lo = m.min && constantValue(m.min);
  const hi = m.max && constantValue(m.max);
  if (lo) info.min = lo.toJSON();
  if (hi) info.max = hi.toJSON();
  if (m.options) info.options = m.options;
  if (optional) info.optional = true;
  return info;
}

/** The schema of one value of a scalar type, with its declared bounds and options. */
function valueSchema(i: InputInfo): JsonSchema {
  const p: JsonSchema = { description: i.label };
  switch (i.type) {
    case "count":
      Object.assign(p, { type: "integer", minimum: 0 });
      break;
    case "number":
      p.type = "number";
      break;
    case "ratio":
      Object.assign(p, { type: "number", minimum: 0, maximum: 1 });
      break;
    case "boolean":
      p.type = "boolean";
      break;
    case "text":
      p.type = "string";
      if (i.options) p.enum = i.options;
      break;
    case "date":
      // The pattern checks the form; the evaluator refuses a day that does not exist (2026-02-30).
      Object.assign(p, { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
      break;
    case "tally":
      Object.assign(p, { type: "object", additionalProperties: { type: "integer", minimum: 0 } });
      break;
    case "list": {
      const fields = i.fields ?? [];
      const properties = Object.fromEntries(fields.map((f) => [f.name, nullable(valueSchema(f), f.optional)]));
      Object.assign(p, {
        type: "array",
        maxItems: MAX_LIST_LENGTH,
        items: { type: "object", properties, required: fields.filter((f) => !f.optional).map((f) => f.name), additionalProperties: false },
      });
      break;
    }
  }
  const lo = limit(i.min === undefined ? undefined : exactOf(i.min));
  const hi = limit(i.max === undefined ? undefined : exactOf(i.max));
  if (lo !== undefined) p.minimum = lo;
  if (hi !== undefined) p.maximum = hi;
  return p;
}

/** An optional value may also be null (absent). */
function nullable(p: JsonSchema, optional: boolean | undefined): JsonSchema {
  return optional && typeof p.type === "string" ? { ...p, type: [p.type, "null"] } : p;
}

function exactOf(v: NonNullable<InputInfo["min"]>): Rational {
  return typeof v === "number" ? RationalClass.fromNumber(v)! : RationalClass.of(BigInt(v.num), BigInt(v.den));
}

/** A JSON Schema (2020-12) for the input object: required, typed, bounded, no unknown keys. */
export function inputSchema(decl: A.RuleDecl): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const inputs = ruleInputs(decl);
  for (const i of inputs) {
    const p = nullable(valueSchema(i), i.optional);
    properties[i.name] = p;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: decl.label ?? decl.name,
    type: "object",
    properties,
    required: inputs.filter((i) => !i.optional).map((i) => i.name),
    additionalProperties: false,
  };
}
