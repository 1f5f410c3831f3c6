/**
 * Verifies a ballot end to end: the hash chain, the recorded head, an optional head kept outside the database, and
 * every stored row against the chain: the ballot row, roster, attendance, voters and choices, the pinned rule's
 * source, and for a closed ballot the tally recounted from the rows and the result re-evaluated from the pinned rule.
 * It reports every mismatch it finds, not only the first.
 */

import type { RuleResult } from "@gavel-rules/lang";
import { listEvents } from "../audit/audit-log.ts";
import { canonicalJson } from "../audit/canonical-json.ts";
import { chainProblems, GENESIS_HASH, type ChainedEvent } from "../audit/hash-chain.ts";
import { contentHash, resolvedSourceDigest, type PinnedImports, type RuleRegistry } from "../rules/rule-registry.ts";
import type { Queryable } from "../store/database.ts";
import { countStored, tallyOf } from "./ballot-count.ts";
import type { BallotRow } from "./ballot-row.ts";
import { CHOICES, type BallotState, type Choice, type Tally } from "./ballot-types.ts";

/** Stable names of what verify can find wrong. */
export type IntegrityCode =
  | "AUDIT_SEQ_GAP"
  | "AUDIT_LINK_BROKEN"
  | "AUDIT_EVENT_ALTERED"
  | "AUDIT_HEAD_MISMATCH"
  | "AUDIT_ORDER_INVALID"
  | "ANCHOR_NOT_FOUND"
  | "BALLOT_MISMATCH"
  | "STATE_MISMATCH"
  | "ROSTER_MISMATCH"
  | "ATTENDANCE_MISMATCH"
  | "VOTERS_MISMATCH"
  | "CHOICES_MISMATCH"
  | "RULE_SOURCE_MISMATCH"
  | "TALLY_MISMATCH"
  | "RESULT_MISMATCH"
  | "RULE_EVALUATION_FAILED";

export interface IntegrityProblem {
  code: IntegrityCode;
  message: string;
  /** The audit event where it shows, when there is one. */
  seq?: number;
  details?: unknown;
}

export interface BallotVerification {
  intact: boolean;
  /** How many audit events are stored. */
  events: number;
  /** The hash of the last stored event (the chain head to keep outside the database). */
  head: string;
  /** The first chain problem, as before (kept for existing clients). */
  brokenAt?: { seq: number; problem: string };
  problems: IntegrityProblem[];
  /** A kept head that was checked: the seq of the event with that hash, or null when no event has it. */
  anchor?: { hash: string; seq: number | null };
}

interface CreatedData {
  title?: unknown;
  rule?: { name?: unknown; version?: unknown; entry?: unknown; sha256?: unknown };
  secret?: unknown;
  roster?: { id: string; name: string }[];
  format?: unknown;
}

interface ClosedData {
  tally?: unknown;
  outcome?: unknown;
  result?: unknown;
  rule?: { sourceSha256?: unknown };
}

/** What the audit chain says happened, replayed in order. */
interface Replay {
  created?: ChainedEvent;
  opened?: ChainedEvent;
  closed?: ChainedEvent;
  attendance: Map<string, string>;
  votes: Map<string, { choice?: Choice; at: string }>;
}

/** JSON values compared by their canonical text (key order and jsonb's reformatting do not matter). */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(JSON.parse(JSON.stringify(a ?? null))) === canonicalJson(JSON.parse(JSON.stringify(b ?? null)));
}

/**
 * A result without its margins (`margins`, and `needed`/`margin` on the steps): insight derived from the same rule
 * and tally, added after some ballots were closed, so a result stored before it still verifies. Everything that
 * decides the ballot (outcome, facts, values, every step's text and detail) is still compared.
 */
function withoutMargins(result: unknown): unknown {
  if (typeof result !== "object" || result === null || Array.isArray(result)) return result;
  const { margins: _margins, explanation, ...rest } = result as { margins?: unknown; explanation?: unknown };
  if (!Array.isArray(explanation)) return rest;
  const steps = explanation.map((step: unknown) => {
    if (typeof step !== "object" || step === null) return step;
    const { needed: _needed, margin: _margin, ...kept } = step as Record<string, unknown>;
    return kept;
  });
  return { ...rest, explanation: steps };
}

/** Two results compared without their margins (see withoutMargins). */
const sameResult = (a: unknown, b: unknown): boolean => same(withoutMargins(a), withoutMargins(b));

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function memberOf(event: ChainedEvent): string | undefined {
  const member = (event.data as { member?: unknown } | null)?.member;
  return typeof member === "string" ? member : undefined;
}

