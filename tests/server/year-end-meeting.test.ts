/**
 * The year-end representatives' meeting through the API, on both stores: 31 representatives present (29 signed in,
 * 2 by proxy) of 35, a 要事票决 motion, a 民主测评 of 5 cadres feeding the cadre review scorecard, a 3-seat election
 * that needs a second round, and the 公示 (HTML, JSON, CSV). Every expected result is computed here with integers,
 * from the statute's and the rules' thresholds, not by the engine.
 */

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["建国", "秀英", "伟", "洋", "敏", "静", "丽", "强", "磊", "军"];
/** 35 representatives with Chinese names; one name carries markup that the notice must escape. */
const MEMBERS = Array.from({ length: 35 }, (_, i) => ({ id: `r${String(i + 1).padStart(2, "0")}`, name: i === 6 ? `<img src=x onerror=alert(1)>赵"丽'&` : `${SURNAMES[i % 20]}${GIVEN[(i * 7) % 10]}${i >= 20 ? "二" : ""}` }));
const IN_PERSON = MEMBERS.slice(0, 29).map((m) => m.id);
const PROXIES = [
  { member: "r30", holder: "r01" },
  { member: "r31", holder: "r02" },
];
const PRESENT = [...IN_PERSON, ...PROXIES.map((p) => p.member)];
const CADRES = ["周书记", "吴主任", "郑委员", "冯委员", "陈委员"];
const LEVELS = ["满意", "基本满意", "不满意"] as const;
const CANDIDATES = ["王建国", "李秀英", "张伟", "刘洋", "陈敏", "杨静"];

/** Who casts a present member's paper: themself, or their proxy holder. */
function byOf(member: string): string | undefined {
  return PROXIES.find((p) => p.member === member)?.holder;
}

/** Election papers of `voters` papers for `targets` votes per candidate, at most `seats` names each: fills the emptiest paper first. */
function papersFor(voters: number, targets: Record<string, number>, seats: number): string[][] {
  const papers: string[][] = Array.from({ length: voters }, () => []);
  for (const [name, votes] of Object.entries(targets)) {
    const order = papers.map((p, i) => ({ p, i })).sort((a, b) => a.p.length - b.p.length || a.i - b.i);
    for (const { p } of order.slice(0, votes)) p.push(name);
  }
  expect(papers.every((p) => p.length <= seats)).toBe(true);
  return papers;
}

