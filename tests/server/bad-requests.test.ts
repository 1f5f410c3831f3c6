/** Bad input never changes anything: malformed JSON, wrong types, huge bodies, unknown members, closed ballots, `__proto__`, wrong roles. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";

describe("bad requests get the right 4xx and change nothing", () => {
  let service: TestService;
  let openBallot = "";
  let closedBallot = "";

  beforeAll(async () => {
    service = await startTestService("postgres");
    const { clerk } = service.tokens;
    const make = async () => (await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "t", rule: "major_matter", roster: roster(3) } })).body.id as string;
    openBallot = await make();
    closedBallot = await make();
    for (const id of [openBallot, closedBallot]) {
      await call(service.app, "POST", `/v1/ballots/${id}/attendance`, { token: clerk, payload: { member: "R001" } });
      await call(service.app, "POST", `/v1/ballots/${id}/open`, { token: clerk });
    }
    await call(service.app, "POST", `/v1/ballots/${closedBallot}/close`, { token: clerk });
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Everything a bad request could have changed. */
  async function snapshot() {
    const db = service.server.db;
    const counts = await db.query(
      `SELECT (SELECT COUNT(*) FROM rule_versions) AS rules, (SELECT COUNT(*) FROM ballots) AS ballots, (SELECT COUNT(*) FROM attendance) AS attendance,
              (SELECT COUNT(*) FROM voters) AS voters, (SELECT COUNT(*) FROM audit_events) AS events, (SELECT COUNT(*) FROM access_tokens) AS tokens`,
    );
    const ballots = await Promise.all([openBallot, closedBallot].map((id) => call(service.app, "GET", `/v1/ballots/${id}`, { token: service.tokens.observer })));
    return { counts: counts.rows[0], ballots: ballots.map((b) => b.body) };
  }

  function expectError(response: { status: number; body: any }, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(typeof response.body.error.message).toBe("string");
    expect(response.body.error).toHaveProperty("details");
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  }

  it("refuses each bad request with its code and leaves the store as it was", async () => {
    const before = await snapshot();
    const { clerk, author, observer, admin } = service.tokens;
    const vote = (payload: unknown, token = clerk, id = openBallot) => call(service.app, "POST", `/v1/ballots/${id}/votes`, { token, payload });

    // Malformed and mistyped bodies.
    expectError(await call(service.app, "POST", `/v1/ballots/${openBallot}/votes`, { token: clerk, payload: '{"member": "R001", "choice": ', headers: { "content-type": "application/json" } }), 400, "INVALID_JSON");
    expectError(await call(service.app, "POST", `/v1/ballots/${openBallot}/votes`, { token: clerk, payload: '{"member": "R001", "choice": "yes", "__proto__": {"admin": true}}', headers: { "content-type": "application/json" } }), 400, "INVALID_JSON");
    expectError(await vote({ member: "R001", choice: "maybe" }), 400, "VALIDATION_ERROR");
    expectError(await vote({ member: 1, choice: "yes" }), 400, "VALIDATION_ERROR");
    expectError(await vote({ member: "R001", choice: "yes", weight: 2 }), 400, "VALIDATION_ERROR");
    expectError(await vote({}), 400, "VALIDATION_ERROR");
    expectError(await call(service.app, "POST", `/v1/ballots/${openBallot}/votes`, { token: clerk, payload: "member=R001", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "t", rule: "major_matter", roster: "everyone" } }), 400, "VALIDATION_ERROR");
    expectError(await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: { input: { entitled: "30", present: 21, yes: 16, no: 0, abstain: 0 } } }), 422, "INVALID_INPUT");
    expectError(await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: { input: { entitled: 30, present: 31, yes: 16, no: 0, abstain: 0 } } }), 422, "EVALUATION_ERROR");

    // A huge body is refused before it is parsed.
    const huge = { title: "x".repeat(2 * 1024 * 1024), rule: "major_matter", roster: roster(2) };
    expectError(await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: huge }), 413, "PAYLOAD_TOO_LARGE");
    expectError(await call(service.app, "PUT", "/v1/rules/big", { token: author, payload: "#".repeat(1024 * 1024 + 1), headers: { "content-type": "text/plain" } }), 413, "PAYLOAD_TOO_LARGE");

    // Unknown members, unknown ballots, closed ballots.
    expectError(await vote({ member: "R999", choice: "yes" }), 422, "NOT_ON_ROSTER");
    expectError(await vote({ member: "__proto__", choice: "yes" }), 422, "NOT_ON_ROSTER");
    expectError(await vote({ member: "R002", choice: "yes" }), 409, "NOT_PRESENT");
    expectError(await vote({ member: "R001", choice: "yes" }, clerk, "no-such-ballot"), 404, "BALLOT_NOT_FOUND");
    // PostgreSQL cannot store NUL in text: the request is at fault, not the service (found by tests/fuzz).
    expectError(await vote({ member: "R\u0000", choice: "yes" }), 400, "UNSTORABLE_TEXT");
    expectError(await call(service.app, "GET", "/v1/ballots/%00", { token: clerk }), 400, "UNSTORABLE_TEXT");
    expectError(await vote({ member: "R001", choice: "no" }, clerk, closedBallot), 409, "BALLOT_CLOSED");
    expectError(await call(service.app, "POST", `/v1/ballots/${closedBallot}/attendance`, { token: clerk, payload: { member: "R002" } }), 409, "BALLOT_CLOSED");
    expectError(await call(service.app, "POST", `/v1/ballots/${closedBallot}/close`, { token: clerk }), 409, "BALLOT_CLOSED");

    // Rule names that are not names.
    for (const name of ["__proto__", "constructor", "prototype"]) {
      const get = await call(service.app, "GET", `/v1/rules/${name}`);
      expect(get.status, name).toBe(name === "__proto__" ? 400 : 404);
    }
    expectError(await call(service.app, "PUT", "/v1/rules/__proto__", { token: author, payload: { source: "vote x { quorum: true\n passes: yes > no }" } }), 400, "VALIDATION_ERROR");
    expectError(await call(service.app, "POST", "/v1/rules/__proto__/evaluate", { payload: { input: {} } }), 400, "VALIDATION_ERROR");
    expectError(await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: { rule: "__proto__", input: {} } }), 422, "RULE_NOT_IN_FILE");
    expectError(await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "t", rule: "__proto__", roster: roster(2) } }), 400, "VALIDATION_ERROR");
    expectError(await call(service.app, "PUT", `/v1/rules/${encodeURIComponent("../etc")}`, { token: author, payload: { source: "" } }), 400, "VALIDATION_ERROR");

    // No token, unknown token, wrong roles.
    expectError(await vote({ member: "R001", choice: "yes" }, ""), 401, "UNAUTHORIZED");
    expectError(await vote({ member: "R001", choice: "yes" }, "gvl_not-a-real-token"), 401, "INVALID_TOKEN");
    expectError(await vote({ member: "R001", choice: "yes" }, observer), 403, "FORBIDDEN");
    expectError(await vote({ member: "R001", choice: "yes" }, author), 403, "FORBIDDEN");
    expectError(await call(service.app, "PUT", "/v1/rules/mine", { token: clerk, payload: { source: "x" } }), 403, "FORBIDDEN");
    expectError(await call(service.app, "PUT", "/v1/rules/mine", { payload: { source: "x" } }), 401, "UNAUTHORIZED");
    expectError(await call(service.app, "POST", "/v1/tokens", { token: clerk, payload: { name: "sneaky", role: "admin" } }), 403, "FORBIDDEN");
    expectError(await call(service.app, "POST", "/v1/tokens", { token: admin, payload: { name: "clerk-token", role: "clerk" } }), 409, "TOKEN_NAME_TAKEN");
    expectError(await call(service.app, "GET", `/v1/ballots/${openBallot}`), 401, "UNAUTHORIZED");
    expectError(await call(service.app, "DELETE", `/v1/ballots/${openBallot}`, { token: admin }), 404, "NOT_FOUND");

    expect(await snapshot()).toEqual(before);
  });

  it("a revoked token stops working at once", async () => {
    const { admin } = service.tokens;
    const created = await call(service.app, "POST", "/v1/tokens", { token: admin, payload: { name: "temp clerk", role: "clerk" } });
    expect(created.status).toBe(201);
    const listed = await call(service.app, "GET", "/v1/tokens", { token: admin });
    expect(listed.body.tokens.map((t: { name: string }) => t.name)).toContain("temp clerk");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await call(service.app, "GET", `/v1/ballots/${openBallot}`, { token: created.body.token })).status).toBe(200);
    expect((await call(service.app, "DELETE", `/v1/tokens/${created.body.id}`, { token: admin })).body.revokedAt).not.toBeNull();
    expectError(await call(service.app, "GET", `/v1/ballots/${openBallot}`, { token: created.body.token }), 401, "INVALID_TOKEN");
    const stored = await service.server.db.query<{ token_hash: string }>("SELECT token_hash FROM access_tokens WHERE id = $1", [created.body.id]);
    expect(stored.rows[0]!.token_hash).not.toContain(created.body.token);
  });
});
