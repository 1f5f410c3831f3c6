/**
 * Remembered authentications: a request with a token authenticated moments ago costs no query, yet a revocation stops
 * the token at once on the instance that revoked it, and as soon as the change commits on every other instance, and
 * when the revocation bypassed the service (SQL). While the store's change notifications may be missed, nothing
 * remembered is trusted.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { TokenStore } from "../../packages/server/src/access/token-store";
import type { ChangeWatch, Database, QueryResult, Row } from "../../packages/server/src/store/database";
import { call, startTestService, type TestService } from "../helpers/server-client";
import { createPostgresStore, type StoreKind, type TestStore } from "../helpers/server-stores";

/** The store, counting the token lookups and able to hold them, with a watch whose liveness the test sets. */
function observedStore(db: Database, live: boolean) {
  const seen = { lookups: 0, changed: (): void => undefined, hold: undefined as Promise<void> | undefined };
  const watch: ChangeWatch = { live };
  const observed: Database = {
    kind: db.kind,
    async query<R extends Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
      if (text.includes("FROM access_tokens WHERE token_hash")) {
        seen.lookups++;
        const answer = db.query<R>(text, values);
        await seen.hold;
        return answer;
      }
      return db.query<R>(text, values);
    },
    transaction: (work) => db.transaction(work),
    async watch(_channel, changed) {
      seen.changed = changed;
      return watch;
    },
    close: async () => {},
  };
  return { observed, seen };
}

describe.each<StoreKind>(["embedded", "postgres"])("remembered authentications on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  async function issue(name: string): Promise<{ id: string; token: string }> {
    const created = await call(service.app, "POST", "/v1/tokens", { token: service.tokens.admin, payload: { name, role: "observer" } });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, token: created.body.token as string };
  }
  const me = (token: string) => call(service.app, "GET", "/v1/me", { token });

  it("answers a token authenticated moments ago without a query, and asks again for every request while not live", async () => {
    const { token } = await issue("counted");
    for (const live of [true, false]) {
      const { observed, seen } = observedStore(service.server.db, live);
      const tokens = new TokenStore(observed);
      await tokens.rememberAuthentications();
      for (let i = 0; i < 3; i++) expect(await tokens.authenticate(token)).toMatchObject({ name: "counted", role: "observer" });
      expect(seen.lookups, `live: ${live}`).toBe(live ? 1 : 3);
      // An unknown secret is never remembered.
      for (let i = 0; i < 2; i++) expect(await tokens.authenticate(`${token.slice(0, -1)}_`)).toBeUndefined();
      expect(seen.lookups, `live: ${live}`).toBe(live ? 3 : 5);
    }
  });

  it("does not remember a lookup that began before a change to the tokens", async () => {
    const { token } = await issue("raced");
    const { observed, seen } = observedStore(service.server.db, true);
    const tokens = new TokenStore(observed);
    await tokens.rememberAuthentications();
    let release = (): void => undefined;
    seen.hold = new Promise<void>((resolve) => (release = resolve));
    const during = tokens.authenticate(token);
    await expect.poll(() => seen.lookups).toBe(1);
    // The change is announced while the lookup is on its way: its answer may predate the change.
    seen.changed();
    release();
    seen.hold = undefined;
    expect(await during).toMatchObject({ name: "raced" });
    await tokens.authenticate(token);
    expect(seen.lookups).toBe(2);
    await tokens.authenticate(token);
    expect(seen.lookups).toBe(2);
  });

  it("refuses a token revoked through the API on the very next request, though its authentication was remembered", async () => {
    const { id, token } = await issue("revoked-by-api");
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect((await call(service.app, "DELETE", `/v1/tokens/${id}`, { token: service.tokens.admin })).status).toBe(200);
    const after = await me(token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("INVALID_TOKEN");
  });

  it("refuses a token revoked by SQL behind the service's back once the change commits", async () => {
    const { id, token } = await issue("revoked-by-sql");
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    await service.server.db.query("UPDATE access_tokens SET revoked_at = now() WHERE id = $1", [id]);
    await expect.poll(async () => (await me(token)).status, { timeout: 5_000 }).toBe(401);
  });
});

describe("remembered authentications across two instances on one PostgreSQL", () => {
  let store: TestStore;
  let instances: GavelServer[] = [];
  let admin = "";
  beforeAll(async () => {
    store = await createPostgresStore();
    instances = [await createServer({ ...store.options, logger: false })];
    instances.push(await createServer({ ...store.options, logger: false }));
    admin = instances[0]!.adminToken!;
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await store?.drop();
  });

  const me = (instance: number, token: string) => call(instances[instance]!.app, "GET", "/v1/me", { token });
  async function issue(name: string): Promise<{ id: string; token: string }> {
    const created = await call(instances[0]!.app, "POST", "/v1/tokens", { token: admin, payload: { name, role: "clerk" } });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, token: created.body.token as string };
  }

  it("refuses on the other instance a token revoked on one, as soon as the revocation commits", async () => {
    const { id, token } = await issue("two-instances");
    expect((await me(1, token)).status).toBe(200);
    expect((await me(1, token)).status).toBe(200);
    expect((await call(instances[0]!.app, "DELETE", `/v1/tokens/${id}`, { token: admin })).status).toBe(200);
    await expect.poll(async () => (await me(1, token)).status, { timeout: 5_000 }).toBe(401);
  });

  it("trusts nothing remembered while its listening connection is lost, and listens again", async () => {
    const { id, token } = await issue("listener-lost");
    expect((await me(1, token)).status).toBe(200);
    const admin = new pg.Client({ connectionString: store.options.databaseUrl });
    await admin.connect();
    try {
      const listeners = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;
      expect((await admin.query(listeners)).rowCount).toBe(2);
      // Both instances lose their listening connection; a revocation right after it is announced to nobody.
      await admin.query(`SELECT pg_terminate_backend(pid) FROM (${listeners}) l`);
      await admin.query("UPDATE access_tokens SET revoked_at = now() WHERE id = $1", [id]);
      // Refused before the connection is back (a second later): the loss itself stopped trusting what was remembered.
      await expect.poll(async () => (await me(1, token)).status, { timeout: 800 }).toBe(401);
      // Each instance connects again within its retry delay.
      await expect.poll(async () => (await admin.query(listeners)).rowCount, { timeout: 10_000 }).toBe(2);
    } finally {
      await admin.end();
    }
  });
});
