/** Batch assessments: a token that may assess, JSON and streamed CSV in, ranked by exact score, CSV/JSON lines/JSON out. */

import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cadreReviewOracle, type CadreInput } from "../../benchmarks/workloads";
import { AssessmentService, DEFAULT_ASSESSMENT_LIMITS } from "../../packages/server/src/assessments/assessment-service";
import { MAX_JSON_SUBJECTS } from "../../packages/server/src/http/schemas";
import { MAX_RULE_SOURCE_BYTES } from "../../packages/server/src/rules/rule-registry";
import { EvaluationPool } from "../../packages/server/src/workers/evaluation-pool";
import { call, startTestService, type TestService } from "../helpers/server-client";
import { cadreCsvText, cadres, oracleRanking, type ExpectedRank } from "./assessment-oracle";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** A row of examples/subjects/cadre-review.csv as the oracle's input. */
function cadreOf(row: Record<string, string>): CadreInput {
  const number = (column: keyof CadreInput) => Number(row[column]);
  return {
    training_days: number("training_days"),
    talk_half_years: number("talk_half_years"),
    leader_visit_months: number("leader_visit_months"),
    rep_visit_quarters: number("rep_visit_quarters"),
    satisfied: number("satisfied"),
    basically: number("basically"),
    unsatisfied: number("unsatisfied"),
  };
}

