/** The rule registry over HTTP: immutable versions with hash and author, compile diagnostics, std imports, evaluation with schema checks. */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "@gavel-rules/lang";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";

const ROOT = join(import.meta.dirname, "../..");
const example = (file: string) => readFileSync(join(ROOT, "examples", file), "utf8");

describe("rule registry", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("postgres");
  });
  afterAll(async () => {
    await service?.close();
  });
  const put = (name: string, source: string, token = service.tokens.author) => call(service.app, "PUT", `/v1/rules/${encodeURIComponent(name)}`, { token, payload: { source } });

  it("stores each PUT as a new immutable version with its hash, author and time", async () => {
    const source = example("democratic-evaluation.gavel");
    const v1 = await put("民主测评", source);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ name: "民主测评", version: 1, author: "author-token", sha256: createHash("sha256").update(source).digest("hex") });
    expect(v1.body.rules[0]).toMatchObject({ name: "民主测评", kind: "scorecard" });
    expect(v1.body.rules[0].inputSchema.required).toEqual(["满意", "基本满意", "不满意"]);

    const edited = source.replace("民主测评 / Democratic evaluation", "民主测评（修订） / Democratic evaluation, revised");
    const v2 = await call(service.app, "PUT", `/v1/rules/${encodeURIComponent("民主测评")}`, { token: service.tokens.admin, payload: edited, headers: { "content-type": "text/plain; charset=utf-8" } });
    expect(v2.body).toMatchObject({ version: 2, author: "admin" });

    const latest = await call(service.app, "GET", `/v1/rules/${encodeURIComponent("民主测评")}`);
    expect(latest.body).toMatchObject({ version: 2, source: edited });
    expect(latest.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const first = await call(service.app, "GET", `/v1/rules/${encodeURIComponent("民主测评")}?version=1`);
    expect(first.body).toMatchObject({ version: 1, source, sha256: v1.body.sha256 });
    expect((await call(service.app, "GET", `/v1/rules/${encodeURIComponent("民主测评")}?version=3`)).body.error.code).toBe("RULE_VERSION_NOT_FOUND");

    const list = await call(service.app, "GET", "/v1/rules");
    const entry = list.body.rules.find((r: { name: string }) => r.name === "民主测评");
    expect(entry).toMatchObject({ version: 2, versions: 2 });
    // The standard library is there from the first start.
    expect(list.body.rules.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(["major_matter", "villagers_assembly", "two_thirds"]));
  });

  it("refuses a file that does not compile with 422 and its diagnostics, storing nothing", async () => {
    const broken = `vote broken "坏" {\n  quorum: present > 2/3 of entitld\n  passes: yes > 1/2 of entitled\n}\n`;
    const response = await put("broken", broken);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("RULE_COMPILE_ERROR");
    const diagnostic = response.body.error.details.diagnostics[0];
    expect(diagnostic).toMatchObject({ severity: "error", span: { line: 2 } });
    expect((await call(service.app, "GET", "/v1/rules/broken")).status).toBe(404);
  });

  it("resolves std imports from the repository's dsl/std and evaluates with the explanation", async () => {
    const stored = await put("market-rebuilding", example("market-rebuilding.gavel"));
    expect(stored.status).toBe(201);
    expect(stored.body.rules.map((r: { name: string }) => r.name)).toEqual(["major_matter"]);
    const result = await call(service.app, "POST", "/v1/rules/market-rebuilding/evaluate", { payload: { input: { entitled: 32, present: 22, yes: 17, no: 3, abstain: 2 } } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ rule: "major_matter", kind: "vote", outcome: "passed", values: { quorum: true, passes: true } });
    expect(result.body.explanation[0]).toMatchObject({ clause: "quorum", result: true });
    expect(result.body.explanation[0].detail).toContain("22");
    const imported = await put("bad-import", `import "std/nope.gavel"\n`);
    expect(imported.status).toBe(422);
  });

  it("evaluates a scorecard exactly and checks the input against the rule's schema", async () => {
    await put("cadre", example("cadre-review.gavel"));
    const input = { training_days: 16, talk_half_years: 2, leader_visit_months: 12, rep_visit_quarters: 4, satisfied: 42, basically: 6, unsatisfied: 2 };
    const ok = await call(service.app, "POST", "/v1/rules/cadre/evaluate", { payload: { input } });
    expect(ok.status).toBe(200);
    expect(ok.body.kind).toBe("scorecard");
    expect(ok.body.criteria.find((c: { name: string }) => c.name === "training")).toMatchObject({ points: 10 });
    // The answer is the result JSON itself, key for key in the documented order, as `gavel eval` writes it.
    const compiled = compile(example("cadre-review.gavel"), { file: "cadre-review.gavel" }).rules.find((r) => r.name === "cadre_review")!;
    const evaluated = compiled.evaluate(input);
    expect(evaluated.ok && ok.text).toBe(JSON.stringify(evaluated.ok && evaluated.result));
    expect(Object.keys(ok.body)).toEqual(["rule", "label", "kind", "score", "max", "grade", "criteria", "values", "explanation"]);
    expect(ok.headers["content-type"]).toBe("application/json; charset=utf-8");
    const missing = await call(service.app, "POST", "/v1/rules/cadre/evaluate", { payload: { input: { ...input, satisfied: undefined } } });
    expect(missing.body.error.code).toBe("INVALID_INPUT");
    expect(Object.keys(missing.body)).toEqual(["error"]);
    expect(missing.body.error.details.problems).toEqual([expect.objectContaining({ path: "/", keyword: "required", params: { missingProperty: "satisfied" } })]);
    const extra = await call(service.app, "POST", "/v1/rules/cadre/evaluate", { payload: { input: { ...input, bonus: 5 } } });
    expect(extra.body.error.details.problems[0].keyword).toBe("additionalProperties");
    const outOfRange = await call(service.app, "POST", "/v1/rules/cadre/evaluate", { payload: { input: { ...input, talk_half_years: 3 } } });
    expect(outOfRange.status).toBe(422);
  });

  it("names like constructor are ordinary names (no prototype lookups)", async () => {
    expect((await call(service.app, "GET", "/v1/rules/constructor")).body.error.code).toBe("RULE_NOT_FOUND");
    const source = `vote constructor "构造" {\n  quorum: present > 1/2 of entitled\n  passes: yes > no\n}\n`;
    expect((await put("constructor", source)).status).toBe(201);
    const result = await call(service.app, "POST", "/v1/rules/constructor/evaluate", { payload: { input: { entitled: 3, present: 2, yes: 2, no: 0, abstain: 0 } } });
    expect(result.body.outcome).toBe("passed");
    expect((await call(service.app, "POST", "/v1/rules/major_matter/evaluate", { payload: { rule: "toString", input: {} } })).body.error.code).toBe("RULE_NOT_IN_FILE");
  });

  it("evaluates the std election and a rating over HTTP: the result schema keeps elected, tied, facts and level counts", async () => {
    const input = { registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: { 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320 } };
    const election = await call(service.app, "POST", "/v1/rules/village_committee/evaluate", { payload: { input } });
    expect(election.status).toBe(200);
    expect(election.body).toMatchObject({ kind: "election", outcome: "tie", elected: ["王建国", "李秀英"], tied: ["张伟", "刘洋"], facts: { valid: 596, round: 1 } });
    expect(election.body.candidates).toHaveLength(4);
    const tooMany = await call(service.app, "POST", "/v1/rules/village_committee/evaluate", { payload: { input: { ...input, seats: 1 } } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: "EVALUATION_ERROR", details: { code: "INCONSISTENT_VOTES" } });

    expect((await put("democratic-rating", example("democratic-rating.gavel"))).status).toBe(201);
    const rating = await call(service.app, "POST", "/v1/rules/democratic-rating/evaluate", { payload: { input: { 满意: 20, 基本满意: 6, 不满意: 4 } } });
    expect(rating.status).toBe(200);
    expect(rating.body).toMatchObject({ kind: "rating", grade: "优秀", ballots: 30, counts: { 满意: 20, 基本满意: 6, 不满意: 4 } });
    expect(rating.body.levels[0]).toEqual({ name: "满意", count: 20, share: { num: "2", den: "3", decimal: "0.6667" } });
  });

  it("serves the OpenAPI document with a schema for every route", async () => {
    const docs = await call(service.app, "GET", "/docs/json");
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/health", "/v1/rules/{name}", "/v1/ballots/{id}/votes", "/v1/ballots/{id}/audit/verify", "/v1/assessments", "/v1/tokens"]));
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["400", "500"]));
      }
    }
    expect((await call(service.app, "GET", "/health")).body).toEqual({ status: "ok", store: "postgres" });
  });
});