/** Members in `stored` and not in `recorded`, the reverse, and those whose values differ. */
function diffByMember<S, R>(stored: Map<string, S>, recorded: Map<string, R>, equal: (s: S, r: R) => boolean) {
  const extra = [...stored.keys()].filter((m) => !recorded.has(m)).sort();
  const missing = [...recorded.keys()].filter((m) => !stored.has(m)).sort();
  const changed = [...stored.entries()].filter(([m, s]) => recorded.has(m) && !equal(s, recorded.get(m)!)).map(([m]) => m).sort();
  return { missing, extra, changed, any: extra.length + missing.length + changed.length > 0 };
}

function describeDiff(what: string, diff: { missing: string[]; extra: string[]; changed: string[] }): string {
  const parts = [
    diff.missing.length ? `missing ${diff.missing.join(", ")}` : "",
    diff.extra.length ? `not in the audit log: ${diff.extra.join(", ")}` : "",
    diff.changed.length ? `changed: ${diff.changed.join(", ")}` : "",
  ].filter(Boolean);
  return `${what} do not match the audit log (${parts.join("; ")})`;
}

/** Replays the events; every event out of the ballot lifecycle's order is a problem. */
function replay(events: ChainedEvent[], add: (problem: IntegrityProblem) => void): Replay {
  const state: Replay = { attendance: new Map(), votes: new Map() };
  let roster = new Set<string>();
  const order = (event: ChainedEvent, message: string) => add({ code: "AUDIT_ORDER_INVALID", seq: event.seq, message: `${event.type}: ${message}` });
  for (const event of events) {
    if (state.closed) order(event, "comes after the ballot was closed");
    const member = memberOf(event);
    switch (event.type) {
      case "ballot.created":
        if (state.created || event.seq !== 1) order(event, "a ballot is created once, by its first event");
        else {
          state.created = event;
          roster = new Set(((event.data as CreatedData).roster ?? []).map((m) => m.id));
        }
        break;
      case "ballot.opened":
        if (!state.created || state.opened) order(event, "a ballot opens once, after it is created");
        else state.opened = event;
        break;
      case "attendance.recorded":
        if (member === undefined || !roster.has(member)) order(event, `member ${member ?? "(none)"} is not on the roster`);
        else if (state.attendance.has(member)) order(event, `member ${member} is recorded present twice`);
        else state.attendance.set(member, event.at);
        break;
      case "vote.cast": {
        const choice = (event.data as { choice?: unknown }).choice;
        if (!state.opened) order(event, "a vote before the ballot opened");
        if (member === undefined || !state.attendance.has(member)) order(event, `member ${member ?? "(none)"} was not recorded present`);
        else if (state.votes.has(member)) order(event, `member ${member} votes twice`);
        else state.votes.set(member, { choice: CHOICES.includes(choice as Choice) ? (choice as Choice) : undefined, at: event.at });
        break;
      }
      case "ballot.closed":
        if (!state.opened || state.closed) order(event, "a ballot closes once, after it opened");
        state.closed ??= event;
        break;
      default:
        order(event, "is not a ballot event");
    }
  }
  if (!state.created) add({ code: "AUDIT_ORDER_INVALID", message: "the log has no ballot.created event" });
  return state;
}

