/**
 * Agenda items: open (rule version pinned), vote (one paper per member, in person or by proxy), close (result and
 * explanation stored; an election ending in runoff or tie opens its next round, linked). A motion is counted by a
 * ballot of the ballot service, inside the meeting's transaction; elections and ratings keep who voted
 * (item_voters) apart from what (item_counts), and only an open item keeps papers beside voters.
 */

import { randomUUID } from "node:crypto";
import type { ElectionResult, RatingResult } from "@gavel-rules/lang";
import { eventTime } from "../audit/audit-log.ts";
import type { BallotService } from "../ballots/ballot-service.ts";
import { conflict, notFound, unprocessable } from "../refusal.ts";
import { resolvedSourceDigest, type ResolvedRule, type RuleKind, type RuleRegistry } from "../rules/rule-registry.ts";
import type { Database, Queryable } from "../store/database.ts";
import { readElectionPaper, readRatingPaper } from "./papers.ts";
import { electionTally, ratingTally } from "./item-counts.ts";
import { readItems } from "./item-view.ts";
import { appendMeetingEvent } from "./meeting-log.ts";
import { findItem, findMeeting, headOf, ITEM_COLUMNS, type ItemRow, type MeetingRow } from "./meeting-row.ts";
import { meetingClosed } from "./meeting-service.ts";
import { holdersOver } from "./proxy-limit.ts";
import type { CreateItemInput, ItemKind, ItemResult, ItemView, Member, VoteInput, VoteReceipt } from "./meeting-types.ts";

const RULE_KIND: Record<ItemKind, RuleKind> = { motion: "vote", election: "election", rating: "rating" };

/** What opening an item needs beyond the request: set for a runoff or a tie's new round. */
interface ItemPlan extends CreateItemInput {
  previousItem?: string;
  /** The rule, when resolved before the transaction. */
  resolved?: ResolvedRule;
}

