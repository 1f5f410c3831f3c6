/** GET /v1/rules/{name}/table: a stored vote's threshold table as JSON and CSV, checked against integer arithmetic. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";

describe("threshold table over HTTP", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("postgres");
  });
  afterAll(async () => {
    await service?.close();
  });

  it("answers the major matter's table for rosters 0..60: 3·present > 2·entitled, 2·yes > entitled", async () => {
    const response = await call(service.app, "GET", "/v1/rules/major_matter/table?entitled=0..60");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "major_matter", rule: "major_matter", version: 1 });
    const expected = Array.from({ length: 61 }, (_, e) => {
      const q = Math.floor((2 * e) / 3) + 1; // least p with 3p > 2e
      const y = Math.floor(e / 2) + 1; // least y with 2y > e
      return { entitled: e, quorum_present: q <= e ? q : null, passes_yes: y <= e ? y : null };
    });
    expect(response.body.rows).toEqual(expected);
  });

  it("answers CSV, picks a vote by name, and refuses a bad range or a rule that is not a vote", async () => {
    const csv = await call(service.app, "GET", "/v1/rules/two_thirds/table?entitled=30..31&format=csv&rule=two_thirds_yes_no");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    // 3y >= 2·(y + no) with everyone present, the rest voting no: 3y >= 2e, and quorum 2p > e.
    expect(csv.text).toBe("entitled,quorum_present,passes_yes\r\n30,16,20\r\n31,16,21\r\n");
    expect((await call(service.app, "GET", "/v1/rules/major_matter/table?entitled=5..1")).body.error.code).toBe("BAD_RANGE");
    expect((await call(service.app, "GET", "/v1/rules/major_matter/table?entitled=0..20000")).status).toBe(400);
    const card = `scorecard card "卡" {\n  input n: count\n  criterion c max 1 {\n    1 when n > 0\n    0 otherwise\n  }\n}\n`;
    expect((await call(service.app, "PUT", "/v1/rules/card", { token: service.tokens.author, payload: { source: card } })).status).toBe(201);
    const notVote = await call(service.app, "GET", "/v1/rules/card/table");
    expect(notVote.status).toBe(422);
    expect(notVote.body.error.code).toBe("WRONG_RULE_KIND");
    expect((await call(service.app, "GET", "/v1/rules/no-such-rule/table")).status).toBe(404);
  });

  it("keeps needed and margin in evaluate's result JSON (votes and election candidates)", async () => {
    const vote = await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: { input: { entitled: 31, present: 25, yes: 15, no: 6, abstain: 4 } } });
    expect(vote.body.margins).toEqual({
      quorum: { count: "present", actual: 25, needed: 21, margin: 4, bound: "at_least", range: { min: 0, max: 31 } },
      passes: { count: "yes", actual: 15, needed: 16, margin: -1, bound: "at_least", range: { min: 0, max: 25 } },
    });
    expect(vote.body.explanation.find((s: { clause: string }) => s.clause === "passes")).toMatchObject({ needed: 16, margin: -1 });
    const input = { registered: 1000, voters: 600, ballots: 600, invalid: 0, seats: 1, round: 1, candidates: { 王建国: 300 } };
    const election = await call(service.app, "POST", "/v1/rules/village_committee/evaluate", { payload: { input } });
    expect(election.body.candidates).toEqual([{ name: "王建国", votes: 300, qualified: false, needed: 301, margin: -1 }]);
  });

  it("answers odd queries with a 4xx error shape, never a 5xx", async () => {
    for (const query of ["?entitled=%", "?entitled=1e400", "?entitled=99999999999999999999..99999999999999999999", "?entitled=..", "?format=xml", "?rule=%ED%A0%80", "?rule=民主测评", "?version=0", "?version=99999"]) {
      const response = await call(service.app, "GET", `/v1/rules/major_matter/table${query}`);
      expect(response.status, query).toBeGreaterThanOrEqual(400);
      expect(response.status, query).toBeLessThan(500);
      expect(response.body.error.code, query).toEqual(expect.any(String));
    }
  });

  it("is in the OpenAPI document with its operationId and tag", async () => {
    const doc = await call(service.app, "GET", "/docs/json");
    const op = doc.body.paths["/v1/rules/{name}/table"].get;
    expect(op).toMatchObject({ operationId: "getRuleThresholdTable", tags: ["rules"] });
  });
});
