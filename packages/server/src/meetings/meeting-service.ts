/**
 * Meetings end to end: create (the body's roster snapshotted), one sign-in per member, proxies (委托投票), close
 * (the public notice gets its unguessable id). Every change runs in one transaction that first locks the meeting
 * row, so changes to one meeting are serialised through any instance and its audit chain cannot fork; the schema's
 * keys are the final guard for one sign-in per member.
 */

import { randomBytes, randomUUID } from "node:crypto";
import { eventTime } from "../audit/audit-log.ts";
import type { ChainedEvent } from "../audit/hash-chain.ts";
import type { BallotService } from "../ballots/ballot-service.ts";
import { conflict, notFound, unprocessable } from "../refusal.ts";
import type { Database, Queryable } from "../store/database.ts";
import type { BodyService } from "./body-service.ts";
import { readItems } from "./item-view.ts";
import { appendMeetingEvent, EMPTY_HEAD, listMeetingEvents } from "./meeting-log.ts";
import { findMeeting, headOf, type MeetingRow } from "./meeting-row.ts";
import type { CreateMeetingInput, MeetingView } from "./meeting-types.ts";
import { noticeOf, type NoticeDocument } from "./notice.ts";
import { verifyMeeting, type MeetingVerification } from "./meeting-verification.ts";
import { proxyLimit } from "./proxy-limit.ts";

/** Bytes of randomness in a notice id: 192 bits, base64url (32 characters). */
const NOTICE_ID_BYTES = 24;

/** 409 MEETING_CLOSED. */
export function meetingClosed(id: string) {
  return conflict("MEETING_CLOSED", `Meeting ${id} is closed; its record is final.`, { meeting: id });
}

export class MeetingService {
  constructor(
    private readonly db: Database,
    private readonly bodies: BodyService,
    private readonly ballots: BallotService,
  ) {}

  /** Opens a meeting of a body, snapshotting the roster version it uses. */
  async create(input: CreateMeetingInput, actor: string): Promise<MeetingView> {
    const body = await this.bodies.get(input.body, input.bodyVersion);
    const id = randomUUID();
    const maxProxies = input.maxProxies ?? 1;
    const at = eventTime();
    await this.db.transaction(async (tx) => {
      await tx.query(
        "INSERT INTO meetings (id, title, body_id, body_version, public_names, max_proxies, created_by, created_at, audit_head) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [id, input.title, body.id, body.version, body.publicNames, maxProxies, actor, at, EMPTY_HEAD.hash],
      );
      await tx.query(
        `INSERT INTO meeting_members (meeting_id, member_id, name, position)
         SELECT $1, m.id, m.name, m.position FROM jsonb_to_recordset($2::jsonb) AS m(id text, name text, position integer)`,
        [id, JSON.stringify(body.members.map((m, position) => ({ ...m, position })))],
      );
      const data = { title: input.title, body: { id: body.id, name: body.name, version: body.version }, roster: body.members, publicNames: body.publicNames, maxProxies };
      await appendMeetingEvent(tx, id, EMPTY_HEAD, "meeting.created", actor, data, at);
    });
    return this.get(id);
  }

  /** Records a member as signed in, in person; 409 ALREADY_SIGNED_IN the second time (or when represented by proxy). */
  async signIn(id: string, member: string, actor: string): Promise<{ meeting: string; member: string; counts: MeetingView["counts"] }> {
    await this.db.transaction(async (tx) => {
      const meeting = await this.lockOpen(tx, id);
      await this.assertAbsent(tx, id, member);
      const at = eventTime();
      await tx.query("INSERT INTO meeting_attendance (meeting_id, member_id, recorded_at) VALUES ($1, $2, $3)", [id, member, at]);
      await this.attendOpenMotions(tx, id, member, actor);
      await appendMeetingEvent(tx, id, headOf(meeting), "member.signed_in", actor, { member }, at);
    });
    return { meeting: id, member, counts: await this.counts(this.db, id) };
  }