export class ItemService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleRegistry,
    private readonly ballots: BallotService,
  ) {}

  /** Opens a new agenda item on an open meeting, pinned to the current (or given) version of its rule. */
  async open(meetingId: string, input: CreateItemInput, actor: string): Promise<ItemView> {
    // Resolved (and compiled, on first use) before the meeting is locked, so no meeting waits on a compile.
    const resolved = await this.rules.resolve(input.rule, { version: input.ruleVersion, selector: input.ruleName, kind: RULE_KIND[input.kind] });
    const id = await this.db.transaction(async (tx) => {
      const meeting = await findMeeting(tx, meetingId, true);
      if (meeting.state === "closed") throw meetingClosed(meetingId);
      return this.openIn(tx, meeting, { ...input, resolved }, actor);
    });
    return (await readItems(this.db, meetingId, id))[0]!;
  }

  private async openIn(tx: Queryable, meeting: MeetingRow, input: ItemPlan, actor: string): Promise<string> {
    const resolved = input.resolved ?? (await this.rules.resolve(input.rule, { version: input.ruleVersion, selector: input.ruleName, kind: RULE_KIND[input.kind], tx }));
    const { record, rule } = resolved;
    // The rule decides proxies on this item: none (0), or at most N per holder, which no holder may already exceed.
    const proxies = rule.settings.proxies;
    if (proxies >= 1) {
      const over = await holdersOver(tx, meeting.id, proxies);
      if (over.length > 0) {
        throw conflict(
          "PROXIES_OVER_RULE_LIMIT",
          `Rule ${record.name} v${record.version} lets a member hold at most ${proxies} ${proxies === 1 ? "proxy" : "proxies"}; ${over.map((o) => `${o.holder} holds ${o.held}`).join(", ")}.`,
          { meeting: meeting.id, rule: { name: record.name, version: record.version }, max: proxies, holders: over },
        );
      }
    }
    const id = randomUUID();
    const secret = input.secret ?? input.kind !== "motion";
    const at = eventTime();
    const { rows } = await tx.query<{ next: number }>("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM meeting_items WHERE meeting_id = $1", [meeting.id]);
    const position = Number(rows[0]!.next);
    let ballot: string | null = null;
    let election: { seats: number; round: number; candidates: string[]; writeIns: boolean } | null = null;
    let rating: { subjects: string[]; levels: string[] } | null = null;
    if (input.kind === "motion") {
      const roster = await this.roster(tx, meeting.id);
      ballot = await this.ballots.createIn(tx, { title: input.title, rule: record.name, ruleVersion: record.version, ruleName: rule.name, roster, secret }, actor, resolved);
      await this.ballots.openIn(tx, ballot, actor);
      // A member represented by proxy is present for the motion only when its rule allows proxies.
      const present = await tx.query<{ member_id: string }>(
        "SELECT a.member_id FROM meeting_attendance a JOIN meeting_members m USING (meeting_id, member_id) WHERE a.meeting_id = $1 AND (a.holder_id IS NULL OR $2::boolean) ORDER BY m.position",
        [meeting.id, proxies >= 1],
      );
      for (const row of present.rows) await this.ballots.recordAttendance(ballot, row.member_id, actor, tx);
    } else if (input.kind === "election") {
      election = electionPlan(input, rule.settings.writeIns, record);
    } else {
      rating = { subjects: uniqueList(input.subjects ?? [], "subjects"), levels: rule.inputs.map((i) => i.name) };
      if (rating.subjects.length === 0) throw unprocessable("NO_SUBJECTS", "A rating needs at least one subject.");
    }
    await tx.query(
      `INSERT INTO meeting_items (id, meeting_id, position, kind, title, rule_name, rule_version, rule_entry, secret, ballot_id, seats, round, write_ins, candidates, subjects, levels, previous_item_id, opened_at, proxies)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        id,
        meeting.id,
        position,
        input.kind,
        input.title,
        record.name,
        record.version,
        rule.name,
        secret,
        ballot,
        election?.seats ?? null,
        election?.round ?? null,
        election?.writeIns ?? false,
        election ? JSON.stringify(election.candidates) : null,
        rating ? JSON.stringify(rating.subjects) : null,
        rating ? JSON.stringify(rating.levels) : null,
        input.previousItem ?? null,
        at,
        proxies,
      ],
    );
    // Every counter exists before the first paper, so each vote only rewrites counters (write-ins add theirs).
    const counters: [string, string][] = election
      ? [...election.candidates.map((c): [string, string] => ["candidate", c]), ["paper", "invalid"]]
      : rating
        ? rating.subjects.flatMap((s) => rating.levels.map((l): [string, string] => [s, l]))
        : [];
    if (counters.length > 0) {
      await tx.query("INSERT INTO item_counts (item_id, subject, option) SELECT $1, c->>0, c->>1 FROM jsonb_array_elements($2::jsonb) AS c", [id, JSON.stringify(counters)]);
    }
    const data = {
      item: id,
      position,
      kind: input.kind,
      title: input.title,
      rule: { name: record.name, version: record.version, entry: rule.name, sha256: record.sha256, sourceSha256: resolvedSourceDigest(record) },
      secret,
      ballot,
      ...(election ?? {}),
      ...(rating ?? {}),
      previousItem: input.previousItem ?? null,
    };
    await appendMeetingEvent(tx, meeting.id, headOf(await findMeeting(tx, meeting.id)), "item.opened", actor, data, at);
    return id;
  }

  /**
   * Records one paper: the member must be signed in (in person, or represented by proxy, then cast by the holder
   * named in `by`), and votes once per item. 409 NOT_SIGNED_IN, ALREADY_VOTED, ITEM_CLOSED, PROXY_HOLDER_REQUIRED.
   */
  async vote(meetingId: string, itemId: string, input: VoteInput, actor: string): Promise<VoteReceipt> {
    return this.db.transaction(async (tx) => {
      const meeting = await findMeeting(tx, meetingId, true);
      const item = await findItem(tx, meetingId, itemId);
      if (meeting.state === "closed") throw meetingClosed(meetingId);
      if (item.state === "closed") throw itemClosed(item);
      const by = await this.castingMember(tx, meetingId, input);
      if (by !== null) await assertProxyCounts(tx, item, by);
      let paper: unknown;
      let valid = true;
      if (item.kind === "motion") {
        if (!input.choice) throw unprocessable("CHOICE_REQUIRED", "A motion's paper is a choice: yes, no or abstain.", { item: itemId });
        await this.ballots.castVote(item.ballot_id!, input.member, input.choice, actor, tx);
        paper = item.secret ? undefined : input.choice;
      } else {
        const voted = await tx.query("SELECT 1 FROM item_voters WHERE item_id = $1 AND member_id = $2", [itemId, input.member]);
        if (voted.rowCount) throw conflict("ALREADY_VOTED", `Member ${input.member} has already voted on item ${itemId}; a paper counts once.`, { item: itemId, member: input.member });
        await tx.query("INSERT INTO item_voters (item_id, meeting_id, member_id) VALUES ($1, $2, $3)", [itemId, meetingId, input.member]);
        if (item.kind === "election") {
          if (!input.names) throw unprocessable("NAMES_REQUIRED", "An election paper is a list of names (empty for a blank paper).", { item: itemId });
          const read = readElectionPaper(input.names, item.candidates ?? [], item.seats ?? 1, item.write_ins);
          valid = read.valid;
          paper = read.names;
          const counted = valid ? read.names : [];
          if (counted.length > 0) {
            await tx.query("INSERT INTO item_counts (item_id, subject, option) SELECT $1, 'candidate', n FROM jsonb_array_elements_text($2::jsonb) AS n ON CONFLICT DO NOTHING", [itemId, JSON.stringify(counted)]);
          }
          // Every counter of the item is rewritten, whichever names were marked.
          await tx.query(
            `UPDATE item_counts SET count = count + CASE WHEN subject = 'candidate' AND $2::jsonb ? option THEN 1 WHEN subject = 'paper' AND option = 'invalid' AND $3::boolean THEN 1 ELSE 0 END
             WHERE item_id = $1`,
            [itemId, JSON.stringify(counted), !valid],
          );
        } else {
          if (!input.ratings) throw unprocessable("RATINGS_REQUIRED", "A rating paper gives one level for each subject.", { item: itemId });
          const ratings = readRatingPaper(input.ratings, item.subjects ?? [], item.levels ?? []);
          paper = ratings;
          await tx.query("UPDATE item_counts SET count = count + CASE WHEN $2::jsonb ->> subject = option THEN 1 ELSE 0 END WHERE item_id = $1", [itemId, JSON.stringify(ratings)]);
        }
        if (!item.secret) await tx.query("INSERT INTO item_papers (item_id, member_id, paper) VALUES ($1, $2, $3)", [itemId, input.member, JSON.stringify(paper)]);
      }
      // A secret item's log says who voted (and through whom), never what.
      const data = { item: itemId, member: input.member, by, ...(item.secret ? {} : { paper, valid }) };
      await appendMeetingEvent(tx, meetingId, headOf(meeting), "vote.cast", actor, data);
      return { item: itemId, member: input.member, by, recorded: true as const, valid };
    });
  }

  /**
   * Closes an open item: evaluates the pinned rule on its counts and stores the result for good. An election whose
   * round ends in runoff (seats left) or tie (at the last seat) opens the next round as a new item linked to this one.
   */
  async close(meetingId: string, itemId: string, actor: string): Promise<{ item: ItemView; next: ItemView | null }> {
    const nextId = await this.db.transaction(async (tx) => {
      const meeting = await findMeeting(tx, meetingId, true);
      const item = await findItem(tx, meetingId, itemId);
      if (meeting.state === "closed") throw meetingClosed(meetingId);
      if (item.state === "closed") throw itemClosed(item);
      const { record, rule } = await this.rules.resolve(item.rule_name, { version: item.rule_version, selector: item.rule_entry, kind: RULE_KIND[item.kind], tx });
      let tally: Record<string, unknown>;
      let result: ItemResult;
      if (item.kind === "motion") {
        result = await this.ballots.close(item.ballot_id!, actor, tx);
        tally = result.kind === "vote" ? { ...result.facts } : {};
      } else if (item.kind === "election") {
        const { rows } = await tx.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM meeting_members WHERE meeting_id = $1", [meetingId]);
        const input = await electionTally(tx, item, Number(rows[0]!.n));
        const outcome = rule.evaluate({ ...input });
        if (!outcome.ok) throw unprocessable("EVALUATION_ERROR", outcome.error.message, { ...outcome.error, tally: input });
        tally = { ...input };
        result = outcome.result;
      } else {
        const counted = await ratingTally(tx, item);
        const subjects: { subject: string; result: RatingResult }[] = [];
        for (const [subject, counts] of Object.entries(counted.subjects)) {
          const outcome = rule.evaluate(counts);
          if (!outcome.ok) throw unprocessable("EVALUATION_ERROR", `${subject}: ${outcome.error.message}`, { ...outcome.error, subject, counts });
          subjects.push({ subject, result: outcome.result as RatingResult });
        }
        tally = { ...counted };
        result = { kind: "ratings", subjects };
      }
      const at = eventTime();
      await tx.query("UPDATE meeting_items SET state = 'closed', closed_at = $2, tally = $3, result = $4 WHERE id = $1", [itemId, at, JSON.stringify(tally), JSON.stringify(result)]);
      const data = { item: itemId, tally, outcome: "outcome" in result ? result.outcome : null, result, rule: { name: record.name, version: record.version, entry: item.rule_entry, sourceSha256: resolvedSourceDigest(record) } };
      await appendMeetingEvent(tx, meetingId, headOf(meeting), "item.closed", actor, data, at);
      if (result.kind === "election" && (result.outcome === "runoff" || result.outcome === "tie")) {
        return this.openIn(tx, meeting, nextRound(item, result), actor);
      }
      return null;
    });
    const items = await readItems(this.db, meetingId);
    return { item: items.find((i) => i.id === itemId)!, next: nextId ? (items.find((i) => i.id === nextId) ?? null) : null };
  }

  /** One item of a meeting. */
  async get(meetingId: string, itemId: string): Promise<ItemView> {
    await findItem(this.db, meetingId, itemId);
    return (await readItems(this.db, meetingId, itemId))[0]!;
  }

  /**
   * The subjects of a closed rating item as assessment subjects: each rated person with their count of each level
   * (renamed by `levels`, level → input name) beside the other inputs given for them. 404 ITEM_NOT_FOUND,
   * 422 NOT_A_RATING, 409 ITEM_NOT_CLOSED.
   */
  async ratingSubjects(itemId: string, levels: Record<string, string> = {}, inputs: Record<string, Record<string, unknown>> = {}): Promise<{ id: string; input: Record<string, unknown> }[]> {
    const { rows } = await this.db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM meeting_items WHERE id = $1`, [itemId]);
    const item = rows[0];
    if (!item) throw notFound("ITEM_NOT_FOUND", `No meeting item with id ${itemId}.`, { item: itemId });
    if (item.kind !== "rating") throw unprocessable("NOT_A_RATING", `Item ${itemId} is a ${item.kind}, not a rating.`, { item: itemId, kind: item.kind });
    if (item.state !== "closed" || !item.result || item.result.kind !== "ratings") throw conflict("ITEM_NOT_CLOSED", `Rating ${itemId} is still open; assess it once closed.`, { item: itemId });
    const unknown = Object.keys(inputs).filter((s) => !(item.subjects ?? []).includes(s));
    if (unknown.length > 0) throw unprocessable("UNKNOWN_SUBJECTS", `Not rated in item ${itemId}: ${unknown.join("、")}.`, { subjects: unknown, rated: item.subjects });
    return item.result.subjects.map(({ subject, result }) => ({
      id: subject,
      input: { ...inputs[subject], ...Object.fromEntries(Object.entries(result.counts).map(([level, count]) => [levels[level] ?? level, count])) },
    }));
  }

  /** Who casts the paper: the member in person (`by` null), or the holder of their proxy, who must be named. */
  private async castingMember(tx: Queryable, meetingId: string, input: VoteInput): Promise<string | null> {
    const { rows } = await tx.query<{ on_roster: boolean; signed_in: boolean; holder_id: string | null }>(
      `SELECT EXISTS (SELECT 1 FROM meeting_members WHERE meeting_id = $1 AND member_id = $2) AS on_roster,
              EXISTS (SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2) AS signed_in,
              (SELECT holder_id FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2) AS holder_id`,
      [meetingId, input.member],
    );
    const standing = rows[0]!;
    if (!standing.on_roster) throw unprocessable("NOT_ON_ROSTER", `Member ${input.member} is not on the roster of meeting ${meetingId}.`, { meeting: meetingId, member: input.member });
    if (!standing.signed_in) throw conflict("NOT_SIGNED_IN", `Member ${input.member} has not signed in (nor given a proxy), so cannot vote.`, { meeting: meetingId, member: input.member });
    if (standing.holder_id === null) {
      if (input.by !== undefined && input.by !== input.member) throw unprocessable("NOT_PROXY_HOLDER", `Member ${input.member} is present in person and votes for themself.`, { member: input.member, by: input.by });
      return null;
    }
    if (input.by !== standing.holder_id) {
      throw conflict("PROXY_HOLDER_REQUIRED", `Member ${input.member} is represented by ${standing.holder_id}, who casts their vote (by: "${standing.holder_id}").`, { member: input.member, holder: standing.holder_id, by: input.by ?? null });
    }
    return standing.holder_id;
  }

  private async roster(tx: Queryable, meetingId: string): Promise<Member[]> {
    const { rows } = await tx.query<Member>("SELECT member_id AS id, name FROM meeting_members WHERE meeting_id = $1 ORDER BY position", [meetingId]);
    return rows;
  }
}

