/**
 * Hardening: random and malformed requests (methods, paths, ids, tokens, content types, bodies,
 * mutated rule files) against the real service on an embedded PGlite store never get a 5xx, and
 * every JSON error has the `{ error: { code, message } }` shape without a stack trace.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import { ruleFiles } from "../lang/rule-files";
import { mutate, mutation } from "./mutations";

const REQUESTS = 300;
const corpus = ruleFiles().map((file) => ({ file, source: readFileSync(file, "utf8") }));

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"] as const;
const PATHS = [
  "/health", "/v1/rules", "/v1/rules/{name}", "/v1/rules/{name}/evaluate", "/v1/ballots", "/v1/ballots/{id}",
  "/v1/ballots/{id}/open", "/v1/ballots/{id}/attendance", "/v1/ballots/{id}/votes", "/v1/ballots/{id}/close",
  "/v1/ballots/{id}/audit", "/v1/ballots/{id}/audit/verify", "/v1/assessments", "/v1/tokens", "/v1/tokens/{id}",
  "/docs/json", "/v1", "/v2/rules", "/", "/ready", "/metrics",
] as const;
const ODD_SEGMENTS = [
  "", "..", "%2e%2e", "%00", "%", "%zz", "a%2Fb", "票决", "ｍａｊｏｒ", "😀", "__proto__", "constructor", "0", "-1",
  "99999999999999999999", "00000000-0000-0000-0000-000000000000", "x".repeat(300), "a b", "a?b=c", "a#b", "NaN",
];
const QUERIES = ["", "?version=1", "?version=0", "?version=abc", "?version=99999999999", "?version=2147483648", "?rule=major_matter", "?rule=", "?%", "?a[b]=c&a=d", "?rule=%ED%A0%80", "?rule=民主测评"];
const CONTENT_TYPES = [
  undefined, "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/csv",
  "application/csv", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "garbage",
];

/** A JSON value with odd numbers, strings and nesting. */
const wildJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, "", "优秀", "yes", "R001", "major_matter", "__proto__", "\ud800", "代表\udfff", "\ud83d\ude00"),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.integer(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("input", "rule", "ruleVersion", "title", "roster", "member", "choice", "subjects", "id", "name", "role", "__proto__", "entitled", "present", "yes", "\ud800"), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** Bodies shaped like the real requests, with wild values in some places. */
function plausibleBodies(): fc.Arbitrary<unknown> {
  const member = fc.oneof(fc.constantFrom("R001", "R002", "R003", "R999", "", "代表1"), wildJson);
  return fc.oneof(
    fc.record({ input: fc.oneof(fc.record({ entitled: wildJson, present: wildJson, yes: wildJson, no: wildJson, abstain: wildJson }), wildJson) }, { requiredKeys: [] }),
    fc.record({ title: fc.oneof(fc.string(), wildJson), rule: fc.oneof(fc.constantFrom("major_matter", "cadre_review", "nope"), wildJson), ruleVersion: fc.oneof(fc.constantFrom(1, 2 ** 31, 1e308), wildJson), roster: fc.oneof(fc.constant(roster(3)), fc.array(fc.record({ id: wildJson, name: wildJson }), { maxLength: 3 }), wildJson) }, { requiredKeys: [] }),
    fc.record({ member, choice: fc.oneof(fc.constantFrom("yes", "no", "abstain", "YES", "赞成"), wildJson) }, { requiredKeys: [] }),
    fc.record({ rule: fc.oneof(fc.constantFrom("major_matter", "cadre_review"), wildJson), subjects: fc.oneof(fc.array(fc.record({ id: wildJson, input: wildJson }), { maxLength: 3 }), wildJson) }, { requiredKeys: [] }),
    fc.record({ name: wildJson, role: fc.oneof(fc.constantFrom("admin", "author", "clerk", "observer", "root"), wildJson) }, { requiredKeys: [] }),
  );
}

/** A mutated real rule file, sent as a PUT body. */
const mutatedRuleFile = fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 0, maxLength: 4 })).map(([{ source }, mutations]) => mutate(source, mutations));