  /**
   * Records that an absent member is represented by `holder`, who signed in in person and may hold at most the limit
   * in force: the meeting's maxProxies, lowered by every item rule's `proxies: at most N` (N ≥ 1; see proxy-limit.ts).
   * 409 TOO_MANY_PROXIES (details name the rule that sets the limit), HOLDER_NOT_SIGNED_IN, ALREADY_SIGNED_IN.
   */
  async addProxy(id: string, member: string, holder: string, actor: string): Promise<{ meeting: string; member: string; holder: string; held: number }> {
    const held = await this.db.transaction(async (tx) => {
      const meeting = await this.lockOpen(tx, id);
      if (member === holder) throw unprocessable("SELF_PROXY", "A member cannot hold their own proxy.", { meeting: id, member });
      await this.assertAbsent(tx, id, member);
      await this.assertOnRoster(tx, id, holder);
      const { rows } = await tx.query<{ in_person: boolean | null; held: number }>(
        `SELECT (SELECT holder_id IS NULL FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2) AS in_person,
                (SELECT COUNT(*)::int FROM meeting_attendance WHERE meeting_id = $1 AND holder_id = $2) AS held`,
        [id, holder],
      );
      const standing = rows[0]!;
      if (standing.in_person !== true) throw conflict("HOLDER_NOT_SIGNED_IN", `Member ${holder} must sign in in person before holding a proxy.`, { meeting: id, holder });
      const limit = await proxyLimit(tx, meeting);
      if (standing.held >= limit.max) {
        const why = limit.limitedBy ? `rule ${limit.limitedBy.rule.name} v${limit.limitedBy.rule.version} of item ${limit.limitedBy.item} allows` : "this meeting allows";
        throw conflict("TOO_MANY_PROXIES", `Member ${holder} already holds ${standing.held} proxies, the most ${why} (${limit.max}).`, { meeting: id, holder, held: standing.held, max: limit.max, limitedBy: limit.limitedBy });
      }
      const at = eventTime();
      await tx.query("INSERT INTO meeting_attendance (meeting_id, member_id, holder_id, recorded_at) VALUES ($1, $2, $3, $4)", [id, member, holder, at]);
      await this.attendOpenMotions(tx, id, member, actor, true);
      await appendMeetingEvent(tx, id, headOf(meeting), "proxy.recorded", actor, { member, holder }, at);
      return standing.held + 1;
    });
    return { meeting: id, member, holder, held };
  }

  /** Closes a meeting whose items are all closed; its public notice gets its random id. */
  async close(id: string, actor: string): Promise<MeetingView> {
    await this.db.transaction(async (tx) => {
      const meeting = await this.lockOpen(tx, id);
      const { rows } = await tx.query<{ id: string }>("SELECT id FROM meeting_items WHERE meeting_id = $1 AND state = 'open' ORDER BY position", [id]);
      if (rows.length > 0) throw conflict("ITEMS_OPEN", `Meeting ${id} still has ${rows.length} open item(s); close them first.`, { meeting: id, items: rows.map((r) => r.id) });
      const notice = randomBytes(NOTICE_ID_BYTES).toString("base64url");
      const at = eventTime();
      const counts = await this.counts(tx, id);
      await appendMeetingEvent(tx, id, headOf(meeting), "meeting.closed", actor, { counts, notice }, at);
      await tx.query("UPDATE meetings SET state = 'closed', closed_at = $2, notice_id = $3 WHERE id = $1", [id, at, notice]);
    });
    return this.get(id);
  }

  /** The meeting with its roster, sign-ins, proxies, counts and items. */
  async get(id: string, db: Queryable = this.db): Promise<MeetingView> {
    const meeting = await findMeeting(db, id);
    const { rows: members } = await db.query<{ member_id: string; name: string; signed_in: boolean; holder_id: string | null }>(
      `SELECT m.member_id, m.name, a.member_id IS NOT NULL AND a.holder_id IS NULL AS signed_in, a.holder_id
       FROM meeting_members m LEFT JOIN meeting_attendance a USING (meeting_id, member_id) WHERE m.meeting_id = $1 ORDER BY m.position`,
      [id],
    );
    const { rows: body } = await db.query<{ name: string }>("SELECT name FROM bodies WHERE id = $1", [meeting.body_id]);
    return {
      id,
      title: meeting.title,
      body: { id: meeting.body_id, name: body[0]?.name ?? "", version: meeting.body_version },
      state: meeting.state,
      maxProxies: (await proxyLimit(db, meeting)).max,
      publicNames: meeting.public_names,
      createdBy: meeting.created_by,
      createdAt: meeting.created_at.toISOString(),
      closedAt: meeting.closed_at?.toISOString() ?? null,
      noticeId: meeting.notice_id,
      members: members.map((m) => ({ id: m.member_id, name: m.name, signedIn: m.signed_in, proxyHolder: m.holder_id })),
      counts: countsOf(members),
      items: await readItems(db, id),
      audit: { seq: meeting.audit_seq, hash: meeting.audit_head },
    };
  }