function itemClosed(item: ItemRow) {
  return conflict("ITEM_CLOSED", `Item ${item.id} is closed; its result is final.`, { item: item.id, meeting: item.meeting_id });
}

/** A list with no empty or repeated entry (422 INVALID_LIST). */
function uniqueList(list: string[], what: string): string[] {
  const trimmed = list.map((s) => s.trim());
  if (trimmed.some((s) => s === "") || new Set(trimmed).size !== trimmed.length) throw unprocessable("INVALID_LIST", `The ${what} must be distinct and not empty.`, { [what]: list });
  return trimmed;
}

/**
 * A proxy paper counts on an item only when its pinned rule allows proxies (422 PROXY_NOT_ALLOWED), and only from a
 * holder within the rule's limit (409 PROXIES_OVER_RULE_LIMIT: sign-in and item open keep this from happening).
 * Items opened before rules declared proxies (proxies null) keep the meeting's limit, checked at sign-in.
 */
async function assertProxyCounts(tx: Queryable, item: ItemRow, holder: string): Promise<void> {
  if (item.proxies === null) return;
  const rule = { name: item.rule_name, version: item.rule_version };
  if (item.proxies === 0) {
    throw unprocessable("PROXY_NOT_ALLOWED", `Rule ${rule.name} v${rule.version} of item ${item.id} allows no proxy votes (no 'proxies: at most N'); a represented member cannot vote on it.`, { item: item.id, rule, holder });
  }
  const over = await holdersOver(tx, item.meeting_id, item.proxies);
  const held = over.find((o) => o.holder === holder);
  if (held) throw conflict("PROXIES_OVER_RULE_LIMIT", `Rule ${rule.name} v${rule.version} lets a member hold at most ${item.proxies} proxies; ${holder} holds ${held.held}.`, { item: item.id, rule, max: item.proxies, holders: [held] });
}