describe.each<StoreKind>(["embedded", "postgres"])("the year-end meeting on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });
  const get = (url: string) => call(service.app, "GET", url, { token: service.tokens.observer });

  it("runs sign-in, proxies, a motion, a rating into the cadre review, a two-round election and the 公示", async () => {
    for (const [name, file] of [
      ["cadre_rating", "examples/democratic-rating.gavel"],
      ["cadre_review", "examples/cadre-review.gavel"],
    ]) {
      const put = await call(service.app, "PUT", `/v1/rules/${name}`, { token: service.tokens.author, payload: { source: readFileSync(file!, "utf8") } });
      expect(put.status, put.text).toBe(201);
    }

    // The body and the meeting (its roster snapshotted).
    const body = await post("/v1/bodies", { name: "幸福社区居民代表", members: MEMBERS, publicNames: true });
    expect(body.status, body.text).toBe(201);
    const created = await post("/v1/meetings", { title: "幸福社区2026年度党员和居民代表大会", body: body.body.id, maxProxies: 1 });
    expect(created.status, created.text).toBe(201);
    const meeting = created.body.id as string;
    const m = (path: string) => `/v1/meetings/${meeting}${path}`;

    // Sign-in: once each; proxies only to members signed in in person, at most one each.
    for (const member of IN_PERSON) expect((await post(m("/sign-ins"), { member })).status).toBe(201);
    expect((await post(m("/sign-ins"), { member: "r05" })).body.error.code).toBe("ALREADY_SIGNED_IN");
    expect((await post(m("/sign-ins"), { member: "nobody" })).body.error.code).toBe("NOT_ON_ROSTER");
    expect((await post(m("/proxies"), { member: "r30", holder: "r34" })).body.error.code).toBe("HOLDER_NOT_SIGNED_IN");
    for (const proxy of PROXIES) expect((await post(m("/proxies"), proxy)).status).toBe(201);
    const tooMany = await post(m("/proxies"), { member: "r32", holder: "r01" });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([409, "TOO_MANY_PROXIES"]);
    expect((await post(m("/sign-ins"), { member: "r30" })).body.error.code).toBe("ALREADY_SIGNED_IN");
    const signedIn = await get(m(""));
    expect(signedIn.body.counts).toEqual({ entitled: 35, signedIn: 29, proxies: 2, present: 31 });

    // 1. 要事票决 (std major_matter): 20 yes, 7 no, 4 abstain of 31 present, 35 entitled.
    const motion = await post(m("/items"), { kind: "motion", title: "社区养老服务站建设方案", rule: "major_matter" });
    expect(motion.status, motion.text).toBe(201);
    expect([motion.body.secret, motion.body.proxies]).toEqual([false, 1]);
    const motionVotes = new Map<string, Choice>(PRESENT.map((id, i) => [id, i < 20 ? "yes" : i < 27 ? "no" : "abstain"]));
    const item = (id: string, path = "") => m(`/items/${id}${path}`);
    expect((await post(item(motion.body.id, "/votes"), { member: "r30", choice: "yes" })).body.error.code).toBe("PROXY_HOLDER_REQUIRED");
    expect((await post(item(motion.body.id, "/votes"), { member: "r34", choice: "yes" })).body.error.code).toBe("NOT_SIGNED_IN");
    for (const [member, choice] of motionVotes) {
      const cast = await post(item(motion.body.id, "/votes"), { member, choice, by: byOf(member) });
      expect(cast.status, cast.text).toBe(201);
    }
    const again = await post(item(motion.body.id, "/votes"), { member: "r03", choice: "no" });
    expect([again.status, again.body.error.code]).toEqual([409, "ALREADY_VOTED"]);
    const motionClosed = await post(item(motion.body.id, "/close"));
    expect(motionClosed.status, motionClosed.text).toBe(200);
    const yes = [...motionVotes.values()].filter((c) => c === "yes").length;
    const quorum = 31 * 3 > 35 * 2; // present > 2/3 of entitled
    const passes = yes * 2 > 35; // yes > 1/2 of entitled
    expect(motionClosed.body.item.result.outcome).toBe(quorum ? (passes ? "passed" : "rejected") : "no_quorum");
    expect(motionClosed.body.item.result.outcome).toBe("passed");
    expect(motionClosed.body.item.tally).toMatchObject({ entitled: 35, present: 31, yes: 20, no: 7, abstain: 4 });
    expect((await post(item(motion.body.id, "/votes"), { member: "r04", choice: "no" })).body.error.code).toBe("ITEM_CLOSED");

    // 2. 民主测评 of 5 cadres on one paper: every present member rates each cadre.
    const rating = await post(m("/items"), { kind: "rating", title: "社区干部民主测评", rule: "cadre_rating", subjects: CADRES });
    expect(rating.status, rating.text).toBe(201);
    expect([rating.body.secret, rating.body.levels]).toEqual([true, [...LEVELS]]);
    const expectedCounts = new Map(CADRES.map((c) => [c, { 满意: 0, 基本满意: 0, 不满意: 0 }]));
    for (const [i, member] of PRESENT.entries()) {
      // Cadre k gets 满意 from the first 26 − 4k voters, 不满意 from the last k + 1 (shifted), 基本满意 between.
      const ratings = Object.fromEntries(CADRES.map((cadre, k) => [cadre, i < 26 - 4 * k ? "满意" : i >= 30 - k ? "不满意" : "基本满意"]));
      for (const [cadre, level] of Object.entries(ratings)) expectedCounts.get(cadre)![level as (typeof LEVELS)[number]]++;
      const cast = await post(item(rating.body.id, "/votes"), { member, by: byOf(member), ratings });
      expect(cast.status, cast.text).toBe(201);
    }
    expect((await post(item(rating.body.id, "/votes"), { member: "r03", ratings: {} })).body.error.code).toBe("ALREADY_VOTED");
    const ratingClosed = await post(item(rating.body.id, "/close"));
    expect(ratingClosed.status, ratingClosed.text).toBe(200);
    const grades = new Map<string, string>();
    for (const cadre of CADRES) {
      const c = expectedCounts.get(cadre)!;
      const n = c.满意 + c.基本满意 + c.不满意;
      // cadre_rating: 认可率 < 2/3 → 不称职; 满意 >= 2/3 of ballots → 优秀; else 称职.
      grades.set(cadre, (c.满意 + c.基本满意) * 3 < 2 * n ? "不称职" : c.满意 * 3 >= 2 * n ? "优秀" : "称职");
    }
    const rated = ratingClosed.body.item.result.subjects as { subject: string; result: { counts: Record<string, number>; grade: string } }[];
    expect(rated.map((s) => [s.subject, s.result.counts, s.result.grade])).toEqual(CADRES.map((c) => [c, expectedCounts.get(c), grades.get(c)]));

    // The rating feeds the cadre review scorecard: its counts, not typed ones.
    const duties = Object.fromEntries(CADRES.map((c, k) => [c, { training_days: 16 - k * 2, talk_half_years: 2 - (k % 3 === 2 ? 1 : 0), leader_visit_months: 12 - k, rep_visit_quarters: 4 - (k > 2 ? 1 : 0) }]));
    const assessed = await call(service.app, "POST", "/v1/assessments", {
      token: service.tokens.clerk,
      payload: { rule: "cadre_review", item: rating.body.id, levels: { 满意: "satisfied", 基本满意: "basically", 不满意: "unsatisfied" }, inputs: duties },
    });
    expect(assessed.status, assessed.text).toBe(200);
    const expectedScores = CADRES.map((cadre) => {
      const d = duties[cadre]!;
      const c = expectedCounts.get(cadre)!;
      const ballots = c.满意 + c.基本满意 + c.不满意;
      const approved = c.满意 + c.基本满意;
      const training = d.training_days >= 15 ? 10 : d.training_days >= 10 ? 6 : 0;
      const talks = d.talk_half_years === 2 ? 10 : d.talk_half_years === 1 ? 5 : 0;
      const leader = d.leader_visit_months === 12 ? 20 : d.leader_visit_months >= 9 ? 10 : 0;
      const reps = d.rep_visit_quarters === 4 ? 20 : d.rep_visit_quarters === 3 ? 10 : 0;
      const evaluation = approved * 10 >= ballots * 9 ? 40 : approved * 4 >= ballots * 3 ? 25 : 0;
      const score = training + talks + leader + reps + evaluation;
      const grade = evaluation === 0 ? "不称职" : score >= 90 ? "优秀" : score >= 60 ? "称职" : "不称职";
      return { id: cadre, score, grade, satisfied: c.满意 };
    });
    const results = assessed.body.results as { id: string; score: number; grade: string; result: { values: Record<string, unknown> } }[];
    expect(results.map((r) => [r.id, r.score, r.grade]).sort()).toEqual(expectedScores.map((e) => [e.id, e.score, e.grade]).sort());
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
    const missing = await call(service.app, "POST", "/v1/assessments", { token: service.tokens.clerk, payload: { rule: "cadre_review", item: motion.body.id } });
    expect(missing.body.error.code).toBe("NOT_A_RATING");

    // 3. A 3-seat election: round 1 elects two (more than half of the 31 voters), the third seat goes to 另行选举.
    const election = await post(m("/items"), { kind: "election", title: "居民委员会委员选举", rule: "village_committee", seats: 3, candidates: CANDIDATES });
    expect(election.status, election.text).toBe(201);
    expect(election.body.secret).toBe(true);
    const round1: Record<string, number> = { 王建国: 22, 李秀英: 19, 张伟: 15, 刘洋: 14, 陈敏: 10, 杨静: 6 };
    const papers1 = papersFor(30, round1, 3);
    // The rule decides proxies and write-ins: std village_committee declares `proxies: at most 3` and `write_ins: allowed`
    // (a closed list refusing a name off it is tested in meeting-items.test.ts).
    expect([election.body.proxies, election.body.writeIns]).toEqual([3, true]);
    for (const [i, member] of PRESENT.entries()) {
      // The last present member marks four names for three seats: an invalid paper, counted as one.
      const names = i === 30 ? CANDIDATES.slice(0, 4) : papers1[i]!;
      const cast = await post(item(election.body.id, "/votes"), { member, by: byOf(member), names });
      expect(cast.status, cast.text).toBe(201);
      expect(cast.body.valid).toBe(i !== 30);
    }
    const round1Closed = await post(item(election.body.id, "/close"));
    expect(round1Closed.status, round1Closed.text).toBe(200);
    const voters = 31;
    const elected1 = CANDIDATES.filter((c) => round1[c]! * 2 > voters); // more than half of those who voted
    expect(elected1).toEqual(["王建国", "李秀英"]);
    const r1 = round1Closed.body.item.result;
    expect([r1.outcome, r1.elected, r1.facts]).toEqual(["runoff", elected1, { registered: 35, voters: 31, ballots: 31, invalid: 1, valid: 30, seats: 3, round: 1 }]);
    const next = round1Closed.body.next;
    expect(next).toMatchObject({ kind: "election", seats: 1, round: 2, previousItem: election.body.id, state: "open", candidates: ["张伟", "刘洋", "陈敏", "杨静"] });

    // Round 2 (另行选举): the most votes win with at least one third of the ballots cast; one blank paper.
    const round2: Record<string, number> = { 张伟: 17, 刘洋: 9, 陈敏: 3, 杨静: 1 };
    const papers2 = papersFor(31, round2, 1);
    for (const [i, member] of PRESENT.entries()) expect((await post(item(next.id, "/votes"), { member, by: byOf(member), names: papers2[i] })).status).toBe(201);
    const round2Closed = await post(item(next.id, "/close"));
    expect(round2Closed.status, round2Closed.text).toBe(200);
    const top = Object.entries(round2).sort((a, b) => b[1] - a[1])[0]!;
    expect(top[1] * 3 >= 31).toBe(true); // 不得少于已投选票数的三分之一
    expect([round2Closed.body.item.result.outcome, round2Closed.body.item.result.elected, round2Closed.body.next]).toEqual(["complete", [top[0]], null]);
    expect((await get(item(election.body.id))).body.nextItem).toBe(next.id);

    // Close the meeting: the 公示 at an unguessable link, without a token.
    const closed = await post(m("/close"));
    expect(closed.status, closed.text).toBe(200);
    const noticeId = closed.body.noticeId as string;
    expect(Buffer.from(noticeId, "base64url").length).toBeGreaterThanOrEqual(16);
    expect((await post(m("/sign-ins"), { member: "r35" })).body.error.code).toBe("MEETING_CLOSED");

    const html = await call(service.app, "GET", `/v1/notices/${noticeId}`);
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(html.text).toContain("@page { size: A4");
    expect(html.text).toContain("应到35人，实到31人（本人签到29人，委托2人）");
    expect(html.text).toContain("应到35人，实到31人，超过应到人数的三分之二；赞成20票，超过应到人数的一半；反对7票，弃权4票；通过");
    expect(html.text).toContain("王建国22票，超过参加投票人数的一半");
    expect(html.text).toContain("张伟15票，未超过参加投票人数的一半");
    expect(html.text).toContain("尚缺1名，不足的名额另行选举");
    expect(html.text).toContain("张伟17票，达到收回选票数的三分之一");
    expect(html.text).toContain(`当选：张伟；应选名额已满，选举完成`);
    for (const cadre of CADRES) expect(html.text).toContain(`${cadre}：满意${expectedCounts.get(cadre)!.满意}票`);
    // Names are shown (the body allows it), escaped: no markup from a name reaches the page.
    expect(html.text).toContain("&lt;img src=x onerror=alert(1)&gt;赵&quot;丽&#39;&amp;");
    expect(html.text).not.toContain("<img");
    expect(html.text).toContain(`${MEMBERS[29]!.name}（委托${MEMBERS[0]!.name}）`);

    const json = await call(service.app, "GET", `/v1/notices/${noticeId}?format=json`);
    expect(json.status).toBe(200);
    expect(json.body.attendance).toMatchObject({ entitled: 35, signedIn: 29, proxies: 2, present: 31 });
    expect(json.body.items.map((i: { position: number; kind: string }) => [i.position, i.kind])).toEqual([
      [1, "motion"],
      [2, "rating"],
      [3, "election"],
      [4, "election"],
    ]);
    expect(json.body.items[3].previousPosition).toBe(3);
    const verify = await get(m("/audit/verify"));
    expect(verify.body.intact, JSON.stringify(verify.body.problems)).toBe(true);
    expect(json.body.audit).toEqual({ seq: verify.body.events, hash: verify.body.head });
    expect(html.text).toContain(verify.body.head);
    // The head printed on the 公示, kept outside the database, is checked later against the log.
    const anchored = await get(m(`/audit/verify?head=${json.body.audit.hash}`));
    expect([anchored.body.intact, anchored.body.anchor]).toEqual([true, { hash: json.body.audit.hash, seq: json.body.audit.seq }]);
    const unknown = await get(m(`/audit/verify?head=${"0".repeat(63)}1`));
    expect([unknown.body.intact, unknown.body.problems.map((p: { code: string }) => p.code)]).toEqual([false, ["ANCHOR_NOT_FOUND"]]);
    const ballot = await get(`/v1/ballots/${motionClosed.body.item.ballot}/audit/verify`);
    expect(ballot.body.intact).toBe(true);

    const csv = await call(service.app, "GET", `/v1/notices/${noticeId}?format=csv`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.text).toContain("0,出席,实到,31");
    expect(csv.text).toContain("3,选举,居民委员会委员选举,");

    expect((await call(service.app, "GET", `/v1/notices/${noticeId.slice(0, -2)}xx`)).status).toBe(404);
    // The audit log of the secret items names who voted, never what.
    const audit = await get(m("/audit"));
    const secretVotes = audit.body.events.filter((e: { type: string; data: { item: string } }) => e.type === "vote.cast" && e.data.item !== motion.body.id);
    expect(secretVotes.length).toBe(31 * 3);
    expect(secretVotes.every((e: { data: Record<string, unknown> }) => !("paper" in e.data))).toBe(true);
  }, 180_000); // some 400 requests, each its own transaction
});
