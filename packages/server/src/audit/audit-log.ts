/** The append-only audit log of ballots in SQL; callers append inside the transaction that holds the ballot row lock. */

import type { Queryable } from "../store/database.ts";
import { eventHash, GENESIS_HASH, type ChainedEvent } from "./hash-chain.ts";

/** Where a ballot's chain ends: its last sequence number and hash (kept on the ballot row). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** An audit row as stored; a meeting's events are read with meeting_id AS ballot_id. */
export interface AuditRow {
  ballot_id: string;
  seq: number;
  type: string;
  actor: string;
  at: string;
  data: unknown;
  prev_hash: string;
  hash: string;
}

/** The chained event an audit row holds. */
export function eventOf(row: AuditRow): ChainedEvent {
  return { ballot: row.ballot_id, seq: row.seq, type: row.type, actor: row.actor, at: row.at, data: row.data, prevHash: row.prev_hash, hash: row.hash };
}

/** One event ready to insert: its row values (in AUDIT_INSERT_COLUMNS order) and the chain head after it. */
export interface PreparedEvent {
  values: [string, number, string, string, string, string, string, string];
  head: ChainHead;
  /** The event's time, for rows written with it. */
  at: string;
}

export const AUDIT_INSERT_COLUMNS = "ballot_id, seq, type, actor, at, data, prev_hash, hash";

/** The time an event is stamped with (ISO 8601, ms); rows written with the event store the same instant. */
export function eventTime(): string {
  return new Date().toISOString();
}

/** Builds the next event after `head`: its sequence number, time and hash. */
export function prepareEvent(ballot: string, head: ChainHead, type: string, actor: string, data: unknown, at = eventTime()): PreparedEvent {
  const body = { ballot, seq: head.seq + 1, type, actor, at, data };
  const hash = eventHash(head.hash, body);
  return { values: [ballot, body.seq, type, actor, body.at, JSON.stringify(data), head.hash, hash], head: { seq: body.seq, hash }, at };
}

/**
 * Appends one event after `head` and returns the new head. The caller must hold the ballot row lock
 * (SELECT … FOR UPDATE) and store the new head on the ballot in the same transaction, so concurrent writers
 * can never fork the chain; the (ballot, seq) key refuses a fork even if one tried.
 */
export async function appendEvent(tx: Queryable, ballot: string, head: ChainHead, type: string, actor: string, data: unknown, at = eventTime()): Promise<ChainHead> {
  const event = prepareEvent(ballot, head, type, actor, data, at);
  await tx.query(`INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, event.values);
  return event.head;
}

/** Every event of a ballot, in order. */
export async function listEvents(db: Queryable, ballot: string): Promise<ChainedEvent[]> {
  const { rows } = await db.query<AuditRow>("SELECT ballot_id, seq, type, actor, at, data, prev_hash, hash FROM audit_events WHERE ballot_id = $1 ORDER BY seq", [ballot]);
  return rows.map(eventOf);
}

/** The last stored event of a ballot's chain, as its head (seq 0 and the genesis hash when there is none). */
export async function storedHead(db: Queryable, ballot: string): Promise<ChainHead> {
  const { rows } = await db.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_events WHERE ballot_id = $1 ORDER BY seq DESC LIMIT 1", [ballot]);
  return rows[0] ? { seq: rows[0].seq, hash: rows[0].hash } : { seq: 0, hash: GENESIS_HASH };
}
