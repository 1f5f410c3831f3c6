/** A meeting and an agenda item as stored, and the lock every change to a meeting takes first. */

import type { ChainHead } from "../audit/audit-log.ts";
import { notFound } from "../refusal.ts";
import type { Queryable } from "../store/database.ts";
import type { ItemKind, ItemResult, MeetingState } from "./meeting-types.ts";

export interface MeetingRow {
  id: string;
  title: string;
  body_id: string;
  body_version: number;
  public_names: boolean;
  max_proxies: number;
  state: MeetingState;
  notice_id: string | null;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
  audit_seq: number;
  audit_head: string;
}

export const MEETING_COLUMNS = "id, title, body_id, body_version, public_names, max_proxies, state, notice_id, created_by, created_at, closed_at, audit_seq, audit_head";

export interface ItemRow {
  id: string;
  meeting_id: string;
  position: number;
  kind: ItemKind;
  title: string;
  rule_name: string;
  rule_version: number;
  rule_entry: string;
  secret: boolean;
  ballot_id: string | null;
  seats: number | null;
  round: number | null;
  write_ins: boolean;
  /** The pinned rule's `proxies: at most N`; null for an item opened before rules declared it (the meeting's limit applied). */
  proxies: number | null;
  candidates: string[] | null;
  subjects: string[] | null;
  levels: string[] | null;
  previous_item_id: string | null;
  state: MeetingState;
  tally: Record<string, unknown> | null;
  result: ItemResult | null;
  opened_at: Date;
  closed_at: Date | null;
}

export const ITEM_COLUMNS =
  "id, meeting_id, position, kind, title, rule_name, rule_version, rule_entry, secret, ballot_id, seats, round, write_ins, proxies, candidates, subjects, levels, previous_item_id, state, tally, result, opened_at, closed_at";

/** The meeting's chain head, as kept on its row. */
export function headOf(row: MeetingRow): ChainHead {
  return { seq: row.audit_seq, hash: row.audit_head };
}

/** The meeting row; with `forUpdate`, locked for the rest of the transaction: serialises every change to one meeting. */
export async function findMeeting(db: Queryable, id: string, forUpdate = false): Promise<MeetingRow> {
  const { rows } = await db.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  if (!rows[0]) throw notFound("MEETING_NOT_FOUND", `No meeting with id ${id}.`, { meeting: id });
  return rows[0];
}

/** One item of a meeting; 404 ITEM_NOT_FOUND when the meeting has no such item. */
export async function findItem(db: Queryable, meeting: string, item: string): Promise<ItemRow> {
  const { rows } = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM meeting_items WHERE id = $1 AND meeting_id = $2`, [item, meeting]);
  if (!rows[0]) throw notFound("ITEM_NOT_FOUND", `Meeting ${meeting} has no item ${item}.`, { meeting, item });
  return rows[0];
}
