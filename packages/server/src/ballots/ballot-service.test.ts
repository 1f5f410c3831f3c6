/**
 * BallotService driven directly (no HTTP) on the embedded store: every refusal in full (code, status, message,
 * details), both vote paths (the group commit, and one vote alone in the caller's transaction or retried after a
 * batch the store refused as a whole) for open and secret ballots, and what each leaves stored: rows, counters,
 * the audit chain, the views, and the close event.
 */

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedStore, type TestStore } from "../../../../tests/helpers/server-stores.ts";
import type { ChainedEvent } from "../audit/hash-chain.ts";
import { REFUSAL_STATUS } from "../http/api-error.ts";
import { Refusal } from "../refusal.ts";
import { RuleRegistry } from "../rules/rule-registry.ts";
import { openDatabase, type Database, type Queryable } from "../store/database.ts";
import { BallotService, type VoteReceipt } from "./ballot-service.ts";
import type { Choice, RosterEntry } from "./ballot-types.ts";

/** Version 1 of the rule file the ballots pin: two vote rules, so the entry differs from the file name. */
const SOURCE_V1 = `vote council_majority "过半数 / Majority of votes cast" {
  quorum: present > 1/2 of entitled  "出席过半"
  passes: yes > 1/2 of cast          "赞成过半"
}

vote council_two_thirds "三分之二 / Two-thirds of votes cast" {
  quorum: present > 1/2 of entitled        "出席过半"
  passes: yes >= 2/3 of cast and yes > 0   "赞成达三分之二"
}
`;
/** Version 2: same rules, other labels (so the two versions have different digests). */
const SOURCE_V2 = SOURCE_V1.replace("过半数 / Majority", "简单多数 / Majority");
/** A rule that cannot be evaluated when nobody votes (it divides by the votes cast). */
const RATIO_SOURCE = `vote ratio "比例" {
  quorum: present > 1/2 of entitled  "出席过半"
  passes: yes / cast > 1/2           "赞成占比过半"
}
`;

const GENESIS = "0".repeat(64);
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
/** Digest of a stored version's meaning (canonical JSON of source and imports; these files import nothing). */
/** A value as JSON gives it back (what the store keeps and the API answers). */
const asJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const sourceDigest = (source: string) => sha256(`{"imports":{},"source":${JSON.stringify(source)}}`);

interface RefusalSeen {
  status: number;
  code: string;
  message: string;
  details: unknown;
}

/** The refusal `promise` rejects with, whole; fails when it resolves or rejects with anything else. */
async function refusalOf(promise: Promise<unknown>): Promise<RefusalSeen> {
  const outcome = await promise.then(
    (value) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof Refusal)) throw outcome.error;
  const { kind, code, message, details } = outcome.error;
  return { status: REFUSAL_STATUS[kind], code, message, details };
}

/** A settled vote as a short answer: "recorded", or the refusal's status and code. */
function answerOf(settled: PromiseSettledResult<VoteReceipt>): string {
  if (settled.status === "fulfilled") return "recorded";
  return settled.reason instanceof Refusal ? `${REFUSAL_STATUS[settled.reason.kind]} ${settled.reason.code}` : `error ${String(settled.reason)}`;
}