describe("assessments", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("postgres");
    await call(service.app, "PUT", "/v1/rules/cadre_review", { token: service.tokens.author, payload: { source: read("examples/cadre-review.gavel") } });
    await call(service.app, "PUT", `/v1/rules/${encodeURIComponent("民主测评")}`, { token: service.tokens.author, payload: { source: read("examples/democratic-evaluation.gavel") } });
  });
  afterAll(async () => {
    await service?.close();
  });

  it("ranks JSON subjects by score, highest first, ties sharing a rank", async () => {
    const subjects = [
      { id: "甲", input: { 满意: 30, 基本满意: 10, 不满意: 10 } },
      { id: "乙", input: { 满意: 45, 基本满意: 4, 不满意: 1 } },
      { id: "丙", input: { 满意: 30, 基本满意: 10, 不满意: 10 } },
      { id: "丁", input: { 满意: 5, 基本满意: 5, 不满意: 40 } },
    ];
    const response = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "民主测评", subjects } });
    expect(response.status).toBe(200);
    expect(response.body.rule).toMatchObject({ name: "民主测评", version: 1, entry: "民主测评" });
    // Worked out by hand from examples/democratic-evaluation.gavel: 乙 96%→60 + 90%→40; 甲 and 丙
    // 80%→45 + 60%→25; 丁 20%→0 + 10%→0. Ranks are shared by ties and skip after them (1, 2, 2, 4).
    const summary = response.body.results.map((r: { id: string; rank: number; score: unknown; grade: string }) => [r.id, r.rank, r.score, r.grade]);
    expect(summary).toEqual([
      ["乙", 1, 100, "优秀"],
      ["甲", 2, 70, "称职"],
      ["丙", 2, 70, "称职"],
      ["丁", 4, 0, "不称职"],
    ]);
    const reasons = (id: string) => response.body.results.find((r: { id: string }) => r.id === id).criteria.map((c: { name: string; points: number; reason: string }) => [c.name, c.points, c.reason]);
    expect(reasons("乙")).toEqual([["认可", 60, "认可率达到90%以上"], ["满意度", 40, "满意票达到70%以上"]]);
    expect(reasons("丁")).toEqual([["认可", 0, "认可率不足三分之二"], ["满意度", 0, "满意票不足30%"]]);
  });

  it("reads the example CSV typed by the rule's inputs and exports the ranking as CSV", async () => {
    const csv = read("examples/subjects/cadre-review.csv");
    const json = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: csv, headers: { "content-type": "text/csv" } });
    expect(json.status).toBe(200);
    // Every subject scored and graded as the bigint oracle of the benchmarks says, and ranked by that score.
    const subjects = parse(csv, { columns: true }) as Record<string, string>[];
    expect(json.body.count).toBe(subjects.length);
    const expected = subjects.map((row) => ({ id: row.id!, ...cadreReviewOracle(cadreOf(row)) }));
    const rankOf = (score: number) => 1 + expected.filter((other) => other.score > score).length;
    const got = json.body.results.map((r: { id: string; rank: number; score: unknown; grade: string }) => ({ id: r.id, rank: r.rank, score: r.score, grade: r.grade }));
    expect(got).toEqual(expect.arrayContaining(expected.map((e) => ({ ...e, rank: rankOf(e.score) }))));
    expect(got).toHaveLength(expected.length);
    expect(got.map((r: { score: number }) => r.score)).toEqual(expected.map((e) => e.score).sort((x, y) => y - x));

    const exported = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: csv, headers: { "content-type": "text/csv", accept: "text/csv" } });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(exported.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(json.body.results.map((r: { id: string }) => r.id));
    expect(rows[0]).toHaveProperty("training_reason");
    expect(rows[0]!.grade).toBe(json.body.results[0].grade);
  });

  it("names every bad cell, column and subject with 422", async () => {
    const badCsv = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied,bonus\n王,abc,2,12,4,1,1,1,9\n";
    const response = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: badCsv, headers: { "content-type": "text/csv" } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("CSV_INVALID");
    const problems = response.body.error.details.problems.map((p: { column: string }) => p.column);
    expect(problems).toEqual(expect.arrayContaining(["bonus", "training_days"]));
    const noRule = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: "id\n1\n", headers: { "content-type": "text/csv" } });
    expect(noRule.body.error.code).toBe("RULE_REQUIRED");
    // No body and no content type (found by the API fuzzer): refused as every other route refuses it, not a 500.
    const noBody = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk });
    expect([noBody.status, noBody.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    expect(noBody.body.error.message).toBe("The request does not fit the API: body must be a JSON object or a CSV upload");
    expect(noBody.body.error.details.problems).toEqual([{ path: "body", message: "must be a JSON object or a CSV upload", keyword: "type", params: { type: "object" } }]);
    const badJson = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "民主测评", subjects: [{ id: "a", input: { 满意: -1, 基本满意: 0, 不满意: 0 } }, { id: "a", input: { 满意: 1, 基本满意: 0, 不满意: 0 } }] } });
    expect(badJson.body.error.code).toBe("INVALID_SUBJECTS");
    expect(badJson.body.error.details.subjects).toHaveLength(2);
    const header = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";
    const repeated = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: `${header}\n王,1,2,12,4,1,1,1\n李,1,2,12,4,1,1,1\n王,1,2,12,4,1,1,1\n`, headers: { "content-type": "text/csv" } });
    expect(repeated.body.error.code).toBe("INVALID_SUBJECTS");
    expect(repeated.body.error.details.subjects).toEqual([{ id: "王", problems: [expect.objectContaining({ path: "/id", keyword: "uniqueItems" })] }]);
    const ragged = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: `${header}\n王,1,2,12,4,1,1,1\n李,1,2\n`, headers: { "content-type": "text/csv" } });
    expect(ragged.body.error.code).toBe("CSV_INVALID");
    expect(ragged.body.error.details.problems[0]).toMatchObject({ row: 3, message: "3 cells, but the header has 8 columns" });
    const vote = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "major_matter", subjects: [] } });
    expect(vote.body.error.code).toBe("WRONG_RULE_KIND");
  });

  it("needs a token whose role may assess: anonymous 401, observer 403, clerk and author allowed", async () => {
    const payload = { rule: "民主测评", subjects: [{ id: "甲", input: { 满意: 1, 基本满意: 0, 不满意: 0 } }] };
    const anonymous = await call(service.app, "POST", "/v1/assessments", { payload });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("UNAUTHORIZED");
    const observer = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.observer, payload });
    expect(observer.status).toBe(403);
    expect(observer.body.error.details).toMatchObject({ permission: "assess", role: "observer" });
    // An anonymous caller learns nothing about the body: no validation error before the 401.
    const anonymousBad = await call(service.app, "POST", "/v1/assessments", { payload: { nonsense: true } });
    expect(anonymousBad.status).toBe(401);
    for (const token of [service.tokens.author, service.tokens.admin]) {
      expect((await call(service.app, "POST", "/v1/assessments", { token, payload })).status).toBe(200);
    }
  });

  it("streams a CSV over the JSON limit; ranked CSV, JSON lines and JSON all agree with the bigint oracle", async () => {
    const list = cadres(12_000);
    const csv = cadreCsvText(list);
    expect(list.length).toBeGreaterThan(MAX_JSON_SUBJECTS);
    const expected = oracleRanking(list);
    const upload = (accept: string) => call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: csv, headers: { "content-type": "text/csv", accept } });

    const csvOut = await upload("text/csv");
    expect(csvOut.status).toBe(200);
    expect(csvOut.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(csvOut.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => ({ rank: Number(r.rank), id: r.id, score: Number(r.score), grade: r.grade }))).toEqual(expected);

    const lines = await upload("application/x-ndjson");
    expect(lines.status).toBe(200);
    expect(lines.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const results = lines.text.trimEnd().split("\n").map((line) => JSON.parse(line) as { rank: number; id: string; score: number; grade: string; criteria: { name: string; points: number }[] });
    expect(results.map(({ rank, id, score, grade }) => ({ rank, id, score, grade }))).toEqual(expected);
    // The criteria in JSON lines are the ones in the CSV columns.
    expect(results.slice(0, 50).map((r) => r.criteria.map((c) => c.points))).toEqual(rows.slice(0, 50).map((r) => ["training", "talks", "leader_visits", "rep_visits", "evaluation"].map((name) => Number(r[name]))));

    const json = await upload("application/json");
    expect(json.status).toBe(200);
    expect(json.body.rule).toEqual({ name: "cadre_review", version: 1, entry: "cadre_review" });
    expect(json.body.count).toBe(list.length);
    expect(json.body.results.map(({ rank, id, score, grade }: ExpectedRank) => ({ rank, id, score, grade }))).toEqual(expected);
  });

  it("escapes CSV cells that a spreadsheet would run as formulas (ids, grades, reasons)", async () => {
    const source = [
      "scorecard formula_probe \"probe\" {",
      "  input n: count \"n\"",
      "  criterion c \"c\" max 1 {",
      "    1 when n >= 1 \"=HYPERLINK(\\\"http://x\\\")\"",
      "    0 otherwise \"@SUM(A1)\"",
      "  }",
      "  grade {",
      "    \"+good\" when score >= 1",
      "    \"-bad\" otherwise",
      "  }",
      "}",
    ].join("\n");
    const stored = await call(service.app, "PUT", "/v1/rules/formula_probe", { token: service.tokens.author, payload: { source } });
    expect(stored.status, stored.text).toBe(201);
    const ids = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "plain", "'quoted"];
    // JSON ids are taken as given (CSV cells are trimmed, which would drop the leading tab and CR).
    const subjects = ids.map((id, i) => ({ id, input: { n: i % 2 } }));
    const exported = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "formula_probe", subjects }, headers: { accept: "text/csv" } });
    expect(exported.status, exported.text).toBe(200);
    const rows = parse(exported.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "plain", "'quoted"].sort());
    for (const row of rows) {
      expect(row.grade).toBe(row.c === "1" ? "'+good" : "'-bad");
      expect(row.c_reason).toBe(row.c === "1" ? `'=HYPERLINK("http://x")` : "'@SUM(A1)");
      // No text cell starts with a formula character any more; numbers stay numbers.
      for (const cell of [row.id, row.grade, row.c_reason]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(row.score).toMatch(/^[01]$/);
    }
  });

  it("bounds JSON bodies: deep nesting refused before parsing, more than 10,000 subjects or 2 MiB refused", async () => {
    const deep = "[".repeat(500_000) + "]".repeat(500_000);
    const tooDeep = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: deep, headers: { "content-type": "application/json" } });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.code).toBe("JSON_TOO_DEEP");
    const huge = "[".repeat(10_000_000) + "]".repeat(10_000_000);
    const tooLarge = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: huge, headers: { "content-type": "application/json" } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const subjects = Array.from({ length: MAX_JSON_SUBJECTS + 1 }, (_, i) => ({ id: String(i), input: { 满意: 1, 基本满意: 0, 不满意: 0 } }));
    const tooMany = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "民主测评", subjects } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.problems[0]).toMatchObject({ path: "body/subjects", keyword: "maxItems" });
  });

  it("stores rule files of at most 1 MiB of UTF-8 (the compile check runs in a worker)", async () => {
    const rules = service.server.services.rules;
    // 350,000 Chinese characters are 1,050,000 bytes: the limit counts bytes, not characters.
    await expect(rules.put("big", `# ${"民".repeat(350_000)}\n`, "test")).rejects.toMatchObject({ kind: "too_large", code: "RULE_TOO_LARGE" });
    const stored = await rules.put("just_fits", `${readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8")}\n# ${"x".repeat(MAX_RULE_SOURCE_BYTES - 20_000)}\n`, "test");
    expect(stored.summary.rules.map((r) => r.name)).toEqual(["cadre_review"]);
  });

  it("runs a bounded number of assessments at once (503 ASSESSMENTS_BUSY beyond), and gives each place back", async () => {
    const pool = new EvaluationPool(1);
    try {
      const one = new AssessmentService(service.server.services.rules, pool, { ...DEFAULT_ASSESSMENT_LIMITS, maxConcurrent: 1 });
      const release = one.admit();
      expect(() => one.admit()).toThrow(expect.objectContaining({ kind: "busy", code: "ASSESSMENTS_BUSY" }));
      release();
      release(); // giving back twice frees one place only
      one.admit();
      expect(() => one.admit()).toThrow(expect.objectContaining({ code: "ASSESSMENTS_BUSY" }));
    } finally {
      await pool.close();
    }
    // Through the API, finished and refused assessments give their place back: more than 4 in a row all succeed.
    for (let i = 0; i < 6; i++) {
      const ok = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "民主测评", subjects: [{ id: "甲", input: { 满意: 1, 基本满意: 0, 不满意: 0 } }] } });
      expect(ok.status).toBe(200);
      const refused = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: "id\n1\n", headers: { "content-type": "text/csv" } });
      expect(refused.status).toBe(422);
    }
  });

  it("refuses a CSV over its row or byte limit while reading it, and removes its spill", async () => {
    const pool = new EvaluationPool(1);
    try {
      const rules = service.server.services.rules;
      const small = new AssessmentService(rules, pool, { ...DEFAULT_ASSESSMENT_LIMITS, maxSubjects: 1_000, batchSize: 100 });
      const plan = await small.plan({ rule: "cadre_review" });
      const spills = () => readdirSync(tmpdir()).filter((f) => f.startsWith("gavel-assessment-")).length;
      const before = spills();
      await expect(small.scoreCsv(plan, Readable.from([cadreCsvText(cadres(1_001))]))).rejects.toMatchObject({ kind: "unprocessable", code: "TOO_MANY_SUBJECTS" });
      const exactly = await small.scoreCsv(plan, Readable.from([cadreCsvText(cadres(1_000))]));
      expect(exactly.count).toBe(1_000);
      await exactly.dispose();
      const bytes = new AssessmentService(rules, pool, { ...DEFAULT_ASSESSMENT_LIMITS, maxCsvBytes: 10_000 });
      await expect(bytes.scoreCsv(plan, Readable.from([cadreCsvText(cadres(1_000))]))).rejects.toMatchObject({ kind: "too_large", code: "CSV_TOO_LARGE" });
      expect(spills()).toBe(before);
    } finally {
      await pool.close();
    }
  });
});
