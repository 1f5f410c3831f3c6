/**
 * The token store on both stores, directly: secrets are shown once and stored as sha256, names are unique, the list is
 * newest first, revoking is for good and never removes the last admin, and the first-start admin token is issued once.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, TokenStore } from "../../packages/server/src/access/token-store";
import type { Role } from "../../packages/server/src/access/roles";
import { REFUSAL_STATUS } from "../../packages/server/src/http/api-error";
import { Refusal } from "../../packages/server/src/refusal";
import { startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

/** The refusal `action` ends with, as status, code and details. */
async function refusal(action: Promise<unknown>): Promise<{ status: number; code: string; message: string; details: unknown }> {
  const error = await action.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Refusal)) throw new Error(`expected a Refusal, got ${String(error)}`);
  return { status: REFUSAL_STATUS[error.kind], code: error.code, message: error.message, details: error.details };
}

const LAST_ADMIN_MESSAGE = "This is the last active admin token: create another admin token before revoking it.";
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("token hashes", () => {
  it("are sha256 in hex, read as UTF-8 (FIPS 180-2 vector for 'abc', and a Chinese secret)", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // `printf '中文' | sha256sum`: the UTF-8 bytes e4 b8 ad e6 96 87.
    expect(hashToken("中文")).toBe("72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21");
  });
});

