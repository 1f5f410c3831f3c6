import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { localizeDiagnostic, localizeError, MESSAGES, renderMessage, type MessageArgsOf, type MessageId } from "./messages.ts";
import type { CompiledModule, CompiledRule, Diagnostic } from "../types.ts";

const CJK = /[\u4e00-\u9fff]/;

/** Sample arguments for every message id; the mapped type makes a new catalog entry fail to compile until it has a row. */
const SAMPLES: { [K in MessageId]: MessageArgsOf<K>[] } = {
  UNTERMINATED_STRING: [{}],
  FULL_WIDTH_CHARACTER: [{ char: "：", replacement: ":" }],
  UNKNOWN_CHARACTER: [{ char: "@" }],
  NESTING_TOO_DEEP: [{ max: 64 }],
  SYNTAX_EXPECTED_TOKEN: [{ expected: "RCurly", found: "满意票" }, { expected: "Colon", atEnd: true }, { expected: "Vote" }],
  SYNTAX_UNEXPECTED: [{ found: "42" }, { atEnd: true }],
  SYNTAX_EXPECTED_ALTERNATIVE: [{ rule: "band", found: "x" }, { rule: "someRuleWithoutWords" }],
  SYNTAX_EXPECTED_ENTRY: [{ rule: "criterionDecl", found: "otherwise" }, { rule: "unknownRule", atEnd: true }],
  RESERVED_NAME: [{ name: "yes" }],
  DUPLICATE_NAME: [{ name: "参训天数", kind: "input" }, { name: "x", kind: "let" }],
  UNDEFINED_NAME: [{ name: "presnt", hint: "present" }, { name: "满意" }],
  UNKNOWN_FUNCTION: [{ name: "avg", functions: ["min", "max"] }],
  ARGUMENT_COUNT: [{ name: "min" }],
  TYPE_MISMATCH_NEGATE: [{ expr: "true", type: "boolean" }],
  TYPE_MISMATCH_NOT: [{ expr: "3", type: "literal" }],
  TYPE_MISMATCH_LOGIC: [{ op: "and", expr: "present", type: "count" }],
  TYPE_MISMATCH_COMPARE: [{ leftType: "text", left: '"a"', rightType: "literal", right: "3" }],
  TYPE_MISMATCH_EQUALITY_ONLY: [{ type: "text" }, { type: "boolean" }],
  TYPE_MISMATCH_COMPARE_TYPES: [{ left: "text", right: "count" }],
  TYPE_MISMATCH_LET_BANDS: [{ name: "等次", left: "text", right: "literal" }],
  TYPE_MISMATCH_COMBINE_TYPES: [{ left: "boolean", right: "number" }],
  TYPE_MISMATCH_ARITH: [{ op: "+", left: "count", right: "text" }],
  TYPE_MISMATCH_CONDITION: [{ place: "clause", clause: "quorum", expr: "present", type: "count" }, { place: "band", expr: "x", type: "number" }, { place: "grade", expr: "score", type: "number" }],
  TYPE_MISMATCH_POINTS: [{ expr: '"a"', type: "text" }],
  UNIT_MISMATCH_COMPARE: [{ other: "count" }],
  UNIT_MISMATCH_MIX: [{ other: "number" }],
  UNIT_MISMATCH_OF: [{ expr: "present", type: "count" }],
  OF_NOT_A_SHARE: [{ expr: "50", value: "50", hint: "50%" }, { expr: "150%", value: "1.5" }],
  UNBOUNDED_RATIO: [{ ratio: "办结率", numerator: "按时办结", denominator: "受理总数" }],
  DIVISION_BY_ZERO_CONSTANT: [{ expr: "yes / 0" }],
  RATIO_SCALE: [{ value: "90" }],
  UNREACHABLE_BAND_AFTER_OTHERWISE: [{ criterion: "training" }, {}],
  UNREACHABLE_BAND_EMPTY: [{ criterion: "training", subject: "x" }],
  UNREACHABLE_BAND_COVERED: [
    { criterion: "training", subject: "days", lo: "15", loIn: true, hiIn: false },
    { subject: "score", lo: "1", hi: "5", loIn: true, hiIn: true },
    { criterion: "c", subject: "x", hi: "3", loIn: false, hiIn: false },
    { criterion: "c", subject: "x", loIn: false, hiIn: false },
  ],
  MISSING_OTHERWISE: [{ criterion: "training" }, { let: "系数" }, {}],
  BANDS_UNORDERED: [{ criterion: "training", subject: "days", lo: "10", loIn: true, points: "10", prevLo: "15", prevLoIn: true, prevPoints: "6" }, { subject: "score", lo: "80", loIn: false, points: "5", prevLo: "90", prevLoIn: true, prevPoints: "3" }],
  DUPLICATE_CLAUSE: [{ clause: "quorum" }],
  MISSING_CLAUSE: [{ rule: "重大事项", clause: "quorum" }, { rule: "v", clause: "passes" }],
  UNUSED_LET: [{ name: "half" }],
  UNKNOWN_CLAUSE: [{ clause: "elect", clauses: ["void", "turnout", "elected", "runoff"], hint: "elected" }, { clause: "zzz", clauses: ["void"] }],
  DUPLICATE_ELECTION_CLAUSE: [{ clause: "elected" }],
  MISSING_ELECTION_CLAUSE: [{ rule: "村委会", clause: "void" }, { rule: "e", clause: "turnout" }, { rule: "e", clause: "runoff" }],
  CLAUSE_WITHOUT_VOTES: [{ clause: "elected" }],
  INVALID_SETTING: [{ setting: "proxies", usage: "proxies: at most N" }, { setting: "write_ins", usage: "write_ins: allowed" }],
  INVALID_PROXY_LIMIT: [{ value: "-1", max: 100 }, { value: "1/2", max: 100 }],
  DUPLICATE_SETTING: [{ setting: "proxies" }],
  WRITE_INS_NOT_ELECTION: [{ kind: "vote" }, { kind: "rating" }],
  MISSING_LEVELS: [{ rule: "民主测评" }],
  DUPLICATE_LEVELS: [{}],
  MISSING_RATING_GRADE: [{ rule: "民主测评" }],
  EXPECT_NAMES: [{ target: "elected" }],
  TALLY_EXPECTED: [{ name: "candidates" }],
  TALLY_NOT_EXPECTED: [{ name: "voters" }],
  INCONSISTENT_COUNTS_VOTERS: [{ voters: "1001", registered: "1000" }],
  INCONSISTENT_COUNTS_INVALID: [{ invalid: "7", ballots: "6" }],
  INCONSISTENT_VOTES_CANDIDATE: [{ name: "王建国", votes: "700", valid: "596" }],
  INCONSISTENT_VOTES_TOTAL: [{ total: "1800", valid: "596", seats: "3", most: "1788" }],
  BAD_ELECTION_COUNT: [{ name: "seats", value: "0" }],
  INVALID_CANDIDATES: [{ value: "[1,2]" }],
  NO_RATING_BALLOTS: [{}],
  UNKNOWN_TYPE: [{ type: "cuont", types: ["count", "number"], hint: "count" }, { type: "zzz", types: ["count"] }],
  BAD_CONSTRAINT_MIN_MAX: [{ type: "text" }],
  BAD_CONSTRAINT_ONE_OF: [{ type: "boolean" }],
  BAD_CONSTRAINT_RANGE: [{ min: "5", max: "2" }],
  BAD_CONSTRAINT_NEGATIVE_COUNT: [{ min: "-1" }],
  BAD_MAX: [{ name: "training" }],
  POINTS_EXCEED_MAX: [{ name: "training", points: "12", max: "10" }],
  DUPLICATE_GRADE: [{ rule: "scorecard" }, { rule: "rating" }],
  NO_CRITERIA: [{ rule: "cadre" }],
  UNUSED_INPUT: [{ name: "参训天数" }],
  DUPLICATE_TEST: [{ name: "过半数通过" }],
  UNDEFINED_RULE: [{ rule: "major_mater", hint: "major_matter" }, { rule: "nothing" }],
  DUPLICATE_ARGUMENT: [{ name: "yes" }],
  UNKNOWN_ARGUMENT: [{ rule: "major_matter", name: "entitl", hint: "entitled" }, { rule: "major_matter", name: "zzz" }],
  MISSING_ARGUMENT: [{ name: "present" }],
  EMPTY_TEST: [{}],
  UNKNOWN_EXPECTATION: [{ target: "outcom", rule: "major_matter", hint: "outcome" }, { target: "zzz", rule: "v" }],
  UNKNOWN_GRADE: [{ grade: "优秀 ", rule: "考核", grades: ["优秀", "称职"], hint: "优秀" }, { grade: "x", rule: "r", grades: ["a"] }],
  UNKNOWN_OUTCOME: [{ outcomes: ["passed", "rejected", "no_quorum"] }],
  IMPORT_NOT_FOUND: [{ path: "std/nope.gavel" }],
  IMPORT_HAS_ERRORS: [{ path: "./broken.gavel" }],
  DUPLICATE_RULE: [{ name: "major_matter" }],
  INVALID_INPUT_OBJECT: [{}],
  MISSING_INPUT: [{ name: "present" }, { name: "days", label: "参训天数" }],
  MISSING_VALUE: [{ name: "x" }],
  UNKNOWN_INPUT: [{ name: "maybe", inputs: ["entitled", "present"] }],
  INVALID_INPUT_NUMBER: [{ name: "entitled", value: '"x"' }],
  INVALID_INPUT_WHOLE: [{ name: "entitled", value: "1.5" }],
  NEGATIVE_COUNT: [{ name: "yes", value: "-1" }],
  INVALID_INPUT_BOOLEAN: [{ name: "resident", value: "1" }],
  INVALID_INPUT_TEXT: [{ name: "district", value: "3" }],
  INVALID_INPUT_OPTION: [{ name: "district", options: ["东区", "西区"], value: '"北区"' }],
  OUT_OF_RANGE_MIN: [{ name: "days", value: "-2", min: "0" }],
  OUT_OF_RANGE_MAX: [{ name: "rate", value: "3/2", max: "1" }],
  INCONSISTENT_COUNTS_PRESENT: [{ present: "31", entitled: "30" }],
  INCONSISTENT_COUNTS_CAST: [{ cast: "16", present: "10" }],
  DIVISION_BY_ZERO: [{ expression: "a / b", divisor: "b", values: ["a = 1", "b = 0"] }, { expression: "1 / 0", divisor: "0", values: [] }],
  TYPE_MISMATCH_ORDER: [{ left: '"a"', right: "true" }],
  TYPE_MISMATCH_NUMBER_VALUE: [{ expr: "x", value: "true" }],
  TYPE_MISMATCH_CONDITION_VALUE: [{ expr: "x", value: "3" }],
  NO_BAND: [{ name: "training" }],
  POINTS_OUT_OF_RANGE: [{ name: "penalty", points: "-20", range: "-20", max: "20" }, { name: "x", points: "a * 2", range: "0 to unbounded", max: "10" }],
  REQUIREMENT_FAILED: [{ condition: "按时办结 <= 受理总数", detail: "600 <= 495 → false", reason: "按时办结的件数不能超过受理件数" }, { condition: "a <= b", detail: "2 <= 1 → false" }],
  RULE_NOT_COMPILED: [{ rule: "major_matter" }],
  POINTS_EXCEED_MAX_VALUE: [{ name: "training", points: "12", max: "10" }],
  INVALID_DATE_LITERAL: [{ text: "2026-02-30" }],
  NOT_A_LIST: [{ name: "count", expr: "limit" }],
  UNKNOWN_FIELD: [{ list: "cases", field: "recieved", fields: ["received", "resolved"], hint: "received" }, { list: "走访", field: "x", fields: ["日期"] }],
  WHERE_OUTSIDE_AGGREGATE: [{ expr: "cases where limit > 5" }],
  LIST_NOT_A_VALUE: [{ expr: "cases" }],
  FUNCTION_ARGUMENTS: [{ name: "add_workdays", expected: "(date, n): add_workdays(received, 5)" }],
  SUBCRITERIA_EXCEED_MAX: [{ name: "服务", sum: "35", max: "30" }],
  CRITERION_MIXED: [{ name: "服务" }],
  LIST_EXPECTED: [{ name: "cases" }],
  LIST_NOT_EXPECTED: [{ name: "limit" }],
  INVALID_INPUT_DATE: [{ name: "cases[3].received", value: '"2026-02-30"' }],
  INVALID_INPUT_LIST: [{ name: "cases", value: "3" }],
  LIST_TOO_LONG: [{ name: "cases", length: "100001", max: "100000" }],
  INPUT_MISSING: [{ name: "不满意" }],
  INPUT_UNKNOWN: [{ name: "extra" }],
  INPUT_TYPE: [{ name: "满意", expected: "integer", actual: "string", value: '"3"' }, { name: "", expected: "object", actual: "array", value: "[1]" }],
  INPUT_BELOW_MIN: [{ name: "满意", min: "0", value: "-1" }],
  INPUT_ABOVE_MAX: [{ name: "rate", max: "1", value: "1.5" }],
  INPUT_NOT_OPTION: [{ name: "class", value: "x", options: ["一般", "复杂"] }],
  INPUT_NOT_DATE: [{ name: "cases.0.received", value: "2026/1/5" }],
  INPUT_TOO_MANY_RECORDS: [{ name: "cases", length: "100001", max: "100000" }],
  DATE_OUTSIDE_CALENDAR: [{ expr: "add_workdays(received, limit)", date: "2027-12-30", years: ["2026"] }],
  ABSENT_VALUE: [{ name: "resolved", expr: "resolved" }],
  EMPTY_AGGREGATE: [{ expr: "min(cases.received)" }],
  BAD_WORKDAY_COUNT: [{ expr: "add_workdays(received, limit)", value: "5/2" }],
  BAD_CALENDAR: [{ reason: 'not a date or range: "2026-13-01"' }],
  NESTED_AGGREGATE: [{ name: "count" }],
};

