/**
 * `gavel token`, `gavel backup` and `gavel restore` as an operator runs them: on the store itself (embedded folder
 * or DATABASE_URL), recovering admin access, refusing a folder the service holds, and moving a store through a backup.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createServer, openDatabase, type GavelServer } from "@gavel-rules/server";
import { call, roster } from "../helpers/server-client";
import { createTestStore, type TestStore } from "../helpers/server-stores";
import { gavel } from "./run-gavel";

const work = mkdtempSync(join(tmpdir(), "gavel-operator-"));
const stores: TestStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.drop()));
  rmSync(work, { recursive: true, force: true });
});

async function freshStore(kind: "embedded" | "postgres"): Promise<{ store: TestStore; admin: string }> {
  const store = await createTestStore(kind);
  stores.push(store);
  const server = await createServer({ ...store.options, logger: false });
  const admin = server.adminToken!;
  await server.close();
  return { store, admin };
}

async function status(server: GavelServer, token: string): Promise<number> {
  return (await call(server.app, "GET", "/v1/tokens", { token })).status;
}

describe("gavel token on the embedded store", () => {
  it("recovers admin access, refuses the last admin's revocation and a folder the service holds", async () => {
    const { store, admin } = await freshStore("embedded");
    const dataDir = store.options.dataDir!;

    const listed = await gavel(["token", "list", "--data", dataDir], work);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+ROLE/);
    const adminId = /^(\S+)\s+admin\s+admin\s/m.exec(listed.stdout)?.[1];
    expect(adminId).toBeDefined();

    const refused = await gavel(["token", "revoke", adminId!, "--data", dataDir], work);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("LAST_ADMIN");

    // While the service holds the folder, the command says to stop it or use the API, and changes nothing.
    const running = await createServer({ ...store.options, logger: false });
    try {
      const locked = await gavel(["token", "create", "--role", "admin", "--name", "恢复管理员", "--data", dataDir], work);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`in use by a running gavel service (pid ${process.pid})`);
      expect(locked.stderr).toContain("Stop the service first");
      expect(locked.stderr).toContain("POST /v1/tokens");
    } finally {
      await running.close();
    }

    // The operator lost the admin token: a new one, made on the store, works once the service starts.
    const created = await gavel(["token", "create", "--role", "admin", "--name", "恢复管理员", "--data", dataDir], work, { LANG: "zh_CN.UTF-8" });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain("已创建令牌 “恢复管理员”");
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^gvl_[\w-]+$/);
    const server = await createServer({ ...store.options, logger: false });
    try {
      expect(server.adminToken).toBeUndefined();
      expect(await status(server, secret)).toBe(200);
    } finally {
      await server.close();
    }
    // With another admin present, the old one can go; the list shows it revoked.
    expect((await gavel(["token", "revoke", adminId!, "--data", dataDir], work)).code).toBe(0);
    const after = await gavel(["token", "list"], work, { GAVEL_DATA: dataDir });
    expect(after.stdout).toMatch(new RegExp(`^${adminId}\\s+admin\\s+admin\\s+gavel\\s+\\S+\\s+\\d{4}-`, "m"));
    expect(after.stdout).toMatch(/恢复管理员\s+admin\s+operator .*active$/m);
    const server2 = await createServer({ ...store.options, logger: false });
    try {
      expect(await status(server2, admin)).toBe(401);
    } finally {
      await server2.close();
    }
  }, 240_000); // several CLI processes each open the embedded store (PGlite): minutes on a loaded 2-core machine

  it("refuses a folder with no store, two stores at once and an unknown role", async () => {
    const missing = await gavel(["token", "list", "--data", join(work, "no-such-store")], work);
    expect([missing.code, missing.stderr.includes("There is no gavel store")]).toEqual([2, true]);
    expect(existsSync(join(work, "no-such-store"))).toBe(false);
    const both = await gavel(["token", "list", "--data", work, "--database-url", "postgres://x@127.0.0.1/x"], work);
    expect([both.code, both.stderr.trim()]).toEqual([2, "Give either --data or --database-url, not both."]);
    const { store } = await freshStore("postgres");
    const role = await gavel(["token", "create", "--role", "root", "--name", "x"], work, { DATABASE_URL: store.options.databaseUrl! });
    expect([role.code, role.stderr.trim()]).toEqual([2, "Unknown role 'root'. Roles: admin, author, clerk, observer."]);
  });
});

describe("gavel backup and restore", () => {
  it("backs a store up exactly as it is: no migration runs on the store it copies", async () => {
    const store = await createTestStore("postgres");
    stores.push(store);
    const file = join(work, "unmigrated.jsonl");
    const backup = await gavel(["backup", "--out", file, "--database-url", store.options.databaseUrl!], work);
    expect(backup.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8").split("\n")[0]!)).toMatchObject({ format: "gavel-backup", schemaVersion: 0, migrations: [] });
    const db = await openDatabase({ ...store.options, migrate: false });
    try {
      expect((await db.query<{ table: string | null }>("SELECT to_regclass('schema_migrations')::text AS table")).rows[0]!.table).toBeNull();
    } finally {
      await db.close();
    }
  });

  it("moves a PostgreSQL store into a new embedded folder with every chain intact", async () => {
    const { store, admin } = await freshStore("postgres");
    const source = await createServer({ ...store.options, logger: false });
    let id = "";
    try {
      const members = roster(5);
      const created = await call(source.app, "POST", "/v1/ballots", { token: admin, payload: { title: "迁移前的表决", rule: "major_matter", roster: members } });
      id = created.body.id;
      for (const m of members) await call(source.app, "POST", `/v1/ballots/${id}/attendance`, { token: admin, payload: { member: m.id } });
      await call(source.app, "POST", `/v1/ballots/${id}/open`, { token: admin });
      for (const m of members) await call(source.app, "POST", `/v1/ballots/${id}/votes`, { token: admin, payload: { member: m.id, choice: "yes" } });
      expect((await call(source.app, "POST", `/v1/ballots/${id}/close`, { token: admin })).body.outcome).toBe("passed");
    } finally {
      await source.close();
    }

    const file = join(work, "备份.jsonl");
    const backup = await gavel(["backup", "--out", file], work, { DATABASE_URL: store.options.databaseUrl! });
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(/^Wrote .*备份\.jsonl: \d+ rows from \d+ tables, schema version \d+\.$/m);
    const again = await gavel(["backup", "--out", file], work, { DATABASE_URL: store.options.databaseUrl! });
    expect([again.code, again.stderr.includes("EEXIST")]).toEqual([1, true]);

    const target = join(work, "restored");
    const restored = await gavel(["restore", file, "--data", target], work);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toMatch(/^Restored .*: \d+ rows into \d+ tables/m);
    const server = await createServer({ dataDir: target, logger: false });
    try {
      expect(server.adminToken).toBeUndefined();
      const verify = await call(server.app, "GET", `/v1/ballots/${id}/audit/verify`, { token: admin });
      expect(verify.body.intact).toBe(true);
      expect((await call(server.app, "GET", `/v1/ballots/${id}`, { token: admin })).body.result.outcome).toBe("passed");
    } finally {
      await server.close();
    }
    const twice = await gavel(["restore", file, "--data", target], work);
    expect([twice.code, twice.stderr.includes("Refused (TARGET_NOT_EMPTY)")]).toEqual([1, true]);
  }, 240_000); // several CLI processes each open the embedded store (PGlite): minutes on a loaded 2-core machine
});
