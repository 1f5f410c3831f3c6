/**
 * Checks an input object against a rule's declared inputs, problem by problem: the one validator that the CLI, the
 * service and its workers use. It reads the declarations themselves (types, exact bounds, options, record fields),
 * so a bound such as `max 2/3` is compared exactly, not through the float that a JSON Schema would have to carry.
 * The keywords and params follow JSON Schema's vocabulary (required, additionalProperties, type, minimum, maximum,
 * enum, pattern, maxItems), so clients of the service see the same problem shape as before.
 */

import { MAX_LIST_LENGTH } from "./aggregates.ts";
import { renderMessage, type Locale } from "../diagnostics/index.ts";
import { Rational } from "./rational.ts";
import type { ExactJson, InputInfo, MessageArg } from "../types.ts";

/** One thing wrong with an input: where (a JSON pointer), what (a JSON Schema keyword with its params) and why, in words. */
export interface InputProblem {
  /** JSON pointer to the value: `/满意`, `/cases/3/received`; `/` for the input object itself. */
  path: string;
  keyword: "type" | "required" | "additionalProperties" | "minimum" | "maximum" | "enum" | "pattern" | "maxItems";
  params: Record<string, MessageArg>;
  message: string;
  messageId: string;
  args: Record<string, MessageArg>;
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** The problems of `input` against the declared inputs (empty when it fits), with messages in `locale`. */
export function inputProblems(inputs: readonly InputInfo[], input: unknown, locale: Locale = "en"): InputProblem[] {
  const problems: InputProblem[] = [];
  const report = (path: string, keyword: InputProblem["keyword"], params: Record<string, MessageArg>, messageId: string, args: Record<string, MessageArg>): void => {
    problems.push({ path: path || "/", keyword, params, message: renderMessage(messageId, args, locale) ?? messageId, messageId, args });
  };
  checkObject(inputs, input, "", report);
  return problems;
}

type Report = (path: string, keyword: InputProblem["keyword"], params: Record<string, MessageArg>, messageId: string, args: Record<string, MessageArg>) => void;

/** A JSON pointer one step down; keys are escaped only when they hold `~` or `/` (valid inputs are checked on every request). */
const pointer = (path: string, key: string | number): string => {
  const text = String(key);
  return text.includes("~") || text.includes("/") ? `${path}/${text.replace(/~/g, "~0").replace(/\//g, "~1")}` : `${path}/${text}`;
};
/** The dotted name of a value for messages: `cases.3.received`. */
const nameOf = (path: string): string => path.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");

/** A value as the caller wrote it, cut short: `"3"`, `1.5`, `[1,2]`. */
function shownValue(v: unknown): string {
  const text = v === undefined ? "undefined" : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function checkObject(declared: readonly InputInfo[], value: unknown, path: string, report: Report): void {
  if (!isPlainObject(value)) {
    report(path, "type", { type: "object" }, "INPUT_TYPE", { name: nameOf(path), expected: "object", actual: jsonType(value), value: shownValue(value) });
    return;
  }
  let declaredPresent = 0;
  for (const info of declared) {
    const present = Object.prototype.hasOwnProperty.call(value, info.name);
    if (!present) {
      if (!info.optional) report(path, "required", { missingProperty: info.name }, "INPUT_MISSING", { name: info.name });
      continue;
    }
    if (Object.prototype.propertyIsEnumerable.call(value, info.name)) declaredPresent++;
    const v = value[info.name];
    if (v === null && info.optional) continue;
    checkValue(info, v, pointer(path, info.name), report);
  }
  const keys = Object.keys(value);
  // Every key is a declared one exactly when there are as many keys as declared inputs present as keys.
  if (keys.length === declaredPresent) return;
  const known = new Set(declared.map((i) => i.name));
  for (const key of keys) {
    if (!known.has(key)) report(path, "additionalProperties", { additionalProperty: key }, "INPUT_UNKNOWN", { name: key });
  }
}

function exactOf(v: ExactJson): Rational {
  return typeof v === "number" ? Rational.fromNumber(v)! : Rational.of(BigInt(v.num), BigInt(v.den));
}

function shown(v: ExactJson): string {
  return typeof v === "number" ? String(v) : v.decimal;
}

/** A whole count of at least 0, as JSON Schema's `integer` with `minimum: 0` reads it. */
function checkCount(v: unknown, path: string, report: Report): v is number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    report(path, "type", { type: "integer" }, "INPUT_TYPE", { name: nameOf(path), expected: "integer", actual: jsonType(v), value: shownValue(v) });
    return false;
  }
  if (v < 0) {
    report(path, "minimum", { comparison: ">=", limit: 0 }, "INPUT_BELOW_MIN", { name: nameOf(path), min: "0", value: String(v) });
    return false;
  }
  return true;
}