describe("BallotService on the embedded store", () => {
  let store: TestStore;
  let db: Database;
  let rules: RuleRegistry;
  let ballots: BallotService;
  let meetingItems = 0;

  beforeAll(async () => {
    store = await createEmbeddedStore();
    db = await openDatabase({ dataDir: store.options.dataDir! });
    rules = new RuleRegistry(db);
    await rules.put("council", SOURCE_V1, "rule-author");
    await rules.put("council", SOURCE_V2, "rule-author");
    await rules.put("ratio", RATIO_SOURCE, "rule-author");
    ballots = new BallotService(db, rules);
    // One open meeting whose motions are ballots (see meetings/item-service.ts), written as rows here.
    await db.query("INSERT INTO bodies (id, name, created_by) VALUES ('body-1', '村民代表会议', 'clerk')");
    await db.query("INSERT INTO body_versions (body_id, version, members, created_by) VALUES ('body-1', 1, '[]', 'clerk')");
    await db.query(
      "INSERT INTO meetings (id, title, body_id, body_version, public_names, max_proxies, created_by, audit_head) VALUES ('meeting-1', '第一次会议', 'body-1', 1, false, 0, 'clerk', $1)",
      [GENESIS],
    );
  });
  afterAll(async () => {
    await db?.close();
    await store?.drop();
  });

  /** Runs SQL as a superuser who switched triggers and foreign keys off for the transaction (tampering). */
  const bypass = (statements: [string, unknown[]][]) =>
    db.transaction(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = replica");
      for (const [text, values] of statements) await tx.query(text, values);
    });

  /** A ballot with `present` recorded present, opened unless asked not to, and `votes` cast one by one. */
  async function ballot(
    roster: RosterEntry[],
    options: { secret?: boolean; present?: string[]; open?: boolean; votes?: [string, Choice][]; close?: boolean } = {},
  ): Promise<string> {
    const { id } = await ballots.create({ title: "议题", rule: "council", ruleName: "council_majority", roster, secret: options.secret ?? false }, "clerk");
    for (const member of options.present ?? []) await ballots.recordAttendance(id, member, "clerk");
    if (options.open ?? true) await ballots.open(id, "clerk");
    for (const [member, choice] of options.votes ?? []) await ballots.castVote(id, member, choice, "clerk");
    if (options.close) await ballots.close(id, "clerk");
    return id;
  }

  /** The transaction (xmin) of each vote event, by member. */
  async function voteTransactions(id: string): Promise<Map<string, string>> {
    const { rows } = await db.query<{ member: string; xmin: string }>("SELECT data->>'member' AS member, xmin::text AS xmin FROM audit_events WHERE ballot_id = $1 AND type = 'vote.cast'", [id]);
    return new Map(rows.map((row) => [row.member, row.xmin]));
  }

  async function secretCounts(id: string): Promise<{ yes: number; no: number; abstain: number }[]> {
    const { rows } = await db.query<{ yes: number; no: number; abstain: number }>("SELECT yes, no, abstain FROM secret_counts WHERE ballot_id = $1", [id]);
    return rows;
  }

  async function openChoices(id: string): Promise<Record<string, { choice: string; castAt: string }>> {
    const { rows } = await db.query<{ member_id: string; choice: string; cast_at: Date }>("SELECT member_id, choice, cast_at FROM open_choices WHERE ballot_id = $1", [id]);
    return Object.fromEntries(rows.map((row) => [row.member_id, { choice: row.choice, castAt: row.cast_at.toISOString() }]));
  }

  /** Checks the chain links and numbering of a ballot's events: seq 1..n, each prevHash the hash before it. */
  function expectChained(events: ChainedEvent[], id: string): void {
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.ballot)).toEqual(events.map(() => id));
    expect(events.map((e) => e.prevHash)).toEqual([GENESIS, ...events.slice(0, -1).map((e) => e.hash)]);
  }

  describe("an open ballot from creation to close", () => {
    const ROSTER: RosterEntry[] = [
      { id: "M3", name: "张伟" },
      { id: "M1", name: "李娜" },
      { id: "委员-赵", name: "赵敏" },
      { id: "M4", name: "王芳" },
      { id: "M2", name: "刘洋" },
      { id: "M5", name: "陈静" },
    ];

    it("stores every step, chains it, and answers it in get(), audit(), auditHead() and verifyAudit()", async () => {
      const created = await ballots.create({ title: "修缮村道的议案", rule: "council", ruleVersion: 1, ruleName: "council_majority", roster: ROSTER }, "clerk-1");
      const id = created.id;
      const rule = { name: "council", version: 1, entry: "council_majority", sha256: sha256(SOURCE_V1) };
      const createdEvent = (await ballots.audit(id))[0]!;
      expect(created).toEqual({
        id,
        title: "修缮村道的议案",
        rule,
        secret: false,
        state: "draft",
        createdBy: "clerk-1",
        createdAt: createdEvent.at,
        openedAt: null,
        closedAt: null,
        roster: ROSTER.map((m) => ({ ...m, present: false, voted: false })),
        counts: { entitled: 6, present: 0, voted: 0 },
        tally: null,
        result: null,
        votes: null,
      });
      expect(await secretCounts(id)).toEqual([]);
      expect(await ballots.auditHead(id)).toEqual({ ballot: id, seq: 1, hash: createdEvent.hash, state: "draft" });

      // Attendance before opening; the second time changes nothing.
      expect(await ballots.recordAttendance(id, "M3", "clerk-2")).toEqual({ ballot: id, member: "M3", present: true, alreadyPresent: false });
      expect(await ballots.recordAttendance(id, "M3", "clerk-3")).toEqual({ ballot: id, member: "M3", present: true, alreadyPresent: true });
      expect((await ballots.audit(id)).map((e) => e.type)).toEqual(["ballot.created", "attendance.recorded"]);

      const opened = await ballots.open(id, "chair");
      const openedEvent = (await ballots.audit(id))[2]!;
      expect(openedEvent.type).toBe("ballot.opened");
      expect(opened.state).toBe("open");
      expect(opened.openedAt).toBe(openedEvent.at);
      expect(opened.closedAt).toBeNull();
      for (const member of ["M1", "委员-赵", "M4", "M2"]) {
        expect(await ballots.recordAttendance(id, member, "clerk-2")).toEqual({ ballot: id, member, present: true, alreadyPresent: false });
      }

      // Three votes in one group commit, two alone in the caller's transaction.
      const batch = await Promise.all([ballots.castVote(id, "M4", "yes", "teller-1"), ballots.castVote(id, "M3", "no", "teller-2"), ballots.castVote(id, "M1", "yes", "teller-3")]);
      expect(batch).toEqual([
        { ballot: id, member: "M4", recorded: true },
        { ballot: id, member: "M3", recorded: true },
        { ballot: id, member: "M1", recorded: true },
      ]);
      const alone = await db.transaction(async (tx) => [await ballots.castVote(id, "委员-赵", "abstain", "teller-4", tx), await ballots.castVote(id, "M2", "yes", "teller-4", tx)]);
      expect(alone).toEqual([
        { ballot: id, member: "委员-赵", recorded: true },
        { ballot: id, member: "M2", recorded: true },
      ]);
      const transactions = await voteTransactions(id);
      expect(new Set(["M4", "M3", "M1"].map((m) => transactions.get(m))).size).toBe(1);
      expect(transactions.get("委员-赵")).toBe(transactions.get("M2"));
      expect(transactions.get("M2")).not.toBe(transactions.get("M1"));

      // Open, not closed: flags and counts, but no tally, result or votes yet.
      const before = await ballots.get(id);
      expect(before).toEqual({
        ...created,
        state: "open",
        openedAt: openedEvent.at,
        roster: [
          { id: "M3", name: "张伟", present: true, voted: true },
          { id: "M1", name: "李娜", present: true, voted: true },
          { id: "委员-赵", name: "赵敏", present: true, voted: true },
          { id: "M4", name: "王芳", present: true, voted: true },
          { id: "M2", name: "刘洋", present: true, voted: true },
          { id: "M5", name: "陈静", present: false, voted: false },
        ],
        counts: { entitled: 6, present: 5, voted: 5 },
      });

      // yes 3 (M4, M1, M2), no 1, abstain 1; 5 of 6 present > 3: quorum; 3 > 1/2 × 5 cast: passed.
      // As JSON, the form it is stored and answered in (a vote's margins and explanation are computed when written).
      const result = asJson(await ballots.close(id, "chair"));
      expect(result.kind).toBe("vote");
      expect(result.kind === "vote" ? result.outcome : null).toBe("passed");
      expect(result).toMatchObject({ rule: "council_majority", facts: { entitled: 6, present: 5, yes: 3, no: 1, abstain: 1, cast: 5 }, values: { quorum: true, passes: true } });
      const tally = { entitled: 6, present: 5, yes: 3, no: 1, abstain: 1 };

      const events = await ballots.audit(id);
      expectChained(events, id);
      const closedEvent = events.at(-1)!;
      expect(events.map((e) => [e.type, e.actor, e.data])).toEqual([
        ["ballot.created", "clerk-1", { title: "修缮村道的议案", rule, secret: false, roster: ROSTER, format: 2 }],
        ["attendance.recorded", "clerk-2", { member: "M3" }],
        ["ballot.opened", "chair", {}],
        ["attendance.recorded", "clerk-2", { member: "M1" }],
        ["attendance.recorded", "clerk-2", { member: "委员-赵" }],
        ["attendance.recorded", "clerk-2", { member: "M4" }],
        ["attendance.recorded", "clerk-2", { member: "M2" }],
        ["vote.cast", "teller-1", { member: "M4", choice: "yes" }],
        ["vote.cast", "teller-2", { member: "M3", choice: "no" }],
        ["vote.cast", "teller-3", { member: "M1", choice: "yes" }],
        ["vote.cast", "teller-4", { member: "委员-赵", choice: "abstain" }],
        ["vote.cast", "teller-4", { member: "M2", choice: "yes" }],
        ["ballot.closed", "chair", { tally, outcome: "passed", result, rule: { ...rule, sourceSha256: sourceDigest(SOURCE_V1) } }],
      ]);

      // Each choice is stored beside its voter, at its event's time; an open ballot has no counters.
      const at = (member: string) => events.find((e) => e.type === "vote.cast" && (e.data as { member: string }).member === member)!.at;
      expect(await openChoices(id)).toEqual({
        M4: { choice: "yes", castAt: at("M4") },
        M3: { choice: "no", castAt: at("M3") },
        M1: { choice: "yes", castAt: at("M1") },
        "委员-赵": { choice: "abstain", castAt: at("委员-赵") },
        M2: { choice: "yes", castAt: at("M2") },
      });
      expect(await secretCounts(id)).toEqual([]);

      // Closed: tally, result and each vote in roster order (not in voting or id order).
      expect(await ballots.get(id)).toEqual({
        ...before,
        state: "closed",
        closedAt: closedEvent.at,
        tally,
        result,
        votes: [
          { member: "M3", choice: "no" },
          { member: "M1", choice: "yes" },
          { member: "委员-赵", choice: "abstain" },
          { member: "M4", choice: "yes" },
          { member: "M2", choice: "yes" },
        ],
      });
      const { rows } = await db.query<{ tally: unknown; result: unknown }>("SELECT tally, result FROM ballots WHERE id = $1", [id]);
      expect(rows).toEqual([{ tally, result }]);

      expect(await ballots.auditHead(id)).toEqual({ ballot: id, seq: 13, hash: closedEvent.hash, state: "closed" });
      expect(await ballots.verifyAudit(id)).toEqual({ intact: true, events: 13, head: closedEvent.hash, problems: [] });
      // A kept head is looked up in the chain.
      expect(await ballots.verifyAudit(id, openedEvent.hash)).toEqual({ intact: true, events: 13, head: closedEvent.hash, problems: [], anchor: { hash: openedEvent.hash, seq: 3 } });
    });

    it("pins the version it was created with, and the latest one when none is given", async () => {
      const roster = [{ id: "甲", name: "孙丽" }];
      const latest = await ballots.create({ title: "最新版本", rule: "council", roster, ruleName: "council_two_thirds" }, "clerk");
      expect(latest.rule).toEqual({ name: "council", version: 2, entry: "council_two_thirds", sha256: sha256(SOURCE_V2) });
      // createIn resolves the rule itself (in the caller's transaction) when not given one.
      const id = await db.transaction((tx) => ballots.createIn(tx, { title: "旧版本", rule: "council", ruleVersion: 1, ruleName: "council_majority", roster, secret: true }, "clerk-9"));
      const view = await ballots.get(id);
      expect(view).toMatchObject({ title: "旧版本", rule: { name: "council", version: 1, entry: "council_majority", sha256: sha256(SOURCE_V1) }, secret: true, state: "draft", createdBy: "clerk-9" });
      expect(await secretCounts(id)).toEqual([{ yes: 0, no: 0, abstain: 0 }]);
    });
  });

  describe("a secret ballot", () => {
    const ROSTER: RosterEntry[] = [
      { id: "S01", name: "甲一" },
      { id: "S02", name: "乙二" },
      { id: "S03", name: "丙三" },
      { id: "S04", name: "丁四" },
      { id: "S05", name: "戊五" },
      { id: "S06", name: "己六" },
      { id: "S07", name: "庚七" },
      { id: "S08", name: "辛八" },
      { id: "S09", name: "壬九" },
      { id: "S10", name: "癸十" },
    ];

    it("keeps totals only, logs who voted but never what, and shows no votes once closed", async () => {
      const view = await ballots.create({ title: "罢免案（无记名）", rule: "council", ruleName: "council_two_thirds", roster: ROSTER, secret: true }, "clerk");
      const id = view.id;
      expect(view).toMatchObject({ secret: true, rule: { name: "council", version: 2, entry: "council_two_thirds", sha256: sha256(SOURCE_V2) } });
      expect(await secretCounts(id)).toEqual([{ yes: 0, no: 0, abstain: 0 }]);
      const present = ROSTER.slice(0, 9).map((m) => m.id);
      for (const member of present) await ballots.recordAttendance(id, member, "clerk");
      await ballots.open(id, "chair");

      // One group commit with a different number of each choice, so no counter can take another's votes unseen.
      const batch = await Promise.allSettled([
        ballots.castVote(id, "S01", "yes", "teller"),
        ballots.castVote(id, "S02", "no", "teller"),
        ballots.castVote(id, "S03", "no", "teller"),
        ballots.castVote(id, "S04", "abstain", "teller"),
        ballots.castVote(id, "S05", "abstain", "teller"),
        ballots.castVote(id, "S06", "abstain", "teller"),
      ]);
      expect(batch.map(answerOf)).toEqual(["recorded", "recorded", "recorded", "recorded", "recorded", "recorded"]);
      expect(new Set((await voteTransactions(id)).values()).size).toBe(1);
      expect(await secretCounts(id)).toEqual([{ yes: 1, no: 2, abstain: 3 }]);

      // Alone in the caller's transaction: each choice moves its own counter by one.
      const alone: [string, Choice, { yes: number; no: number; abstain: number }][] = [
        ["S07", "yes", { yes: 2, no: 2, abstain: 3 }],
        ["S08", "no", { yes: 2, no: 3, abstain: 3 }],
        ["S09", "abstain", { yes: 2, no: 3, abstain: 4 }],
      ];
      for (const [member, choice, counts] of alone) {
        expect(await db.transaction((tx) => ballots.castVote(id, member, choice, "teller-alone", tx))).toEqual({ ballot: id, member, recorded: true });
        expect(await secretCounts(id)).toEqual([counts]);
      }
      const { rows: choices } = await db.query("SELECT * FROM open_choices WHERE ballot_id = $1", [id]);
      expect(choices).toEqual([]);

      // yes 2 of 9 cast < 2/3 × 9 = 6: rejected (9 of 10 present is a quorum).
      const result = asJson(await ballots.close(id, "chair"));
      expect(result.kind === "vote" ? result.outcome : null).toBe("rejected");
      expect(result).toMatchObject({ facts: { entitled: 10, present: 9, yes: 2, no: 3, abstain: 4, cast: 9 }, values: { quorum: true, passes: false } });
      const tally = { entitled: 10, present: 9, yes: 2, no: 3, abstain: 4 };

      const events = await ballots.audit(id);
      expectChained(events, id);
      expect(events.filter((e) => e.type === "vote.cast").map((e) => [e.actor, e.data])).toEqual([
        ["teller", { member: "S01" }],
        ["teller", { member: "S02" }],
        ["teller", { member: "S03" }],
        ["teller", { member: "S04" }],
        ["teller", { member: "S05" }],
        ["teller", { member: "S06" }],
        ["teller-alone", { member: "S07" }],
        ["teller-alone", { member: "S08" }],
        ["teller-alone", { member: "S09" }],
      ]);
      expect(events[0]!.data).toEqual({ title: "罢免案（无记名）", rule: view.rule, secret: true, roster: ROSTER, format: 2 });
      expect(events.at(-1)!.data).toEqual({ tally, outcome: "rejected", result, rule: { ...view.rule, sourceSha256: sourceDigest(SOURCE_V2) } });

      const closed = await ballots.get(id);
      expect(closed).toMatchObject({ state: "closed", secret: true, tally, result, votes: null, counts: { entitled: 10, present: 9, voted: 9 } });
      expect(closed.roster.at(-1)).toEqual({ id: "S10", name: "癸十", present: false, voted: false });
      expect(await ballots.auditHead(id)).toEqual({ ballot: id, seq: 21, hash: events.at(-1)!.hash, state: "closed" });
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 21, problems: [] });
    });
  });

  describe("the group commit", () => {
    const ROSTER: RosterEntry[] = ["一", "二", "三", "四", "五"].map((n, i) => ({ id: `G${i + 1}`, name: `成员${n}` }));
    const MEMBERS = ROSTER.map((m) => m.id);

    it.each<[number, number[]]>([
      [1, [1, 1, 1, 1, 1]],
      [2, [1, 2, 2]],
    ])("puts at most maxVoteBatch %i votes in one transaction", async (maxVoteBatch, sizes) => {
      const id = await ballot(ROSTER, { present: MEMBERS });
      const bounded = new BallotService(db, rules, { maxVoteBatch });
      const settled = await Promise.allSettled(MEMBERS.map((member) => bounded.castVote(id, member, "yes", "teller")));
      expect(settled.map(answerOf)).toEqual(["recorded", "recorded", "recorded", "recorded", "recorded"]);
      const counted = new Map<string, number>();
      for (const xmin of (await voteTransactions(id)).values()) counted.set(xmin, (counted.get(xmin) ?? 0) + 1);
      expect([...counted.values()].sort()).toEqual(sizes);
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 1 + 5 + 1 + 5, problems: [] });
    });

    it("refuses only the bad votes of a batch, each in full, and commits the rest together", async () => {
      const id = await ballot(ROSTER, { present: ["G1", "G2", "G3", "G4"], votes: [["G1", "yes"]] });
      const settled = await Promise.allSettled([
        ballots.castVote(id, "G2", "no", "teller"),
        ballots.castVote(id, "G5", "yes", "teller"), // on the roster, not present
        ballots.castVote(id, "外人", "yes", "teller"), // not on the roster
        ballots.castVote(id, "G1", "no", "teller"), // voted in an earlier batch
        ballots.castVote(id, "G3", "abstain", "teller"),
        ballots.castVote(id, "G2", "yes", "teller"), // twice in this batch: the first counts
      ]);
      expect(settled.map(answerOf)).toEqual(["recorded", "409 NOT_PRESENT", "422 NOT_ON_ROSTER", "409 ALREADY_VOTED", "recorded", "409 ALREADY_VOTED"]);
      const reasons = settled.map((s) => (s.status === "rejected" ? refusalOf(Promise.reject(s.reason)) : Promise.resolve(null)));
      expect(await Promise.all(reasons)).toEqual([
        null,
        { status: 409, code: "NOT_PRESENT", message: "Member G5 is not recorded as present, so cannot vote.", details: { ballot: id, member: "G5" } },
        { status: 422, code: "NOT_ON_ROSTER", message: `Member 外人 is not on the roster of ballot ${id}.`, details: { ballot: id, member: "外人" } },
        { status: 409, code: "ALREADY_VOTED", message: `Member G1 has already voted on ballot ${id}; a vote counts once.`, details: { ballot: id, member: "G1" } },
        null,
        { status: 409, code: "ALREADY_VOTED", message: `Member G2 has already voted on ballot ${id}; a vote counts once.`, details: { ballot: id, member: "G2" } },
      ]);
      // The accepted votes went in one transaction, not retried one by one.
      const transactions = await voteTransactions(id);
      expect(transactions.get("G2")).toBe(transactions.get("G3"));
      expect(transactions.get("G2")).not.toBe(transactions.get("G1"));
      expect(await openChoices(id)).toMatchObject({ G1: { choice: "yes" }, G2: { choice: "no" }, G3: { choice: "abstain" } });
      expect(Object.keys(await openChoices(id)).sort()).toEqual(["G1", "G2", "G3"]);
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 1 + 4 + 1 + 3, problems: [] });
    });

    it("retries each vote alone when a batch's statement fails, so only the one at fault fails (a key taken first)", async () => {
      const id = await ballot(ROSTER, { present: ["G1", "G2", "G3", "G4"] });
      // A choice row of G2 with no voter (written as a superuser would): G2's vote hits the choices' key.
      await bypass([["INSERT INTO open_choices (ballot_id, member_id, choice) VALUES ($1, 'G2', 'no')", [id]]]);
      const settled = await Promise.allSettled([ballots.castVote(id, "G1", "yes", "teller-1"), ballots.castVote(id, "G2", "yes", "teller-2"), ballots.castVote(id, "G3", "no", "teller-3")]);
      expect(settled.map(answerOf)).toEqual(["recorded", "409 ALREADY_VOTED", "recorded"]);
      expect(await refusalOf(Promise.reject((settled[1] as PromiseRejectedResult).reason))).toEqual({
        status: 409,
        code: "ALREADY_VOTED",
        message: `Member G2 has already voted on ballot ${id}; a vote counts once.`,
        details: { ballot: id, member: "G2" },
      });
      const transactions = await voteTransactions(id);
      expect([...transactions.keys()].sort()).toEqual(["G1", "G3"]);
      expect(transactions.get("G1")).not.toBe(transactions.get("G3"));
      // Each retried vote keeps its own actor and choice, chained after the attendance and opening.
      const events = await ballots.audit(id);
      expectChained(events, id);
      expect(events.slice(6).map((e) => [e.seq, e.type, e.actor, e.data])).toEqual([
        [7, "vote.cast", "teller-1", { member: "G1", choice: "yes" }],
        [8, "vote.cast", "teller-3", { member: "G3", choice: "no" }],
      ]);
      // Alone in the caller's transaction, the key refuses it the same way.
      expect(await refusalOf(db.transaction((tx) => ballots.castVote(id, "G2", "abstain", "teller", tx)))).toEqual({
        status: 409,
        code: "ALREADY_VOTED",
        message: `Member G2 has already voted on ballot ${id}; a vote counts once.`,
        details: { ballot: id, member: "G2" },
      });
      expect(await openChoices(id)).toMatchObject({ G1: { choice: "yes" }, G2: { choice: "no" }, G3: { choice: "no" } });
      // The stray row is still there: close refuses to count it.
      expect(await refusalOf(ballots.close(id, "chair"))).toEqual({
        status: 409,
        code: "TALLY_MISMATCH",
        message: `Ballot ${id} cannot be closed: 3 choices are stored for 2 voters. The stored votes were changed outside the service; run audit verify.`,
        details: { ballot: id, voters: 2, choices: { yes: 1, no: 2, abstain: 0 }, votersNotPresent: [], presentNotOnRoster: [], choicesWithoutVoter: ["G2"] },
      });
    });

    it("fails every vote of a batch whose COMMIT fails, and retries none of them (a commit may fail after it took effect)", async () => {
      const id = await ballot(ROSTER, { present: ["G1", "G2", "G3"] });
      // The same store, except that the next transaction fails at its end, after all its statements ran.
      let failNextCommit = true;
      const failing: Database = {
        kind: db.kind,
        query: (text, values) => db.query(text, values),
        transaction: (work) =>
          db.transaction(async (tx) => {
            const done = await work(tx);
            if (failNextCommit) {
              failNextCommit = false;
              throw new Error("COMMIT failed");
            }
            return done;
          }),
        watch: (channel, changed) => db.watch(channel, changed),
        close: async () => {},
      };
      const service = new BallotService(failing, rules);
      const settled = await Promise.allSettled([service.castVote(id, "G1", "yes", "teller"), service.castVote(id, "G2", "no", "teller"), service.castVote(id, "G3", "abstain", "teller")]);
      expect(settled.map(answerOf)).toEqual(["error Error: COMMIT failed", "error Error: COMMIT failed", "error Error: COMMIT failed"]);
      // Nothing was written, and nothing was written again behind the callers' backs.
      expect(await openChoices(id)).toEqual({});
      expect(await voteTransactions(id)).toEqual(new Map());
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 1 + 3 + 1, problems: [] });
      // The next batch commits.
      expect(await service.castVote(id, "G1", "yes", "teller")).toEqual({ ballot: id, member: "G1", recorded: true });
    });

    it("retries each vote of a secret ballot alone when the store cannot hold one (NUL in a member id)", async () => {
      const id = await ballot(ROSTER, { secret: true, present: ["G1", "G2", "G3"] });
      const settled = await Promise.allSettled([ballots.castVote(id, "G1", "yes", "teller"), ballots.castVote(id, "G\u0000", "no", "teller"), ballots.castVote(id, "G3", "abstain", "teller")]);
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      // The store's own error, not turned into a refusal.
      const failure: unknown = (settled[1] as PromiseRejectedResult).reason;
      expect(failure).not.toBeInstanceOf(Refusal);
      expect((failure as { code?: unknown }).code).toBe("22021");
      const transactions = await voteTransactions(id);
      expect([...transactions.keys()].sort()).toEqual(["G1", "G3"]);
      expect(transactions.get("G1")).not.toBe(transactions.get("G3"));
      expect(await secretCounts(id)).toEqual([{ yes: 1, no: 0, abstain: 1 }]);
      const events = await ballots.audit(id);
      expect(events.filter((e) => e.type === "vote.cast").map((e) => e.data)).toEqual([{ member: "G1" }, { member: "G3" }]);
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 1 + 3 + 1 + 2, problems: [] });
    });
  });

  describe("one vote alone in the caller's transaction", () => {
    const ROSTER: RosterEntry[] = [
      { id: "A1", name: "周杰" },
      { id: "A2", name: "吴磊" },
      { id: "A3", name: "郑爽" },
    ];

    it("refuses a second vote of one member without spoiling the caller's transaction", async () => {
      const id = await ballot(ROSTER, { present: ["A1", "A2", "A3"] });
      const answers = await db.transaction(async (tx) => {
        const first = await ballots.castVote(id, "A1", "yes", "teller", tx);
        const second = await refusalOf(ballots.castVote(id, "A1", "no", "teller", tx));
        // The transaction is still usable: no statement failed.
        const third = await ballots.castVote(id, "A2", "no", "teller", tx);
        return { first, second, third };
      });
      expect(answers).toEqual({
        first: { ballot: id, member: "A1", recorded: true },
        second: { status: 409, code: "ALREADY_VOTED", message: `Member A1 has already voted on ballot ${id}; a vote counts once.`, details: { ballot: id, member: "A1" } },
        third: { ballot: id, member: "A2", recorded: true },
      });
      expect(await openChoices(id)).toMatchObject({ A1: { choice: "yes" }, A2: { choice: "no" } });
      // A later transaction sees the stored vote too.
      expect(await refusalOf(db.transaction((tx) => ballots.castVote(id, "A2", "yes", "teller", tx)))).toMatchObject({ code: "ALREADY_VOTED", details: { ballot: id, member: "A2" } });
      expect(await ballots.verifyAudit(id)).toMatchObject({ intact: true, events: 1 + 3 + 1 + 2, problems: [] });
    });
  });

  describe("refusals", () => {
    const ROSTER: RosterEntry[] = [
      { id: "R1", name: "黄河" },
      { id: "R2", name: "长江" },
      { id: "R3", name: "珠江" },
    ];
    const MISSING = "no-such-ballot";
    const notFound = { status: 404, code: "BALLOT_NOT_FOUND", message: `No ballot with id ${MISSING}.`, details: { ballot: MISSING } };

    it.each<[string, RosterEntry[], RefusalSeen]>([
      ["an empty roster", [], { status: 422, code: "EMPTY_ROSTER", message: "A ballot needs at least one member on its roster.", details: null }],
      [
        "a roster with repeated ids",
        [
          { id: "甲", name: "一" },
          { id: "乙", name: "二" },
          { id: "甲", name: "三" },
          { id: "丙", name: "四" },
          { id: "乙", name: "五" },
          { id: "甲", name: "六" },
        ],
        { status: 422, code: "DUPLICATE_MEMBER", message: "Member ids must be unique on a roster; repeated: 甲, 乙.", details: { members: ["甲", "乙"] } },
      ],
    ])("create and createIn refuse %s, and store nothing", async (_what, roster, expected) => {
      const before = (await ballots.list()).length;
      expect(await refusalOf(ballots.create({ title: "坏名单", rule: "council", roster }, "clerk"))).toEqual(expected);
      expect(await refusalOf(db.transaction((tx) => ballots.createIn(tx, { title: "坏名单", rule: "council", roster }, "clerk")))).toEqual(expected);
      expect((await ballots.list()).length).toBe(before);
    });

    it.each<[string, () => Promise<unknown>]>([
      ["get", () => ballots.get(MISSING)],
      ["open", () => ballots.open(MISSING, "clerk")],
      ["recordAttendance", () => ballots.recordAttendance(MISSING, "R1", "clerk")],
      ["castVote (group commit)", () => ballots.castVote(MISSING, "R1", "yes", "clerk")],
      ["castVote (alone)", () => db.transaction((tx) => ballots.castVote(MISSING, "R1", "yes", "clerk", tx))],
      ["close", () => ballots.close(MISSING, "clerk")],
      ["audit", () => ballots.audit(MISSING)],
      ["auditHead", () => ballots.auditHead(MISSING)],
      ["verifyAudit", () => ballots.verifyAudit(MISSING)],
    ])("%s of a ballot that does not exist: 404 BALLOT_NOT_FOUND", async (_what, act) => {
      expect(await refusalOf(act())).toEqual(notFound);
    });

    it("open refuses an open ballot (BALLOT_ALREADY_OPEN) and a closed one (BALLOT_CLOSED)", async () => {
      const id = await ballot(ROSTER, { present: ["R1"] });
      expect(await refusalOf(ballots.open(id, "clerk"))).toEqual({ status: 409, code: "BALLOT_ALREADY_OPEN", message: `Ballot ${id} is already open.`, details: { ballot: id } });
      await ballots.close(id, "clerk");
      expect(await refusalOf(ballots.open(id, "clerk"))).toEqual({ status: 409, code: "BALLOT_CLOSED", message: `Ballot ${id} is closed; its result is final.`, details: { ballot: id } });
    });

    it("close refuses a draft (never opened) and a closed ballot", async () => {
      const id = await ballot(ROSTER, { open: false });
      expect(await refusalOf(ballots.close(id, "clerk"))).toEqual({ status: 409, code: "BALLOT_NOT_OPEN", message: `Ballot ${id} was never opened.`, details: { ballot: id, state: "draft" } });
      expect((await ballots.get(id)).state).toBe("draft");
      await ballots.open(id, "clerk");
      await ballots.close(id, "clerk");
      expect(await refusalOf(ballots.close(id, "clerk"))).toEqual({ status: 409, code: "BALLOT_CLOSED", message: `Ballot ${id} is closed; its result is final.`, details: { ballot: id } });
      expect((await ballots.audit(id)).map((e) => e.type)).toEqual(["ballot.created", "ballot.opened", "ballot.closed"]);
    });

    it("attendance is refused off the roster and once closed", async () => {
      const id = await ballot(ROSTER, { open: false });
      expect(await refusalOf(ballots.recordAttendance(id, "R9", "clerk"))).toEqual({
        status: 422,
        code: "NOT_ON_ROSTER",
        message: `Member R9 is not on the roster of ballot ${id}.`,
        details: { ballot: id, member: "R9" },
      });
      await ballots.open(id, "clerk");
      await ballots.close(id, "clerk");
      expect(await refusalOf(ballots.recordAttendance(id, "R1", "clerk"))).toEqual({ status: 409, code: "BALLOT_CLOSED", message: `Ballot ${id} is closed; its result is final.`, details: { ballot: id } });
      expect((await ballots.get(id)).counts).toEqual({ entitled: 3, present: 0, voted: 0 });
    });

    const paths: [string, (id: string, member: string, choice: Choice) => Promise<VoteReceipt>][] = [
      ["the group commit", (id, member, choice) => ballots.castVote(id, member, choice, "teller")],
      ["alone in the caller's transaction", (id, member, choice) => db.transaction((tx: Queryable) => ballots.castVote(id, member, choice, "teller", tx))],
    ];

    it.each(paths)("a vote through %s is refused on a draft, a closed ballot, off the roster, when absent, and the second time", async (_path, vote) => {
      const draft = await ballot(ROSTER, { open: false, present: ["R1"] });
      expect(await refusalOf(vote(draft, "R1", "yes"))).toEqual({
        status: 409,
        code: "BALLOT_NOT_OPEN",
        message: `Ballot ${draft} is not open for voting yet.`,
        details: { ballot: draft, state: "draft" },
      });

      const id = await ballot(ROSTER, { present: ["R1", "R2"] });
      expect(await refusalOf(vote(id, "R7", "yes"))).toEqual({ status: 422, code: "NOT_ON_ROSTER", message: `Member R7 is not on the roster of ballot ${id}.`, details: { ballot: id, member: "R7" } });
      expect(await refusalOf(vote(id, "R3", "yes"))).toEqual({ status: 409, code: "NOT_PRESENT", message: "Member R3 is not recorded as present, so cannot vote.", details: { ballot: id, member: "R3" } });
      expect(await vote(id, "R1", "no")).toEqual({ ballot: id, member: "R1", recorded: true });
      expect(await refusalOf(vote(id, "R1", "yes"))).toEqual({
        status: 409,
        code: "ALREADY_VOTED",
        message: `Member R1 has already voted on ballot ${id}; a vote counts once.`,
        details: { ballot: id, member: "R1" },
      });
      expect(await openChoices(id)).toMatchObject({ R1: { choice: "no" } });
      await ballots.close(id, "clerk");
      expect(await refusalOf(vote(id, "R2", "yes"))).toEqual({ status: 409, code: "BALLOT_CLOSED", message: `Ballot ${id} is closed; its result is final.`, details: { ballot: id } });
      const closed = await ballots.get(id);
      expect([closed.tally, closed.counts]).toEqual([
        { entitled: 3, present: 2, yes: 0, no: 1, abstain: 0 },
        { entitled: 3, present: 2, voted: 1 },
      ]);
      expect(closed.roster).toEqual([
        { id: "R1", name: "黄河", present: true, voted: true },
        { id: "R2", name: "长江", present: true, voted: false },
        { id: "R3", name: "珠江", present: false, voted: false },
      ]);
      expect(closed.votes).toEqual([{ member: "R1", choice: "no" }]);
    });
  });

  describe("a ballot that counts a meeting's motion", () => {
    const ROSTER: RosterEntry[] = [
      { id: "H1", name: "马超" },
      { id: "H2", name: "黄忠" },
      { id: "H3", name: "赵云" },
    ];

    async function motion(): Promise<string> {
      const id = await ballot(ROSTER);
      meetingItems += 1;
      await db.query(
        `INSERT INTO meeting_items (id, meeting_id, position, kind, title, rule_name, rule_version, rule_entry, secret, ballot_id, opened_at)
         VALUES ($1, 'meeting-1', $2, 'motion', '议题', 'council', 2, 'council_majority', false, $3, now())`,
        [`item-${meetingItems}`, meetingItems, id],
      );
      return id;
    }

    it("refuses direct attendance, votes and close, and takes them inside the meeting's transaction", async () => {
      const id = await motion();
      const owned = { status: 409, code: "BALLOT_OF_MEETING", message: `Ballot ${id} counts a meeting's motion: vote and close it through /v1/meetings/{id}/items.`, details: { ballot: id } };
      expect(await refusalOf(ballots.recordAttendance(id, "H1", "clerk"))).toEqual(owned);
      expect(await refusalOf(ballots.castVote(id, "H1", "yes", "clerk"))).toEqual(owned);
      expect(await refusalOf(ballots.close(id, "clerk"))).toEqual(owned);

      // The meeting passes its own transaction: none of these is refused.
      const result = await db.transaction(async (tx) => {
        expect(await ballots.recordAttendance(id, "H1", "meeting", tx)).toEqual({ ballot: id, member: "H1", present: true, alreadyPresent: false });
        expect(await ballots.recordAttendance(id, "H2", "meeting", tx)).toEqual({ ballot: id, member: "H2", present: true, alreadyPresent: false });
        expect(await ballots.castVote(id, "H1", "yes", "meeting", tx)).toEqual({ ballot: id, member: "H1", recorded: true });
        expect(await ballots.castVote(id, "H2", "yes", "meeting", tx)).toEqual({ ballot: id, member: "H2", recorded: true });
        return ballots.close(id, "meeting", tx);
      });
      // 2 of 3 present, 2 yes of 2 cast: passed.
      expect(result.kind === "vote" ? result.outcome : null).toBe("passed");
      expect((await ballots.get(id)).tally).toEqual({ entitled: 3, present: 2, yes: 2, no: 0, abstain: 0 });
      expect((await ballots.audit(id)).map((e) => [e.type, e.actor])).toEqual([
        ["ballot.created", "clerk"],
        ["ballot.opened", "clerk"],
        ["attendance.recorded", "meeting"],
        ["attendance.recorded", "meeting"],
        ["vote.cast", "meeting"],
        ["vote.cast", "meeting"],
        ["ballot.closed", "meeting"],
      ]);
    });
  });

  describe("close recounts the stored rows", () => {
    const ROSTER: RosterEntry[] = [
      { id: "甲", name: "钱一" },
      { id: "乙", name: "孙二" },
      { id: "丙", name: "李三" },
      { id: "丁", name: "周四" },
    ];
    /** 甲 乙 丙 丁 present; 甲 yes, 乙 no, 丙 abstain. */
    const prepared = (secret: boolean) =>
      ballot(ROSTER, {
        secret,
        present: ["甲", "乙", "丙", "丁"],
        votes: [
          ["甲", "yes"],
          ["乙", "no"],
          ["丙", "abstain"],
        ],
      });

    const cases: [string, boolean, string[], string, object][] = [
      [
        "a choice deleted",
        false,
        ["DELETE FROM open_choices WHERE ballot_id = $1 AND member_id = '乙'"],
        "2 choices are stored for 3 voters",
        { voters: 3, choices: { yes: 1, no: 0, abstain: 1 }, votersNotPresent: [], presentNotOnRoster: [], choicesWithoutVoter: [] },
      ],
      [
        "a voter's attendance deleted",
        false,
        ["DELETE FROM attendance WHERE ballot_id = $1 AND member_id = '丙'"],
        "voters not recorded present: 丙",
        { voters: 3, choices: { yes: 1, no: 1, abstain: 1 }, votersNotPresent: ["丙"], presentNotOnRoster: [], choicesWithoutVoter: [] },
      ],
      [
        "attendance of a stranger added",
        false,
        ["INSERT INTO attendance (ballot_id, member_id) VALUES ($1, '外人')"],
        "attendance of members not on the roster: 外人",
        { voters: 3, choices: { yes: 1, no: 1, abstain: 1 }, votersNotPresent: [], presentNotOnRoster: ["外人"], choicesWithoutVoter: [] },
      ],
      [
        "a voter swapped for one who chose nothing",
        false,
        ["DELETE FROM voters WHERE ballot_id = $1 AND member_id = '甲'", "INSERT INTO voters (ballot_id, member_id) VALUES ($1, '丁')"],
        "choices of members who are not voters: 甲",
        { voters: 3, choices: { yes: 1, no: 1, abstain: 1 }, votersNotPresent: [], presentNotOnRoster: [], choicesWithoutVoter: ["甲"] },
      ],
      [
        "a secret ballot's counters deleted",
        true,
        ["DELETE FROM secret_counts WHERE ballot_id = $1"],
        "the secret ballot has no counters",
        { voters: 3, choices: null, votersNotPresent: [], presentNotOnRoster: [], choicesWithoutVoter: [] },
      ],
    ];

    it.each(cases)("refuses with TALLY_MISMATCH when %s, and stays open", async (_what, secret, tamper, reason, details) => {
      const id = await prepared(secret);
      await bypass(tamper.map((text): [string, unknown[]] => [text, [id]]));
      expect(await refusalOf(ballots.close(id, "chair"))).toEqual({
        status: 409,
        code: "TALLY_MISMATCH",
        message: `Ballot ${id} cannot be closed: ${reason}. The stored votes were changed outside the service; run audit verify.`,
        details: { ballot: id, ...details },
      });
      const view = await ballots.get(id);
      expect([view.state, view.closedAt, view.tally, view.result]).toEqual(["open", null, null, null]);
      expect((await ballots.auditHead(id)).seq).toBe(1 + 4 + 1 + 3);
    });

    it("refuses with 422 EVALUATION_ERROR when the rule cannot be evaluated on the tally, and stays open", async () => {
      const { id } = await ballots.create({ title: "比例表决", rule: "ratio", roster: [{ id: "Q1", name: "邱一" }] }, "clerk");
      await ballots.recordAttendance(id, "Q1", "clerk");
      await ballots.open(id, "clerk");
      const tally = { entitled: 1, present: 1, yes: 0, no: 0, abstain: 0 };
      expect(await refusalOf(ballots.close(id, "chair"))).toEqual({
        status: 422,
        code: "EVALUATION_ERROR",
        message: "yes / cast divides by zero: cast = 0 (yes = 0, cast = 0).",
        details: {
          code: "DIVISION_BY_ZERO",
          message: "yes / cast divides by zero: cast = 0 (yes = 0, cast = 0).",
          messageId: "DIVISION_BY_ZERO",
          args: { expression: "yes / cast", divisor: "cast", values: ["yes = 0", "cast = 0"] },
          span: { line: 3, column: 11, offset: 72, endLine: 3, endColumn: 21, endOffset: 82 },
          details: { expression: "yes / cast", values: { yes: "0", cast: "0" } },
          tally,
        },
      });
      expect((await ballots.get(id)).state).toBe("open");
      // One yes of one cast: 1 > 1/2, passed.
      await ballots.castVote(id, "Q1", "yes", "teller");
      const result = await ballots.close(id, "chair");
      expect(result.kind === "vote" ? result.outcome : null).toBe("passed");
    });

    it("closes the same ballot untampered, on the stored counts", async () => {
      const id = await prepared(true);
      // 4 of 4 present, yes 1 of 3 cast: rejected.
      const result = await ballots.close(id, "chair");
      expect(result.kind === "vote" ? result.outcome : null).toBe("rejected");
      expect((await ballots.get(id)).tally).toEqual({ entitled: 4, present: 4, yes: 1, no: 1, abstain: 1 });
    });
  });

  describe("list", () => {
    it("lists every ballot newest first, as summaries", async () => {
      const older = await ballots.create({ title: "较早的议案", rule: "council", ruleVersion: 1, ruleName: "council_majority", roster: [{ id: "L1", name: "林一" }] }, "clerk");
      // Distinct creation times, so the order is the time's, not the id's.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const newer = await ballots.create({ title: "较新的议案", rule: "council", ruleName: "council_two_thirds", roster: [{ id: "L1", name: "林一" }] }, "clerk");
      await ballots.open(newer.id, "clerk");
      const listed = await ballots.list();
      expect(listed.slice(0, 2)).toEqual([
        { id: newer.id, title: "较新的议案", state: "open", rule: "council", ruleVersion: 2, createdAt: newer.createdAt },
        { id: older.id, title: "较早的议案", state: "draft", rule: "council", ruleVersion: 1, createdAt: older.createdAt },
      ]);
      const times = listed.map((b) => b.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    });
  });
});
