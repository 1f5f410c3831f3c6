/**
 * Every input error and evaluation failure of the exact evaluator, as the caller sees it: code, message id, the words,
 * their arguments and the details. Each expected value was read and checked by hand against the rule and the input.
 */

import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import type { CompiledRule } from "../types.ts";

function rule(src: string): CompiledRule {
  const m = compile(src);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return m.rules[0]!;
}

const RULES: Record<string, CompiledRule> = {
  card: rule(`scorecard s "卡" { input n: number min 1 max 5 "天数" input r: ratio input k: text one of "甲", "乙" input f: boolean input c: count
  let half = c / 2
  require n <= 4 or f "n 最多 4"
  criterion a max 10 { 10 when n >= 3 and k = "甲" 5 when c / (c - 1) > 1 0 otherwise "不够" } }`),
  vote: rule(`vote v { quorum: present > 1/2 of entitled passes: yes > no }`),
};

const FAILURES: [string, unknown, Record<string, unknown>][] = [
    ["card", [], {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_OBJECT", "message": "The input must be an object of named values.", "args": {}}],
    ["card", null, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_OBJECT", "message": "The input must be an object of named values.", "args": {}}],
    ["card", "x", {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_OBJECT", "message": "The input must be an object of named values.", "args": {}}],
    ["card", {"n": 3, "r": 0.5, "k": "甲", "f": true, "c": 2, "z": 1}, {"code": "UNKNOWN_INPUT", "messageId": "UNKNOWN_INPUT", "message": "'z' is not an input of this rule; the inputs are n, r, k, f, c.", "args": {"name": "z", "inputs": ["n", "r", "k", "f", "c"]}, "details": {"input": "z"}}],
    ["card", {"r": 0.5, "k": "甲", "f": true, "c": 2}, {"code": "MISSING_INPUT", "messageId": "MISSING_INPUT", "message": "The input 'n' (天数) is missing.", "args": {"name": "n", "label": "天数"}, "details": {"input": "n"}}],
    ["card", {"n": null, "r": 0.5, "k": "甲", "f": true, "c": 2}, {"code": "MISSING_INPUT", "messageId": "MISSING_INPUT", "message": "The input 'n' (天数) is missing.", "args": {"name": "n", "label": "天数"}, "details": {"input": "n"}}],
    ["card", {"n": "3", "r": 0.5, "k": "甲", "f": true, "c": 2}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_NUMBER", "message": "'n' must be a number, but is \"3\".", "args": {"name": "n", "value": "\"3\""}, "details": {"input": "n", "value": "3"}}],
    ["card", {"n": 0.5, "r": 0.5, "k": "甲", "f": true, "c": 2}, {"code": "OUT_OF_RANGE", "messageId": "OUT_OF_RANGE_MIN", "message": "'n' is 0.5 but must be at least 1.", "args": {"name": "n", "value": "0.5", "min": "1"}, "details": {"input": "n", "value": 0.5, "min": "1"}}],
    ["card", {"n": 6, "r": 0.5, "k": "甲", "f": true, "c": 2}, {"code": "OUT_OF_RANGE", "messageId": "OUT_OF_RANGE_MAX", "message": "'n' is 6 but must be at most 5.", "args": {"name": "n", "value": "6", "max": "5"}, "details": {"input": "n", "value": 6, "max": "5"}}],
    ["card", {"n": 3, "r": 1.5, "k": "甲", "f": true, "c": 2}, {"code": "OUT_OF_RANGE", "messageId": "OUT_OF_RANGE_MAX", "message": "'r' is 1.5 but must be at most 1.", "args": {"name": "r", "value": "1.5", "max": "1"}, "details": {"input": "r", "value": 1.5, "max": "1"}}],
    ["card", {"n": 3, "r": -0.1, "k": "甲", "f": true, "c": 2}, {"code": "OUT_OF_RANGE", "messageId": "OUT_OF_RANGE_MIN", "message": "'r' is -0.1 but must be at least 0.", "args": {"name": "r", "value": "-0.1", "min": "0"}, "details": {"input": "r", "value": -0.1, "min": "0"}}],
    ["card", {"n": 3, "r": 0.5, "k": 1, "f": true, "c": 2}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_TEXT", "message": "'k' must be a text, but is 1.", "args": {"name": "k", "value": "1"}, "details": {"input": "k", "value": 1}}],
    ["card", {"n": 3, "r": 0.5, "k": "丙", "f": true, "c": 2}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_OPTION", "message": "'k' must be one of \"甲\", \"乙\", but is \"丙\".", "args": {"name": "k", "options": ["甲", "乙"], "value": "\"丙\""}, "details": {"input": "k", "value": "丙"}}],
    ["card", {"n": 3, "r": 0.5, "k": "甲", "f": "true", "c": 2}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_BOOLEAN", "message": "'f' must be true or false, but is \"true\".", "args": {"name": "f", "value": "\"true\""}, "details": {"input": "f", "value": "true"}}],
    ["card", {"n": 3, "r": 0.5, "k": "甲", "f": true, "c": 1.5}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_WHOLE", "message": "'c' is a count and must be a whole number, but is 1.5.", "args": {"name": "c", "value": "1.5"}, "details": {"input": "c", "value": 1.5}}],
    ["card", {"n": 3, "r": 0.5, "k": "甲", "f": true, "c": -1}, {"code": "NEGATIVE_COUNT", "messageId": "NEGATIVE_COUNT", "message": "'c' is a count and cannot be negative, but is -1.", "args": {"name": "c", "value": "-1"}, "details": {"input": "c", "value": -1}}],
    ["card", {"n": 3, "r": 0.5, "k": "甲", "f": true, "c": 9007199254740992}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_WHOLE", "message": "'c' is a count and must be a whole number, but is 9007199254740992.", "args": {"name": "c", "value": "9007199254740992"}, "details": {"input": "c", "value": 9007199254740992}}],
    ["card", {"n": 5, "r": 0.5, "k": "甲", "f": false, "c": 2}, {"code": "REQUIREMENT_FAILED", "messageId": "REQUIREMENT_FAILED", "message": "The input breaks a requirement of the rule: require n <= 4 or f ((5 <= 4 → false) or (false → false) → false): n 最多 4.", "args": {"condition": "n <= 4 or f", "detail": "(5 <= 4 → false) or (false → false) → false", "reason": "n 最多 4"}, "details": {"requirement": "n <= 4 or f", "detail": "(5 <= 4 → false) or (false → false) → false", "reason": "n 最多 4"}}],
    ["card", {"n": 3, "r": 0.5, "k": "乙", "f": true, "c": 1}, {"code": "DIVISION_BY_ZERO", "messageId": "DIVISION_BY_ZERO", "message": "c / (c - 1) divides by zero: (c - 1) = 0 (c = 1).", "args": {"expression": "c / (c - 1)", "divisor": "(c - 1)", "values": ["c = 1"]}, "details": {"expression": "c / (c - 1)", "values": {"c": "1"}}}],
    ["vote", {"entitled": 3, "present": 4, "yes": 0, "no": 0, "abstain": 0}, {"code": "INCONSISTENT_COUNTS", "messageId": "INCONSISTENT_COUNTS_PRESENT", "message": "present (4) cannot exceed entitled (3): only members on the roster can be present.", "args": {"present": "4", "entitled": "3"}, "details": {"present": "4", "entitled": "3"}}],
    ["vote", {"entitled": 5, "present": 3, "yes": 2, "no": 1, "abstain": 1}, {"code": "INCONSISTENT_COUNTS", "messageId": "INCONSISTENT_COUNTS_CAST", "message": "yes + no + abstain = 4 votes, more than the 3 members present: only present members vote, once each.", "args": {"cast": "4", "present": "3"}, "details": {"cast": "4", "present": "3"}}],
    ["vote", {"entitled": 5, "present": 3, "yes": 2, "no": 1}, {"code": "MISSING_INPUT", "messageId": "MISSING_INPUT", "message": "The input 'abstain' is missing.", "args": {"name": "abstain"}, "details": {"input": "abstain"}}],
    ["vote", {"entitled": 5, "present": 3, "yes": 2, "no": 1, "abstain": 0, "x": 1}, {"code": "UNKNOWN_INPUT", "messageId": "UNKNOWN_INPUT", "message": "'x' is not an input of this rule; the inputs are entitled, present, yes, no, abstain.", "args": {"name": "x", "inputs": ["entitled", "present", "yes", "no", "abstain"]}, "details": {"input": "x"}}],
    ["vote", {"entitled": 5, "present": "3", "yes": 2, "no": 1, "abstain": 0}, {"code": "INVALID_INPUT", "messageId": "INVALID_INPUT_NUMBER", "message": "'present' must be a number, but is \"3\".", "args": {"name": "present", "value": "\"3\""}, "details": {"input": "present", "value": "3"}}],
];

describe("evaluation failures come back as values, worded for the caller", () => {
  it.each(FAILURES)("%s on %j", (name, input, error) => {
    const outcome = RULES[name]!.evaluate(input as Record<string, unknown>);
    expect(outcome).toMatchObject({ ok: false, error });
    // Nothing else is said: no details where none are expected.
    if (!outcome.ok) expect(Object.entries(outcome.error).filter(([key, value]) => value !== undefined && key !== "span").map(([key]) => key).sort()).toEqual(Object.keys(error).sort());
  });

  it("treats undefined as missing, and NaN or infinity as not a number, in scorecards and votes", () => {
    const base = { n: 3, r: 0.5, k: "甲", f: true, c: 2 };
    const vote = { entitled: 5, present: 3, yes: 2, no: 1, abstain: 0 };
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ["card", { ...base, n: undefined }, { code: "MISSING_INPUT", message: "The input 'n' (天数) is missing.", details: { input: "n" } }],
      ["card", { ...base, n: Number.NaN }, { code: "INVALID_INPUT", messageId: "INVALID_INPUT_NUMBER", message: "'n' must be a number, but is null.", details: { input: "n", value: Number.NaN } }],
      ["card", { ...base, c: Number.POSITIVE_INFINITY }, { code: "INVALID_INPUT", messageId: "INVALID_INPUT_NUMBER", message: "'c' must be a number, but is null.", details: { input: "c", value: Number.POSITIVE_INFINITY } }],
      ["vote", { ...vote, present: null }, { code: "MISSING_INPUT", message: "The input 'present' is missing.", details: { input: "present" } }],
      ["vote", { ...vote, yes: undefined }, { code: "MISSING_INPUT", message: "The input 'yes' is missing.", details: { input: "yes" } }],
      ["vote", { ...vote, no: -1 }, { code: "NEGATIVE_COUNT", message: "'no' is a count and cannot be negative, but is -1.", details: { input: "no", value: -1 } }],
    ];
    for (const [name, input, error] of cases) expect(RULES[name]!.evaluate(input), JSON.stringify(input)).toMatchObject({ ok: false, error });
  });

  it("accepts every value at the edge of its range", () => {
    const base = { n: 3, r: 0.5, k: "甲", f: true, c: 2 };
    for (const edge of [{ r: 0 }, { r: 1 }, { n: 1 }, { n: 4, f: false }, { n: 5 }, { c: 0 }, { k: "乙" }, { f: false }]) {
      expect(RULES["card"]!.evaluate({ ...base, ...edge }).ok, JSON.stringify(edge)).toBe(true);
    }
    // Everyone present, and every present member voting.
    expect(RULES["vote"]!.evaluate({ entitled: 5, present: 5, yes: 2, no: 1, abstain: 2 })).toMatchObject({ ok: true, result: { outcome: "passed", facts: { cast: 5 } } });
  });

  it("points input errors at the input's declaration and failures at the expression", () => {
    const at = (input: unknown) => {
      const outcome = RULES["card"]!.evaluate(input as Record<string, unknown>);
      return outcome.ok ? undefined : outcome.error.span && { line: outcome.error.span.line, column: outcome.error.span.column };
    };
    const base = { n: 3, r: 0.5, k: "甲", f: true, c: 2 };
    expect(at({ ...base, n: 9 })).toEqual({ line: 1, column: 19 });
    expect(at({ ...base, k: "丙" })).toEqual({ line: 1, column: 67 });
    expect(at({ ...base, n: 5, f: false })).toEqual({ line: 3, column: 3 });
    expect(at({ ...base, k: "乙", c: 1 })).toEqual({ line: 4, column: 58 });
  });
});