  /** The public notice of a closed meeting, by its unguessable id (404 NOTICE_NOT_FOUND otherwise). */
  async notice(noticeId: string): Promise<NoticeDocument> {
    const { rows } = await this.db.query<{ id: string }>("SELECT id FROM meetings WHERE notice_id = $1 AND state = 'closed'", [noticeId]);
    if (!rows[0]) throw notFound("NOTICE_NOT_FOUND", "No public notice at this address.");
    return noticeOf(await this.get(rows[0].id));
  }

  /** Every meeting, newest first (summaries). */
  async list(): Promise<{ id: string; title: string; state: string; body: string; createdAt: string }[]> {
    const { rows } = await this.db.query<MeetingRow>("SELECT id, title, state, body_id, created_at FROM meetings ORDER BY created_at DESC, id");
    return rows.map((r) => ({ id: r.id, title: r.title, state: r.state, body: r.body_id, createdAt: r.created_at.toISOString() }));
  }

  /** The meeting's audit events, in order. */
  async audit(id: string): Promise<ChainedEvent[]> {
    await findMeeting(this.db, id);
    return listMeetingEvents(this.db, id);
  }

  /** Verifies the meeting's chain, its rows against it, and every motion's ballot; `anchor` is a kept head (e.g. the 公示's). */
  async verify(id: string, anchor?: string): Promise<MeetingVerification> {
    const meeting = await findMeeting(this.db, id);
    return verifyMeeting(this.db, this.ballots, meeting, anchor);
  }

  /** Entitled, signed in (in person), represented by proxy, and present (both). */
  async counts(db: Queryable, id: string): Promise<MeetingView["counts"]> {
    const { rows } = await db.query<{ signed_in: boolean; holder_id: string | null }>(
      `SELECT a.member_id IS NOT NULL AND a.holder_id IS NULL AS signed_in, a.holder_id
       FROM meeting_members m LEFT JOIN meeting_attendance a USING (meeting_id, member_id) WHERE m.meeting_id = $1`,
      [id],
    );
    return countsOf(rows);
  }

  /** Locks the meeting row; 409 MEETING_CLOSED when closed. */
  private async lockOpen(tx: Queryable, id: string): Promise<MeetingRow> {
    const meeting = await findMeeting(tx, id, true);
    if (meeting.state === "closed") throw meetingClosed(id);
    return meeting;
  }

  private async assertOnRoster(tx: Queryable, id: string, member: string): Promise<void> {
    const { rowCount } = await tx.query("SELECT 1 FROM meeting_members WHERE meeting_id = $1 AND member_id = $2", [id, member]);
    if (!rowCount) throw unprocessable("NOT_ON_ROSTER", `Member ${member} is not on the roster of meeting ${id}.`, { meeting: id, member });
  }

  /** 422 NOT_ON_ROSTER, or 409 ALREADY_SIGNED_IN when the member is already signed in or represented. */
  private async assertAbsent(tx: Queryable, id: string, member: string): Promise<void> {
    await this.assertOnRoster(tx, id, member);
    const { rows } = await tx.query<{ holder_id: string | null }>("SELECT holder_id FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2", [id, member]);
    if (rows[0]) {
      const how = rows[0].holder_id === null ? "signed in" : `represented by ${rows[0].holder_id}`;
      throw conflict("ALREADY_SIGNED_IN", `Member ${member} is already ${how} at meeting ${id}; a member signs in once.`, { meeting: id, member, holder: rows[0].holder_id });
    }
  }

  /**
   * A member who arrives (or is represented) while motions are open may vote on them: their ballots record them
   * present. A represented member counts only on motions whose rule allows proxies (`proxies: at most N`, N ≥ 1).
   */
  private async attendOpenMotions(tx: Queryable, id: string, member: string, actor: string, byProxy = false): Promise<void> {
    const { rows } = await tx.query<{ ballot_id: string }>(
      "SELECT ballot_id FROM meeting_items WHERE meeting_id = $1 AND kind = 'motion' AND state = 'open' AND (NOT $2::boolean OR proxies IS NULL OR proxies >= 1) ORDER BY position",
      [id, byProxy],
    );
    for (const row of rows) await this.ballots.recordAttendance(row.ballot_id, member, actor, tx);
  }
}

function countsOf(rows: { signed_in: boolean; holder_id: string | null }[]): MeetingView["counts"] {
  const signedIn = rows.filter((r) => r.signed_in).length;
  const proxies = rows.filter((r) => r.holder_id !== null).length;
  return { entitled: rows.length, signedIn, proxies, present: signedIn + proxies };
}