/** What is wrong with a response: a 5xx, a stack trace, or an error body without `{ error: { code, message } }`. */
function problemsOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }, method: string): string[] {
  const problems: string[] = [];
  if (response.statusCode >= 500) problems.push(`status ${response.statusCode}`);
  if (STACK_TRACE.test(response.body)) problems.push("stack trace in the body");
  const type = String(response.headers["content-type"] ?? "");
  if (response.statusCode >= 400 && type.includes("json") && method !== "HEAD") {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = JSON.parse(response.body) as typeof body;
    } catch {
      problems.push("error body is not JSON");
    }
    if (body && (typeof body.error?.code !== "string" || typeof body.error?.message !== "string")) {
      problems.push(`error body not { error: { code, message } } (${response.statusCode})`);
    }
  }
  return problems;
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|node_modules\//;

type TokenChoice = "admin" | "author" | "clerk" | "observer" | "none" | "bad";

interface FuzzRequest {
  method: (typeof METHODS)[number];
  path: string;
  name: string;
  id: string;
  query: string;
  token: TokenChoice;
  contentType: string | undefined;
  body: unknown;
}

const ruleName = fc.oneof(fc.constantFrom("major_matter", "cadre_review", "fuzzed_rule", "不存在"), fc.constantFrom(...ODD_SEGMENTS));
const ballotId = fc.oneof({ weight: 3, arbitrary: fc.constant("{ballot}") }, { weight: 1, arbitrary: fc.constantFrom(...ODD_SEGMENTS) });
const anyToken = fc.constantFrom<TokenChoice>("admin", "author", "clerk", "observer", "none", "bad");
const mostlyRightToken = (right: TokenChoice) => fc.oneof({ weight: 4, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: anyToken });
const jsonOrOdd = fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) });

/** One of the real routes with a body shaped (or nearly shaped) like its requests. */
const targetedRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    route: fc.constantFrom(
      ["PUT", "/v1/rules/{name}", "author", "text/plain", "ruleText"],
      ["PUT", "/v1/rules/{name}", "author", "application/json", "ruleJson"],
      ["POST", "/v1/rules/{name}/evaluate", "observer", "application/json", "json"],
      ["POST", "/v1/ballots", "clerk", "application/json", "json"],
      ["POST", "/v1/ballots/{id}/attendance", "clerk", "application/json", "json"],
      ["POST", "/v1/ballots/{id}/votes", "clerk", "application/json", "json"],
      ["POST", "/v1/ballots/{id}/open", "clerk", "application/json", "none"],
      ["POST", "/v1/ballots/{id}/close", "clerk", "application/json", "none"],
      ["GET", "/v1/ballots/{id}", "observer", undefined, "none"],
      ["GET", "/v1/ballots/{id}/audit", "observer", undefined, "none"],
      ["GET", "/v1/rules/{name}", "observer", undefined, "none"],
      ["POST", "/v1/assessments", "author", "application/json", "json"],
      ["POST", "/v1/assessments", "author", "text/csv", "csv"],
      ["POST", "/v1/tokens", "admin", "application/json", "json"],
    ) as fc.Arbitrary<[FuzzRequest["method"], string, TokenChoice, string | undefined, "ruleText" | "ruleJson" | "json" | "csv" | "none"]>,
    name: ruleName,
    id: ballotId,
    query: fc.constantFrom(...QUERIES),
    ruleFile: mutatedRuleFile,
    json: fc.oneof({ weight: 3, arbitrary: plausibleBodies() }, { weight: 1, arbitrary: wildJson }),
    csv: fc.constantFrom("id,entitled,present,yes,no,abstain\nA,30,21,16,5,0\n", "id,entitled\nA,x\n", "id\n", "", "\"unterminated\nA,1", "id,名字,满意票\n甲,1,2\n"),
    tokenNoise: fc.nat({ max: 9 }),
    typeNoise: fc.nat({ max: 9 }),
    anyTokenPick: anyToken,
    anyTypePick: jsonOrOdd,
  })
  .map(({ route: [method, path, token, contentType, body], name, id, query, ruleFile, json, csv, tokenNoise, typeNoise, anyTokenPick, anyTypePick }) => ({
    method,
    path,
    name,
    id,
    query: body === "csv" ? "?rule=major_matter" : query,
    token: tokenNoise === 0 ? anyTokenPick : token,
    contentType: typeNoise === 0 ? anyTypePick : contentType,
    body: body === "ruleText" ? ruleFile : body === "ruleJson" ? { source: ruleFile } : body === "json" ? json : body === "csv" ? csv : undefined,
  }));

