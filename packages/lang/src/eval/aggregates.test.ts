import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { runTests } from "../tooling/testing.ts";
import { MAX_LIST_LENGTH } from "./aggregates.ts";
import { Rational } from "./rational.ts";
import { assertProperty } from "../test-support/property.ts";
import { oracleAdd } from "../test-support/workday-oracle.ts";
import type { CompiledRule, ExactJson } from "../types.ts";

const RECORDS_PROBE = `scorecard records_probe "records probe" {
  input cases: list of { received: date, resolved: date, limit: count }
  let total   = count(cases)
  let on_time = count(cases where resolved <= add_workdays(received, limit))
  let rate    = on_time / total
  criterion timely "timely" max 10 {
    10 when rate >= 95%
     0 otherwise
  }
}
`;

function ruleOf(src: string): CompiledRule {
  const m = compile(src);
  const errors = m.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(errors.map((d) => `${d.code}: ${d.message}`).join("\n"));
  return m.rules[0]!;
}

const codes = (src: string) => compile(src).diagnostics.map((d) => d.code);
const exact = (v: ExactJson) => (typeof v === "number" ? Rational.fromInt(v) : Rational.of(BigInt(v.num), BigInt(v.den)));

const day2026 = fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
const caseArb = fc.record({ received: day2026, resolved: day2026, limit: fc.integer({ min: 0, max: 20 }) });

describe("records_probe against a day-by-day oracle", () => {
  let rule: CompiledRule;
  beforeEach(() => {
    rule = ruleOf(RECORDS_PROBE);
  });

  it("counts the cases resolved by their deadline, and grades the exact rate", () => {
    assertProperty(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        const deadlines = cases.map((c) => oracleAdd(c.received, c.limit));
        const out = rule.evaluate({ cases });
        if (deadlines.includes(undefined)) {
          expect(out.ok ? "ok" : out.error.code).toBe("DATE_OUTSIDE_CALENDAR");
          return;
        }
        const onTime = cases.filter((c, i) => c.resolved <= deadlines[i]!).length;
        if (!out.ok || out.result.kind !== "scorecard") throw new Error(out.ok ? "not a scorecard" : out.error.message);
        expect(out.result.values["on_time"]).toBe(onTime);
        expect(exact(out.result.values["rate"] as ExactJson).eq(Rational.of(BigInt(onTime), BigInt(cases.length)))).toBe(true);
        expect(out.result.score).toBe(onTime * 100 >= 95 * cases.length ? 10 : 0);
        // decide() answers what evaluate() answers.
        const d = rule.decide({ cases });
        expect(d.ok && d.decision.kind === "scorecard" && d.decision.score).toBe(out.result.score);
      }),
      { numRuns: 300 },
    );
  });

  it("divides by a zero count with a named error", () => {
    const out = rule.evaluate({ cases: [] });
    expect(out.ok ? "ok" : out.error.code).toBe("DIVISION_BY_ZERO");
  });

  it("refuses a list longer than the limit, and a bad record by its path", () => {
    const long = Array.from({ length: MAX_LIST_LENGTH + 1 }, () => ({ received: "2026-03-02", resolved: "2026-03-03", limit: 1 }));
    const tooLong = rule.evaluate({ cases: long });
    expect(tooLong.ok ? "ok" : tooLong.error.code).toBe("LIST_TOO_LONG");
    const bad = rule.evaluate({ cases: [{ received: "2026-03-02", resolved: "2026-03-03", limit: 1 }, { received: "2026-02-30", resolved: "2026-03-03", limit: 1 }] });
    expect(bad.ok ? "" : bad.error.message).toContain("cases[1].received");
    const extra = rule.evaluate({ cases: [{ received: "2026-03-02", resolved: "2026-03-03", limit: 1, x: 1 }] });
    expect(extra.ok ? "" : extra.error.code).toBe("UNKNOWN_INPUT");
    const notList = rule.evaluate({ cases: 3 });
    expect(notList.ok ? "" : notList.error.code).toBe("INVALID_INPUT");
  });
});

const AGGREGATES = `scorecard 办结 "限时办结" {
  input 案件: list of { 类别: text one of "咨询", "投诉", 受理: date, 办结: date?, 时限: count, 分值: number }
  let 已办结   = count(案件 where not absent(办结))
  let 在办     = count(案件 where absent(办结))
  let 超期     = count(案件 where 办结 > add_workdays(受理, 时限))
  let 投诉占比 = share(案件 where 类别 = "投诉")
  let 总分值   = sum(案件.分值)
  let 投诉分值 = sum(案件.分值 where 类别 = "投诉")
  let 最早受理 = min(案件.受理)
  let 最晚办结 = max(案件.办结)
  let 最高分值 = max(案件.分值 where 类别 = "咨询")
  let 月份     = distinct_months(案件.受理)
  let 用时     = workdays_between(最早受理, 最晚办结)
  criterion c max 1 {
    1 when 超期 = 0
    0 otherwise
  }
}
`;