function checkValue(info: InputInfo, v: unknown, path: string, report: Report): void {
  const typeError = (expected: string): void => report(path, "type", { type: expected }, "INPUT_TYPE", { name: nameOf(path), expected, actual: jsonType(v), value: shownValue(v) });
  switch (info.type) {
    case "count":
      if (!checkCount(v, path, report)) return;
      break;
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) return typeError("number");
      break;
    case "ratio":
      if (typeof v !== "number" || !Number.isFinite(v)) return typeError("number");
      if (v < 0) return report(path, "minimum", { comparison: ">=", limit: 0 }, "INPUT_BELOW_MIN", { name: nameOf(path), min: "0", value: String(v) });
      if (v > 1) return report(path, "maximum", { comparison: "<=", limit: 1 }, "INPUT_ABOVE_MAX", { name: nameOf(path), max: "1", value: String(v) });
      break;
    case "boolean":
      if (typeof v !== "boolean") return typeError("boolean");
      return;
    case "text":
      if (typeof v !== "string") return typeError("string");
      if (info.options && !info.options.includes(v)) report(path, "enum", { allowedValues: info.options }, "INPUT_NOT_OPTION", { name: nameOf(path), value: v, options: info.options });
      return;
    case "date":
      if (typeof v !== "string") return typeError("string");
      // The form only: the evaluator refuses a day that does not exist (2026-02-30) by name.
      if (!DATE_FORM.test(v)) report(path, "pattern", { pattern: DATE_FORM.source }, "INPUT_NOT_DATE", { name: nameOf(path), value: v });
      return;
    case "tally":
      if (!isPlainObject(v)) return typeError("object");
      for (const [key, count] of Object.entries(v)) checkCount(count, pointer(path, key), report);
      return;
    case "list": {
      if (!Array.isArray(v)) return typeError("array");
      if (v.length > MAX_LIST_LENGTH) return report(path, "maxItems", { limit: MAX_LIST_LENGTH }, "INPUT_TOO_MANY_RECORDS", { name: nameOf(path), length: String(v.length), max: String(MAX_LIST_LENGTH) });
      v.forEach((record, index) => checkObject(info.fields ?? [], record, pointer(path, index), report));
      return;
    }
  }
  // A count, number or ratio within its declared bounds, compared exactly.
  if (info.min === undefined && info.max === undefined) return;
  const value = Rational.fromNumber(v as number)!;
  if (info.min !== undefined && value.cmp(exactOf(info.min)) < 0) {
    report(path, "minimum", { comparison: ">=", limit: Number(exactOf(info.min).toDecimal(12)) }, "INPUT_BELOW_MIN", { name: nameOf(path), min: shown(info.min), value: String(v) });
  } else if (info.max !== undefined && value.cmp(exactOf(info.max)) > 0) {
    report(path, "maximum", { comparison: "<=", limit: Number(exactOf(info.max).toDecimal(12)) }, "INPUT_ABOVE_MAX", { name: nameOf(path), max: shown(info.max), value: String(v) });
  }
}
