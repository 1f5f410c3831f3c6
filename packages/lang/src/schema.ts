/** JSON Schema of a rule's input object, generated from its declared inputs (the service validates with it). */

import type * as A from "./ast.ts";
import { constantValue, ELECTION_INPUT_FACTS, FACT_LABELS, ratingLevels } from "./checker.ts";
import type { InputInfo, JsonSchema } from "./types.ts";
import type { Rational } from "./rational.ts";

function limit(r: Rational | undefined): number | undefined {
  // JSON Schema bounds are JSON numbers; an exact bound that is not a short decimal still validates exactly in the evaluator.
  return r ? Number(r.toDecimal(12)) : undefined;
}

/** The declared inputs of a rule (a vote's are its five counted facts). */
export function ruleInputs(decl: A.RuleDecl): InputInfo[] {
  if (decl.kind === "vote") {
    return (["entitled", "present", "yes", "no", "abstain"] as const).map((name) => ({ name, type: "count" as const, label: FACT_LABELS[name]!, span: decl.nameSpan }));
  }
  if (decl.kind === "election") {
    const facts: InputInfo[] = ELECTION_INPUT_FACTS.map((name) => ({ name, type: "count" as const, label: FACT_LABELS[name]!, span: decl.nameSpan }));
    return [...facts, { name: "candidates", type: "tally", label: "候选人得票 / votes by candidate", span: decl.nameSpan }];
  }
  if (decl.kind === "rating") {
    return ratingLevels(decl).map((name) => ({ name, type: "count" as const, label: `测评等次 / level ${name}`, span: decl.nameSpan }));
  }
  return decl.members
    .filter((m): m is A.InputDecl => m.kind === "input")
    .map((m) => {
      const info: InputInfo = { name: m.name, type: m.type as InputInfo["type"], label: m.label ?? m.name, span: m.span };
      const lo = m.min && constantValue(m.min);
      const hi = m.max && constantValue(m.max);
      if (lo) info.min = lo.toJSON();
      if (hi) info.max = hi.toJSON();
      if (m.options) info.options = m.options;
      return info;
    });
}

/** A JSON Schema (2020-12) for the input object: required, typed, bounded, no unknown keys. */
export function inputSchema(decl: A.RuleDecl): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const i of ruleInputs(decl)) {
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
      case "tally":
        Object.assign(p, { type: "object", additionalProperties: { type: "integer", minimum: 0 } });
        break;
    }
    if ((i.name === "seats" || i.name === "round") && decl.kind === "election") p.minimum = 1;
    if (decl.kind === "scorecard") {
      const m = decl.members.find((x): x is A.InputDecl => x.kind === "input" && x.name === i.name);
      const lo = limit(m?.min && constantValue(m.min));
      const hi = limit(m?.max && constantValue(m.max));
      if (lo !== undefined) p.minimum = lo;
      if (hi !== undefined) p.maximum = hi;
    }
    properties[i.name] = p;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: decl.label ?? decl.name,
    type: "object",
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}