describe("aggregates over records with optional fields (Chinese names)", () => {
  let rule: CompiledRule;
  beforeEach(() => {
    rule = ruleOf(AGGREGATES);
  });
  const cases = [
    { 类别: "咨询", 受理: "2026-02-12", 办结: "2026-02-26", 时限: 5, 分值: 1.5 },
    { 类别: "投诉", 受理: "2026-02-13", 办结: "2026-02-28", 时限: 5, 分值: 2 },
    { 类别: "投诉", 受理: "2026-03-02", 时限: 10, 分值: 0.25 },
    { 类别: "咨询", 受理: "2026-03-03", 办结: null, 时限: 3, 分值: 4 },
  ];

  it("computes each aggregate exactly; an absent field is skipped and compares false", () => {
    const out = rule.evaluate({ 案件: cases });
    if (!out.ok) throw new Error(out.error.message);
    const v = out.result.values;
    expect(v["已办结"]).toBe(2);
    expect(v["在办"]).toBe(2);
    // 2-13 + 5 working days: 2-14 (make-up), 2-24, 2-25, 2-26, 2-27; resolved 2-28 is late.
    expect(v["超期"]).toBe(1);
    expect(v["投诉占比"]).toEqual({ num: "1", den: "2", decimal: "0.5" });
    expect(v["总分值"]).toEqual({ num: "31", den: "4", decimal: "7.75" });
    expect(v["投诉分值"]).toEqual({ num: "9", den: "4", decimal: "2.25" });
    expect(v["最早受理"]).toBe("2026-02-12");
    expect(v["最晚办结"]).toBe("2026-02-28");
    expect(v["最高分值"]).toBe(4);
    expect(v["月份"]).toBe(2);
    // After 2-12 up to 2-28: 2-13, 2-14, 2-24 … 2-27, 2-28 = 7 working days.
    expect(v["用时"]).toBe(7);
  });

  it("min or max of no records is an error that names the aggregate", () => {
    const out = rule.evaluate({ 案件: cases.map((c) => ({ ...c, 类别: "投诉" })) });
    expect(out.ok ? "" : out.error.code).toBe("EMPTY_AGGREGATE");
    expect(out.ok ? "" : out.error.message).toContain("max(案件.分值 where 类别 = \"咨询\")");
  });

  it("share of an empty list is an error; decide() agrees with evaluate()", () => {
    const r = ruleOf(`scorecard s {\n input xs: list of { ok: boolean }\n let part = share(xs where ok)\n criterion c max 1 {\n 1 when part >= 50%\n 0 otherwise\n }\n}`);
    const out = r.evaluate({ xs: [] });
    expect(out.ok ? "" : out.error.code).toBe("EMPTY_AGGREGATE");
    const d = r.decide({ xs: [] });
    expect(d.ok ? "" : d.error.code).toBe("EMPTY_AGGREGATE");
    const half = r.evaluate({ xs: [{ ok: true }, { ok: false }] });
    expect(half.ok && half.result.kind === "scorecard" && half.result.score).toBe(1);
  });

  it("uses an absent value outside a comparison only with an error", () => {
    const r = ruleOf(`scorecard s {\n input d: date?\n let n = days_between(2026-01-01, d)\n criterion c max 1 {\n 1 when n > 3\n 0 otherwise\n }\n}`);
    const out = r.evaluate({});
    expect(out.ok ? "" : out.error.code).toBe("ABSENT_VALUE");
    expect(r.evaluate({ d: "2026-01-10" }).ok).toBe(true);
  });
});

describe("the checker on lists and dates", () => {
  const rule = (body: string) => `scorecard s {\n input cases: list of { received: date, resolved: date?, limit: count }\n input d: date\n ${body}\n criterion c max 1 {\n 1 when d > 2026-01-01\n 0 otherwise\n }\n}`;

  it("names unknown fields with a hint, and lists outside aggregates", () => {
    expect(codes(rule("let n = sum(cases.limt)"))).toContain("UNKNOWN_FIELD");
    expect(compile(rule("let n = sum(cases.limt)")).diagnostics.find((d) => d.code === "UNKNOWN_FIELD")?.message).toContain("did you mean 'limit'");
    expect(codes(rule("let n = count(cases where recieved > d)"))).toContain("UNDEFINED_NAME");
    expect(codes(rule("let n = cases"))).toContain("LIST_NOT_A_VALUE");
    expect(codes(rule("let n = count(d)"))).toContain("NOT_A_LIST");
    expect(codes(rule("let n = month(cases where limit > 1)"))).toContain("WHERE_OUTSIDE_AGGREGATE");
    expect(codes(rule("let n = cases.limit"))).toContain("WHERE_OUTSIDE_AGGREGATE");
    expect(codes(rule("let n = sum(cases.received)"))).toContain("FUNCTION_ARGUMENTS");
    expect(codes(rule("let n = count(cases where limit > count(cases))"))).toContain("NESTED_AGGREGATE");
    expect(codes(rule("let all = count(cases)\n let n = count(cases where limit > all)"))).not.toContain("NESTED_AGGREGATE");
    expect(codes(rule("let n = count(cases where max(limit, 3) > 4)"))).not.toContain("NESTED_AGGREGATE");
  });

  it("types dates: no such day, no date compared with a number, functions with their arguments", () => {
    expect(codes(rule("let n = d > 2026-02-30"))).toContain("INVALID_DATE");
    expect(codes(rule("let n = d > 3"))).toContain("TYPE_MISMATCH");
    expect(codes(rule("let n = add_workdays(3, d)"))).toContain("FUNCTION_ARGUMENTS");
    expect(codes(rule("let n = add_workdays(d)"))).toContain("FUNCTION_ARGUMENTS");
    expect(codes(rule("let n = month(d) + weekday(d) + quarter(d) + day(d) + year(d)"))).not.toContain("FUNCTION_ARGUMENTS");
  });

  it("warns about no count/count ratio when the numerator selects from the denominator's list", () => {
    expect(codes(RECORDS_PROBE)).not.toContain("UNBOUNDED_RATIO");
    expect(compile(RECORDS_PROBE).diagnostics).toEqual([]);
  });
});

