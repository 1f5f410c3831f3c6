/**
 * Issue 9 finding 4: a read-only, non-superuser database role must not pair secret votes with members. The attack
 * reads every table with its system columns (ctid, xmin) and tries to line rows that carry a choice up with the
 * vote events in audit order, by row order, by ctid and by xmin (the voter's transaction). On PostgreSQL it runs as
 * a fresh role with SELECT on every table; on the embedded store (one user) it runs the same reads as the owner.
 */

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";
const CHOICES: readonly string[] = ["yes", "no", "abstain"];

interface Reader {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
}

interface StoredRow {
  table: string;
  ctid: string;
  xmin: string;
  values: Record<string, unknown>;
}

/** Every row of every table in the public schema, with ctid and xmin, in the order the table returns them. */
async function readEverything(reader: Reader): Promise<StoredRow[]> {
  const { rows: tables } = await reader.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
  const all: StoredRow[] = [];
  for (const { table_name: table } of tables as { table_name: string }[]) {
    const { rows } = await reader.query(`SELECT ctid::text AS gavel_ctid, xmin::text AS gavel_xmin, * FROM "${table}"`);
    for (const row of rows) {
      const { gavel_ctid: ctid, gavel_xmin: xmin, ...values } = row;
      all.push({ table, ctid: String(ctid), xmin: String(xmin), values });
    }
  }
  return all;
}

/**
 * The choices a row carries: any text value, or any JSON `choice`, that is yes/no/abstain. A result's clause margin
 * names the fact it counts (`{ count: "yes", needed, margin, … }`): that names a clause's subject, not anyone's vote.
 */
function choicesIn(value: unknown): string[] {
  if (typeof value === "string") return CHOICES.includes(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(choicesIn);
  if (value && typeof value === "object") {
    const isMargin = "needed" in value && "margin" in value;
    return Object.entries(value).flatMap(([key, inner]) => (isMargin && key === "count" ? [] : choicesIn(inner)));
  }
  return [];
}

const ctidOrder = (ctid: string) => ctid.slice(1, -1).split(",").map(Number) as [number, number];
const byCtid = (a: StoredRow, b: StoredRow) => ctidOrder(a.ctid)[0] - ctidOrder(b.ctid)[0] || ctidOrder(a.ctid)[1] - ctidOrder(b.ctid)[1];

/** How many members the attacker pairs with their true choice, by each ordering; and which rows carry choices. */
function attack(rows: StoredRow[], ballot: string, truth: Map<string, Choice>) {
  const mine = rows.filter((row) => Object.values(row.values).includes(ballot));
  const voteEvents = mine
    .filter((row) => row.table === "audit_events" && row.values.type === "vote.cast")
    .sort((a, b) => Number(a.values.seq) - Number(b.values.seq))
    .map((row) => ({ member: (row.values.data as { member: string }).member, xmin: row.xmin }));
  // Rows with one choice per vote (what a per-vote table would hold); the secret vote events themselves carry none.
  const choiceRows = mine.filter((row) => choicesIn(row.values).length === 1);
  const paired = (ordered: StoredRow[]) => ordered.filter((row, i) => voteEvents[i] && truth.get(voteEvents[i]!.member) === choicesIn(row.values)[0]).length;
  const byXmin = choiceRows.filter((row) => {
    const voter = voteEvents.find((event) => event.xmin === row.xmin);
    return voter !== undefined && truth.get(voter.member) === choicesIn(row.values)[0];
  }).length;
  return {
    choiceRows,
    voteEvents: voteEvents.length,
    pairedByRowOrder: paired(choiceRows),
    pairedByCtid: paired([...choiceRows].sort(byCtid)),
    pairedByXmin: byXmin,
  };
}

describe.each<StoreKind>(["embedded", "postgres"])("secret ballot privacy on the %s store", (kind) => {
  let service: TestService;
  const role = `gavel_reader_${randomBytes(4).toString("hex")}`;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    if (kind === "postgres" && service) {
      await service.server.db.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await service.server.db.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    }
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });

  /** A 40-member secret ballot, everyone present and voting a known, mixed choice; closed. */
  async function secretBallot(): Promise<{ id: string; truth: Map<string, Choice> }> {
    const members = roster(40);
    const created = await post("/v1/ballots", { title: "秘密票决", rule: "major_matter", roster: members, secret: true });
    const id = created.body.id as string;
    for (const { id: member } of members) await post(`/v1/ballots/${id}/attendance`, { member });
    await post(`/v1/ballots/${id}/open`);
    const truth = new Map<string, Choice>();
    for (const [i, { id: member }] of members.entries()) {
      const choice = (["yes", "no", "abstain", "yes", "no"] as const)[(i * 7) % 5]!;
      truth.set(member, choice);
      expect((await post(`/v1/ballots/${id}/votes`, { member, choice })).status).toBe(201);
    }
    expect((await post(`/v1/ballots/${id}/close`)).status).toBe(200);
    return { id, truth };
  }

  it("no table holds a per-vote choice row, so row order, ctid and xmin pair nothing", async () => {
    const { id, truth } = await secretBallot();
    let reader: Reader = { query: (text) => service.server.db.query(text) as Promise<{ rows: Record<string, unknown>[] }> };
    let client: pg.Client | undefined;
    if (kind === "postgres") {
      await service.server.db.query(`CREATE ROLE ${role} LOGIN`);
      await service.server.db.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      const url = new URL(service.store.options.databaseUrl!);
      url.username = role;
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
      expect(rows[0]?.rolsuper).toBe(false);
      await expect(client.query("UPDATE ballots SET title = 'x'")).rejects.toThrow(/permission denied/);
      reader = client;
    }
    try {
      const result = attack(await readEverything(reader), id, truth);
      expect(result.voteEvents).toBe(40);
      expect([result.pairedByRowOrder, result.pairedByCtid, result.pairedByXmin]).toEqual([0, 0, 0]);
      expect(result.choiceRows.map((row) => row.table)).toEqual([]);
    } finally {
      await client?.end();
    }
    // The counts are there, as totals only.
    const ballot = await call(service.app, "GET", `/v1/ballots/${id}`, { token: service.tokens.observer });
    expect(ballot.body.tally).toEqual({ entitled: 40, present: 40, yes: 16, no: 16, abstain: 8 });
  });
});