describe.each<StoreKind>(["embedded", "postgres"])("token store on the %s store", (kind) => {
  let service: TestService;
  let tokens: TokenStore;
  beforeAll(async () => {
    service = await startTestService(kind);
    tokens = new TokenStore(service.server.db);
  });
  afterAll(async () => {
    await service?.close();
  });

  it("creates a token whose secret is shown once, stored only as its hash, and authenticates it", async () => {
    const created = await tokens.create("审计员", "observer", "admin-x");
    expect(created).toMatchObject({ name: "审计员", role: "observer", createdBy: "admin-x", revokedAt: null });
    expect(created.createdAt).toMatch(ISO_INSTANT);
    expect(created.token).toMatch(/^gvl_[A-Za-z0-9_-]{43}$/);
    const { rows } = await service.server.db.query<{ token_hash: string }>("SELECT token_hash FROM access_tokens WHERE id = $1", [created.id]);
    expect(rows).toEqual([{ token_hash: hashToken(created.token) }]);
    expect(await tokens.authenticate(created.token)).toEqual({ tokenId: created.id, name: "审计员", role: "observer" });
  });

  it("refuses a second token with the same name (409 TOKEN_NAME_TAKEN)", async () => {
    await tokens.create("twice", "clerk", "admin");
    expect(await refusal(tokens.create("twice", "author", "admin"))).toEqual({ status: 409, code: "TOKEN_NAME_TAKEN", message: 'A token named "twice" already exists.', details: { name: "twice" } });
  });

  it("lets any other store error through, not as a name conflict", async () => {
    // The schema's CHECK on roles fails the insert: that is not TOKEN_NAME_TAKEN.
    const error = await tokens.create("bad-role", "superuser" as Role, "admin").then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(Refusal);
  });

  it("authenticates nothing but a live secret with the gvl_ prefix", async () => {
    const created = await tokens.create("prefix-check", "clerk", "admin");
    const secrets = ["", "gvl_", created.token.slice(4), `${created.token}x`, `GVL_${created.token.slice(4)}`, hashToken(created.token)];
    for (const secret of secrets) expect(await tokens.authenticate(secret), secret).toBeUndefined();
    // The stored hash is found only through the secret: a stored row whose hash is of an unprefixed secret is refused.
    await service.server.db.query("UPDATE access_tokens SET token_hash = $1 WHERE id = $2", [hashToken("plain"), created.id]);
    expect(await tokens.authenticate("plain")).toBeUndefined();
  });

  it("lists every token newest first, tokens created at the same instant by name", async () => {
    const before = (await tokens.list()).length;
    // Creation times are set by hand: two inserts can share a clock tick.
    const times: [string, string][] = [["list-b", "2100-01-01T00:00:02Z"], ["list-a", "2100-01-01T00:00:02Z"], ["list-old", "2100-01-01T00:00:01Z"], ["list-new", "2100-01-01T00:00:03Z"]];
    for (const [name, at] of times) {
      const created = await tokens.create(name, "author", "admin");
      await service.server.db.query("UPDATE access_tokens SET created_at = $1 WHERE id = $2", [at, created.id]);
    }
    const listed = await tokens.list();
    expect(listed).toHaveLength(before + 4);
    expect(listed.slice(0, 4).map((t) => [t.name, t.createdAt])).toEqual([
      ["list-new", "2100-01-01T00:00:03.000Z"],
      ["list-a", "2100-01-01T00:00:02.000Z"],
      ["list-b", "2100-01-01T00:00:02.000Z"],
      ["list-old", "2100-01-01T00:00:01.000Z"],
    ]);
    for (const token of listed) expect(Object.keys(token).sort()).toEqual(["createdAt", "createdBy", "id", "name", "revokedAt", "role"]);
  });

  it("revokes for good: the secret stops working, a second revoke keeps the first time, an unknown id is 404", async () => {
    const created = await tokens.create("revoke-me", "clerk", "admin");
    const revoked = await tokens.revoke(created.id);
    expect(revoked).toMatchObject({ id: created.id, name: "revoke-me", role: "clerk", createdBy: "admin", createdAt: created.createdAt });
    expect(revoked.revokedAt).toMatch(ISO_INSTANT);
    expect(await tokens.authenticate(created.token)).toBeUndefined();
    expect((await tokens.revoke(created.id)).revokedAt).toBe(revoked.revokedAt);
    expect((await tokens.list()).find((t) => t.id === created.id)?.revokedAt).toBe(revoked.revokedAt);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await refusal(tokens.revoke(missing))).toEqual({ status: 404, code: "TOKEN_NOT_FOUND", message: `No token with id ${missing}.`, details: { id: missing } });
  });

  it("never revokes the last active admin (409 LAST_ADMIN), but any admin of two", async () => {
    const admins = async () => (await tokens.list()).filter((t) => t.role === "admin" && t.revokedAt === null);
    expect(await admins()).toHaveLength(1);
    expect(await tokens.hasActiveAdmin()).toBe(true);
    const [first] = await admins();
    expect(await refusal(tokens.revoke(first!.id))).toEqual({ status: 409, code: "LAST_ADMIN", message: LAST_ADMIN_MESSAGE, details: { id: first!.id } });
    const second = await tokens.create("second-admin", "admin", "admin");
    expect((await tokens.revoke(first!.id)).revokedAt).toMatch(ISO_INSTANT);
    expect(await refusal(tokens.revoke(second.id))).toEqual({ status: 409, code: "LAST_ADMIN", message: LAST_ADMIN_MESSAGE, details: { id: second.id } });
    // A non-admin can still be revoked while a single admin is left.
    const clerk = await tokens.create("clerk-while-one-admin", "clerk", "admin");
    expect((await tokens.revoke(clerk.id)).revokedAt).toMatch(ISO_INSTANT);
    expect(await tokens.hasActiveAdmin()).toBe(true);
    // A store from before LAST_ADMIN may have none left.
    await service.server.db.query("UPDATE access_tokens SET revoked_at = now() WHERE role = 'admin'");
    expect(await tokens.hasActiveAdmin()).toBe(false);
  });

  it("issues the first-start admin token exactly once, and only to an empty store", async () => {
    const db = service.server.db;
    const announced: string[] = [];
    const announce = (secret: string) => void announced.push(secret);
    // Already issued on this store's first start.
    expect(await tokens.bootstrapAdmin(announce)).toBeUndefined();
    // Marker gone but tokens present: still nothing.
    await db.query("DELETE FROM service_state WHERE key = 'admin_token_issued'");
    expect(await tokens.bootstrapAdmin(announce)).toBeUndefined();
    // An announcement that fails commits nothing: no token, no marker.
    await db.query("DELETE FROM service_state WHERE key = 'admin_token_issued'");
    await db.query("DELETE FROM access_tokens");
    await expect(tokens.bootstrapAdmin(() => Promise.reject(new Error("terminal gone")))).rejects.toThrow("terminal gone");
    expect(await tokens.list()).toEqual([]);
    // Empty store: one admin token, announced with the secret it returns.
    const secret = await tokens.bootstrapAdmin(announce);
    expect(secret).toMatch(/^gvl_[A-Za-z0-9_-]{43}$/);
    expect(announced).toEqual([secret]);
    const listed = await tokens.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: "admin", role: "admin", createdBy: "gavel", revokedAt: null });
    expect(await tokens.authenticate(secret!)).toEqual({ tokenId: listed[0]!.id, name: "admin", role: "admin" });
    // Never again, even with the tokens gone.
    await db.query("DELETE FROM access_tokens");
    expect(await tokens.bootstrapAdmin(announce)).toBeUndefined();
    expect(announced).toHaveLength(1);
  });
});
