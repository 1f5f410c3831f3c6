/**
 * Ballots end to end: create (rule version pinned) → open → attendance and votes → close (tally evaluated and stored).
 * Every change runs in one transaction that first locks the ballot row, so changes to one ballot are serialised
 * and the audit chain cannot fork; the schema's keys are the final guard for one attendance and one vote per member.
 * Votes are group-committed per ballot: those that arrive while the ballot's previous commit is in flight are
 * written together in the next transaction (one lock, one chain segment), each answered only after that commit.
 */

import { randomUUID } from "node:crypto";
import type { RuleResult } from "@gavel-rules/lang";
import { appendEvent, AUDIT_INSERT_COLUMNS, eventTime, listEvents, prepareEvent, storedHead, type ChainHead, type PreparedEvent } from "../audit/audit-log.ts";
import { GENESIS_HASH, type ChainedEvent } from "../audit/hash-chain.ts";
import { conflict, notFound, unprocessable, type Refusal } from "../refusal.ts";
import { resolvedSourceDigest, type ResolvedRule, type RuleRegistry } from "../rules/rule-registry.ts";
import type { Database, Queryable } from "../store/database.ts";
import { isUniqueViolation } from "../store/sql-errors.ts";
import { countMismatch, countStored, tallyOf } from "./ballot-count.ts";
import { BALLOT_COLUMNS, BALLOT_RECORD_FORMAT, type BallotRow } from "./ballot-row.ts";
import type { BallotState, BallotView, Choice, CreateBallotInput } from "./ballot-types.ts";
import { verifyBallot, type BallotVerification } from "./ballot-verification.ts";
import { GroupCommit, type Settled } from "./group-commit.ts";

/** The most votes of one ballot committed in one transaction: bounds how long a batch holds the ballot's lock. */
export const DEFAULT_VOTE_BATCH = 64;

/** A vote waiting for its ballot's next commit. */
interface PendingVote {
  member: string;
  choice: Choice;
  actor: string;
}

/** What a recorded vote answers. */
export interface VoteReceipt {
  ballot: string;
  member: string;
  recorded: true;
}

function headOf(row: BallotRow): ChainHead {
  return { seq: row.audit_seq, hash: row.audit_head };
}

export class BallotService {
  private readonly votes: GroupCommit<PendingVote, VoteReceipt>;

  constructor(
    private readonly db: Database,
    private readonly rules: RuleRegistry,
    options: { maxVoteBatch?: number } = {},
  ) {
    this.votes = new GroupCommit((id, votes) => this.commitVotes(id, votes), options.maxVoteBatch ?? DEFAULT_VOTE_BATCH);
  }

  /** Creates a draft ballot pinned to the current (or given) version of a vote rule. */
  async create(input: CreateBallotInput, actor: string): Promise<BallotView> {
    assertRoster(input.roster);
    // Resolved (and compiled, on first use) before the transaction, so no store transaction waits on a compile.
    const resolved = await this.rules.resolve(input.rule, { version: input.ruleVersion, selector: input.ruleName, kind: "vote" });
    const id = await this.db.transaction((tx) => this.createIn(tx, input, actor, resolved));
    return this.get(id);
  }

