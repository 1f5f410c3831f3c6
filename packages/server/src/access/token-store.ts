/** Bearer tokens: random secrets shown once, stored only as sha256 hashes, each with a name and a role. */

import { createHash, randomBytes, randomUUID } from "node:crypto";
import { conflict, notFound } from "../refusal.ts";
import type { ChangeWatch, Database } from "../store/database.ts";
import { isUniqueViolation } from "../store/sql-errors.ts";
import type { Actor, Role } from "./roles.ts";

/** A token as listed (never with its secret). */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

const TOKEN_PREFIX = "gvl_";

/** The channel on which the store announces every change to access_tokens (migration 006). */
const TOKEN_CHANGES = "gavel_access_tokens";
/** A remembered authentication is asked again after this long, whatever the notifications say. */
const REMEMBER_MS = 60_000;
/** At most this many authentications are remembered; a full memory starts over. */
const REMEMBER_MAX = 10_000;

function infoOf(row: TokenRow): TokenInfo {
  return { id: row.id, name: row.name, role: row.role, createdBy: row.created_by, createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null };
}

/** The stored form of a secret: tokens carry 256 random bits, so a fast hash is enough (no password stretching). */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export class TokenStore {
  /**
   * Recent authentications by token hash, so that a request costs no query: trusted only while the store's change
   * notifications are live, and all forgotten at any change to access_tokens (by any instance, or by SQL).
   */
  private readonly remembered = new Map<string, { actor: Actor; at: number }>();
  /** Grows at every forgetting, so a lookup that began before a change is not remembered after it. */
  private generation = 0;
  private changes: ChangeWatch | undefined;

  constructor(private readonly db: Database) {}

  /** Starts remembering authentications, forgotten whenever the store announces a change to the tokens. */
  async rememberAuthentications(): Promise<void> {
    this.changes = await this.db.watch(TOKEN_CHANGES, () => this.forget());
  }

  private forget(): void {
    this.generation++;
    this.remembered.clear();
  }

  /** Creates a token; the secret is in the answer and nowhere else. */
  async create(name: string, role: Role, createdBy: string): Promise<TokenInfo & { token: string }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    try {
      const { rows } = await this.db.query<TokenRow>(
        "INSERT INTO access_tokens (id, name, role, token_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, name, role, created_by, created_at, revoked_at",
        [randomUUID(), name, role, hashToken(token), createdBy],
      );
      return { ...infoOf(rows[0]!), token };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("TOKEN_NAME_TAKEN", `A token named "${name}" already exists.`, { name });
      throw error;
    }
  }

  /** Every token, newest first. */
  async list(): Promise<TokenInfo[]> {
    const { rows } = await this.db.query<TokenRow>("SELECT id, name, role, created_by, created_at, revoked_at FROM access_tokens ORDER BY created_at DESC, name");
    return rows.map(infoOf);
  }

  /**
   * Revokes a token for good; refuses (409 LAST_ADMIN) to revoke the last active admin, so the store always keeps
   * one token that can manage the others.
   */
  async revoke(id: string): Promise<TokenInfo> {
    const revoked = await this.db.transaction(async (tx) => {
      // Locks every active admin row, always in id order, before counting: of two concurrent revokes of the last two
      // admins, the second waits for the first, then sees one admin left and refuses (no deadlock, no zero admins).
      const admins = await tx.query<{ id: string }>("SELECT id FROM access_tokens WHERE role = 'admin' AND revoked_at IS NULL ORDER BY id FOR UPDATE");
      if (admins.rows.length === 1 && admins.rows[0]!.id === id) {
        throw conflict("LAST_ADMIN", "This is the last active admin token: create another admin token before revoking it.", { id });
      }
      const { rows } = await tx.query<TokenRow>(
        "UPDATE access_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id, name, role, created_by, created_at, revoked_at",
        [id],
      );
      if (!rows[0]) throw notFound("TOKEN_NOT_FOUND", `No token with id ${id}.`, { id });
      return infoOf(rows[0]);
    });
    // At once, before the answer: this instance's own notification arrives a moment later.
    this.forget();
    return revoked;
  }

  /** True when at least one admin token is active (a store from before LAST_ADMIN may have none left). */
  async hasActiveAdmin(): Promise<boolean> {
    const { rowCount } = await this.db.query("SELECT 1 FROM access_tokens WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1");
    return rowCount > 0;
  }

  /** The actor a secret belongs to, or undefined when unknown or revoked. */
  async authenticate(secret: string): Promise<Actor | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = hashToken(secret);
    const now = performance.now();
    if (this.changes?.live) {
      const known = this.remembered.get(hash);
      if (known && now - known.at < REMEMBER_MS) return known.actor;
    }
    const generation = this.generation;
    const { rows } = await this.db.query<{ id: string; name: string; role: Role }>("SELECT id, name, role FROM access_tokens WHERE token_hash = $1 AND revoked_at IS NULL", [hash]);
    const row = rows[0];
    if (!row) return undefined;
    const actor: Actor = Object.freeze({ tokenId: row.id, name: row.name, role: row.role });
    // Unknown secrets are never remembered: guessing must not fill the memory.
    if (this.changes?.live && generation === this.generation) {
      if (this.remembered.size >= REMEMBER_MAX) this.remembered.clear();
      this.remembered.set(hash, { actor, at: now });
    }
    return actor;
  }

  /**
   * On the first start of an empty store, creates the admin token and returns its secret (once, ever).
   * A marker row makes this happen exactly once even when several instances start together.
   * `announce` shows the secret to the operator BEFORE the transaction commits: a process that dies before or while
   * announcing commits nothing (the next start issues a new token), so a committed token was always shown.
   */
  async bootstrapAdmin(announce?: (secret: string) => void | Promise<void>): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query("INSERT INTO service_state (key, value) VALUES ('admin_token_issued', now()::text) ON CONFLICT DO NOTHING");
      if (!rowCount) return undefined;
      const existing = await tx.query("SELECT 1 FROM access_tokens LIMIT 1");
      if (existing.rowCount) return undefined;
      const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
      await tx.query("INSERT INTO access_tokens (id, name, role, token_hash, created_by) VALUES ($1, 'admin', 'admin', $2, 'gavel')", [randomUUID(), hashToken(token)]);
      await announce?.(token);
      return token;
    });
  }
}
