import { readFileSync } from "node:fs";
import { relative } from "node:path";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { describe, expect, it } from "vitest";
import { compile, format, parse, runTests } from "@gavel-rules/lang";
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

  it.each(files.map((f) => [relative(ROOT, f), f]))("%s: already canonical, idempotent, meaning-preserving, comments kept", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const once = format(source);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    // Shipped files are kept in canonical form, so the formatter's output is compared with text people wrote and read.
    expect(once.text).toBe(source);
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

/** Every kind of line with an end-of-line comment, laid out carelessly. */
const COMMENTED = `# 文件头
import "std/major-matter.gavel"   # 引入标准规则
vote simple "简单多数" {
let base = yes + no # 基数
quorum: present > 1/2 of entitled "过半到会"   # 到会
  passes: yes > 1/2 of base      # 通过
}
scorecard s "考核" {
  input days: number "天数" # 天数
  input ok: count  # 满意票
  let rate = ok / 10 # 比率
  let 满意率 = ok / 20 # 满意率
  criterion c "培训" max 10 {
    10 when days >= 15   # 满分
    6 when days >= 10 "六分"  # 六分
    0 otherwise "不足" # 零分
  }
  grade {
    "优秀" when score >= 9 # 优秀
    "一般" otherwise # 一般
  }
}
test "过半" {
simple(entitled: 10,
       present: 6, yes: 4, no: 2, abstain: 0) # 调用
expect outcome = passed # 期望
  expect error "X" # 错误
}
`;

/** The canonical form of COMMENTED, written out by hand: each comment ends the line it ended before. */
const COMMENTED_CANONICAL = `# 文件头
import "std/major-matter.gavel"  # 引入标准规则

vote simple "简单多数" {
  let base = yes + no  # 基数
  quorum: present > 1/2 of entitled  "过半到会"  # 到会
  passes: yes > 1/2 of base  # 通过
}

scorecard s "考核" {
  input days: number  "天数"  # 天数
  input ok:   count  # 满意票

  let rate   = ok / 10  # 比率
  let 满意率 = ok / 20  # 满意率

  criterion c "培训" max 10 {
    10 when days >= 15  # 满分
     6 when days >= 10  "六分"  # 六分
     0 otherwise        "不足"  # 零分
  }

  grade {
    "优秀" when score >= 9  # 优秀
    "一般" otherwise  # 一般
  }
}

test "过半" {
  simple(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)  # 调用
    expect outcome = passed  # 期望
    expect error "X"  # 错误
}
`;

describe("formatter keeps end-of-line comments where they were", () => {
  it("after an import, vote members, inputs, lets, bands, grade bands, a test's call and its expectations", () => {
    expect(format(COMMENTED)).toEqual({ ok: true, text: COMMENTED_CANONICAL });
  });

  it("leaves the canonical form as it is", () => {
    expect(format(COMMENTED_CANONICAL)).toEqual({ ok: true, text: COMMENTED_CANONICAL });
  });

  it("moves a comment after '{' or '}' to a line of its own, keeping it", () => {
    // Today's layout, written out so a change to it is seen: the comment is not attached to a brace.
    const source = `vote v {  # 头\n  quorum: true\n  passes: yes > no\n}  # 尾\n`;
    expect(format(source)).toEqual({ ok: true, text: `vote v {\n  # 头\n  quorum: true\n  passes: yes > no\n}\n# 尾\n` });
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
    .tuple(fc.array(cond, { minLength: 1, maxLength: 4 }), space, fc.boolean(), fc.boolean(), fc.boolean())
    .map(([conds, sp, paren, comment, endOfLine]) =>
      [
        comment ? "# 评分规则" : "",
        `scorecard s${sp}"考核"${sp}{`,
        `input x: count${sp}input y: number "天数"${sp}input 满意票: count input days_2: count`,
        // With endOfLine, every band ends its line with a comment naming it.
        `criterion c max 100 {${conds.map((c, i) => `${sp}${10 - i} when ${paren ? `(${c})` : c}${endOfLine ? `  # 档${i}\n` : ""}`).join("")}${sp}0 otherwise "理由" }`,
        "}",
      ].join("\n"),
    );

  it("keeps each band's end-of-line comment at the end of that band's line", () => {
    assertProperty(
      fc.property(program, (src) => {
        const once = format(src);
        if (!once.ok) return;
        const bandComments = (text: string) => text.split("\n").filter((line) => line.includes("# 档")).map((line) => line.trim().replace(/\s+/g, " "));
        const expected = [...src.matchAll(/(\d+) when [^\n]*?# 档(\d+)/g)].map((m) => `${m[1]} when # 档${m[2]}`);
        expect(bandComments(once.text).map((line) => line.replace(/ when .*#/, " when #"))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

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