  /** Creates a draft ballot inside the caller's transaction (a meeting's motion); returns its id. */
  async createIn(tx: Queryable, input: CreateBallotInput, actor: string, resolved?: ResolvedRule): Promise<string> {
    assertRoster(input.roster);
    const { record, rule } = resolved ?? (await this.rules.resolve(input.rule, { version: input.ruleVersion, selector: input.ruleName, kind: "vote", tx }));
    const id = randomUUID();
    const secret = input.secret ?? false;
    const at = eventTime();
    await tx.query("INSERT INTO ballots (id, title, rule_name, rule_version, rule_entry, secret, created_by, audit_head, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
      id,
      input.title,
      record.name,
      record.version,
      rule.name,
      secret,
      actor,
      GENESIS_HASH,
      at,
    ]);
    // A secret ballot's choices are only ever totals: one counters row, written before any vote.
    if (secret) await tx.query("INSERT INTO secret_counts (ballot_id) VALUES ($1)", [id]);
    await tx.query(
      `INSERT INTO roster_members (ballot_id, member_id, name, position)
       SELECT $1, m.id, m.name, m.position FROM jsonb_to_recordset($2::jsonb) AS m(id text, name text, position integer)`,
      [id, JSON.stringify(input.roster.map((m, position) => ({ id: m.id, name: m.name, position })))],
    );
    const data = { title: input.title, rule: { name: record.name, version: record.version, entry: rule.name, sha256: record.sha256 }, secret, roster: input.roster, format: BALLOT_RECORD_FORMAT };
    const head = await appendEvent(tx, id, { seq: 0, hash: GENESIS_HASH }, "ballot.created", actor, data, at);
    await tx.query("UPDATE ballots SET audit_seq = $2, audit_head = $3 WHERE id = $1", [id, head.seq, head.hash]);
    return id;
  }

  /** Opens a draft ballot for voting. */
  async open(id: string, actor: string): Promise<BallotView> {
    await this.db.transaction((tx) => this.openIn(tx, id, actor));
    return this.get(id);
  }

  /** Opens a draft ballot inside the caller's transaction. */
  async openIn(tx: Queryable, id: string, actor: string): Promise<void> {
    const ballot = await this.lock(tx, id);
    if (ballot.state !== "draft") throw ballot.state === "closed" ? closedError(id) : conflict("BALLOT_ALREADY_OPEN", `Ballot ${id} is already open.`, { ballot: id });
    const at = eventTime();
    const head = await appendEvent(tx, id, headOf(ballot), "ballot.opened", actor, {}, at);
    await tx.query("UPDATE ballots SET state = 'open', opened_at = $4, audit_seq = $2, audit_head = $3 WHERE id = $1", [id, head.seq, head.hash, at]);
  }

  /** Records a roster member as present (draft or open); recording twice changes nothing. */
  async recordAttendance(id: string, member: string, actor: string, outer?: Queryable): Promise<{ ballot: string; member: string; present: true; alreadyPresent: boolean }> {
    return this.within(outer, async (tx) => {
      const ballot = await this.lock(tx, id);
      if (!outer) await this.assertNotInMeeting(tx, id);
      if (ballot.state === "closed") throw closedError(id);
      await this.assertOnRoster(tx, id, member);
      const at = eventTime();
      const { rowCount } = await tx.query("INSERT INTO attendance (ballot_id, member_id, recorded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [id, member, at]);
      if (rowCount) {
        const head = await appendEvent(tx, id, headOf(ballot), "attendance.recorded", actor, { member }, at);
        await tx.query("UPDATE ballots SET audit_seq = $2, audit_head = $3 WHERE id = $1", [id, head.seq, head.hash]);
      }
      return { ballot: id, member, present: true as const, alreadyPresent: !rowCount };
    });
  }

  /**
   * Records one member's vote; refused when the ballot is not open, or the member is not on the roster, not present, or
   * has voted. Without `outer` the vote joins its ballot's next group commit and resolves once that has committed.
   */
  castVote(id: string, member: string, choice: Choice, actor: string, outer?: Queryable): Promise<VoteReceipt> {
    if (outer) return this.castVoteAlone(id, member, choice, actor, outer);
    return this.votes.submit(id, { member, choice, actor });
  }

  /**
   * Commits a batch of one ballot's votes in one transaction. A vote that fails its checks is refused alone. When the
   * store refuses the batch as a whole before COMMIT (a key another writer took first, text it cannot hold), nothing
   * of it was written, so each vote is retried in its own transaction and only the one at fault fails. A failed
   * COMMIT fails every vote of the batch, as it failed the one vote of a single transaction.
   */
  private async commitVotes(id: string, votes: PendingVote[]): Promise<Settled<VoteReceipt>[]> {
    let written = false;
    try {
      return await this.db.transaction(async (tx) => {
        const outcomes = await this.writeVotes(tx, id, votes);
        written = true;
        return outcomes;
      });
    } catch (error) {
      if (written) throw error;
      const outcomes: Settled<VoteReceipt>[] = [];
      for (const vote of votes) outcomes.push(await settle(this.castVoteAlone(id, vote.member, vote.choice, vote.actor)));
      return outcomes;
    }
  }

  /** Checks each vote of a batch under the ballot's lock and writes the accepted ones as one segment of its chain. */
  private async writeVotes(tx: Queryable, id: string, votes: PendingVote[]): Promise<Settled<VoteReceipt>[]> {
    const { rows } = await tx.query<BallotRow & { in_meeting: boolean }>(
      `SELECT ${BALLOT_COLUMNS}, EXISTS (SELECT 1 FROM meeting_items i WHERE i.ballot_id = b.id) AS in_meeting
       FROM ballots b WHERE b.id = $1 FOR UPDATE OF b`,
      [id],
    );
    const ballot = rows[0];
    const refuseAll = (error: () => Refusal): Settled<VoteReceipt>[] => votes.map(() => ({ ok: false, error: error() }));
    if (!ballot) return refuseAll(() => notFound("BALLOT_NOT_FOUND", `No ballot with id ${id}.`, { ballot: id }));
    if (ballot.in_meeting) return refuseAll(() => meetingOwned(id));
    if (ballot.state === "closed") return refuseAll(() => closedError(id));
    if (ballot.state === "draft") return refuseAll(() => conflict("BALLOT_NOT_OPEN", `Ballot ${id} is not open for voting yet.`, { ballot: id, state: ballot.state }));
    // Read after the lock is held, so every vote committed before this batch (by any instance) is seen.
    const { rows: standing } = await tx.query<{ member_id: string; on_roster: boolean; present: boolean; voted: boolean }>(
      `SELECT m.member_id,
         EXISTS (SELECT 1 FROM roster_members r WHERE r.ballot_id = $1 AND r.member_id = m.member_id) AS on_roster,
         EXISTS (SELECT 1 FROM attendance a WHERE a.ballot_id = $1 AND a.member_id = m.member_id) AS present,
         EXISTS (SELECT 1 FROM voters v WHERE v.ballot_id = $1 AND v.member_id = m.member_id) AS voted
       FROM jsonb_array_elements_text($2::jsonb) AS m(member_id)`,
      [id, JSON.stringify([...new Set(votes.map((v) => v.member))])],
    );
    const standingOf = new Map(standing.map((row) => [row.member_id, row]));
    const outcomes: Settled<VoteReceipt>[] = [];
    const accepted: { vote: PendingVote; event: PreparedEvent }[] = [];
    const votedNow = new Set<string>();
    let head = headOf(ballot);
    for (const vote of votes) {
      const member = standingOf.get(vote.member);
      const refusal = !member?.on_roster
        ? notOnRoster(id, vote.member)
        : !member.present
          ? notPresent(id, vote.member)
          : member.voted || votedNow.has(vote.member)
            ? alreadyVoted(id, vote.member)
            : undefined;
      if (refusal) {
        outcomes.push({ ok: false, error: refusal });
        continue;
      }
      votedNow.add(vote.member);
      // A secret ballot's log says who voted, never what.
      const event = prepareEvent(id, head, "vote.cast", vote.actor, ballot.secret ? { member: vote.member } : { member: vote.member, choice: vote.choice });
      head = event.head;
      accepted.push({ vote, event });
      outcomes.push({ ok: true, value: { ballot: id, member: vote.member, recorded: true } });
    }
    if (accepted.length === 0) return outcomes;
    const segment = accepted.map(({ vote, event }) => {
      const [, seq, type, actor, at, data, prevHash, hash] = event.values;
      return { member_id: vote.member, choice: vote.choice, seq, type, actor, at, data, prev_hash: prevHash, hash };
    });
    // One statement writes the voters, the open ballot's choices, the chain segment and the new chain head.
    const written = await tx.query(
      `WITH v AS (SELECT * FROM jsonb_to_recordset($2::jsonb)
                  AS v(member_id text, choice text, seq integer, type text, actor text, at text, data text, prev_hash text, hash text)),
            voter AS (INSERT INTO voters (ballot_id, member_id) SELECT $1, member_id FROM v),
            ${ballot.secret ? "" : "choice AS (INSERT INTO open_choices (ballot_id, member_id, choice, cast_at) SELECT $1, member_id, choice, at::timestamptz FROM v),"}
            event AS (INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS}) SELECT $1, seq, type, actor, at, data::jsonb, prev_hash, hash FROM v)
       UPDATE ballots SET audit_seq = $3, audit_head = $4 WHERE id = $1 AND audit_seq = $5`,
      [id, JSON.stringify(segment), head.seq, head.hash, ballot.audit_seq],
    );
    if (written.rowCount !== 1) throw new Error(`audit chain head of ballot ${id} moved while locked`);
    if (ballot.secret) {
      // The counters grow by one vote per UPDATE (the schema allows no more), all run by one call. Applied grouped by
      // choice, not in the order of the vote events, so not even the counters' row versions of this batch follow the voters.
      const choices = accepted.map(({ vote }) => vote.choice).sort();
      await tx.query("SELECT gavel_count_secret_votes($1, $2::text[])", [id, choices]);
    }
    return outcomes;
  }

  /** One vote in one transaction (the caller's when given): a meeting's votes, and a batch's votes retried one by one. */
  private async castVoteAlone(id: string, member: string, choice: Choice, actor: string, outer?: Queryable): Promise<VoteReceipt> {
    try {
      return await this.within(outer, async (tx) => {
        // One round trip: lock the ballot and learn where this member stands.
        const { rows } = await tx.query<BallotRow & { on_roster: boolean; present: boolean; voted: boolean; in_meeting: boolean }>(
          `SELECT ${BALLOT_COLUMNS},
             EXISTS (SELECT 1 FROM meeting_items i WHERE i.ballot_id = b.id) AS in_meeting,
             EXISTS (SELECT 1 FROM roster_members r WHERE r.ballot_id = b.id AND r.member_id = $2) AS on_roster,
             EXISTS (SELECT 1 FROM attendance a WHERE a.ballot_id = b.id AND a.member_id = $2) AS present,
             EXISTS (SELECT 1 FROM voters v WHERE v.ballot_id = b.id AND v.member_id = $2) AS voted
           FROM ballots b WHERE b.id = $1 FOR UPDATE OF b`,
          [id, member],
        );
        const ballot = rows[0];
        if (!ballot) throw notFound("BALLOT_NOT_FOUND", `No ballot with id ${id}.`, { ballot: id });
        if (ballot.in_meeting && !outer) throw meetingOwned(id);
        if (ballot.state === "closed") throw closedError(id);
        if (ballot.state === "draft") throw conflict("BALLOT_NOT_OPEN", `Ballot ${id} is not open for voting yet.`, { ballot: id, state: ballot.state });
        if (!ballot.on_roster) throw notOnRoster(id, member);
        if (!ballot.present) throw notPresent(id, member);
        if (ballot.voted) throw alreadyVoted(id, member);
        // A secret ballot's log says who voted, never what; its choice only moves the ballot's counters, so no
        // stored row pairs a member with a choice (every counter is rewritten, whichever was chosen).
        const event = prepareEvent(id, headOf(ballot), "vote.cast", actor, ballot.secret ? { member } : { member, choice });
        const recordChoice = ballot.secret
          ? `UPDATE secret_counts SET yes = yes + ($3::text = 'yes')::int, no = no + ($3::text = 'no')::int, abstain = abstain + ($3::text = 'abstain')::int
             WHERE ballot_id = $1 AND EXISTS (SELECT 1 FROM voter)`
          : "INSERT INTO open_choices (ballot_id, member_id, choice, cast_at) VALUES ($1, $2, $3, $12)";
        // One statement writes the voter, the choice, the audit event and the new chain head.
        const written = await tx.query(
          `WITH voter AS (INSERT INTO voters (ballot_id, member_id) VALUES ($1, $2) RETURNING member_id),
                choice AS (${recordChoice}),
                event AS (INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS}) VALUES ($1, $4, $5, $6, $7, $8, $9, $10))
           UPDATE ballots SET audit_seq = $4, audit_head = $10 WHERE id = $1 AND audit_seq = $11`,
          [id, member, choice, ...event.values.slice(1), ballot.audit_seq, ...(ballot.secret ? [] : [event.at])],
        );
        if (written.rowCount !== 1) throw new Error(`audit chain head of ballot ${id} moved while locked`);
        return { ballot: id, member, recorded: true as const };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyVoted(id, member);
      throw error;
    }
  }

  /**
   * Closes an open ballot: recounts the stored rows (409 TALLY_MISMATCH when the choices do not match the voters, or
   * voters were not present), evaluates the pinned rule, and stores the result for good. The close event holds the
   * tally, the result and the digest of the rule source that produced them.
   */
  async close(id: string, actor: string, outer?: Queryable): Promise<RuleResult> {
    return this.within(outer, async (tx) => {
      const ballot = await this.lock(tx, id);
      if (!outer) await this.assertNotInMeeting(tx, id);
      if (ballot.state === "closed") throw closedError(id);
      if (ballot.state === "draft") throw conflict("BALLOT_NOT_OPEN", `Ballot ${id} was never opened.`, { ballot: id, state: ballot.state });
      const count = await countStored(tx, id, ballot.secret);
      const mismatch = countMismatch(count);
      if (mismatch) {
        const { voters, choices, votersNotPresent, presentNotOnRoster, choicesWithoutVoter } = count;
        throw conflict("TALLY_MISMATCH", `Ballot ${id} cannot be closed: ${mismatch}. The stored votes were changed outside the service; run audit verify.`, {
          ballot: id,
          voters,
          choices,
          votersNotPresent,
          presentNotOnRoster,
          choicesWithoutVoter,
        });
      }
      const tally = tallyOf(count);
      const { record, rule } = await this.rules.resolve(ballot.rule_name, { version: ballot.rule_version, selector: ballot.rule_entry, kind: "vote", tx });
      const outcome = rule.evaluate({ ...tally });
      if (!outcome.ok) throw unprocessable("EVALUATION_ERROR", outcome.error.message, { ...outcome.error, tally });
      const result = outcome.result;
      const at = eventTime();
      const data = {
        tally,
        outcome: result.kind === "vote" ? result.outcome : null,
        result,
        rule: { name: record.name, version: record.version, entry: ballot.rule_entry, sha256: record.sha256, sourceSha256: resolvedSourceDigest(record) },
      };
      const head = await appendEvent(tx, id, headOf(ballot), "ballot.closed", actor, data, at);
      await tx.query("UPDATE ballots SET state = 'closed', closed_at = $6, tally = $2, result = $3, audit_seq = $4, audit_head = $5 WHERE id = $1", [
        id,
        JSON.stringify(tally),
        JSON.stringify(result),
        head.seq,
        head.hash,
        at,
      ]);
      return result;
    });
  }

  /** The ballot with its roster, attendance, counts and (once closed) tally and result. */
  async get(id: string): Promise<BallotView> {
    const ballot = await this.find(this.db, id);
    const record = await this.rules.get(ballot.rule_name, ballot.rule_version);
    const { rows: roster } = await this.db.query<{ member_id: string; name: string; present: boolean; voted: boolean }>(
      `SELECT r.member_id, r.name, a.member_id IS NOT NULL AS present, v.member_id IS NOT NULL AS voted
       FROM roster_members r
       LEFT JOIN attendance a ON a.ballot_id = r.ballot_id AND a.member_id = r.member_id
       LEFT JOIN voters v ON v.ballot_id = r.ballot_id AND v.member_id = r.member_id
       WHERE r.ballot_id = $1 ORDER BY r.position`,
      [id],
    );
    let votes: BallotView["votes"] = null;
    if (ballot.state === "closed" && !ballot.secret) {
      const { rows } = await this.db.query<{ member_id: string; choice: Choice }>(
        "SELECT c.member_id, c.choice FROM open_choices c JOIN roster_members r USING (ballot_id, member_id) WHERE c.ballot_id = $1 ORDER BY r.position",
        [id],
      );
      votes = rows.map((row) => ({ member: row.member_id, choice: row.choice }));
    }
    return {
      id: ballot.id,
      title: ballot.title,
      rule: { name: ballot.rule_name, version: ballot.rule_version, entry: ballot.rule_entry, sha256: record.sha256 },
      secret: ballot.secret,
      state: ballot.state,
      createdBy: ballot.created_by,
      createdAt: ballot.created_at.toISOString(),
      openedAt: ballot.opened_at?.toISOString() ?? null,
      closedAt: ballot.closed_at?.toISOString() ?? null,
      roster: roster.map((row) => ({ id: row.member_id, name: row.name, present: row.present, voted: row.voted })),
      counts: { entitled: roster.length, present: roster.filter((r) => r.present).length, voted: roster.filter((r) => r.voted).length },
      tally: ballot.tally,
      result: ballot.result,
      votes,
    };
  }

  /** Every ballot, newest first (summaries). */
  async list(): Promise<{ id: string; title: string; state: BallotState; rule: string; ruleVersion: number; createdAt: string }[]> {
    const { rows } = await this.db.query<BallotRow>(`SELECT ${BALLOT_COLUMNS} FROM ballots ORDER BY created_at DESC, id`);
    return rows.map((row) => ({ id: row.id, title: row.title, state: row.state, rule: row.rule_name, ruleVersion: row.rule_version, createdAt: row.created_at.toISOString() }));
  }

  /** The ballot's audit events, in order. */
  async audit(id: string): Promise<ChainedEvent[]> {
    await this.find(this.db, id);
    return listEvents(this.db, id);
  }

  /** The last event of the ballot's chain: the head to keep outside the database and check later. */
  async auditHead(id: string): Promise<{ ballot: string; seq: number; hash: string; state: BallotState }> {
    const ballot = await this.find(this.db, id);
    const head = await storedHead(this.db, id);
    return { ballot: id, seq: head.seq, hash: head.hash, state: ballot.state };
  }

  /** Verifies the chain and every stored row of the ballot against it (see verifyBallot); `anchor` is a kept head. */
  async verifyAudit(id: string, anchor?: string): Promise<BallotVerification> {
    const ballot = await this.find(this.db, id);
    return verifyBallot(this.db, this.rules, ballot, anchor);
  }

  /** Runs `work` in the caller's transaction when given (a meeting's), else in a transaction of its own. */
  private within<T>(outer: Queryable | undefined, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.db.transaction(work);
  }

  private async find(db: Queryable, id: string, forUpdate = false): Promise<BallotRow> {
    const { rows } = await db.query<BallotRow>(`SELECT ${BALLOT_COLUMNS} FROM ballots WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
    if (!rows[0]) throw notFound("BALLOT_NOT_FOUND", `No ballot with id ${id}.`, { ballot: id });
    return rows[0];
  }

  /** Locks the ballot row for the rest of the transaction: serialises every change to one ballot. */
  private lock(tx: Queryable, id: string): Promise<BallotRow> {
    return this.find(tx, id, true);
  }

  /** A motion's ballot changes only through its meeting (which checks sign-ins and proxies and logs each change). */
  private async assertNotInMeeting(tx: Queryable, id: string): Promise<void> {
    const { rowCount } = await tx.query("SELECT 1 FROM meeting_items WHERE ballot_id = $1", [id]);
    if (rowCount) throw meetingOwned(id);
  }

  private async assertOnRoster(tx: Queryable, id: string, member: string): Promise<void> {
    const { rowCount } = await tx.query("SELECT 1 FROM roster_members WHERE ballot_id = $1 AND member_id = $2", [id, member]);
    if (!rowCount) throw notOnRoster(id, member);
  }
}

/** 422 EMPTY_ROSTER or DUPLICATE_MEMBER unless the roster is usable. */
function assertRoster(roster: CreateBallotInput["roster"]): void {
  if (roster.length === 0) throw unprocessable("EMPTY_ROSTER", "A ballot needs at least one member on its roster.");
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const member of roster) (seen.has(member.id) ? duplicates : seen).add(member.id);
  if (duplicates.size > 0) {
    throw unprocessable("DUPLICATE_MEMBER", `Member ids must be unique on a roster; repeated: ${[...duplicates].join(", ")}.`, { members: [...duplicates] });
  }
}

function closedError(id: string) {
  return conflict("BALLOT_CLOSED", `Ballot ${id} is closed; its result is final.`, { ballot: id });
}

function notOnRoster(id: string, member: string) {
  return unprocessable("NOT_ON_ROSTER", `Member ${member} is not on the roster of ballot ${id}.`, { ballot: id, member });
}

function notPresent(id: string, member: string) {
  return conflict("NOT_PRESENT", `Member ${member} is not recorded as present, so cannot vote.`, { ballot: id, member });
}

function alreadyVoted(id: string, member: string) {
  return conflict("ALREADY_VOTED", `Member ${member} has already voted on ballot ${id}; a vote counts once.`, { ballot: id, member });
}

function meetingOwned(id: string) {
  return conflict("BALLOT_OF_MEETING", `Ballot ${id} counts a meeting's motion: vote and close it through /v1/meetings/{id}/items.`, { ballot: id });
}

/** The outcome of `promise` as a value. */
async function settle<R>(promise: Promise<R>): Promise<Settled<R>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
