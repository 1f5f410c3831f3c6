/** Batch assessments: JSON and CSV in, ranked by exact score, CSV out. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

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
    const ids = response.body.results.map((r: { id: string }) => r.id);
    expect(ids[0]).toBe("乙");
    expect(ids.at(-1)).toBe("丁");
    const [a, c] = ["甲", "丙"].map((id) => response.body.results.find((r: { id: string }) => r.id === id));
    expect(a.rank).toBe(c.rank);
    expect(a.score).toEqual(c.score);
    // Each result carries the criteria with reasons, and agrees with evaluating the subject alone.
    const alone = await call(service.app, "POST", `/v1/rules/${encodeURIComponent("民主测评")}/evaluate`, { payload: { input: subjects[1]!.input } });
    expect(response.body.results[0].result).toEqual(alone.body);
    expect(response.body.results[0].criteria[0].reason).toEqual(expect.any(String));
  });

  it("reads the example CSV typed by the rule's inputs and exports the ranking as CSV", async () => {
    const csv = read("examples/subjects/cadre-review.csv");
    const json = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: csv, headers: { "content-type": "text/csv" } });
    expect(json.status).toBe(200);
    expect(json.body.count).toBe(csv.trim().split("\n").length - 1);
    const scores = json.body.results.map((r: { score: number | { decimal: string } }) => (typeof r.score === "number" ? r.score : Number(r.score.decimal)));
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);

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
    const badJson = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "民主测评", subjects: [{ id: "a", input: { 满意: -1, 基本满意: 0, 不满意: 0 } }, { id: "a", input: { 满意: 1, 基本满意: 0, 不满意: 0 } }] } });
    expect(badJson.body.error.code).toBe("INVALID_SUBJECTS");
    expect(badJson.body.error.details.subjects).toHaveLength(2);
    const vote = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "major_matter", subjects: [] } });
    expect(vote.body.error.code).toBe("WRONG_RULE_KIND");
  });

  it("takes a county-sized CSV upload over the 1 MiB limit of other routes, and refuses more than 100,000 rows", async () => {
    const header = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";
    const row = (i: number) => `cadre-${i},${(i % 250) / 10},${i % 3},${i % 13},${i % 5},${(i % 60) + 1},${i % 20},${i % 7}`;
    const rows = 45_000;
    const csv = [header, ...Array.from({ length: rows }, (_, i) => row(i))].join("\n");
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const exported = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: csv, headers: { "content-type": "text/csv", accept: "text/csv" } });
    expect(exported.status).toBe(200);
    expect(exported.text.trimEnd().split("\n")).toHaveLength(rows + 1);

    const tooMany = [header, ...Array.from({ length: 100_001 }, (_, i) => row(i))].join("\n");
    const refused = await call(service.app, "POST", "/v1/assessments?rule=cadre_review", { token: service.tokens.clerk, payload: tooMany, headers: { "content-type": "text/csv" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("TOO_MANY_SUBJECTS");
  });
});
