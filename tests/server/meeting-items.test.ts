/**
 * Meetings beyond the year-end run, on both stores: roster versions and snapshots, a tie at the last seat re-voted
 * among the tied, write-ins, an open rating's papers, who may do what, and verify finding rows changed behind the
 * service's back.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, restoreBackupFile, writeBackupFile } from "@gavel-rules/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";
import { createTestStore, type StoreKind } from "../helpers/server-stores";

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, name: `居民${i + 1}` }));

describe.each<StoreKind>(["embedded", "postgres"])("meeting items on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown, token = service.tokens.clerk) => call(service.app, "POST", url, { token, payload });
  const get = (url: string) => call(service.app, "GET", url, { token: service.tokens.observer });

  /** A meeting of `n` people, all signed in. */
  async function meetingOf(n: number): Promise<string> {
    const body = await post("/v1/bodies", { name: "小组", members: people(n) });
    const meeting = (await post("/v1/meetings", { title: "小组会议", body: body.body.id })).body.id as string;
    for (const p of people(n)) expect((await post(`/v1/meetings/${meeting}/sign-ins`, { member: p.id })).status).toBe(201);
    return meeting;
  }

  it("snapshots the roster version a meeting uses; later versions change only later meetings", async () => {
    const body = await post("/v1/bodies", { name: "楼栋代表", members: people(5) });
    expect(body.body.version).toBe(1);
    const first = await post("/v1/meetings", { title: "一月例会", body: body.body.id });
    const v2 = await post(`/v1/bodies/${body.body.id}/versions`, { members: people(6), publicNames: true });
    expect([v2.status, v2.body.version, v2.body.versions]).toEqual([201, 2, 2]);
    const second = await post("/v1/meetings", { title: "二月例会", body: body.body.id });
    const pinned = await post("/v1/meetings", { title: "补开一月例会", body: body.body.id, bodyVersion: 1 });
    expect([first.body.counts.entitled, second.body.counts.entitled, pinned.body.counts.entitled]).toEqual([5, 6, 5]);
    expect([first.body.body.version, second.body.body.version, second.body.publicNames]).toEqual([1, 2, true]);
    expect((await get(`/v1/bodies/${body.body.id}?version=1`)).body.members).toHaveLength(5);
    expect((await post(`/v1/bodies/${body.body.id}/versions`, { members: [] })).body.error.code).toBe("EMPTY_ROSTER");
    expect((await post("/v1/bodies", { name: "重复", members: [...people(2), people(1)[0]] })).body.error.code).toBe("DUPLICATE_MEMBER");
  });

  it("re-votes a tie at the last seat among the tied, for the seats left", async () => {
    const meeting = await meetingOf(5);
    const election = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "组长选举", rule: "village_committee", seats: 2, candidates: ["甲", "乙", "丙"] });
    const papers = [["甲", "乙"], ["甲", "乙"], ["甲", "丙"], ["甲", "丙"], ["乙", "丙"]];
    for (const [i, names] of papers.entries()) expect((await post(`/v1/meetings/${meeting}/items/${election.body.id}/votes`, { member: `p${i + 1}`, names })).status).toBe(201);
    const closed = await post(`/v1/meetings/${meeting}/items/${election.body.id}/close`);
    // 甲 4, 乙 3, 丙 3: all more than half of 5 voters; two seats, and 乙 and 丙 tie for the second.
    expect([closed.body.item.result.outcome, closed.body.item.result.elected, closed.body.item.result.tied]).toEqual(["tie", ["甲"], ["乙", "丙"]]);
    const revote = closed.body.next;
    expect(revote).toMatchObject({ seats: 1, round: 1, candidates: ["乙", "丙"], previousItem: election.body.id, title: "组长选举（第1轮，同票再投）" });
    for (const [i, name] of ["乙", "乙", "乙", "丙", "丙"].entries()) await post(`/v1/meetings/${meeting}/items/${revote.id}/votes`, { member: `p${i + 1}`, names: [name] });
    const settled = await post(`/v1/meetings/${meeting}/items/${revote.id}/close`);
    expect([settled.body.item.result.outcome, settled.body.item.result.elected, settled.body.next]).toEqual(["complete", ["乙"], null]);
  });

  it("counts write-ins where the election allows them, and an open rating keeps its papers in the log", async () => {
    const meeting = await meetingOf(5);
    const election = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "楼长选举", rule: "village_committee", seats: 1, candidates: ["甲"], writeIns: true });
    for (const [i, names] of [["赵六"], ["赵六"], ["赵六"], ["甲"], []].entries()) expect((await post(`/v1/meetings/${meeting}/items/${election.body.id}/votes`, { member: `p${i + 1}`, names })).status).toBe(201);
    const closed = await post(`/v1/meetings/${meeting}/items/${election.body.id}/close`);
    expect(closed.body.item.tally.candidates).toEqual({ 甲: 1, 赵六: 3 });
    expect([closed.body.item.result.outcome, closed.body.item.result.elected]).toEqual(["complete", ["赵六"]]);

    const put = await call(service.app, "PUT", "/v1/rules/cadre_rating", { token: service.tokens.author, payload: { source: readFileSync("examples/democratic-rating.gavel", "utf8") } });
    expect(put.status).toBe(201);
    const rating = await post(`/v1/meetings/${meeting}/items`, { kind: "rating", title: "公开测评", rule: "cadre_rating", subjects: ["周书记", "吴主任"], secret: false });
    expect([rating.status, rating.body.secret]).toEqual([201, false]);
    const levels = ["满意", "满意", "基本满意", "不满意", "满意"];
    for (const [i, level] of levels.entries()) {
      expect((await post(`/v1/meetings/${meeting}/items/${rating.body.id}/votes`, { member: `p${i + 1}`, ratings: { 周书记: level, 吴主任: "满意" } })).status).toBe(201);
    }
    expect((await post(`/v1/meetings/${meeting}/items/${rating.body.id}/votes`, { member: "p1", ratings: { 周书记: "满意" } })).body.error.code).toBe("ALREADY_VOTED");
    const rated = await post(`/v1/meetings/${meeting}/items/${rating.body.id}/close`);
    expect(rated.body.item.result.subjects.map((s: { subject: string; result: { counts: unknown } }) => [s.subject, s.result.counts])).toEqual([
      ["周书记", { 满意: 3, 基本满意: 1, 不满意: 1 }],
      ["吴主任", { 满意: 5, 基本满意: 0, 不满意: 0 }],
    ]);
    // Open: each paper is in the log beside its voter; the secret election's are not.
    const events = (await get(`/v1/meetings/${meeting}/audit`)).body.events as { type: string; data: { item: string; member: string; paper?: unknown } }[];
    const votes = events.filter((e) => e.type === "vote.cast");
    expect(votes.filter((e) => e.data.item === rating.body.id).map((e) => [e.data.member, (e.data.paper as Record<string, string>).周书记])).toEqual(levels.map((l, i) => [`p${i + 1}`, l]));
    expect(votes.filter((e) => e.data.item === election.body.id).every((e) => e.data.paper === undefined)).toBe(true);
  });

  it("lets only clerks and admins run meetings, shows the notice only once closed, and verify finds rows changed outside", async () => {
    const meeting = await meetingOf(3);
    expect((await post(`/v1/meetings/${meeting}/sign-ins`, { member: "p1" }, service.tokens.observer)).status).toBe(403);
    expect((await call(service.app, "GET", `/v1/meetings/${meeting}`)).status).toBe(401);
    const motion = await post(`/v1/meetings/${meeting}/items`, { kind: "motion", title: "议题", rule: "residents_meeting" });
    for (const member of ["p1", "p2", "p3"]) await post(`/v1/meetings/${meeting}/items/${motion.body.id}/votes`, { member, choice: member === "p3" ? "no" : "yes" });
    expect((await post(`/v1/meetings/${meeting}/close`)).body.error.code).toBe("ITEMS_OPEN");
    expect((await get(`/v1/meetings/${meeting}`)).body.noticeId).toBeNull();
    const closedItem = await post(`/v1/meetings/${meeting}/items/${motion.body.id}/close`);
    // residents_meeting: 3 of 3 present (> half), 2 yes of 3 present (> half): passed.
    expect(closedItem.body.item.result.outcome).toBe(3 * 2 > 3 && 2 * 2 > 3 ? "passed" : "rejected");
    const election = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "选举", rule: "village_committee", seats: 1, candidates: ["甲", "乙"] });
    for (const member of ["p1", "p2", "p3"]) await post(`/v1/meetings/${meeting}/items/${election.body.id}/votes`, { member, names: ["甲"] });
    await post(`/v1/meetings/${meeting}/items/${election.body.id}/close`);
    const closedMeeting = await post(`/v1/meetings/${meeting}/close`);
    expect(closedMeeting.status).toBe(200);
    expect((await get(`/v1/meetings/${meeting}/audit/verify`)).body.intact).toBe(true);
    // The body does not allow names on the notice: counts only.
    const notice = await call(service.app, "GET", `/v1/notices/${closedMeeting.body.noticeId}?format=json`);
    expect([notice.body.attendance.names, notice.body.attendance.present]).toEqual([null, 3]);
    expect((await call(service.app, "GET", `/v1/notices/${closedMeeting.body.noticeId}`)).text).not.toContain("居民");

    // The owner of the tables switches triggers off and changes rows: verify names each change.
    const db = service.server.db;
    for (const table of ["item_counts", "meeting_attendance"]) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await db.query("UPDATE item_counts SET count = count + 2 WHERE item_id = $1 AND option = '乙'", [election.body.id]);
      await db.query("UPDATE meeting_attendance SET holder_id = 'p1' WHERE meeting_id = $1 AND member_id = 'p2'", [meeting]);
    } finally {
      for (const table of ["item_counts", "meeting_attendance"]) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
    const verify = await get(`/v1/meetings/${meeting}/audit/verify`);
    expect(verify.body.intact).toBe(false);
    expect(verify.body.problems.map((p: { code: string }) => p.code).sort()).toEqual(["ATTENDANCE_MISMATCH", "COUNTS_MISMATCH"]);
  });

  it("carries every meeting through a backup: the restored store verifies each and serves the same notices", async () => {
    const listed = (await get("/v1/meetings")).body.meetings as { id: string; state: string }[];
    const closed = await Promise.all(listed.filter((m) => m.state === "closed").map(async (m) => (await get(`/v1/meetings/${m.id}`)).body as { id: string; noticeId: string }));
    expect(closed.length).toBeGreaterThan(0);
    const folder = mkdtempSync(join(tmpdir(), "gavel-meeting-backup-"));
    const target = await createTestStore(kind);
    try {
      await writeBackupFile(service.server.db, join(folder, "backup.jsonl"));
      await restoreBackupFile(target.options, join(folder, "backup.jsonl"));
      const restored = await createServer({ ...target.options, logger: false });
      try {
        const admin = service.tokens.admin;
        for (const m of listed) {
          const verify = await call(restored.app, "GET", `/v1/meetings/${m.id}/audit/verify`, { token: admin });
          const original = await get(`/v1/meetings/${m.id}/audit/verify`);
          // The meeting tampered with above stays not intact, with the same problems; every other one verifies.
          expect([verify.body.intact, verify.body.head, verify.body.problems.length]).toEqual([original.body.intact, original.body.head, original.body.problems.length]);
        }
        for (const m of closed) {
          const notice = await call(restored.app, "GET", `/v1/notices/${m.noticeId}?format=text`);
          expect(notice.text).toBe((await call(service.app, "GET", `/v1/notices/${m.noticeId}?format=text`)).text);
        }
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
