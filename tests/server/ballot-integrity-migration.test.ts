/**
 * A store written before schema 003 (per-vote secret_choices rows, no record format) migrates: its secret ballots'
 * choices become counters (the per-vote table is dropped), its closed ballot still verifies, and its open secret
 * ballot takes more votes, closes on the right tally and verifies.
 */

import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { compile } from "@gavel-rules/lang";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { eventHash, GENESIS_HASH } from "../../packages/server/src/audit/hash-chain";
import { contentHash } from "../../packages/server/src/rules/rule-registry";
import { loadMigrations } from "../../packages/server/src/store/migrations";
import { call } from "../helpers/server-client";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

/** Raw SQL on a store that has not been opened by the service. */
interface RawStore {
  exec(text: string): Promise<unknown>;
  query(text: string, values: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

async function openRaw(store: TestStore): Promise<RawStore> {
  if (store.options.databaseUrl) {
    const client = new pg.Client({ connectionString: store.options.databaseUrl });
    await client.connect();
    return { exec: (text) => client.query(text), query: (text, values) => client.query(text, values), close: () => client.end() };
  }
  const pglite = await PGlite.create(join(store.options.dataDir!, "pgdata"));
  return { exec: (text) => pglite.exec(text), query: (text, values) => pglite.query(text, values), close: () => pglite.close() };
}

const RULE = "old_rule";
const SOURCE = `vote old_rule "旧规则" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of cast\n}\n`;
const ROSTER = [
  { id: "R001", name: "甲" },
  { id: "R002", name: "乙" },
  { id: "R003", name: "丙" },
];

/** Writes one ballot the way the service did before schema 003: rows, per-vote secret choices, a format-1 chain. */
async function writeOldBallot(raw: RawStore, id: string, votes: ("yes" | "no" | "abstain")[], close: boolean) {
  await raw.query("INSERT INTO ballots (id, title, rule_name, rule_version, rule_entry, secret, created_by, audit_head) VALUES ($1, '旧表决', $2, 1, $2, true, 'clerk-token', $3)", [id, RULE, GENESIS_HASH]);
  for (const [position, member] of ROSTER.entries()) await raw.query("INSERT INTO roster_members (ballot_id, member_id, name, position) VALUES ($1, $2, $3, $4)", [id, member.id, member.name, position]);
  const events: { type: string; data: unknown }[] = [
    { type: "ballot.created", data: { title: "旧表决", rule: { name: RULE, version: 1, entry: RULE, sha256: contentHash(SOURCE) }, secret: true, roster: ROSTER } },
  ];
  for (const member of ROSTER) {
    await raw.query("INSERT INTO attendance (ballot_id, member_id) VALUES ($1, $2)", [id, member.id]);
    events.push({ type: "attendance.recorded", data: { member: member.id } });
  }
  await raw.query("UPDATE ballots SET state = 'open', opened_at = now() WHERE id = $1", [id]);
  events.push({ type: "ballot.opened", data: {} });
  for (const [i, choice] of votes.entries()) {
    await raw.query("INSERT INTO voters (ballot_id, member_id) VALUES ($1, $2)", [id, ROSTER[i]!.id]);
    await raw.query("INSERT INTO secret_choices (ballot_id, id, choice) VALUES ($1, $2, $3)", [id, `c${i}`, choice]);
    events.push({ type: "vote.cast", data: { member: ROSTER[i]!.id } });
  }
  let tally: Record<string, number> | undefined;
  let result: unknown;
  if (close) {
    tally = { entitled: 3, present: 3, yes: votes.filter((v) => v === "yes").length, no: votes.filter((v) => v === "no").length, abstain: votes.filter((v) => v === "abstain").length };
    const rule = compile(SOURCE, { file: `${RULE}.gavel` }).scope.get(RULE)!;
    const outcome = rule.evaluate({ ...tally });
    if (!outcome.ok) throw new Error(outcome.error.message);
    result = outcome.result;
    events.push({ type: "ballot.closed", data: { tally, outcome: (result as { outcome: string }).outcome, result } });
  }
  let prev = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    const body = { ballot: id, seq: i + 1, type: event.type, actor: "clerk-token", at: new Date(Date.now() + i).toISOString(), data: event.data };
    const hash = eventHash(prev, body);
    await raw.query("INSERT INTO audit_events (ballot_id, seq, type, actor, at, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [id, body.seq, body.type, body.actor, body.at, JSON.stringify(body.data), prev, hash]);
    prev = hash;
  }
  await raw.query("UPDATE ballots SET audit_seq = $2, audit_head = $3 WHERE id = $1", [id, events.length, prev]);
  if (close) await raw.query("UPDATE ballots SET state = 'closed', closed_at = now(), tally = $2, result = $3 WHERE id = $1", [id, JSON.stringify(tally), JSON.stringify(result)]);
}

describe.each<StoreKind>(["embedded", "postgres"])("migrating a %s store written before schema 003", (kind) => {
  let store: TestStore | undefined;
  let server: GavelServer | undefined;
  afterAll(async () => {
    await server?.close();
    await store?.drop();
  });

  it("turns per-vote secret choices into counters and keeps every ballot verifiable", async () => {
    store = await createTestStore(kind);
    const raw = await openRaw(store);
    try {
      const initial = loadMigrations().find((m) => m.version === 1)!;
      await raw.exec(initial.sql);
      await raw.exec("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      await raw.query("INSERT INTO schema_migrations (version, name) VALUES (1, $1)", [initial.name]);
      await raw.query("INSERT INTO rule_versions (name, version, source, sha256, author) VALUES ($1, 1, $2, $3, 'author-token')", [RULE, SOURCE, contentHash(SOURCE)]);
      await writeOldBallot(raw, "closed-secret", ["yes", "yes", "no"], true);
      await writeOldBallot(raw, "open-secret", ["yes"], false);
    } finally {
      await raw.close();
    }

    server = await createServer({ ...store.options, logger: false });
    const db = server.db;
    expect((await db.query<{ table: string | null }>("SELECT to_regclass('secret_choices')::text AS table")).rows[0]!.table).toBeNull();
    const counts = (await db.query("SELECT ballot_id, yes, no, abstain FROM secret_counts ORDER BY ballot_id")).rows;
    expect(counts).toEqual([
      { ballot_id: "closed-secret", yes: 2, no: 1, abstain: 0 },
      { ballot_id: "open-secret", yes: 1, no: 0, abstain: 0 },
    ]);

    const admin = server.adminToken!;
    const verify = async (id: string) => (await call(server!.app, "GET", `/v1/ballots/${id}/audit/verify`, { token: admin })).body;
    expect(await verify("closed-secret")).toMatchObject({ intact: true, problems: [] });
    expect(await verify("open-secret")).toMatchObject({ intact: true, problems: [] });

    expect((await call(server.app, "POST", "/v1/ballots/open-secret/votes", { token: admin, payload: { member: "R002", choice: "no" } })).status).toBe(201);
    expect((await call(server.app, "POST", "/v1/ballots/open-secret/votes", { token: admin, payload: { member: "R003", choice: "abstain" } })).status).toBe(201);
    const closed = await call(server.app, "POST", "/v1/ballots/open-secret/close", { token: admin });
    expect(closed.status).toBe(200);
    expect(closed.body.facts).toMatchObject({ entitled: 3, present: 3, yes: 1, no: 1, abstain: 1 });
    expect(await verify("open-secret")).toMatchObject({ intact: true, problems: [] });
  });
});
