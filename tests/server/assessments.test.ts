/** Batch assessments: JSON and CSV in, ranked by exact score, CSV out. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cadreReviewOracle, type CadreInput } from "../../benchmarks/workloads";
import { call, startTestService, type TestService } from "../helpers/server-client";

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
    const response = await call(service.app, "POST", "/v1/assessments", { payload: { rule: "民主测评", subjects } });
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
    const json = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { payload: csv, headers: { "content-type": "text/csv" } });
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

    const exported = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { payload: csv, headers: { "content-type": "text/csv", accept: "text/csv" } });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(exported.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(json.body.results.map((r: { id: string }) => r.id));
    expect(rows[0]).toHaveProperty("training_reason");
    expect(rows[0]!.grade).toBe(json.body.results[0].grade);
  });

  it("names every bad cell, column and subject with 422", async () => {
    const badCsv = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied,bonus\n王,abc,2,12,4,1,1,1,9\n";
    const response = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { payload: badCsv, headers: { "content-type": "text/csv" } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("CSV_INVALID");
    const problems = response.body.error.details.problems.map((p: { column: string }) => p.column);
    expect(problems).toEqual(expect.arrayContaining(["bonus", "training_days"]));
    const noRule = await call(service.app, "POST", "/v1/assessments", { payload: "id\n1\n", headers: { "content-type": "text/csv" } });
    expect(noRule.body.error.code).toBe("RULE_REQUIRED");
    const badJson = await call(service.app, "POST", "/v1/assessments", { payload: { rule: "民主测评", subjects: [{ id: "a", input: { 满意: -1, 基本满意: 0, 不满意: 0 } }, { id: "a", input: { 满意: 1, 基本满意: 0, 不满意: 0 } }] } });
    expect(badJson.body.error.code).toBe("INVALID_SUBJECTS");
    expect(badJson.body.error.details.subjects).toHaveLength(2);
    const vote = await call(service.app, "POST", "/v1/assessments", { payload: { rule: "major_matter", subjects: [] } });
    expect(vote.body.error.code).toBe("WRONG_RULE_KIND");
  });

  it("takes a county-sized CSV upload over the 1 MiB limit of other routes, and refuses more than 100,000 rows", async () => {
    const header = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";
    const row = (i: number) => `cadre-${i},${(i % 250) / 10},${i % 3},${i % 13},${i % 5},${(i % 60) + 1},${i % 20},${i % 7}`;
    const rows = 45_000;
    const csv = [header, ...Array.from({ length: rows }, (_, i) => row(i))].join("\n");
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const exported = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { payload: csv, headers: { "content-type": "text/csv", accept: "text/csv" } });
    expect(exported.status).toBe(200);
    expect(exported.text.trimEnd().split("\n")).toHaveLength(rows + 1);

    const tooMany = [header, ...Array.from({ length: 100_001 }, (_, i) => row(i))].join("\n");
    const refused = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { payload: tooMany, headers: { "content-type": "text/csv" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("TOO_MANY_SUBJECTS");
  });
});