/** Arguments that are the user's own names or expressions: both languages must show them verbatim. */
const USER_TEXT_ARGS = ["name", "criterion", "target", "path", "expr", "expression", "clause"];

const rows = (Object.keys(SAMPLES) as MessageId[]).flatMap((id) => (SAMPLES[id] as Record<string, unknown>[]).map((args, i) => [`${id} #${i + 1}`, id, args] as const));

describe("message catalog", () => {
  it("has sample arguments for every entry", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it.each(rows)("%s renders in English and Chinese", (_label, id, args) => {
    const stored = args as Parameters<typeof renderMessage>[1];
    const en = renderMessage(id, stored, "en")!;
    const zh = renderMessage(id, stored, "zh")!;
    for (const text of [en, zh]) {
      expect(text).not.toMatch(/undefined|\[object|NaN/);
      expect(text.trim()).not.toBe("");
    }
    if (!CJK.test(JSON.stringify(args))) expect(en).not.toMatch(CJK);
    expect(zh).toMatch(CJK);
    expect(zh).toMatch(/[。？]$/);
    expect(en).toMatch(/[.?]$/);
    for (const key of USER_TEXT_ARGS) {
      const v = (args as Record<string, unknown>)[key];
      if (typeof v === "string") {
        expect(en).toContain(v);
        expect(zh).toContain(v);
      }
    }
    const hint = (args as Record<string, unknown>)["hint"];
    if (typeof hint === "string") expect(zh).toContain(`是否要写“${hint}”`);
  });

  it("renders nothing for an unknown id", () => {
    expect(renderMessage("NO_SUCH_MESSAGE", {}, "zh")).toBeUndefined();
  });
});

/** A vote and a scorecard with a mistake of each common kind, written with the user's own (Chinese) names. */
const BROKEN = `vote 重大事项 "重大事项表决" {
  let 半数 = 1/2 of entitled
  quorum: presnt > 半数
  passes: yes / cast >= 90
}

scorecard 干部考评 {
  input 参训天数: count
  input 备注: text
  criterion training max 10 {
    10 when 参训天数 >= 15
    6 when 参训天数 >= 10
  }
}

test "过半数" {
  重大事项(entitled: 30, present: 20, yes: 15, no: 5, abstain: 0, maybe: 1)
    expect outcome = passed
}
`;

describe("compile with locale zh", () => {
  let en: CompiledModule;
  let zh: CompiledModule;
  beforeEach(() => {
    en = compile(BROKEN);
    zh = compile(BROKEN, { locale: "zh" });
  });

  it("keeps codes, spans, ids and arguments, and only changes the message", () => {
    expect(zh.diagnostics.length).toBeGreaterThanOrEqual(5);
    expect(zh.diagnostics.map((d) => ({ ...d, message: "" }))).toEqual(en.diagnostics.map((d) => ({ ...d, message: "" })));
    for (const [i, d] of zh.diagnostics.entries()) {
      expect(d.messageId).toBeDefined();
      expect(d.message).toMatch(CJK);
      expect(d.message).not.toBe(en.diagnostics[i]!.message);
    }
  });

  it("says what is wrong in Chinese, with the user's names", () => {
    const byCode = (code: string): string[] => zh.diagnostics.filter((d) => d.code === code).map((d) => d.message);
    expect(byCode("UNDEFINED_NAME")).toEqual(["此处未定义“presnt”；是否要写“present”？"]);
    expect(byCode("MISSING_OTHERWISE")).toEqual(["标准“training”缺少 otherwise 分档，部分输入将得不到结果；请在最后加上一档 otherwise。"]);
    expect(byCode("RATIO_SCALE")).toEqual(["比例的取值在 0 到 1 之间，拿它与 90 比较很可能写错了；是否要写 90%？"]);
    expect(byCode("UNUSED_INPUT")).toEqual(["输入项“备注”没有被任何 criterion、let 或 grade 用到。"]);
    expect(byCode("UNKNOWN_ARGUMENT")).toEqual(["规则“重大事项”没有输入项“maybe”。"]);
  });

  it("leaves the English messages exactly as they were", () => {
    expect(en.diagnostics.find((d) => d.code === "UNDEFINED_NAME")!.message).toBe("'presnt' is not defined here; did you mean 'present'?");
    expect(en.diagnostics.find((d) => d.code === "MISSING_OTHERWISE")!.message).toBe(
      "Criterion 'training' has no 'otherwise' band, so some inputs would get no result; add one as the last band.",
    );
  });

  it("renders syntax and lexer errors in Chinese from the tokens Chevrotain reported", () => {
    const { diagnostics } = compile(`vote 表决 { quorum：true\n  passes: "yes }`, { locale: "zh" });
    const messages = diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(messages).toContain("UNKNOWN_CHARACTER 此处不能使用全角字符“：”；请改为半角的“:”（可切换到英文输入法）。");
    expect(messages).toContain('UNTERMINATED_STRING 这段文本在同一行内缺少结尾的英文双引号 "。');
    const syntax = diagnostics.filter((d) => d.code === "SYNTAX");
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect(d.message).toMatch(/^此处应为.+，但遇到的是.+。$/);
    const missingBrace = compile(`vote v { quorum: true passes: true`, { locale: "zh" }).diagnostics;
    expect(missingBrace.map((d) => d.message)).toContain("此处应为“}”，但遇到的是文件末尾。");
    expect(compile(`vote v { quorum: true passes: true`).diagnostics.map((d) => d.message)).toContain("Expected '}' here, but found the end of the file.");
  });
});

describe("localizeDiagnostic", () => {
  it("re-renders from id and arguments after a JSON round trip, and back to English", () => {
    const d = JSON.parse(JSON.stringify(compile(BROKEN).diagnostics[0])) as Diagnostic;
    const zh = localizeDiagnostic(d, "zh");
    expect(zh.message).toMatch(CJK);
    expect(localizeDiagnostic(zh, "en").message).toBe(d.message);
  });

  it("keeps the message of a diagnostic without an id", () => {
    const d: Diagnostic = { severity: "error", code: "HOST", message: "from the host", span: { line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1 } };
    expect(localizeDiagnostic(d, "zh")).toEqual(d);
  });
});

describe("localizeError", () => {
  const compileRules = () => compile(`vote 表决 { quorum: present >= 1/2 of entitled passes: yes > no }
scorecard 满意度 {
  input 满意: count
  input 基本满意: count
  input 票数: count
  criterion rate max 10 { 10 when (满意 + 基本满意) / 票数 >= 80% 0 otherwise }
}`);
  let vote: CompiledRule | undefined;
  let card: CompiledRule | undefined;
  beforeEach(() => {
    [vote, card] = compileRules().rules;
  });

  it("says DIVISION_BY_ZERO in Chinese with the expression and its values", () => {
    const r = card!.evaluate({ 满意: 0, 基本满意: 0, 票数: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("DIVISION_BY_ZERO");
    expect(r.error.message).toBe("(满意 + 基本满意) / 票数 divides by zero: 票数 = 0 (满意 = 0, 基本满意 = 0, 票数 = 0).");
    const zh = localizeError(r.error, "zh");
    expect(zh).toMatchObject({ code: "DIVISION_BY_ZERO", span: r.error.span, details: r.error.details });
    expect(zh.message).toBe("(满意 + 基本满意) / 票数 的除数为零：票数 = 0（满意 = 0，基本满意 = 0，票数 = 0）。");
  });

  it.each([
    [{ entitled: 30, present: 31, yes: 0, no: 0, abstain: 0 }, "实到人数 present（31）不能超过应到人数 entitled（30）：只有名册上的成员才能出席。"],
    [{ entitled: 30, present: 10, yes: 8, no: 8, abstain: 0 }, "yes + no + abstain = 16 票，多于实到的 10 人：只有出席的成员才能投票，且每人只投一票。"],
  ])("says INCONSISTENT_COUNTS in Chinese for %j", (input, text) => {
    const r = vote!.evaluate(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("INCONSISTENT_COUNTS");
    expect(localizeError(r.error, "zh").message).toBe(text);
    expect(localizeError(r.error, "en")).toEqual(r.error);
  });

  it("keeps the message of an error without an id", () => {
    const e = { code: "RULE_NOT_COMPILED", message: "The rule 'x' does not exist or has errors." };
    expect(localizeError(e, "zh")).toEqual(e);
  });
});
