import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { suggest } from "./suggest.ts";

function codes(src: string): string[] {
  return compile(src).diagnostics.map((d) => `${d.severity}:${d.code}`);
}

const card = (body: string) => `scorecard s {\n input x: count\n input y: count\n ${body}\n}`;

describe("checker", () => {
  it.each([
    ["undefined name with a hint", `vote v { quorum: presnt > 1/2 of entitled passes: true }`, "error:UNDEFINED_NAME"],
    ["missing passes clause", `vote v { quorum: true }`, "error:MISSING_CLAUSE"],
    ["duplicate clause", `vote v { quorum: true quorum: true passes: true }`, "error:DUPLICATE_CLAUSE"],
    ["a clause that is not a condition", `vote v { quorum: present passes: true }`, "error:TYPE_MISMATCH"],
    ["a ratio compared with a count", `vote v { quorum: true passes: yes / cast > entitled }`, "error:UNIT_MISMATCH"],
    ["'of' with an amount on its left", `vote v { quorum: true passes: yes > present of entitled }`, "error:UNIT_MISMATCH"],
    ["90 where 90% was meant", `vote v { quorum: true passes: yes / cast >= 90 }`, "warning:RATIO_SCALE"],
    ["a let shadowing a fact", `vote v { let yes = 1 quorum: true passes: true }`, "error:RESERVED_NAME"],
    ["duplicate input", card(`input x: count criterion c max 1 { 1 when x > 0 0 otherwise }`), "error:DUPLICATE_NAME"],
    ["unknown type", `scorecard s { input x: cuont criterion c max 1 { 1 otherwise } }`, "error:UNKNOWN_TYPE"],
    ["missing otherwise", card(`criterion c max 10 { 10 when x >= 15 6 when x >= 10 }`), "error:MISSING_OTHERWISE"],
    ["unreachable band", card(`criterion c max 10 { 6 when x >= 10 10 when x >= 15 0 otherwise }`), "error:UNREACHABLE_BAND"],
    ["band after otherwise", card(`criterion c max 10 { 0 otherwise 10 when x >= 15 }`), "error:UNREACHABLE_BAND"],
    ["empty range band", card(`criterion c max 10 { 10 when x > 5 and x < 3 0 otherwise }`), "error:UNREACHABLE_BAND"],
    ["range covered by two earlier bands", card(`criterion c max 10 { 10 when x >= 10 5 when x < 10 1 when x = 3 0 otherwise }`), "error:UNREACHABLE_BAND"],
    ["points above max", card(`criterion c max 10 { 12 when x >= 10 0 otherwise }`), "error:POINTS_EXCEED_MAX"],
    ["unused input", `scorecard s { input x: count input y: count criterion c max 1 { 1 when x > 0 0 otherwise } }`, "warning:UNUSED_INPUT"],
    ["unknown function", card(`criterion c max 10 { avg(x, y) otherwise }`), "error:UNKNOWN_FUNCTION"],
    ["grade unreachable", card(`criterion c max 10 { 10 when x + y > 3 0 otherwise } grade { "a" when score >= 5 "b" when score >= 8 "c" otherwise }`), "error:UNREACHABLE_BAND"],
    ["unknown rule in a test", `test "t" { nothing(a: 1) expect outcome = passed }`, "error:UNDEFINED_RULE"],
    ["unknown outcome", `vote v { quorum: true passes: true } test "t" { v(entitled: 1, present: 1, yes: 1, no: 0, abstain: 0) expect outcome = pass }`, "error:UNKNOWN_OUTCOME"],
    ["missing argument", `vote v { quorum: true passes: true } test "t" { v(entitled: 1) expect outcome = passed }`, "error:MISSING_ARGUMENT"],
    ["constant division by zero", card(`criterion c max 10 { x / 0 otherwise }`), "error:DIVISION_BY_ZERO"],
    ["import not found", `import "nowhere.gavel"`, "error:IMPORT_NOT_FOUND"],
  ])("%s", (_name, src, code) => {
    expect(codes(src)).toContain(code);
  });

  it.each([
    ["the major-matter vote", `vote m { quorum: present > 2/3 of entitled passes: yes > 1/2 of entitled }`],
    ["a range band after a threshold", card(`criterion c max 10 { 10 when x >= 15 6 when x >= 10 and x < 15 0 otherwise } let z = y grade { "a" when c >= 10 and z > 0 "b" otherwise }`)],
    ["percent bands on a ratio", `scorecard s { input a: count input b: count let r = a / (a + b) criterion c max 40 { 40 when r >= 90% 25 when r >= 75% 0 otherwise } }`],
    ["text inputs with options", `scorecard s { input k: text one of "即办件", "承诺件" criterion c max 5 { 5 when k = "即办件" 0 otherwise } }`],
  ])("accepts %s without errors or warnings", (_name, src) => {
    expect(codes(src)).toEqual([]);
  });

  // Each refusal with its whole message and place, written out here (no test compiled these before mutation testing).
  it.each([
    ["'not' of a count", card(`criterion c max 1 { 1 when not x 0 otherwise }`), "'not' needs a condition, but x is a count.", 4, 29],
    ["'and' with a count", card(`criterion c max 1 { 1 when x > 0 and y 0 otherwise }`), "'and' joins conditions, but y is a count.", 4, 39],
    ["'-' of a condition", card(`criterion c max 1 { 1 when -(x > 0) 0 otherwise }`), "'-' needs a number, but (x > 0) is a boolean.", 4, 29],
    ["an impossible date", `scorecard s { input d: date criterion c max 1 { 1 when d > 2026-02-30 0 otherwise } }`, "2026-02-30 is not a date: no such day in the calendar (write YYYY-MM-DD).", 1, 60],
  ])("refuses %s, saying why", (_name, src, message, line, column) => {
    const errors = compile(src).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => ({ message: d.message, line: d.span.line, column: d.span.column }))).toEqual([{ message, line, column }]);
  });

  it.each([
    ["as points", card(`criterion c max 1 { min() + x + y otherwise }`)],
    ["as a let's value, whose bounds are still worked out", card(`let z = min() criterion c max 1 { z + x + y otherwise }`)],
  ])("refuses min() without arguments %s once, and compiles on (its bounds were a crash)", (_where, source) => {
    const errors = compile(source).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["ARGUMENT_COUNT"]);
    expect(errors[0]!.message).toBe("'min' needs at least one value.");
  });

  it("suggests the name that was meant", () => {
    const d = compile(`vote v { quorum: presnt > 1/2 of entitled passes: true }`).diagnostics[0]!;
    expect(d.message).toContain("did you mean 'present'?");
    expect(d.span).toMatchObject({ line: 1, column: 18 });
  });

  const FACTS = ["entitled", "present", "yes", "no", "abstain", "cast"];
  it.each([
    ["满义", [...FACTS, "满意", "不满意"], "满意"],
    ["基本满义", [...FACTS, "满意", "基本满意", "不满意"], "基本满意"],
    ["基本", [...FACTS, "满意", "基本满意"], "基本满意"],
    ["参训天数", ["训练天数", "x"], "训练天数"],
    ["满意率", ["满意", "yes"], "满意"],
    ["应到", FACTS, undefined], // no Chinese name near it: no hint, rather than 'no'
    ["好", ["yes", "no", "满意"], undefined],
    ["yse", [...FACTS, "满意"], "yes"],
    ["presnt", FACTS, "present"],
  ])("hints %s → %s among names in the same script", (name, known, hint) => {
    expect(suggest(name, known)).toBe(hint);
  });

  it("suggests a Chinese name for a Chinese typo in a rule", () => {
    const d = compile(`scorecard s "s" {\n  input 满意: count\n  criterion c "c" max 1 {\n    1 when 满义 > 0\n    0 otherwise\n  }\n}\n`).diagnostics.find((x) => x.code === "UNDEFINED_NAME")!;
    expect(d.message).toContain("did you mean '满意'?");
  });

  it("names a constant division by zero by its chain, shortened once the chain is long", () => {
    const short = compile(`vote v { quorum: yes / 0 > 1 passes: true }`).diagnostics[0]!;
    expect(short.message).toBe("yes / 0 divides by zero.");
    // Every step of `yes / 0 / 0 / …` divides by zero: showing each whole left part made 3,000 steps
    // produce messages of quadratic total size; each now shows at most the last three operands.
    const steps = 3000;
    const long = compile(`vote v { quorum: yes${" / 0".repeat(steps)} > 1 passes: true }`).diagnostics.filter((d) => d.code === "DIVISION_BY_ZERO");
    expect(long.length).toBe(steps);
    expect(long.map((d) => d.message).slice(0, 4)).toEqual(["yes / 0 divides by zero.", "yes / 0 / 0 divides by zero.", "yes / 0 / 0 / 0 divides by zero.", "… 0 / 0 / 0 divides by zero."]);
    expect(Math.max(...long.map((d) => d.message.length))).toBeLessThan(40);
  });
});
