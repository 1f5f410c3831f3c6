/**
 * Constant folding (constant-folding.ts), seen where the checker uses it: a divisor that folds to zero is a
 * DIVISION_BY_ZERO, a band's points that fold to more than the maximum are POINTS_EXCEED_MAX, and a band whose
 * condition compares a subject with a folded constant is a threshold (BANDS_UNORDERED, UNREACHABLE_BAND). Each case
 * has its whole diagnostic (severity, code, the complete message, the span and the text it covers), written out by
 * hand; an expression that does not fold (it names an input) gives none.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";

/** One diagnostic: severity, code, message, span (line:column-endLine:endColumn, the end exclusive) and the text it covers. */
type Found = [severity: "error" | "warning", code: string, message: string, span: string, text: string];

/** A source written line by line, so that the line and column of a diagnostic can be read off the test. */
const lines = (...ls: string[]) => ls.join("\n");

function found(source: string): Found[] {
  return compile(source).diagnostics.map((d) => [d.severity, d.code, d.message, `${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`, source.slice(d.span.offset, d.span.endOffset)]);
}

/** A scorecard whose let `a` (line 3, from column 11) is the expression under test. */
const withLet = (expr: string) => lines("scorecard s {", "  input x: number", `  let a = ${expr}`, "  criterion c max 1 { 1 when a > 0  0 otherwise }", "}");

/** A division by zero of the let on line 3: the whole division is the span, from column 11. */
const byZero = (text: string, message = text): Found => ["error", "DIVISION_BY_ZERO", `${message} divides by zero.`, `3:11-3:${11 + text.length}`, text];

describe("a divisor that folds to zero is a division by zero", () => {
  it.each<[string, Found[]]>([
    ["x / (0)", [byZero("x / (0)")]],
    ["x / ((0))", [byZero("x / ((0))")]],
    ["x / -(0)", [byZero("x / -(0)")]],
    ["x / -0", [byZero("x / -0")]],
    ["x / (1 - 1)", [byZero("x / (1 - 1)")]],
    ["x / (1 + -1)", [byZero("x / (1 + -1)")]],
    ["x / (-1 + 1)", [byZero("x / (-1 + 1)")]],
    ["x / (2 * 0)", [byZero("x / (2 * 0)")]],
    ["x / (0 of 5)", [byZero("x / (0 of 5)")]],
    ["x / (1/2 of 0)", [byZero("x / (1/2 of 0)")]],
    ["x / ((3 - 3) * 2)", [byZero("x / ((3 - 3) * 2)")]],
    ["x / (1/2 - 1/2)", [byZero("x / (1/2 - 1/2)")]],
    ["x / (2 - 1 - 1)", [byZero("x / (2 - 1 - 1)")]],
    ["x / 0%", [byZero("x / 0%")]],
    // The message prints a fraction of two numbers as one: 0/5.
    ["x / (0 / 5)", [byZero("x / (0 / 5)", "x / (0/5)")]],
    // A division by zero inside the divisor does not fold: only the inner one is refused.
    ["x / (1 / 0)", [["error", "DIVISION_BY_ZERO", "1/0 divides by zero.", "3:16-3:21", "1 / 0"]]],
    // Each step of a chain is a division of its own.
    ["x / 0 / 0", [["error", "DIVISION_BY_ZERO", "x / 0 divides by zero.", "3:11-3:16", "x / 0"], byZero("x / 0 / 0")]],
  ])("%s", (expr, expected) => {
    expect(found(withLet(expr))).toEqual(expected);
  });
});

describe("a divisor that does not fold to zero is accepted", () => {
  it.each<[string]>([
    ["x / (1 + 1)"],
    ["x / (1 + -2)"],
    ["x / (2 - 1)"],
    ["x / (0 - 1)"],
    ["x / (3 * 1)"],
    ["x / (1/2 of 2)"],
    ["x / -(1)"],
    ["x / (2 / 1)"],
    ["x / (0 + 1)"],
    // Not constants: they name an input, so nothing is known about them.
    ["x / -x"],
    ["x / (x - x)"],
    ["x / (0 * x)"],
    ["x / (x * 0)"],
    ["x / (0 of x)"],
    ["x / -(x)"],
  ])("%s", (expr) => {
    expect(found(withLet(expr))).toEqual([]);
  });
});

