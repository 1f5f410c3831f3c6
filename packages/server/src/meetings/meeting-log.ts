/**
 * A meeting's hash chain in SQL (meeting_events): the same events and hashes as a ballot's chain (audit-log.ts), one
 * chain per meeting. Callers append inside the transaction that holds the meeting row lock and store the new head.
 */

import { eventOf, eventTime, prepareEvent, type AuditRow, type ChainHead } from "../audit/audit-log.ts";
import { GENESIS_HASH, type ChainedEvent } from "../audit/hash-chain.ts";
import type { Queryable } from "../store/database.ts";

/** Appends one event after `head`, moves the meeting row's head, and returns the new head. */
export async function appendMeetingEvent(tx: Queryable, meeting: string, head: ChainHead, type: string, actor: string, data: unknown, at = eventTime()): Promise<ChainHead> {
  const event = prepareEvent(meeting, head, type, actor, data, at);
  await tx.query("INSERT INTO meeting_events (meeting_id, seq, type, actor, at, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", event.values);
  const moved = await tx.query("UPDATE meetings SET audit_seq = $2, audit_head = $3 WHERE id = $1 AND audit_seq = $4", [meeting, event.head.seq, event.head.hash, head.seq]);
  if (moved.rowCount !== 1) throw new Error(`audit chain head of meeting ${meeting} moved while locked`);
  return event.head;
}

/** Every event of a meeting, in order (the hashed body calls the chain `ballot`, as every chain does). */
export async function listMeetingEvents(db: Queryable, meeting: string): Promise<ChainedEvent[]> {
  const { rows } = await db.query<AuditRow>("SELECT meeting_id AS ballot_id, seq, type, actor, at, data, prev_hash, hash FROM meeting_events WHERE meeting_id = $1 ORDER BY seq", [meeting]);
  return rows.map(eventOf);
}

/** The head of a chain with no events yet. */
export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };
