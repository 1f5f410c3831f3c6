/**
 * GET /v1/me: who a bearer token belongs to, for the editor's sign-in. Any valid token of any role answers its name and
 * role; no token, a wrong one and a revoked one are refused 401 in the Error shape; and the name it answers is the
 * author the registry records for a version stored with that token.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";

let service: TestService;
beforeAll(async () => {
  service = await startTestService("embedded");
});
afterAll(async () => {
  await service?.close();
});

describe("GET /v1/me", () => {
  it("answers each role's token with its name and role", async () => {
    for (const role of ["admin", "author", "clerk", "observer"] as const) {
      const me = await call(service.app, "GET", "/v1/me", { token: service.tokens[role] });
      expect(me.status, role).toBe(200);
      expect(me.body.role).toBe(role);
      if (role !== "admin") expect(me.body.name).toBe(`${role}-token`);
      else expect(me.body.name).toEqual(expect.any(String));
      expect(Object.keys(me.body).sort()).toEqual(["name", "role"]);
    }
  });

  it("refuses no token, an unknown token and a revoked one with 401", async () => {
    const none = await call(service.app, "GET", "/v1/me");
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("UNAUTHORIZED");
    const wrong = await call(service.app, "GET", "/v1/me", { token: "gvl_not-a-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_TOKEN");

    const created = await call(service.app, "POST", "/v1/tokens", { token: service.tokens.admin, payload: { name: "李明", role: "author" } });
    expect(created.status).toBe(201);
    expect((await call(service.app, "GET", "/v1/me", { token: created.body.token })).body).toEqual({ name: "李明", role: "author" });
    expect((await call(service.app, "DELETE", `/v1/tokens/${created.body.id}`, { token: service.tokens.admin })).status).toBe(200);
    const revoked = await call(service.app, "GET", "/v1/me", { token: created.body.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatchObject({ code: "INVALID_TOKEN", details: { permission: "read" } });
  });

  it("names the author the registry records for a version stored with the token", async () => {
    const created = await call(service.app, "POST", "/v1/tokens", { token: service.tokens.admin, payload: { name: "王芳", role: "author" } });
    const me = await call(service.app, "GET", "/v1/me", { token: created.body.token });
    const source = 'vote who_am_i "签名" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n';
    expect((await call(service.app, "PUT", "/v1/rules/who-am-i", { token: created.body.token, payload: { source } })).status).toBe(201);
    const stored = await call(service.app, "GET", "/v1/rules/who-am-i");
    expect(stored.body.versions.map((v: { author: string }) => v.author)).toEqual([me.body.name]);
  });
});
