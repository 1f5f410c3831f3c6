/** The service around the API: the editor at /, the API docs, health, and the one-time admin token. */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { call } from "../helpers/server-client";
import { createPostgresStore, type TestStore } from "../helpers/server-stores";

describe("service shell", () => {
  let store: TestStore;
  let server: GavelServer;
  const editorDir = mkdtempSync(join(tmpdir(), "gavel-editor-"));

  beforeAll(async () => {
    writeFileSync(join(editorDir, "index.html"), "<!doctype html><title>gavel 编辑器</title>");
    store = await createPostgresStore();
    server = await createServer({ ...store.options, editorDir });
  });
  afterAll(async () => {
    await server?.close();
    await store?.drop();
    rmSync(editorDir, { recursive: true, force: true });
  });

  it("serves the built editor at / and keeps API 404s in the error shape", async () => {
    const page = await call(server.app, "GET", "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("gavel 编辑器");
    const missing = await call(server.app, "GET", "/v1/nothing-here");
    expect([missing.status, missing.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await call(server.app, "GET", "/docs/")).status).toBe(200);
  });

  it("runs the example ballot file (roster 32) with the std rule seeded at first start", async () => {
    const token = server.adminToken;
    const body = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/ballots/market-rebuilding.json"), "utf8")) as { roster: { id: string }[] };
    const created = await call(server.app, "POST", "/v1/ballots", { token, payload: body });
    expect(created.status).toBe(201);
    expect(created.body.rule).toMatchObject({ name: "major_matter", version: 1 });
    const id = created.body.id;
    for (const member of body.roster.slice(0, 22)) await call(server.app, "POST", `/v1/ballots/${id}/attendance`, { token, payload: { member: member.id } });
    await call(server.app, "POST", `/v1/ballots/${id}/open`, { token });
    for (const [i, member] of body.roster.slice(0, 22).entries()) {
      await call(server.app, "POST", `/v1/ballots/${id}/votes`, { token, payload: { member: member.id, choice: i < 17 ? "yes" : "no" } });
    }
    const closed = await call(server.app, "POST", `/v1/ballots/${id}/close`, { token });
    expect(closed.body).toMatchObject({ rule: "major_matter", outcome: "passed", facts: { entitled: 32, present: 22, yes: 17, no: 5 } });
  });

  it("issues the admin token only on the first start of a store", async () => {
    expect(server.adminToken).toMatch(/^gvl_/);
    const again = await createServer({ ...store.options });
    try {
      expect(again.adminToken).toBeUndefined();
      const tokens = await call(again.app, "GET", "/v1/tokens", { token: server.adminToken });
      expect(tokens.body.tokens.map((t: { name: string; role: string }) => [t.name, t.role])).toEqual([["admin", "admin"]]);
    } finally {
      await again.close();
    }
  });
});
