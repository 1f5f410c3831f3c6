/** Conditional rule saves: an edit that started from an older version is refused, never silently overwrites. Both stores. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

const source = (label: string) => `vote 票决 "${label}" {\n  quorum: present > 2/3 of entitled\n  passes: yes > 1/2 of entitled\n}\n`;

describe.each<StoreKind>(["embedded", "postgres"])("conditional saves (%s store)", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });
  const put = (name: string, text: string, headers: Record<string, string> = {}) =>
    call(service.app, "PUT", `/v1/rules/${encodeURIComponent(name)}`, { token: service.tokens.author, payload: { source: text }, headers });
  const versionsOf = async (name: string) => (await call(service.app, "GET", `/v1/rules/${encodeURIComponent(name)}`)).body.versions.map((v: { version: number }) => v.version);

  it("creates with If-None-Match: *, refuses a second create, and answers the current version in the conflict", async () => {
    const created = await put("议事规则", source("一"), { "if-none-match": "*" });
    expect([created.status, created.headers.etag]).toEqual([201, '"1"']);
    const again = await put("议事规则", source("二"), { "if-none-match": "*" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "VERSION_CONFLICT", details: { name: "议事规则", expected: 0, current: 1, author: "author-token" } });
    expect(await versionsOf("议事规则")).toEqual([1]);
  });

  it("saves on the version it started from, and refuses a stale edit with 409 and the newer version", async () => {
    await put("两人编辑", source("初稿"));
    const read = await call(service.app, "GET", `/v1/rules/${encodeURIComponent("两人编辑")}`);
    expect(read.headers.etag).toBe('"1"');
    const first = await put("两人编辑", source("甲的修改"), { "if-match": read.headers.etag as string });
    expect([first.status, first.body.version, first.headers.etag]).toEqual([201, 2, '"2"']);
    const second = await put("两人编辑", source("乙的修改"), { "if-match": read.headers.etag as string });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "VERSION_CONFLICT", details: { expected: 1, current: 2, sha256: first.body.sha256 } });
    const latest = await call(service.app, "GET", `/v1/rules/${encodeURIComponent("两人编辑")}`);
    expect([latest.body.version, latest.body.source]).toEqual([2, source("甲的修改")]);
  });

  it("lets exactly one of several saves from the same version win", async () => {
    await put("并发", source("v1"));
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => put("并发", source(`edit ${i}`), { "if-match": '"1"' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await versionsOf("并发")).toEqual([1, 2]);
  });

  it("refuses a malformed precondition with 400 and stores nothing", async () => {
    await put("格式", source("v1"));
    for (const headers of [{ "if-match": "1" }, { "if-match": 'W/"1"' }, { "if-none-match": '"1"' }] as Record<string, string>[]) {
      const response = await put("格式", source("v2"), headers);
      expect([response.status, response.body.error.code]).toEqual([400, "INVALID_PRECONDITION"]);
    }
    expect(await versionsOf("格式")).toEqual([1]);
  });
});