/** An election's seats, round, candidates and write-ins: the rule's `write_ins: allowed`, never wider (422 WRITE_INS_NOT_ALLOWED). */
function electionPlan(input: CreateItemInput, ruleWriteIns: boolean, rule: { name: string; version: number }): { seats: number; round: number; candidates: string[]; writeIns: boolean } {
  const seats = input.seats;
  if (seats === undefined || seats < 1) throw unprocessable("SEATS_REQUIRED", "An election names how many seats it fills (1 or more).");
  const candidates = uniqueList(input.candidates ?? [], "candidates");
  if (input.writeIns === true && !ruleWriteIns) {
    throw unprocessable("WRITE_INS_NOT_ALLOWED", `Rule ${rule.name} v${rule.version} does not allow write-ins (no 'write_ins: allowed'): only listed candidates count.`, { rule });
  }
  // Omitted: as the rule says. false: narrower than the rule (a re-vote among the tied lists only them).
  const writeIns = input.writeIns ?? ruleWriteIns;
  if (candidates.length === 0 && !writeIns) throw unprocessable("NO_CANDIDATES", "An election without write-ins needs candidates.");
  return { seats, round: input.round ?? 1, candidates, writeIns };
}

/**
 * The next round of an election: after a tie, the tie group is voted on again for the seats the tie left (same
 * round of the rule); after a runoff, 另行选举 for the empty seats among those not elected (the rule's next round).
 */
function nextRound(item: ItemRow, result: ElectionResult): ItemPlan {
  const seats = (item.seats ?? 1) - result.elected.length;
  const tie = result.outcome === "tie";
  const candidates = tie ? result.tied : result.candidates.filter((c) => !result.elected.includes(c.name)).map((c) => c.name);
  const round = tie ? (item.round ?? 1) : (item.round ?? 1) + 1;
  const title = `${item.title.replace(/（第\d+轮[^）]*）$/, "")}（第${round}轮${tie ? "，同票再投" : ""}）`;
  // 另行选举 keeps the first round's write-ins; a re-vote after a tie is among the tied only.
  return { kind: "election", title, rule: item.rule_name, ruleVersion: item.rule_version, ruleName: item.rule_entry, secret: item.secret, seats, round, candidates, writeIns: tie ? false : item.write_ins, previousItem: item.id };
}
