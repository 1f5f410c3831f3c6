/** Rules with dates and lists of records through the service: evaluate, input validation, a JSON assessment of case lists. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../cli/run-gavel";
import { call, startTestService, type TestService } from "../helpers/server-client";

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");
const RULE = encodeURIComponent("限时办结");

describe("dates and records in the service", () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService("embedded");
    const put = await call(service.app, "PUT", `/v1/rules/${RULE}`, { token: service.tokens.author, payload: { source: read("examples/case-resolution.gavel") } });
    expect(put.status).toBe(201);
  });
  afterAll(async () => {
    await service?.close();
  });

  it("evaluates a list of cases, one of them still open", async () => {
    const input = { 案件: [{ 类别: "限时件", 受理: "2026-02-12", 办结: "2026-02-26", 时限: 5 }, { 类别: "补办件", 受理: "2026-02-13", 办结: null, 时限: 5 }], 回访满意率: 0.9 };
    const response = await call(service.app, "POST", `/v1/rules/${RULE}/evaluate`, { token: service.tokens.observer, payload: { input } });
    expect(response.status).toBe(200);
    // 2-12 + 5 working days = 2-26 (the Spring Festival and the make-up Saturday 2-14); the open case is not on time.
    expect(response.body.values).toMatchObject({ 受理总数: 2, 按时办结: 1, 在办: 1 });
  });

  it("refuses a day that does not exist and a field the records do not have, naming the record", async () => {
    const bad = await call(service.app, "POST", `/v1/rules/${RULE}/evaluate`, { token: service.tokens.observer, payload: { input: { 案件: [{ 类别: "限时件", 受理: "2026-02-30", 时限: 5 }], 回访满意率: 0.9 } } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toContain("2026-02-30");
    const extra = await call(service.app, "POST", `/v1/rules/${RULE}/evaluate`, { token: service.tokens.observer, payload: { input: { 案件: [{ 类别: "限时件", 受理: "2026-03-02", 时限: 5, 备注: "x" }], 回访满意率: 0.9 } } });
    expect(extra.status).toBe(422);
    expect(JSON.stringify(extra.body.error)).toContain("备注");
  });

  it("assesses the example streets' case lists, ranked", async () => {
    const body = JSON.parse(read("examples/subjects/case-resolution.json")) as { rule: string; subjects: { id: string; input: { 案件: { 受理: string; 办结?: string }[] } }[] };
    const response = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: body });
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(body.subjects.length);
    const byId = new Map(response.body.results.map((r: { id: string; score: number }) => [r.id, r.score]));
    // On time by hand: the sample resolves a case the day it is received (on time) or 30 days later (late).
    for (const s of body.subjects) {
      const rate = s.input.案件.filter((c) => c.办结 === c.受理).length / s.input.案件.length;
      const resolution = rate >= 0.95 ? 70 : rate >= 0.9 ? 50 : rate >= 0.8 ? 30 : 0;
      const satisfaction = (s.input as unknown as { 回访满意率: number }).回访满意率;
      expect(byId.get(s.id), s.id).toBe(resolution + (satisfaction >= 0.9 ? 30 : satisfaction >= 0.8 ? 15 : 0));
    }
  });
});
