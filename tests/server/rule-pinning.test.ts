/**
 * A stored rule version pins every file it imports: editing the standard library on disk, then restarting, changes
 * neither a stored version's meaning nor an open ballot's result (issue 9, finding 5). Both stores.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { call, roster } from "../helpers/server-client";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

const ROOT = join(import.meta.dirname, "../..");
const MARKET = readFileSync(join(ROOT, "examples/market-rebuilding.gavel"), "utf8");

/** Runs SQL on the test store directly, as its owner (the service must be stopped for the embedded store). */
async function sql(store: TestStore, text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (store.options.databaseUrl) {
    const client = new pg.Client({ connectionString: store.options.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(join(store.options.dataDir!, "pgdata"));
  try {
    return (await db.query<Record<string, unknown>>(text, values)).rows;
  } finally {
    await db.close();
  }
}

describe.each<StoreKind>(["embedded", "postgres"])("pinned rule versions (%s store)", (kind) => {
  let store: TestStore;
  let server: GavelServer | undefined;
  const stdDir = mkdtempSync(join(tmpdir(), "gavel-std-"));
  const start = async () => {
    server = await createServer({ ...store.options, stdDir, logger: false });
    return server;
  };
  const stop = async () => {
    await server?.close();
    server = undefined;
  };

  beforeAll(async () => {
    cpSync(join(ROOT, "dsl/std"), stdDir, { recursive: true });
    store = await createTestStore(kind);
  });
  afterAll(async () => {
    await stop();
    await store?.drop();
    rmSync(stdDir, { recursive: true, force: true });
  });

  it("keeps an open ballot's result and a version's meaning when a std file is edited and the service restarts", async () => {
    const first = await start();
    const admin = first.adminToken!;
    const stored = await call(first.app, "PUT", "/v1/rules/market", { token: admin, payload: { source: MARKET } });
    expect(stored.status).toBe(201);
    expect(stored.body.imports).toEqual([{ path: "std/major-matter.gavel", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    // Roster 30: 21 present and 16 yes passes under the shipped rule (16 > 15); it would fail under "yes > 2/3".
    const members = roster(30);
    const created = await call(first.app, "POST", "/v1/ballots", { token: admin, payload: { title: "农贸市场改造", rule: "market", ruleName: "major_matter", roster: members } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const member of members.slice(0, 21)) expect((await call(first.app, "POST", `/v1/ballots/${id}/attendance`, { token: admin, payload: { member: member.id } })).status).toBe(200);
    expect((await call(first.app, "POST", `/v1/ballots/${id}/open`, { token: admin })).status).toBe(200);
    for (const [i, member] of members.slice(0, 21).entries()) {
      const choice = i < 16 ? "yes" : "no";
      expect((await call(first.app, "POST", `/v1/ballots/${id}/votes`, { token: admin, payload: { member: member.id, choice } })).status).toBe(201);
    }
    await stop();

    // An operator (or an upgrade) changes the standard library on disk.
    const stdFile = join(stdDir, "major-matter.gavel");
    const edited = readFileSync(stdFile, "utf8").replace("yes > 1/2 of entitled", "yes > 2/3 of entitled");
    expect(edited).not.toBe(readFileSync(stdFile, "utf8"));
    writeFileSync(stdFile, edited);

    const second = await start();
    const detail = await call(second.app, "GET", "/v1/rules/market?version=1");
    expect(detail.body).toMatchObject({ version: 1, sha256: stored.body.sha256, resolvedSha256: stored.body.resolvedSha256, imports: stored.body.imports });
    const evaluated = await call(second.app, "POST", "/v1/rules/market/evaluate?version=1", { payload: { rule: "major_matter", input: { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 } } });
    expect(evaluated.body.outcome).toBe("passed");
    const closed = await call(second.app, "POST", `/v1/ballots/${id}/close`, { token: admin });
    expect([closed.status, closed.body.outcome]).toEqual([200, "passed"]);

    // The same source stored now pins the edited library: same sha256 of its text, a different meaning and digest.
    const again = await call(second.app, "PUT", "/v1/rules/market", { token: admin, payload: { source: MARKET } });
    expect(again.body).toMatchObject({ version: 2, sha256: stored.body.sha256 });
    expect(again.body.resolvedSha256).not.toBe(stored.body.resolvedSha256);
    const now = await call(second.app, "POST", "/v1/rules/market/evaluate?version=2", { payload: { rule: "major_matter", input: { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 } } });
    expect(now.body.outcome).toBe("rejected");
    await stop();
  });

  it("pins a version stored before versions pinned imports once, at start, and refuses any other change to it", async () => {
    await start();
    await stop();
    // A row as an older gavel wrote it: no imports column value.
    await sql(store, "INSERT INTO rule_versions (name, version, source, sha256, author) VALUES ('legacy', 1, $1, 'x', 'old-gavel')", [MARKET]);
    const restarted = await start();
    const detail = await call(restarted.app, "GET", "/v1/rules/legacy");
    expect(detail.body.imports).toEqual([{ path: "std/major-matter.gavel", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await stop();
    const [row] = await sql(store, "SELECT imports FROM rule_versions WHERE name = 'legacy'");
    expect(Object.keys(row!.imports as object)).toEqual(["std/major-matter.gavel"]);
    await expect(sql(store, "UPDATE rule_versions SET imports = '{}'::jsonb WHERE name = 'legacy'")).rejects.toThrow(/immutable/);
    await expect(sql(store, "UPDATE rule_versions SET source = 'vote x {}' WHERE name = 'legacy'")).rejects.toThrow(/immutable/);
  });
});