describe("points that fold to more than the maximum", () => {
  it.each<[string, string, Found[]]>([
    [
      "(2 + 3) * 4",
      lines("scorecard s {", "  input x: number", "  criterion c max 10 { (2 + 3) * 4 when x > 0  0 otherwise }", "}"),
      [["error", "POINTS_EXCEED_MAX", "20 points is more than the maximum 10 of 'c'.", "3:24-3:35", "(2 + 3) * 4"]],
    ],
    [
      "2 * 2 and (1 - 2) * -4, both 4 (Chinese names)",
      lines("scorecard 评分 {", "  input 分: number", "  criterion 项 max 3 { 2 * 2 when 分 > 0  (1 - 2) * -4 when 分 > -1  0 otherwise }", "}"),
      [
        ["error", "POINTS_EXCEED_MAX", "4 points is more than the maximum 3 of '项'.", "3:23-3:28", "2 * 2"],
        ["error", "POINTS_EXCEED_MAX", "4 points is more than the maximum 3 of '项'.", "3:41-3:53", "(1 - 2) * -4"],
      ],
    ],
    [
      "1/2 of 30 and 12 - 1",
      lines("scorecard s {", "  input x: number", "  criterion c max 10 { 1/2 of 30 when x > 1  12 - 1 when x > 0  0 otherwise }", "}"),
      [
        ["error", "POINTS_EXCEED_MAX", "15 points is more than the maximum 10 of 'c'.", "3:24-3:33", "1/2 of 30"],
        ["error", "POINTS_EXCEED_MAX", "11 points is more than the maximum 10 of 'c'.", "3:46-3:52", "12 - 1"],
      ],
    ],
    [
      "points that fold to at most the maximum, falling: -(-10), 12 - 3, 2 * 4, 1/2 of 14, (2 + 3) * 1 + 1",
      lines("scorecard s {", "  input x: number", "  criterion c max 10 { -(-10) when x > 4  12 - 3 when x > 3  2 * 4 when x > 2  1/2 of 14 when x > 1  (2 + 3) * 1 + 1 when x > 0  0 otherwise }", "}"),
      [],
    ],
  ])("%s", (_what, source, expected) => {
    expect(found(source)).toEqual(expected);
  });
});

describe("a band's condition against a folded constant is a threshold", () => {
  it.each<[string, string, Found[]]>([
    [
      "x > (1 + 1), x > (3 - 2), x > -(1), x > 1/2 of 4, x > (2 * 3): rising points, and two bands hidden",
      lines("scorecard s {", "  input x: number", "  criterion c max 10 { 1 when x > (1 + 1)  2 when x > (3 - 2)  3 when x > -(1)  4 when x > 1/2 of 4  5 when x > (2 * 3)  0 otherwise }", "}"),
      [
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above 1 gives more points (2) than above 2 (1).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above -1 gives more points (3) than above 1 (2).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above 2 gives more points (4) than above -1 (3).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above 6 gives more points (5) than above 2 (4).", "3:13-3:14", "c"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x above 2 is already taken by an earlier band. Put the stricter band first.", "3:81-3:100", "4 when x > 1/2 of 4"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x above 6 is already taken by an earlier band. Put the stricter band first.", "3:102-3:120", "5 when x > (2 * 3)"],
      ],
    ],
    [
      "x > 5, then bands at (2 + 4), (10 - 3), -(-8), (3 * 3), 1/2 of 20: each hidden by x > 5",
      lines("scorecard s {", "  input x: number", "  criterion c max 10 { 1 when x > 5  2 when x >= (2 + 4)  3 when x > (10 - 3)  4 when x > -(-8)  5 when x >= (3 * 3)  6 when x >= 1/2 of 20  0 otherwise }", "}"),
      [
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x at least 6 gives more points (2) than above 5 (1).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above 7 gives more points (3) than at least 6 (2).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x above 8 gives more points (4) than above 7 (3).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x at least 9 gives more points (5) than above 8 (4).", "3:13-3:14", "c"],
        ["warning", "BANDS_UNORDERED", "Bands of criterion 'c' are out of order: x at least 10 gives more points (6) than at least 9 (5).", "3:13-3:14", "c"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x at least 6 is already taken by an earlier band. Put the stricter band first.", "3:38-3:57", "2 when x >= (2 + 4)"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x above 7 is already taken by an earlier band. Put the stricter band first.", "3:59-3:78", "3 when x > (10 - 3)"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x above 8 is already taken by an earlier band. Put the stricter band first.", "3:80-3:96", "4 when x > -(-8)"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x at least 9 is already taken by an earlier band. Put the stricter band first.", "3:98-3:117", "5 when x >= (3 * 3)"],
        ["error", "UNREACHABLE_BAND", "This band of criterion 'c' can never match: every x at least 10 is already taken by an earlier band. Put the stricter band first.", "3:119-3:140", "6 when x >= 1/2 of 20"],
      ],
    ],
    [
      "a comparison with a negated input is no threshold",
      lines("scorecard s {", "  input x: number", "  input y: number", "  criterion c max 10 { 1 when x > -y  2 when x > -(y)  0 otherwise }", "}"),
      [],
    ],
  ])("%s", (_what, source, expected) => {
    expect(found(source)).toEqual(expected);
  });
});