/** Any method on any path with any token, content type and body. */
const randomRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc.constantFrom(...PATHS),
  name: ruleName,
  id: ballotId,
  query: fc.constantFrom(...QUERIES),
  token: anyToken,
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: plausibleBodies() },
    { weight: 2, arbitrary: wildJson },
    { weight: 1, arbitrary: fc.constantFrom("{", "{\"input\":", "[1,2", "null", "\"\"", "id,entitled\nA,1\n", "\u0000", "{\"__proto__\":{\"x\":1}}", "a".repeat(1_100_000)) },
    { weight: 1, arbitrary: mutatedRuleFile },
  ),
});

describe("fuzzing the HTTP API", () => {
  let service: TestService;
  let ballot = "";

  beforeAll(async () => {
    service = await startTestService("embedded");
    const { clerk } = service.tokens;
    const created = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "模糊测试", rule: "major_matter", roster: roster(3) } });
    expect(created.status).toBe(201);
    ballot = created.body.id as string;
  });
  afterAll(async () => {
    await service?.close();
  });

  it.each([
    ["GET", "/v1/ballots/%zz"],
    ["DELETE", `/v1/tokens/${"x".repeat(300)}`],
  ] as const)("the router's own refusal of %s %s is answered as { error: { code, message } }", async (method, url) => {
    const response = await call(service.app, method, url, { token: service.tokens.admin });
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body?.error?.code).toBe("string");
  });

  it("a rule file that once crashed the compiler is refused with 422 and its diagnostics, not a 500", async () => {
    const source = 'scorecard s "S" {\n  input x: count\n  criterion c "C" max 2/3 {\n    1 when x >= 1\n    0 otherwise\n  }\n}\n';
    const response = await call(service.app, "PUT", "/v1/rules/once_crashing", { token: service.tokens.author, payload: source, headers: { "content-type": "text/plain" } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("RULE_COMPILE_ERROR");
  });

  it(`${REQUESTS} random and malformed requests never get a 5xx`, async () => {
    const tokens = service.tokens;
    const request = fc.oneof(
      { weight: 3, arbitrary: targetedRequest },
      { weight: 2, arbitrary: randomRequest },
    );
    const violations: Record<string, string[]> = {};
    const statuses = new Map<number, number>();
    // Each request from its own address: the failed-authentication brake (429 after 20 wrong tokens from one
    // address) would otherwise stop every later request at the token check and hide the routes behind it.
    let client = 0;
    await assertProperty(
      fc.asyncProperty(request, async (r) => {
        const url = r.path.replace("{name}", encodeURIComponent(r.name)).replace("{id}", r.id === "{ballot}" ? ballot : r.id) + r.query;
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.token === "bad") headers.authorization = "Bearer not-a-token";
        const payload = r.body === undefined ? undefined : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
        client++;
        const response = await service.app.inject({
          method: r.method,
          url,
          remoteAddress: `10.0.${client >> 8}.${client & 255}`,
          headers: { ...headers, ...(r.token !== "none" && r.token !== "bad" ? { authorization: `Bearer ${tokens[r.token]}` } : {}) },
          payload,
        });
        const context = `${r.method} ${url} (${r.contentType ?? "no content type"}, token ${r.token}) → ${response.statusCode} ${response.body.slice(0, 200)}`;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        for (const problem of problemsOf(response, r.method)) (violations[problem] ??= []).push(context);
      }),
      { numRuns: REQUESTS },
    );
    // One example per kind of problem, so a report names every distinct failure at once.
    const examples = Object.fromEntries(Object.entries(violations).map(([problem, contexts]) => [problem, `${contexts.length}× e.g. ${contexts[0]}`]));
    expect(examples).toEqual({});
    // The requests went past routing and authorisation too: some succeeded, some were refused on their content.
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300), JSON.stringify([...statuses])).toBe(true);
    expect([...statuses.keys()].some((status) => status === 400 || status === 422), JSON.stringify([...statuses])).toBe(true);
  });
});