describe("test blocks with dates and records", () => {
  it("passes lists of records and dates, and compares dates", () => {
    const src = `${RECORDS_PROBE}
test "春节前受理，节后按时办结" {
  records_probe(cases: [{received: 2026-02-12, resolved: 2026-02-26, limit: 5}, {received: 2026-02-13, resolved: 2026-02-27, limit: 5}])
    expect on_time = 2
    expect rate = 1
    expect timely = 10
}

test "a list where one value is expected" {
  records_probe(cases: 3)
    expect error
}
`;
    const m = compile(src);
    expect(m.diagnostics.map((d) => d.code)).toEqual(["LIST_EXPECTED"]);
    const run = runTests(m);
    expect(run.results.map((r) => r.passed)).toEqual([true, false]);
  });
});

describe("the input schema of dates and records", () => {
  it("describes ISO dates, arrays of records, and optional fields as not required", () => {
    const r = ruleOf(`scorecard s {\n input d: date?\n input cases: list of { received: date, resolved: date?, limit: count max 30 }\n let n = count(cases where resolved <= add_workdays(received, limit))\n criterion c max 1 {\n 1 when n >= 1 and not absent(d)\n 0 otherwise\n }\n}`);
    const schema = r.inputSchema as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.required).toEqual(["cases"]);
    expect(schema.properties["d"]).toMatchObject({ type: ["string", "null"], format: "date" });
    const cases = schema.properties["cases"]!;
    expect(cases).toMatchObject({ type: "array", maxItems: MAX_LIST_LENGTH });
    expect(cases["items"]).toMatchObject({
      type: "object",
      required: ["received", "limit"],
      additionalProperties: false,
      properties: { received: { type: "string", format: "date" }, resolved: { type: ["string", "null"] }, limit: { type: "integer", minimum: 0, maximum: 30 } },
    });
    expect(r.inputs.find((i) => i.name === "cases")?.fields?.map((f) => [f.name, f.type, f.optional ?? false])).toEqual([
      ["received", "date", false],
      ["resolved", "date", true],
      ["limit", "count", false],
    ]);
  });
});

describe("expectations on dates", () => {
  it("compares a date value with =, < and >", () => {
    const src = `scorecard deadline_probe "deadline probe" {
  input received: date
  input resolved: date
  input limit:    count
  let due = add_workdays(received, limit)
  criterion on_time "on time" max 1 {
    1 when resolved <= due
    0 otherwise
  }
}

test "due across the Spring Festival" {
  deadline_probe(received: 2026-02-12, resolved: 2026-02-27, limit: 5)
    expect due = 2026-02-26
    expect due < 2026-02-27
    expect due > 2026-02-13
    expect on_time = 0
}

test "a wrong date fails" {
  deadline_probe(received: 2026-02-12, resolved: 2026-02-27, limit: 5)
    expect due = 2026-02-27
}
`;
    const run = runTests(compile(src));
    expect(run.results.map((r) => r.passed)).toEqual([true, false]);
    expect(run.results[1]!.expectations[0]!.actual).toBe("2026-02-26");
  });
});

describe("records in test blocks", () => {
  it("names a misspelt field of a test's record with a hint", () => {
    const m = compile(`${RECORDS_PROBE}\ntest "t" {\n  records_probe(cases: [{recieved: 2026-03-02, resolved: 2026-03-03, limit: 1}])\n    expect total = 1\n}\n`);
    const d = m.diagnostics.find((x) => x.code === "UNKNOWN_FIELD");
    expect(d?.message).toContain("did you mean 'received'");
    expect(m.rulesOk).toBe(true);
  });
});
