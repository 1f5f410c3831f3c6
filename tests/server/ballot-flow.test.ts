/** The whole ballot flow on both stores, including the docs/design.md 2.1 thresholds (roster 30: 20 present, 21 present with 16 or 15 yes). */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, DataDirLockedError } from "@gavel-rules/server";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

describe.each<StoreKind>(["embedded", "postgres"])("ballot flow on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const clerk = () => service.tokens.clerk;
  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: clerk(), payload });
  const get = (url: string) => call(service.app, "GET", url, { token: service.tokens.observer });

  /** Runs a roster-30 major-matter ballot with `present` members present and the given votes; returns the ballot id and close response. */
  async function runBallot(present: number, votes: Choice[], options: { secret?: boolean } = {}) {
    const created = await post("/v1/ballots", { title: "农贸市场改造方案票决", rule: "major_matter", roster: roster(30), ...options });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.state).toBe("draft");
    const members = roster(30).map((m) => m.id);
    // Attendance may be taken before the ballot opens.
    for (const member of members.slice(0, present)) expect((await post(`/v1/ballots/${id}/attendance`, { member })).status).toBe(200);
    expect((await post(`/v1/ballots/${id}/open`)).status).toBe(200);
    for (const [i, choice] of votes.entries()) expect((await post(`/v1/ballots/${id}/votes`, { member: members[i], choice })).status).toBe(201);
    const closed = await post(`/v1/ballots/${id}/close`);
    return { id, closed };
  }

  const choices = (yes: number, no: number, abstain: number): Choice[] => [...Array(yes).fill("yes"), ...Array(no).fill("no"), ...Array(abstain).fill("abstain")];

  it("20 of 30 present is exactly two-thirds: no quorum, whatever the votes", async () => {
    const { id, closed } = await runBallot(20, choices(20, 0, 0));
    expect(closed.status).toBe(200);
    expect(closed.body.outcome).toBe("no_quorum");
    expect(closed.body.values.quorum).toBe(false);
    const ballot = await get(`/v1/ballots/${id}`);
    expect(ballot.body.state).toBe("closed");
    expect(ballot.body.tally).toEqual({ entitled: 30, present: 20, yes: 20, no: 0, abstain: 0 });
  });

  it("21 present and 16 yes passes; the stored result, tally and audit chain are final", async () => {
    const { id, closed } = await runBallot(21, choices(16, 4, 1));
    expect(closed.status).toBe(200);
    expect(closed.body.outcome).toBe("passed");
    expect(closed.body.facts).toMatchObject({ entitled: 30, present: 21, yes: 16, no: 4, abstain: 1 });

    const ballot = await get(`/v1/ballots/${id}`);
    expect(ballot.body.result).toEqual(closed.body);
    expect(ballot.body.counts).toEqual({ entitled: 30, present: 21, voted: 21 });
    expect(ballot.body.votes).toHaveLength(21);
    expect(ballot.body.votes[0]).toEqual({ member: "R001", choice: "yes" });

    // Nothing changes a closed ballot.
    expect((await post(`/v1/ballots/${id}/close`)).body.error.code).toBe("BALLOT_CLOSED");
    const late = await post(`/v1/ballots/${id}/votes`, { member: "R025", choice: "no" });
    expect([late.status, late.body.error.code]).toEqual([409, "BALLOT_CLOSED"]);
    expect((await post(`/v1/ballots/${id}/attendance`, { member: "R025" })).body.error.code).toBe("BALLOT_CLOSED");
    expect((await get(`/v1/ballots/${id}`)).body).toEqual(ballot.body);

    const audit = await get(`/v1/ballots/${id}/audit`);
    const types = audit.body.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe("ballot.created");
    expect(types.filter((t: string) => t === "attendance.recorded")).toHaveLength(21);
    expect(types.filter((t: string) => t === "vote.cast")).toHaveLength(21);
    expect(types.at(-1)).toBe("ballot.closed");
    expect(audit.body.events.at(-1).actor).toBe("clerk-token");
    const verify = await get(`/v1/ballots/${id}/audit/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: 1 + 1 + 21 + 21 + 1 });
  });

  it("21 present and 15 yes is rejected (a majority of those present is not a majority of the roster)", async () => {
    const { closed } = await runBallot(21, choices(15, 6, 0));
    expect(closed.body.outcome).toBe("rejected");
    expect(closed.body.values).toMatchObject({ quorum: true, passes: false });
  });

  it("refuses votes from members not on the roster, not present, or voting twice, and before the ballot opens", async () => {
    const created = await post("/v1/ballots", { title: "t", rule: "major_matter", roster: roster(3) });
    const id = created.body.id;
    await post(`/v1/ballots/${id}/attendance`, { member: "R001" });
    expect((await post(`/v1/ballots/${id}/votes`, { member: "R001", choice: "yes" })).body.error.code).toBe("BALLOT_NOT_OPEN");
    await post(`/v1/ballots/${id}/open`);
    expect((await post(`/v1/ballots/${id}/open`)).body.error.code).toBe("BALLOT_ALREADY_OPEN");
    const again = await post(`/v1/ballots/${id}/attendance`, { member: "R001" });
    expect([again.status, again.body.alreadyPresent]).toEqual([200, true]);
    expect((await post(`/v1/ballots/${id}/votes`, { member: "R001", choice: "yes" })).status).toBe(201);
    const twice = await post(`/v1/ballots/${id}/votes`, { member: "R001", choice: "no" });
    expect([twice.status, twice.body.error.code]).toEqual([409, "ALREADY_VOTED"]);
    const absent = await post(`/v1/ballots/${id}/votes`, { member: "R002", choice: "yes" });
    expect([absent.status, absent.body.error.code]).toEqual([409, "NOT_PRESENT"]);
    const stranger = await post(`/v1/ballots/${id}/votes`, { member: "X99", choice: "yes" });
    expect([stranger.status, stranger.body.error.code]).toEqual([422, "NOT_ON_ROSTER"]);
    expect((await post(`/v1/ballots/${id}/attendance`, { member: "X99" })).body.error.code).toBe("NOT_ON_ROSTER");
    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.body.facts).toMatchObject({ entitled: 3, present: 1, yes: 1, no: 0 });
  });

  it("refuses an empty roster, duplicate member ids, an unknown rule and a scorecard as the ballot rule", async () => {
    expect((await post("/v1/ballots", { title: "t", rule: "major_matter", roster: [] })).body.error.code).toBe("EMPTY_ROSTER");
    const dup = await post("/v1/ballots", { title: "t", rule: "major_matter", roster: [{ id: "a", name: "甲" }, { id: "a", name: "乙" }] });
    expect([dup.status, dup.body.error.code, dup.body.error.details.members]).toEqual([422, "DUPLICATE_MEMBER", ["a"]]);
    expect((await post("/v1/ballots", { title: "t", rule: "no_such_rule", roster: roster(2) })).status).toBe(404);
    const card = `scorecard tiny "小" {\n  input n: count\n  criterion c "c" max 1 {\n    1 when n >= 1\n    0 otherwise\n  }\n}\n`;
    expect((await call(service.app, "PUT", "/v1/rules/tiny", { token: service.tokens.author, payload: { source: card } })).status).toBe(201);
    expect((await post("/v1/ballots", { title: "t", rule: "tiny", roster: roster(2) })).body.error.code).toBe("WRONG_RULE_KIND");
  });

  it("pins the rule version at creation: a later version does not change how the ballot is decided", async () => {
    const strict = `vote board "理事会" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 2/3 of entitled\n}\n`;
    const lenient = `vote board "理事会" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/3 of entitled\n}\n`;
    const v1 = await call(service.app, "PUT", "/v1/rules/board", { token: service.tokens.author, payload: { source: strict } });
    expect(v1.body.version).toBe(1);
    const created = await post("/v1/ballots", { title: "pinned", rule: "board", roster: roster(6) });
    expect(created.body.rule).toMatchObject({ name: "board", version: 1, entry: "board" });
    const v2 = await call(service.app, "PUT", "/v1/rules/board", { token: service.tokens.author, payload: { source: lenient } });
    expect(v2.body.version).toBe(2);
    const id = created.body.id;
    for (const member of ["R001", "R002", "R003", "R004"]) await post(`/v1/ballots/${id}/attendance`, { member });
    await post(`/v1/ballots/${id}/open`);
    for (const member of ["R001", "R002", "R003"]) await post(`/v1/ballots/${id}/votes`, { member, choice: "yes" });
    // 3 yes of 6: passes under v2 (> 2), rejected under the pinned v1 (> 4).
    expect((await post(`/v1/ballots/${id}/close`)).body.outcome).toBe("rejected");
  });

  it("a secret ballot keeps who voted apart from what: no choice beside a member anywhere", async () => {
    const { id, closed } = await runBallot(24, choices(17, 5, 2), { secret: true });
    expect(closed.body.outcome).toBe("passed");
    const ballot = await get(`/v1/ballots/${id}`);
    expect(ballot.body.secret).toBe(true);
    expect(ballot.body.votes).toBeNull();
    expect(ballot.body.roster.filter((m: { voted: boolean }) => m.voted)).toHaveLength(24);
    const events = (await get(`/v1/ballots/${id}/audit`)).body.events.filter((e: { type: string }) => e.type === "vote.cast");
    expect(events).toHaveLength(24);
    for (const event of events) expect(Object.keys(event.data)).toEqual(["member"]);
    // What was chosen is stored only as totals (see secret-ballot-privacy.test.ts for the read-only-role attack).
    const { rows: stored } = await service.server.db.query("SELECT * FROM secret_counts WHERE ballot_id = $1", [id]);
    expect(stored).toEqual([{ ballot_id: id, yes: 17, no: 5, abstain: 2 }]);
    expect((await service.server.db.query("SELECT 1 FROM open_choices WHERE ballot_id = $1", [id])).rowCount).toBe(0);
  });

  it.runIf(kind === "embedded")("a second process cannot open the same embedded data folder", async () => {
    await expect(createServer({ ...service.store.options })).rejects.toBeInstanceOf(DataDirLockedError);
    expect((await get("/health")).status).toBe(200);
  });

  it("the store refuses to rewrite history, and verify finds a tampered event", async () => {
    const { id } = await runBallot(22, choices(16, 6, 0));
    await expect(service.server.db.query("UPDATE audit_events SET actor = 'mallory' WHERE ballot_id = $1 AND seq = 3", [id])).rejects.toThrow(/immutable/);
    await expect(service.server.db.query("UPDATE ballots SET title = 'x' WHERE id = $1", [id])).rejects.toThrow(/closed/);
    await expect(service.server.db.query("DELETE FROM voters WHERE ballot_id = $1", [id])).rejects.toThrow(/immutable/);
    // Someone with direct database access disables the guard and edits an event: the chain shows it.
    await service.server.db.transaction(async (tx) => {
      await tx.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable");
      await tx.query(`UPDATE audit_events SET data = '{"member":"R030","choice":"yes"}' WHERE ballot_id = $1 AND type = 'vote.cast' AND seq = 30`, [id]);
      await tx.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_immutable");
    });
    const verify = await get(`/v1/ballots/${id}/audit/verify`);
    expect(verify.body.intact).toBe(false);
    expect(verify.body.brokenAt.seq).toBe(30);
  });
});