/** Re-checks one ballot (its row given, read by the caller) against its audit chain; `anchor` is a head kept outside. */
export async function verifyBallot(db: Queryable, rules: RuleRegistry, ballot: BallotRow, anchor?: string): Promise<BallotVerification> {
  const id = ballot.id;
  const problems: IntegrityProblem[] = [];
  const add = (problem: IntegrityProblem) => problems.push(problem);
  const events = await listEvents(db, id);

  // The chain itself, its recorded head, and the head kept outside the database.
  const chain = chainProblems(events);
  problems.push(...chain);
  const last = events.at(-1);
  const head = last?.hash ?? GENESIS_HASH;
  if (ballot.audit_seq !== (last?.seq ?? 0) || ballot.audit_head !== head) {
    add({
      code: "AUDIT_HEAD_MISMATCH",
      message: `the ballot records ${ballot.audit_seq} events ending in ${ballot.audit_head.slice(0, 12)}…, the log has ${last?.seq ?? 0} ending in ${head.slice(0, 12)}…`,
      details: { recorded: { seq: ballot.audit_seq, hash: ballot.audit_head }, log: { seq: last?.seq ?? 0, hash: head } },
    });
  }
  let anchorResult: BallotVerification["anchor"];
  if (anchor !== undefined) {
    const found = events.find((event) => event.hash === anchor);
    anchorResult = { hash: anchor, seq: found?.seq ?? null };
    if (!found) add({ code: "ANCHOR_NOT_FOUND", message: `no event of the log has the kept head ${anchor.slice(0, 12)}…: the history before it was rewritten`, details: { head: anchor } });
  }

  const story = replay(events, add);
  const created = (story.created?.data ?? {}) as CreatedData;
  const format = typeof created.format === "number" ? created.format : 1;
  const exactTimes = format >= 2;
  const secret = typeof created.secret === "boolean" ? created.secret : ballot.secret;
  const ruleName = typeof created.rule?.name === "string" ? created.rule.name : ballot.rule_name;
  const ruleVersion = typeof created.rule?.version === "number" ? created.rule.version : ballot.rule_version;
  const ruleEntry = typeof created.rule?.entry === "string" ? created.rule.entry : ballot.rule_entry;

  // The ballot row against ballot.created, ballot.opened and ballot.closed.
  if (story.created) {
    const fields: [string, unknown, unknown][] = [
      ["title", ballot.title, created.title],
      ["rule", { name: ballot.rule_name, version: ballot.rule_version, entry: ballot.rule_entry }, { name: created.rule?.name, version: created.rule?.version, entry: created.rule?.entry }],
      ["secret", ballot.secret, created.secret],
      ["createdBy", ballot.created_by, story.created.actor],
      ...(exactTimes ? ([["createdAt", iso(ballot.created_at), story.created.at]] as [string, unknown, unknown][]) : []),
    ];
    for (const [field, stored, recorded] of fields) {
      if (!same(stored, recorded)) add({ code: "BALLOT_MISMATCH", seq: 1, message: `the ballot's ${field} is not the one its creation recorded`, details: { field, stored, recorded } });
    }
  }
  const recordedState: BallotState = story.closed ? "closed" : story.opened ? "open" : "draft";
  if (ballot.state !== recordedState) add({ code: "STATE_MISMATCH", message: `the ballot is ${ballot.state}, its log says ${recordedState}`, details: { stored: ballot.state, recorded: recordedState } });
  for (const [field, stored, event] of [
    ["openedAt", ballot.opened_at, story.opened],
    ["closedAt", ballot.closed_at, story.closed],
  ] as const) {
    const fits = exactTimes ? iso(stored) === (event?.at ?? null) : (stored === null) === (event === undefined);
    if (!fits) add({ code: "STATE_MISMATCH", seq: event?.seq, message: `the ballot's ${field} does not match its log`, details: { field, stored: iso(stored), recorded: event?.at ?? null } });
  }

  // Roster, attendance, voters and choices against the events that wrote them.
  const { rows: rosterRows } = await db.query<{ member_id: string; name: string; position: number }>("SELECT member_id, name, position FROM roster_members WHERE ballot_id = $1", [id]);
  const rosterDiff = diffByMember(
    new Map(rosterRows.map((r) => [r.member_id, { name: r.name, position: r.position }])),
    new Map((created.roster ?? []).map((m, position) => [m.id, { name: m.name, position }])),
    (s, r) => s.name === r.name && s.position === r.position,
  );
  if (rosterDiff.any) add({ code: "ROSTER_MISMATCH", seq: 1, message: describeDiff("the roster's members", rosterDiff), details: rosterDiff });

  const { rows: attendanceRows } = await db.query<{ member_id: string; recorded_at: Date }>("SELECT member_id, recorded_at FROM attendance WHERE ballot_id = $1", [id]);
  const attendanceDiff = diffByMember(new Map(attendanceRows.map((r) => [r.member_id, iso(r.recorded_at)])), story.attendance, (s, r) => !exactTimes || s === r);
  if (attendanceDiff.any) add({ code: "ATTENDANCE_MISMATCH", message: describeDiff("the attendance rows", attendanceDiff), details: attendanceDiff });

  const { rows: voterRows } = await db.query<{ member_id: string }>("SELECT member_id FROM voters WHERE ballot_id = $1", [id]);
  const votersDiff = diffByMember(new Map(voterRows.map((r) => [r.member_id, true])), story.votes, () => true);
  if (votersDiff.any) add({ code: "VOTERS_MISMATCH", message: describeDiff("the voters", votersDiff), details: votersDiff });

  const count = await countStored(db, id, secret);
  const { rows: choiceRows } = await db.query<{ member_id: string; choice: Choice; cast_at: Date }>("SELECT member_id, choice, cast_at FROM open_choices WHERE ballot_id = $1", [id]);
  if (secret) {
    if (choiceRows.length > 0) add({ code: "CHOICES_MISMATCH", message: `a secret ballot has ${choiceRows.length} choices stored beside members`, details: { members: choiceRows.map((r) => r.member_id).sort() } });
    const counted = count.choices ? count.choices.yes + count.choices.no + count.choices.abstain : null;
    if (counted === null || counted !== count.voters || counted !== story.votes.size) {
      add({
        code: "CHOICES_MISMATCH",
        message: counted === null ? "the secret ballot has no counters" : `the counters hold ${counted} choices for ${count.voters} voters and ${story.votes.size} logged votes`,
        details: { choices: count.choices, voters: count.voters, loggedVotes: story.votes.size },
      });
    }
  } else {
    const choicesDiff = diffByMember(
      new Map(choiceRows.map((r) => [r.member_id, { choice: r.choice, at: iso(r.cast_at) }])),
      story.votes,
      (s, r) => s.choice === r.choice && (!exactTimes || s.at === r.at),
    );
    if (choicesDiff.any) add({ code: "CHOICES_MISMATCH", message: describeDiff("the stored choices", choicesDiff), details: choicesDiff });
  }

  // The pinned rule version: its stored text, the digest its creation recorded, and the digest the close recorded.
  const { rows: ruleRows } = await db.query<{ source: string; sha256: string; imports: PinnedImports | null }>(
    "SELECT source, sha256, imports FROM rule_versions WHERE name = $1 AND version = $2",
    [ruleName, ruleVersion],
  );
  const stored = ruleRows[0];
  const closedData = (story.closed?.data ?? {}) as ClosedData;
  if (!stored) add({ code: "RULE_SOURCE_MISMATCH", message: `the pinned rule ${ruleName} version ${ruleVersion} is not stored`, details: { name: ruleName, version: ruleVersion } });
  else {
    const actual = contentHash(stored.source);
    if (actual !== stored.sha256 || (created.rule?.sha256 !== undefined && created.rule.sha256 !== stored.sha256)) {
      add({ code: "RULE_SOURCE_MISMATCH", seq: 1, message: `the stored source of ${ruleName} version ${ruleVersion} is not the one the ballot pinned`, details: { sourceSha256: actual, storedSha256: stored.sha256, pinnedSha256: created.rule?.sha256 } });
    }
    const recordedDigest = closedData.rule?.sourceSha256;
    const storedDigest = resolvedSourceDigest({ source: stored.source, imports: stored.imports ?? {} });
    if (recordedDigest !== undefined && recordedDigest !== storedDigest) {
      add({ code: "RULE_SOURCE_MISMATCH", seq: story.closed?.seq, message: "the rule source the close evaluated (with its pinned imports) is not the stored one", details: { recorded: recordedDigest, stored: storedDigest } });
    }
  }

  // A closed ballot: recount, re-evaluate, and compare with the stored and the logged tally and result.
  if (story.closed || ballot.state === "closed") {
    const recounted = tallyOf(count);
    const compareTally = (where: string, value: unknown, seq?: number) => {
      if (!same(value, recounted)) add({ code: "TALLY_MISMATCH", seq, message: `the ${where} tally is not the count of the stored rows`, details: { [where]: value ?? null, recounted } });
    };
    compareTally("stored", ballot.tally);
    if (story.closed) compareTally("logged", closedData.tally, story.closed.seq);

    let result: RuleResult | undefined;
    try {
      const { rule } = await rules.resolve(ruleName, { version: ruleVersion, selector: ruleEntry, kind: "vote", tx: db });
      const outcome = rule.evaluate({ ...recounted } satisfies Tally);
      if (outcome.ok) result = outcome.result;
      else add({ code: "RULE_EVALUATION_FAILED", message: `the pinned rule does not evaluate on the recounted tally: ${outcome.error.message}`, details: { tally: recounted } });
    } catch (error) {
      add({ code: "RULE_EVALUATION_FAILED", message: `the pinned rule cannot be loaded: ${error instanceof Error ? error.message : String(error)}`, details: { name: ruleName, version: ruleVersion, entry: ruleEntry } });
    }
    if (result) {
      if (!sameResult(ballot.result, result)) add({ code: "RESULT_MISMATCH", message: "the stored result is not what the pinned rule gives on the recounted tally", details: { stored: ballot.result, recomputed: result } });
      if (story.closed) {
        const outcome = result.kind === "vote" ? result.outcome : null;
        if (!sameResult(closedData.result, result) || !same(closedData.outcome, outcome)) {
          add({ code: "RESULT_MISMATCH", seq: story.closed.seq, message: "the logged result is not what the pinned rule gives on the recounted tally", details: { logged: closedData.result, recomputed: result } });
        }
      }
    }
  }

  const firstBreak = chain[0];
  return {
    intact: problems.length === 0,
    events: events.length,
    head,
    ...(firstBreak ? { brokenAt: { seq: firstBreak.seq, problem: firstBreak.message } } : {}),
    problems,
    ...(anchorResult ? { anchor: anchorResult } : {}),
  };
}
