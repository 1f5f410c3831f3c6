/**
 * Issue 9 finding 3 on both stores: verify covers results, not only the chain. Each stored column and row kind is
 * tampered with (directly where the triggers allow it, else as a superuser would: session_replication_role = replica,
 * which also switches off foreign keys), and verify must name every mismatch. Close refuses a store whose choices do
 * not match its voters; TRUNCATE is refused; the chain head can be kept outside the database and checked later.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventHash, type AuditEventBody } from "../../packages/server/src/audit/hash-chain";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

interface Problem {
  code: string;
  message: string;
  seq?: number;
  details?: unknown;
}

describe.each<StoreKind>(["embedded", "postgres"])("ballot integrity on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });
  const get = (url: string) => call(service.app, "GET", url, { token: service.tokens.observer });
  const sql = (text: string, values?: unknown[]) => service.server.db.query(text, values);
  /** Runs SQL as a superuser who switched triggers and foreign keys off for the transaction. */
  const bypass = (text: string, values: unknown[] = []) =>
    service.server.db.transaction(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = replica");
      return tx.query(text, values);
    });
  const verify = async (id: string, head?: string) => {
    const response = await get(`/v1/ballots/${id}/audit/verify${head ? `?head=${head}` : ""}`);
    expect(response.status).toBe(200);
    return response.body as { intact: boolean; events: number; head: string; brokenAt?: { seq: number; problem: string }; problems: Problem[]; anchor?: { hash: string; seq: number | null } };
  };
  const codes = (problems: Problem[]) => [...new Set(problems.map((p) => p.code))].sort();

  /** A roster-6 ballot: R001–R005 present, R001–R004 vote yes, yes, no, abstain; closed unless asked not to. */
  async function ballot(options: { secret?: boolean; close?: boolean; rule?: string } = {}) {
    const created = await post("/v1/ballots", { title: "议题", rule: options.rule ?? "simple_majority", roster: roster(6), secret: options.secret ?? false });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const member of ["R001", "R002", "R003", "R004", "R005"]) expect((await post(`/v1/ballots/${id}/attendance`, { member })).status).toBe(200);
    expect((await post(`/v1/ballots/${id}/open`)).status).toBe(200);
    const votes: [string, Choice][] = [["R001", "yes"], ["R002", "yes"], ["R003", "no"], ["R004", "abstain"]];
    for (const [member, choice] of votes) expect((await post(`/v1/ballots/${id}/votes`, { member, choice })).status).toBe(201);
    if (options.close ?? true) expect((await post(`/v1/ballots/${id}/close`)).status).toBe(200);
    expect((await verify(id)).intact).toBe(true);
    return id;
  }

  const seqOf = async (id: string, type: string, member?: string) => {
    const { rows } = await sql(`SELECT seq FROM audit_events WHERE ballot_id = $1 AND type = $2 ${member ? "AND data->>'member' = $3" : ""} ORDER BY seq LIMIT 1`, member ? [id, type, member] : [id, type]);
    return Number((rows[0] as { seq: number }).seq);
  };

  describe("a closed ballot: stored result, tally and outcome", () => {
    it("cannot be changed without a trigger bypass", async () => {
      const id = await ballot();
      await expect(sql(`UPDATE ballots SET result = jsonb_set(result, '{outcome}', '"rejected"') WHERE id = $1`, [id])).rejects.toThrow(/closed/);
      await expect(sql(`UPDATE ballots SET tally = jsonb_set(tally, '{yes}', '5') WHERE id = $1`, [id])).rejects.toThrow(/closed/);
    });

    const cases: [string, string, string[]][] = [
      ["the result's outcome", `UPDATE ballots SET result = jsonb_set(result, '{outcome}', to_jsonb(CASE WHEN result->>'outcome' = 'passed' THEN 'rejected' ELSE 'passed' END)) WHERE id = $1`, ["RESULT_MISMATCH"]],
      ["the whole result", `UPDATE ballots SET result = result - 'values' WHERE id = $1`, ["RESULT_MISMATCH"]],
      ["the tally", `UPDATE ballots SET tally = jsonb_set(tally, '{yes}', '1') WHERE id = $1`, ["TALLY_MISMATCH"]],
      ["the title", `UPDATE ballots SET title = '另一个议题' WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["who created it", `UPDATE ballots SET created_by = 'mallory' WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["when it was created", `UPDATE ballots SET created_at = created_at - interval '1 day' WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["the rule entry", `UPDATE ballots SET rule_entry = 'simple_majority_yes_no' WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["its secrecy", `UPDATE ballots SET secret = true WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["the pinned rule version", `UPDATE ballots SET rule_version = 2 WHERE id = $1`, ["BALLOT_MISMATCH"]],
      ["when it opened", `UPDATE ballots SET opened_at = opened_at + interval '1 second' WHERE id = $1`, ["STATE_MISMATCH"]],
      ["when it closed", `UPDATE ballots SET closed_at = closed_at + interval '1 second' WHERE id = $1`, ["STATE_MISMATCH"]],
      ["its state, reopened", `UPDATE ballots SET state = 'open', closed_at = NULL, tally = NULL, result = NULL WHERE id = $1`, ["STATE_MISMATCH"]],
      ["the recorded chain head", `UPDATE ballots SET audit_head = repeat('a', 64) WHERE id = $1`, ["AUDIT_HEAD_MISMATCH"]],
      ["the recorded event count", `UPDATE ballots SET audit_seq = audit_seq - 1 WHERE id = $1`, ["AUDIT_HEAD_MISMATCH"]],
      ["a roster name", `UPDATE roster_members SET name = '冒名' WHERE ballot_id = $1 AND member_id = 'R006'`, ["ROSTER_MISMATCH"]],
      ["a roster position", `UPDATE roster_members SET position = 99 WHERE ballot_id = $1 AND member_id = 'R006'`, ["ROSTER_MISMATCH"]],
      ["a roster member removed", `DELETE FROM roster_members WHERE ballot_id = $1 AND member_id = 'R006'`, ["ROSTER_MISMATCH", "TALLY_MISMATCH"]],
      ["a roster member added", `INSERT INTO roster_members (ballot_id, member_id, name, position) VALUES ($1, 'R099', '新人', 6)`, ["ROSTER_MISMATCH", "TALLY_MISMATCH"]],
      ["an attendance removed", `DELETE FROM attendance WHERE ballot_id = $1 AND member_id = 'R005'`, ["ATTENDANCE_MISMATCH", "TALLY_MISMATCH"]],
      ["an attendance added", `INSERT INTO attendance (ballot_id, member_id) VALUES ($1, 'R006')`, ["ATTENDANCE_MISMATCH", "TALLY_MISMATCH"]],
      ["an attendance time", `UPDATE attendance SET recorded_at = recorded_at + interval '1 minute' WHERE ballot_id = $1 AND member_id = 'R001'`, ["ATTENDANCE_MISMATCH"]],
      ["a voter removed", `DELETE FROM voters WHERE ballot_id = $1 AND member_id = 'R004'`, ["VOTERS_MISMATCH"]],
      ["a voter added", `INSERT INTO voters (ballot_id, member_id) VALUES ($1, 'R005')`, ["VOTERS_MISMATCH"]],
      ["a choice flipped", `UPDATE open_choices SET choice = 'yes' WHERE ballot_id = $1 AND member_id = 'R003'`, ["CHOICES_MISMATCH", "TALLY_MISMATCH"]],
      ["a choice removed", `DELETE FROM open_choices WHERE ballot_id = $1 AND member_id = 'R003'`, ["CHOICES_MISMATCH", "TALLY_MISMATCH"]],
      ["a choice added", `INSERT INTO open_choices (ballot_id, member_id, choice) VALUES ($1, 'R005', 'yes')`, ["CHOICES_MISMATCH", "TALLY_MISMATCH"]],
      ["a choice's time", `UPDATE open_choices SET cast_at = cast_at + interval '1 minute' WHERE ballot_id = $1 AND member_id = 'R001'`, ["CHOICES_MISMATCH"]],
      ["the last audit event removed", `DELETE FROM audit_events WHERE ballot_id = $1 AND seq = (SELECT MAX(seq) FROM audit_events WHERE ballot_id = $1)`, ["AUDIT_HEAD_MISMATCH"]],
    ];
    it.each(cases)("verify names a tampered %s", async (_what, tamper, expected) => {
      const id = await ballot();
      await bypass(tamper, [id]);
      const result = await verify(id);
      expect(result.intact).toBe(false);
      expect(codes(result.problems)).toEqual(expect.arrayContaining(expected));
      for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(0);
    });
  });

  describe("audit events: every hashed field", () => {
    const fields: [string, string][] = [
      ["actor", "actor = 'mallory'"],
      ["at", "at = '2000-01-01T00:00:00.000Z'"],
      ["data", `data = '{"member":"R001","choice":"no"}'`],
      ["type", "type = 'attendance.recorded'"],
    ];
    it.each(fields)("editing %s of one vote event breaks verify at that seq", async (_field, assignment) => {
      const id = await ballot();
      const seq = await seqOf(id, "vote.cast", "R001");
      await bypass(`UPDATE audit_events SET ${assignment} WHERE ballot_id = $1 AND seq = $2`, [id, seq]);
      const result = await verify(id);
      expect(result.intact).toBe(false);
      expect(result.brokenAt?.seq).toBe(seq);
      expect(result.problems).toContainEqual(expect.objectContaining({ code: "AUDIT_EVENT_ALTERED", seq }));
    });

    it("moving an event to another ballot (its ballot field) leaves a gap at that seq", async () => {
      const id = await ballot();
      const other = (await post("/v1/ballots", { title: "别的", rule: "simple_majority", roster: roster(2) })).body.id as string;
      const seq = await seqOf(id, "vote.cast", "R002");
      await bypass("UPDATE audit_events SET ballot_id = $2 WHERE ballot_id = $1 AND seq = $3", [id, other, seq]);
      const result = await verify(id);
      expect(result.brokenAt?.seq).toBe(seq);
      expect(result.problems).toContainEqual(expect.objectContaining({ code: "AUDIT_SEQ_GAP", seq }));
      const stray = await verify(other);
      expect(stray.intact).toBe(false);
    });

    it("a renumbered event, a broken link and a replaced hash are each named", async () => {
      const id = await ballot();
      const seq = await seqOf(id, "vote.cast", "R003");
      await bypass("UPDATE audit_events SET prev_hash = repeat('b', 64) WHERE ballot_id = $1 AND seq = $2", [id, seq]);
      expect((await verify(id)).problems).toContainEqual(expect.objectContaining({ code: "AUDIT_LINK_BROKEN", seq }));

      const second = await ballot();
      const seq2 = await seqOf(second, "vote.cast", "R003");
      await bypass("UPDATE audit_events SET hash = repeat('c', 64) WHERE ballot_id = $1 AND seq = $2", [second, seq2]);
      const replaced = await verify(second);
      expect(replaced.problems).toContainEqual(expect.objectContaining({ code: "AUDIT_EVENT_ALTERED", seq: seq2 }));
      expect(replaced.problems).toContainEqual(expect.objectContaining({ code: "AUDIT_LINK_BROKEN", seq: seq2 + 1 }));

      const third = await ballot();
      await bypass("UPDATE audit_events SET seq = 1000 WHERE ballot_id = $1 AND seq = 3", [third]);
      expect((await verify(third)).problems).toContainEqual(expect.objectContaining({ code: "AUDIT_SEQ_GAP", seq: 3 }));
    });

    it("reports every problem, not only the first", async () => {
      const id = await ballot();
      await bypass("UPDATE ballots SET title = 'x' WHERE id = $1", [id]);
      await bypass("UPDATE audit_events SET actor = 'mallory' WHERE ballot_id = $1 AND seq = 2", [id]);
      await bypass("UPDATE open_choices SET choice = 'no' WHERE ballot_id = $1 AND member_id = 'R001'", [id]);
      const result = await verify(id);
      expect(codes(result.problems)).toEqual(expect.arrayContaining(["AUDIT_EVENT_ALTERED", "BALLOT_MISMATCH", "CHOICES_MISMATCH", "TALLY_MISMATCH"]));
    });
  });

  describe("secret ballots", () => {
    it("a second vote from the same member is refused with 409 ALREADY_VOTED and counts once", async () => {
      const id = await ballot({ secret: true, close: false });
      const twice = await post(`/v1/ballots/${id}/votes`, { member: "R001", choice: "no" });
      expect([twice.status, twice.body.error.code]).toEqual([409, "ALREADY_VOTED"]);
      const closed = await post(`/v1/ballots/${id}/close`);
      expect(closed.body.facts).toMatchObject({ present: 5, yes: 2, no: 1, abstain: 1 });
      expect((await verify(id)).intact).toBe(true);
    });

    it("an extra choice counted before close (no trigger bypass) is found by verify and refused by close", async () => {
      const id = await ballot({ secret: true, close: false });
      await sql("UPDATE secret_counts SET yes = yes + 1 WHERE ballot_id = $1", [id]);
      const before = await verify(id);
      expect(codes(before.problems)).toContain("CHOICES_MISMATCH");
      const close = await post(`/v1/ballots/${id}/close`);
      expect([close.status, close.body.error.code]).toEqual([409, "TALLY_MISMATCH"]);
      expect(close.body.error.details).toMatchObject({ voters: 4, choices: { yes: 3, no: 1, abstain: 1 } });
      expect((await get(`/v1/ballots/${id}`)).body.state).toBe("open");
    });

    it("close refuses voters who are not recorded present", async () => {
      const id = await ballot({ close: false });
      await bypass("INSERT INTO voters (ballot_id, member_id) VALUES ($1, 'R006')", [id]);
      await bypass("INSERT INTO open_choices (ballot_id, member_id, choice) VALUES ($1, 'R006', 'yes')", [id]);
      const close = await post(`/v1/ballots/${id}/close`);
      expect([close.status, close.body.error.code]).toEqual([409, "TALLY_MISMATCH"]);
      expect(close.body.error.details).toMatchObject({ votersNotPresent: ["R006"] });
    });

    it("changed counters after close, removed counters and a forged voter are named", async () => {
      const id = await ballot({ secret: true });
      await expect(sql("UPDATE secret_counts SET yes = yes + 1 WHERE ballot_id = $1", [id])).rejects.toThrow(/gavel/);
      await bypass("UPDATE secret_counts SET yes = yes + 1, no = no - 1 WHERE ballot_id = $1", [id]);
      expect(codes((await verify(id)).problems)).toContain("TALLY_MISMATCH");

      const forged = await ballot({ secret: true });
      await bypass("INSERT INTO voters (ballot_id, member_id) VALUES ($1, 'R005')", [forged]);
      expect(codes((await verify(forged)).problems)).toEqual(expect.arrayContaining(["VOTERS_MISMATCH", "CHOICES_MISMATCH"]));

      const removed = await ballot({ secret: true });
      await expect(sql("DELETE FROM secret_counts WHERE ballot_id = $1", [removed])).rejects.toThrow(/immutable/);
      await bypass("DELETE FROM secret_counts WHERE ballot_id = $1", [removed]);
      expect(codes((await verify(removed)).problems)).toEqual(expect.arrayContaining(["CHOICES_MISMATCH", "TALLY_MISMATCH"]));
    });

    it("counts of an open ballot cannot be moved between choices without a trigger bypass (with one, before close, nothing can tell)", async () => {
      const id = await ballot({ secret: true, close: false });
      await expect(sql("UPDATE secret_counts SET yes = yes + 1, no = no - 1 WHERE ballot_id = $1", [id])).rejects.toThrow(/one vote at a time/);
      await expect(sql("UPDATE secret_counts SET yes = yes + 2 WHERE ballot_id = $1", [id])).rejects.toThrow(/one vote at a time/);
      // The documented limit: secret choices are recorded nowhere else, so a same-total move before close verifies.
      await bypass("UPDATE secret_counts SET yes = yes + 1, no = no - 1 WHERE ballot_id = $1", [id]);
      expect((await verify(id)).intact).toBe(true);
    });
  });

  it("the stored rule source is covered: the close event holds its digest and verify re-reads it", async () => {
    const source = `vote simple_copy "简单多数副本" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n`;
    expect((await call(service.app, "PUT", "/v1/rules/simple_copy", { token: service.tokens.author, payload: { source } })).status).toBe(201);
    const id = await ballot({ rule: "simple_copy" });
    const closeEvent = (await get(`/v1/ballots/${id}/audit`)).body.events.at(-1);
    expect(closeEvent.type).toBe("ballot.closed");
    expect(closeEvent.data.rule).toMatchObject({ name: "simple_copy", version: 1, entry: "simple_copy", sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(closeEvent.data.tally).toEqual({ entitled: 6, present: 5, yes: 2, no: 1, abstain: 1 });
    expect(closeEvent.data.result.outcome).toBe("rejected");
    await expect(sql("UPDATE rule_versions SET source = 'x' WHERE name = 'simple_copy'")).rejects.toThrow(/immutable/);
    await bypass("UPDATE rule_versions SET source = replace(source, '1/2 of present', '1/3 of present') WHERE name = 'simple_copy'");
    expect(codes((await verify(id)).problems)).toContain("RULE_SOURCE_MISMATCH");

    // The stored digest column alone.
    expect((await call(service.app, "PUT", "/v1/rules/simple_copy2", { token: service.tokens.author, payload: { source: source.replaceAll("simple_copy", "simple_copy2") } })).status).toBe(201);
    const second = await ballot({ rule: "simple_copy2" });
    await bypass("UPDATE rule_versions SET sha256 = repeat('d', 64) WHERE name = 'simple_copy2'");
    expect(codes((await verify(second)).problems)).toContain("RULE_SOURCE_MISMATCH");
  });

  it("TRUNCATE is refused on every history table, also with CASCADE", async () => {
    await ballot();
    for (const table of ["rule_versions", "ballots", "roster_members", "attendance", "voters", "open_choices", "secret_counts", "audit_events"]) {
      await expect(sql(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/TRUNCATE/);
    }
    expect(Number((await sql("SELECT COUNT(*) AS n FROM audit_events")).rows[0]!.n)).toBeGreaterThan(0);
  });

  it("GET …/audit/head gives the head to keep; verify against a kept head finds a re-forged chain", async () => {
    const id = await ballot();
    const head = await get(`/v1/ballots/${id}/audit/head`);
    expect(head.status).toBe(200);
    const events = (await get(`/v1/ballots/${id}/audit`)).body.events as { seq: number; hash: string }[];
    expect(head.body).toMatchObject({ ballot: id, seq: events.length, hash: events.at(-1)!.hash, state: "closed" });
    expect((await call(service.app, "GET", `/v1/ballots/${id}/audit/head`)).status).toBe(401);
    expect((await get(`/v1/ballots/nope/audit/head`)).status).toBe(404);

    const kept = head.body.hash as string;
    const anchored = await verify(id, kept);
    expect([anchored.intact, anchored.anchor]).toEqual([true, { hash: kept, seq: events.length }]);
    expect((await get(`/v1/ballots/${id}/audit/verify?head=xyz`)).status).toBe(400);

    // Someone with the database rewrites the title everywhere and re-hashes the whole chain: self-consistent again.
    await bypass("UPDATE ballots SET title = '伪造' WHERE id = $1", [id]);
    await bypass(`UPDATE audit_events SET data = jsonb_set(data, '{title}', '"伪造"') WHERE ballot_id = $1 AND seq = 1`, [id]);
    const { rows } = await sql("SELECT ballot_id, seq, type, actor, at, data FROM audit_events WHERE ballot_id = $1 ORDER BY seq", [id]);
    let prev = "0".repeat(64);
    for (const row of rows as { ballot_id: string; seq: number; type: string; actor: string; at: string; data: unknown }[]) {
      const body: AuditEventBody = { ballot: row.ballot_id, seq: row.seq, type: row.type, actor: row.actor, at: row.at, data: row.data };
      const hash = eventHash(prev, body);
      await bypass("UPDATE audit_events SET prev_hash = $3, hash = $4 WHERE ballot_id = $1 AND seq = $2", [id, row.seq, prev, hash]);
      prev = hash;
    }
    await bypass("UPDATE ballots SET audit_head = $2 WHERE id = $1", [id, prev]);
    // Without a kept head nothing inside the database can tell (the limit the head route exists for) ...
    expect((await verify(id)).intact).toBe(true);
    // ... with it, verify can.
    const caught = await verify(id, kept);
    expect(caught.intact).toBe(false);
    expect(caught.problems).toContainEqual(expect.objectContaining({ code: "ANCHOR_NOT_FOUND" }));
  });
});
