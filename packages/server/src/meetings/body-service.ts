/** Bodies: standing rosters (a community's residents' representatives), versioned; a new roster is a new version. */

import { randomUUID } from "node:crypto";
import { conflict, notFound, unprocessable } from "../refusal.ts";
import type { Database, Queryable } from "../store/database.ts";
import { isUniqueViolation } from "../store/sql-errors.ts";
import type { BodyView, CreateBodyInput, Member } from "./meeting-types.ts";

interface BodyVersionRow {
  id: string;
  name: string;
  version: number;
  members: Member[];
  public_names: boolean;
  created_by: string;
  created_at: Date;
  versions: number;
}

/** 422 EMPTY_ROSTER or DUPLICATE_MEMBER unless `members` is a usable roster. */
export function assertRoster(members: Member[]): void {
  if (members.length === 0) throw unprocessable("EMPTY_ROSTER", "A body needs at least one member.");
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const member of members) (seen.has(member.id) ? repeated : seen).add(member.id);
  if (repeated.size > 0) throw unprocessable("DUPLICATE_MEMBER", `Member ids must be unique; repeated: ${[...repeated].join(", ")}.`, { members: [...repeated] });
}

export class BodyService {
  constructor(private readonly db: Database) {}

  /** Creates a body with its first roster version. */
  async create(input: CreateBodyInput, actor: string): Promise<BodyView> {
    assertRoster(input.members);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.query("INSERT INTO bodies (id, name, created_by) VALUES ($1, $2, $3)", [id, input.name, actor]);
      await this.insertVersion(tx, id, 1, input, actor);
    });
    return this.get(id);
  }

  /** Stores a new roster version (the next number; 409 BODY_VERSION_CONFLICT when another writer took it). */
  async addVersion(id: string, input: Omit<CreateBodyInput, "name">, actor: string): Promise<BodyView> {
    assertRoster(input.members);
    const current = await this.get(id);
    try {
      await this.db.transaction((tx) => this.insertVersion(tx, id, current.version + 1, input, actor));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("BODY_VERSION_CONFLICT", `Body ${id} gained version ${current.version + 1} meanwhile; read it and try again.`, { body: id });
      throw error;
    }
    return this.get(id);
  }

  private async insertVersion(tx: Queryable, id: string, version: number, input: Omit<CreateBodyInput, "name">, actor: string): Promise<void> {
    const members = input.members.map((m) => ({ id: m.id, name: m.name }));
    await tx.query("INSERT INTO body_versions (body_id, version, members, public_names, created_by) VALUES ($1, $2, $3, $4, $5)", [id, version, JSON.stringify(members), input.publicNames ?? false, actor]);
  }

  /** A body at one version (default: the latest). */
  async get(id: string, version?: number, db: Queryable = this.db): Promise<BodyView> {
    const { rows } = await db.query<BodyVersionRow>(
      `SELECT b.id, b.name, v.version, v.members, v.public_names, v.created_by, v.created_at,
              (SELECT COUNT(*)::int FROM body_versions w WHERE w.body_id = b.id) AS versions
       FROM bodies b JOIN body_versions v ON v.body_id = b.id
       WHERE b.id = $1 AND ($2::int IS NULL OR v.version = $2::int) ORDER BY v.version DESC LIMIT 1`,
      [id, version ?? null],
    );
    const row = rows[0];
    if (!row) throw notFound(version === undefined ? "BODY_NOT_FOUND" : "BODY_VERSION_NOT_FOUND", version === undefined ? `No body with id ${id}.` : `Body ${id} has no version ${version}.`, { body: id, version: version ?? null });
    return { id: row.id, name: row.name, version: row.version, members: row.members, publicNames: row.public_names, createdBy: row.created_by, createdAt: row.created_at.toISOString(), versions: row.versions };
  }

  /** Every body at its latest version (without members). */
  async list(): Promise<{ id: string; name: string; version: number; members: number; createdAt: string }[]> {
    const { rows } = await this.db.query<{ id: string; name: string; version: number; members: number; created_at: Date }>(
      `SELECT b.id, b.name, v.version, jsonb_array_length(v.members) AS members, b.created_at FROM bodies b
       JOIN body_versions v ON v.body_id = b.id AND v.version = (SELECT MAX(version) FROM body_versions w WHERE w.body_id = b.id)
       ORDER BY b.created_at DESC, b.id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, members: Number(r.members), createdAt: r.created_at.toISOString() }));
  }
}
