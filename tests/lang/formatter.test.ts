import { readFileSync } from "node:fs";
import { relative } from "node:path";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { describe, expect, it } from "vitest";
import { compile, format, parse, runTests } from "@gavel/lang";
import { ROOT, resolveImport, ruleFiles } from "./rule-files";

/** The AST without positions: what a program means. */
function meaning(source: string): string {
  return JSON.stringify(parse(source).program, (key, value: unknown) => {
    if (key === "span" || key.endsWith("Span")) return undefined;
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

const files = ruleFiles();

describe("formatter on every rule file in dsl/ and examples/", () => {
  it("finds the rule files", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))("%s: idempotent, meaning-preserving, comments kept", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const once = format(source);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const twice = format(once.text);
    expect(twice).toEqual({ ok: true, text: once.text });
    expect(meaning(once.text)).toBe(meaning(source));
    const comments = (s: string) => (s.match(/#[^\n]*/g) ?? []).map((c) => c.trimEnd());
    expect(comments(once.text)).toEqual(comments(source).filter((c) => !/"[^"]*#/.test(c)));
    // The formatted file still passes its own tests.
    const before = runTests(compile(source, { file, resolveImport }));
    const after = runTests(compile(once.text, { file, resolveImport }));
    expect([after.passed, after.failed]).toEqual([before.passed, before.failed]);
  });
});

describe("formatter (property)", () => {
  const name = fc.constantFrom("x", "y", "满意票", "days_2");
  const num = fc.constantFrom("1", "15", "0.9", "90%", "2/3");
  const leaf = fc.oneof(name, num);
  const arith = fc.tuple(leaf, fc.constantFrom("+", "-", "*", "/", "of"), leaf).map(([a, op, b]) => `${a} ${op} ${b}`);
  const cond = fc.tuple(fc.oneof(leaf, arith), fc.constantFrom(">", ">=", "<", "<=", "=", "!="), fc.oneof(leaf, arith)).map(([a, op, b]) => `${a} ${op} ${b}`);
  const space = fc.constantFrom(" ", "  ", "\n", " \n  ", "\t");
  const program = fc
    .tuple(fc.array(cond, { minLength: 1, maxLength: 4 }), space, fc.boolean(), fc.boolean())
    .map(([conds, sp, paren, comment]) =>
      [
        comment ? "# 评分规则" : "",
        `scorecard s${sp}"考核"${sp}{`,
        `input x: count${sp}input y: number "天数"${sp}input 满意票: count input days_2: count`,
        `criterion c max 100 {${conds.map((c, i) => `${sp}${10 - i} when ${paren ? `(${c})` : c}`).join("")}${sp}0 otherwise "理由" }`,
        "}",
      ].join("\n"),
    );

  it("is idempotent and keeps meaning on generated programs", () => {
    assertProperty(
      fc.property(program, (src) => {
        const once = format(src);
        if (!once.ok) return;
        const twice = format(once.text);
        expect(twice).toEqual({ ok: true, text: once.text });
        expect(meaning(once.text)).toBe(meaning(src));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses to format a file with syntax errors and says why", () => {
    const r = format("vote a { quorum: }");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: "SYNTAX", span: { line: 1, column: 18 } });
  });
});
