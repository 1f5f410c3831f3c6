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

  /** Stores a rule file under `name` (an author's token). */
  async function storeRule(name: string, source: string): Promise<void> {
    const put = await call(service.app, "PUT", `/v1/rules/${name}`, { token: service.tokens.author, payload: { source } });
    expect(put.status).toBe(201);
  }

  it("takes the proxy limit from the rules of the meeting's items: the smallest one wins at sign-in, and a proxy counts only where the rule allows it", async () => {
    await storeRule("show_of_hands", `vote show_of_hands "举手表决（不接受委托）" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n`);
    const body = await post("/v1/bodies", { name: "委托测试", members: people(8) });
    // The meeting's own cap is 3; std major_matter declares `proxies: at most 1`.
    const meeting = (await post("/v1/meetings", { title: "委托投票", body: body.body.id, maxProxies: 3 })).body.id as string;
    expect((await get(`/v1/meetings/${meeting}`)).body.maxProxies).toBe(3);
    for (const member of ["p1", "p2", "p3", "p4", "p5"]) expect((await post(`/v1/meetings/${meeting}/sign-ins`, { member })).status).toBe(201);
    const motion = await post(`/v1/meetings/${meeting}/items`, { kind: "motion", title: "要事", rule: "major_matter" });
    expect([motion.status, motion.body.proxies]).toEqual([201, 1]);
    expect((await get(`/v1/meetings/${meeting}`)).body.maxProxies).toBe(1);

    // A second proxy for p1 is over major_matter's limit: refused, naming the rule.
    expect((await post(`/v1/meetings/${meeting}/proxies`, { member: "p6", holder: "p1" })).status).toBe(201);
    const tooMany = await post(`/v1/meetings/${meeting}/proxies`, { member: "p7", holder: "p1" });
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details.max, tooMany.body.error.details.limitedBy.rule.name]).toEqual([409, "TOO_MANY_PROXIES", 1, "major_matter"]);
    expect((await post(`/v1/meetings/${meeting}/proxies`, { member: "p7", holder: "p2" })).status).toBe(201);

    // A motion whose rule declares no proxies: represented members are not present, and their papers are refused.
    const hands = await post(`/v1/meetings/${meeting}/items`, { kind: "motion", title: "举手", rule: "show_of_hands" });
    expect([hands.status, hands.body.proxies]).toEqual([201, 0]);
    const refused = await post(`/v1/meetings/${meeting}/items/${hands.body.id}/votes`, { member: "p6", by: "p1", choice: "yes" });
    expect([refused.status, refused.body.error.code]).toEqual([422, "PROXY_NOT_ALLOWED"]);
    // On major_matter the same proxy counts.
    expect((await post(`/v1/meetings/${meeting}/items/${motion.body.id}/votes`, { member: "p6", by: "p1", choice: "yes" })).status).toBe(201);
    for (const member of ["p1", "p2", "p3", "p4", "p5"]) {
      expect((await post(`/v1/meetings/${meeting}/items/${hands.body.id}/votes`, { member, choice: "yes" })).status).toBe(201);
      expect((await post(`/v1/meetings/${meeting}/items/${motion.body.id}/votes`, { member, choice: member === "p5" ? "no" : "yes" })).status).toBe(201);
    }
    const handsResult = (await post(`/v1/meetings/${meeting}/items/${hands.body.id}/close`)).body.item.result;
    const motionResult = (await post(`/v1/meetings/${meeting}/items/${motion.body.id}/close`)).body.item.result;
    // 8 entitled; 5 signed in, 2 represented: present 5 under show_of_hands, 7 under major_matter.
    expect([handsResult.facts.present, handsResult.facts.yes]).toEqual([5, 5]);
    expect([motionResult.facts.present, motionResult.facts.yes, motionResult.outcome]).toEqual([7, 5, 5 * 2 > 8 && 7 * 3 > 8 * 2 ? "passed" : "rejected"]);

    // A rule that allows fewer proxies than a holder already holds cannot open: the rule wins, nothing is dropped silently.
    await storeRule("one_proxy_vote", `vote one_proxy_vote {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n  proxies: at most 1\n}\n`);
    const meeting2 = (await post("/v1/meetings", { title: "委托投票二", body: body.body.id, maxProxies: 3 })).body.id as string;
    for (const member of ["p1", "p2"]) await post(`/v1/meetings/${meeting2}/sign-ins`, { member });
    for (const member of ["p3", "p4"]) expect((await post(`/v1/meetings/${meeting2}/proxies`, { member, holder: "p1" })).status).toBe(201);
    const blocked = await post(`/v1/meetings/${meeting2}/items`, { kind: "motion", title: "议题", rule: "one_proxy_vote" });
    expect([blocked.status, blocked.body.error.code, blocked.body.error.details.holders]).toEqual([409, "PROXIES_OVER_RULE_LIMIT", [{ holder: "p1", held: 2 }]]);
    // village_committee allows three: it opens, and the proxies count there.
    const election = await post(`/v1/meetings/${meeting2}/items`, { kind: "election", title: "选举", rule: "village_committee", seats: 1, candidates: ["甲", "乙"] });
    expect([election.status, election.body.proxies]).toEqual([201, 3]);
    expect((await post(`/v1/meetings/${meeting2}/items/${election.body.id}/votes`, { member: "p3", by: "p1", names: ["甲"] })).status).toBe(201);
    expect((await get(`/v1/meetings/${meeting}/audit/verify`)).body.intact).toBe(true);

    // Verify holds the stored limit against the log: major_matter's item made to say "no proxies" behind the
    // service's back now carries a paper cast by a proxy holder.
    const db = service.server.db;
    await db.query("ALTER TABLE meeting_items DISABLE TRIGGER USER");
    try {
      await db.query("UPDATE meeting_items SET proxies = 0 WHERE id = $1", [motion.body.id]);
    } finally {
      await db.query("ALTER TABLE meeting_items ENABLE TRIGGER USER");
    }
    const verify = await get(`/v1/meetings/${meeting}/audit/verify`);
    expect([verify.body.intact, verify.body.problems.map((p: { code: string }) => p.code)]).toEqual([false, ["PROXY_VOTE_NOT_ALLOWED"]]);
  });

  it("takes write-ins from the election's rule: a request for more is refused, a name off the list counts only where the rule allows it", async () => {
    await storeRule(
      "closed_list",
      `election closed_list "只选名单上的候选人" {\n  void:    ballots > voters\n  turnout: voters > 1/2 of registered\n  elected: votes > 1/2 of voters\n  runoff:  votes >= 1/3 of ballots\n}\n`,
    );
    const meeting = await meetingOf(3);
    const widened = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "组长", rule: "closed_list", seats: 1, candidates: ["甲", "乙"], writeIns: true });
    expect([widened.status, widened.body.error.code]).toEqual([422, "WRITE_INS_NOT_ALLOWED"]);
    const closed = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "组长", rule: "closed_list", seats: 1, candidates: ["甲", "乙"] });
    expect([closed.status, closed.body.writeIns, closed.body.proxies]).toEqual([201, false, 0]);
    const offList = await post(`/v1/meetings/${meeting}/items/${closed.body.id}/votes`, { member: "p1", names: ["赵六"] });
    expect([offList.status, offList.body.error.code]).toEqual([422, "NOT_A_CANDIDATE"]);

    // std village_committee declares `write_ins: allowed`: without asking, the item takes them and the name counts.
    const open = await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "楼长", rule: "village_committee", seats: 1, candidates: ["甲"] });
    expect([open.status, open.body.writeIns]).toEqual([201, true]);
    for (const [i, names] of [["赵六"], ["赵六"], ["甲"]].entries()) expect((await post(`/v1/meetings/${meeting}/items/${open.body.id}/votes`, { member: `p${i + 1}`, names })).status).toBe(201);
    const result = (await post(`/v1/meetings/${meeting}/items/${open.body.id}/close`)).body.item;
    expect([result.tally.candidates, result.result.elected]).toEqual([{ 甲: 1, 赵六: 2 }, ["赵六"]]);
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
