/**
 * Verifies a meeting: its hash chain and recorded head, the sign-ins and voters it stores against the events that
 * recorded them, each election or rating's counters against its voters, and every motion's ballot (verifyBallot).
 */

import { chainProblems, GENESIS_HASH, type ChainedEvent } from "../audit/hash-chain.ts";
import type { BallotService } from "../ballots/ballot-service.ts";
import type { Queryable } from "../store/database.ts";
import { listMeetingEvents } from "./meeting-log.ts";
import type { MeetingRow } from "./meeting-row.ts";

export interface MeetingProblem {
  code: string;
  message: string;
  seq?: number;
  details?: unknown;
}

export interface MeetingVerification {
  meeting: string;
  intact: boolean;
  events: number;
  head: string;
  problems: MeetingProblem[];
  /** Each motion's ballot verification, by item. */
  ballots: { item: string; ballot: string; intact: boolean }[];
  /** A kept head that was checked: the seq of the event with that hash, or null when no event has it. */
  anchor?: { hash: string; seq: number | null };
}

function dataOf(event: ChainedEvent): Record<string, unknown> {
  return (event.data ?? {}) as Record<string, unknown>;
}

function sorted(values: Iterable<string>): string {
  return JSON.stringify([...values].sort());
}

/** Every problem found, not only the first. */
export async function verifyMeeting(db: Queryable, ballots: BallotService, meeting: MeetingRow, anchor?: string): Promise<MeetingVerification> {
  const id = meeting.id;
  const problems: MeetingProblem[] = [];
  const events = await listMeetingEvents(db, id);
  problems.push(...chainProblems(events));
  const last = events.at(-1);
  const head = last?.hash ?? GENESIS_HASH;
  if (meeting.audit_seq !== (last?.seq ?? 0) || meeting.audit_head !== head) {
    problems.push({ code: "AUDIT_HEAD_MISMATCH", message: `the meeting records ${meeting.audit_seq} events, the log has ${last?.seq ?? 0}`, details: { recorded: { seq: meeting.audit_seq, hash: meeting.audit_head }, log: { seq: last?.seq ?? 0, hash: head } } });
  }

  // A head kept outside the database (the one printed on the 公示): the log must still contain it.
  let anchored: MeetingVerification["anchor"];
  if (anchor !== undefined) {
    const found = events.find((event) => event.hash === anchor);
    anchored = { hash: anchor, seq: found?.seq ?? null };
    if (!found) problems.push({ code: "ANCHOR_NOT_FOUND", message: `no event of the log has the kept head ${anchor.slice(0, 12)}…: the history before it was rewritten`, details: { head: anchor } });
  }

  // Sign-ins and proxies: the rows against the events.
  const logged = new Map<string, string | null>();
  for (const event of events) {
    const data = dataOf(event);
    if (event.type === "member.signed_in") logged.set(String(data.member), null);
    if (event.type === "proxy.recorded") logged.set(String(data.member), String(data.holder));
  }
  const { rows: attendance } = await db.query<{ member_id: string; holder_id: string | null }>("SELECT member_id, holder_id FROM meeting_attendance WHERE meeting_id = $1", [id]);
  const stored = new Map(attendance.map((a) => [a.member_id, a.holder_id]));
  const attendanceDiffers = stored.size !== logged.size || [...stored].some(([m, h]) => !logged.has(m) || logged.get(m) !== h);
  if (attendanceDiffers) problems.push({ code: "ATTENDANCE_MISMATCH", message: "the sign-ins and proxies stored do not match the audit log", details: { stored: Object.fromEntries(stored), logged: Object.fromEntries(logged) } });

  // Voters of each election or rating against its vote events, and its counters against its voters.
  const { rows: items } = await db.query<{ id: string; kind: string; ballot_id: string | null; state: string; seats: number | null; proxies: number | null }>(
    "SELECT id, kind, ballot_id, state, seats, proxies FROM meeting_items WHERE meeting_id = $1 ORDER BY position",
    [id],
  );
  const verifiedBallots: MeetingVerification["ballots"] = [];
  for (const item of items) {
    const cast = events.filter((e) => e.type === "vote.cast" && dataOf(e).item === item.id);
    const votes = cast.map((e) => String(dataOf(e).member));
    // A paper cast by a proxy holder on an item whose rule allows no proxies cannot have been accepted.
    const byProxy = cast.filter((e) => dataOf(e).by !== null && dataOf(e).by !== undefined);
    if (item.proxies === 0 && byProxy.length > 0) {
      problems.push({ code: "PROXY_VOTE_NOT_ALLOWED", message: `item ${item.id}: its rule allows no proxy votes, yet ${byProxy.length} paper(s) were cast by a proxy holder`, details: { item: item.id, seqs: byProxy.map((e) => e.seq) } });
    }
    if (item.kind === "motion") {
      const check = await ballots.verifyAudit(item.ballot_id!);
      verifiedBallots.push({ item: item.id, ballot: item.ballot_id!, intact: check.intact });
      if (!check.intact) problems.push({ code: "BALLOT_NOT_INTACT", message: `the ballot of motion ${item.id} does not verify`, details: { ballot: item.ballot_id, problems: check.problems } });
      const { rows } = await db.query<{ member_id: string }>("SELECT member_id FROM voters WHERE ballot_id = $1", [item.ballot_id]);
      if (sorted(rows.map((r) => r.member_id)) !== sorted(votes)) problems.push({ code: "VOTERS_MISMATCH", message: `the voters of motion ${item.id} do not match the meeting's audit log` });
      continue;
    }
    const { rows: voters } = await db.query<{ member_id: string }>("SELECT member_id FROM item_voters WHERE item_id = $1", [item.id]);
    if (sorted(voters.map((v) => v.member_id)) !== sorted(votes)) problems.push({ code: "VOTERS_MISMATCH", message: `the voters of item ${item.id} do not match the audit log`, details: { item: item.id } });
    const { rows: counts } = await db.query<{ subject: string; option: string; count: number }>("SELECT subject, option, count FROM item_counts WHERE item_id = $1", [item.id]);
    if (item.kind === "rating") {
      const bySubject = new Map<string, number>();
      for (const c of counts) bySubject.set(c.subject, (bySubject.get(c.subject) ?? 0) + Number(c.count));
      const off = [...bySubject].filter(([, n]) => n !== voters.length).map(([s]) => s);
      if (off.length > 0) problems.push({ code: "COUNTS_MISMATCH", message: `item ${item.id}: the ratings of ${off.join("、")} do not add up to its ${voters.length} voters`, details: { item: item.id } });
    } else {
      const invalid = Number(counts.find((c) => c.subject === "paper")?.count ?? 0);
      const names = counts.filter((c) => c.subject === "candidate").reduce((sum, c) => sum + Number(c.count), 0);
      if (invalid > voters.length || names > (voters.length - invalid) * (item.seats ?? 1)) {
        problems.push({ code: "COUNTS_MISMATCH", message: `item ${item.id}: its counters cannot come from its ${voters.length} papers`, details: { item: item.id, invalid, names } });
      }
    }
  }
  return { meeting: id, intact: problems.length === 0, events: events.length, head, problems, ballots: verifiedBallots, ...(anchored ? { anchor: anchored } : {}) };
}
