/**
 * Issue 9, finding 7 (HTTP part): numbers the store cannot hold, lone surrogates, raw non-ASCII query strings and
 * anonymous bad bodies each get a 4xx in the API's error shape, on both stores, and change nothing.
 */

import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, roster, startTestService, type ApiResponse, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

/** Sends raw bytes over a real socket (inject() would percent-encode the URL for us) and returns status and body. */
async function rawRequest(port: number, head: string): Promise<{ status: number; body: string }> {
  const socket = connect(port, "127.0.0.1");
  // Written, not ended: the server closes the connection after answering (Connection: close).
  socket.write(Buffer.from(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, "utf8"));
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  return { status, body: text.slice(text.indexOf("\r\n\r\n") + 4) };
}

function expectApiError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.body?.error?.code, response.text).toBe(code);
  expect(typeof response.body.error.message).toBe("string");
  expect(response.body.error).toHaveProperty("details");
}

describe.each(["embedded", "postgres"] as StoreKind[])("request hardening on the %s store", (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  async function counts() {
    const result = await service.server.db.query(
      "SELECT (SELECT COUNT(*) FROM ballots) AS ballots, (SELECT COUNT(*) FROM rule_versions) AS rules, (SELECT COUNT(*) FROM access_tokens) AS tokens, (SELECT COUNT(*) FROM audit_events) AS events",
    );
    return result.rows[0];
  }

  it("refuses a rule version the store cannot hold (2^31, 1e308) with 400, not a 500", async () => {
    const before = await counts();
    const { clerk, admin } = service.tokens;
    for (const ruleVersion of ["2147483648", "1e308", "9007199254740993"]) {
      const payload = `{"title":"t","rule":"major_matter","ruleVersion":${ruleVersion},"roster":[{"id":"R1","name":"代表"}]}`;
      expectApiError(await call(service.app, "POST", "/v1/ballots", { token: clerk, payload, headers: { "content-type": "application/json" } }), 400, "VALIDATION_ERROR");
      const assessment = `{"rule":"major_matter","ruleVersion":${ruleVersion},"subjects":[]}`;
      expectApiError(await call(service.app, "POST", "/v1/assessments", { token: admin, payload: assessment, headers: { "content-type": "application/json" } }), 400, "VALIDATION_ERROR");
    }
    // The largest version the store can hold is still only "not found".
    const largest = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "t", rule: "major_matter", ruleVersion: 2 ** 31 - 1, roster: roster(1) } });
    expectApiError(largest, 404, "RULE_VERSION_NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("refuses a lone surrogate anywhere in a body with 400 INVALID_TEXT naming where it is", async () => {
    const before = await counts();
    const { clerk, admin, author } = service.tokens;
    const json = { "content-type": "application/json" };
    const title = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: '{"title":"会议\\ud800","rule":"major_matter","roster":[{"id":"R1","name":"代表"}]}', headers: json });
    expectApiError(title, 400, "INVALID_TEXT");
    expect(title.body.error.details).toEqual({ path: "body/title" });
    const name = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: '{"title":"会议","rule":"major_matter","roster":[{"id":"R1","name":"\\udfff代表"}]}', headers: json });
    expectApiError(name, 400, "INVALID_TEXT");
    expect(name.body.error.details).toEqual({ path: "body/roster/0/name" });
    expectApiError(await call(service.app, "POST", "/v1/tokens", { token: admin, payload: '{"name":"\\ud83d","role":"clerk"}', headers: json }), 400, "INVALID_TEXT");
    expectApiError(await call(service.app, "PUT", "/v1/rules/surrogate", { token: author, payload: '{"source":"vote x \\\"\\ud800\\\" { quorum: true\\n passes: yes > no }"}', headers: json }), 400, "INVALID_TEXT");
    expectApiError(await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: '{"input":{"\\ud800":1}}', headers: json }), 400, "INVALID_TEXT");
    // Percent-encoded surrogates in a path or query are not text either.
    for (const url of ["/v1/ballots/%ED%A0%80", "/v1/ballots/x%F0%9F", "/v1/rules/major_matter?version=%ED%A0%80", "/v1/rules/major_matter/evaluate?version=%ED%A0%80"]) {
      const response = await call(service.app, "GET", url, { token: clerk });
      expect(response.status, `${url}: ${response.text}`).toBeGreaterThanOrEqual(400);
      expect(response.status, url).toBeLessThan(500);
      expect(typeof response.body?.error?.code, url).toBe("string");
    }
    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: '{"title":"会议 \\ud83d\\ude00","rule":"major_matter","roster":[{"id":"R1","name":"代表"}]}', headers: json });
    expect(emoji.status, emoji.text).toBe(201);
    expect(emoji.body.title).toBe("会议 😀");
    expect(await counts()).toMatchObject({ rules: before?.rules, tokens: before?.tokens });
  });

  it("answers a raw (not percent-encoded) Chinese query string in the API error shape", async () => {
    const url = await service.app.listen({ port: 0, host: "127.0.0.1" });
    const port = Number(new URL(url).port);
    const raw = await rawRequest(port, "GET /v1/rules?rule=民主测评 HTTP/1.1");
    expect(raw.status).toBe(400);
    const body = JSON.parse(raw.body) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe("BAD_REQUEST_LINE");
    expect(body.error.message).toMatch(/percent-encode/i);
    // Percent-encoded, the same name is an ordinary query value.
    const encoded = await rawRequest(port, `GET /v1/rules/${encodeURIComponent("民主测评")} HTTP/1.1`);
    expect(encoded.status, encoded.body).toBe(404);
    expect(JSON.parse(encoded.body).error.code).toBe("RULE_NOT_FOUND");
  });

  it("checks the token before the body: anonymous callers get 401 for any body, never a validation error", async () => {
    const before = await counts();
    const json = { "content-type": "application/json" };
    expectApiError(await call(service.app, "POST", "/v1/ballots", { payload: { title: 1 } }), 401, "UNAUTHORIZED");
    expectApiError(await call(service.app, "POST", "/v1/ballots", { payload: '{"title": ', headers: json }), 401, "UNAUTHORIZED");
    expectApiError(await call(service.app, "POST", "/v1/ballots/x/votes", { payload: { member: 1, choice: "maybe" }, token: "gvl_wrong" }), 401, "INVALID_TOKEN");
    expectApiError(await call(service.app, "PUT", "/v1/rules/x", { payload: "#".repeat(2 * 1024 * 1024), headers: { "content-type": "text/plain" } }), 401, "UNAUTHORIZED");
    expectApiError(await call(service.app, "POST", "/v1/tokens", { payload: "role=admin", headers: { "content-type": "application/x-www-form-urlencoded" } }), 401, "UNAUTHORIZED");
    expectApiError(await call(service.app, "POST", "/v1/ballots", { payload: '{"title":"\\ud800"}', headers: json }), 401, "UNAUTHORIZED");
    expect(await counts()).toEqual(before);
  });
});
