/** An agenda item as the API shows it, read from its row, its ballot (a motion) or its voters. */

import type { Queryable } from "../store/database.ts";
import { ITEM_COLUMNS, type ItemRow } from "./meeting-row.ts";
import type { ItemView } from "./meeting-types.ts";

/** The view of one stored item, given how many voted and which item followed it. */
export function itemViewOf(row: ItemRow, voted: number, nextItem: string | null): ItemView {
  return {
    id: row.id,
    meeting: row.meeting_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    rule: { name: row.rule_name, version: row.rule_version, entry: row.rule_entry },
    secret: row.secret,
    state: row.state,
    ballot: row.ballot_id,
    seats: row.seats,
    round: row.round,
    writeIns: row.write_ins,
    proxies: row.proxies,
    candidates: row.candidates,
    subjects: row.subjects,
    levels: row.levels,
    previousItem: row.previous_item_id,
    nextItem,
    voted,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    tally: row.tally,
    result: row.result,
  };
}

/** Every item of a meeting in agenda order (or the one `item`), with its vote count and follower. */
export async function readItems(db: Queryable, meeting: string, item?: string): Promise<ItemView[]> {
  const { rows } = await db.query<ItemRow & { voted: number; next_item: string | null }>(
    `SELECT ${ITEM_COLUMNS.split(", ").map((c) => `i.${c}`).join(", ")},
       CASE WHEN i.kind = 'motion' THEN (SELECT COUNT(*)::int FROM voters v WHERE v.ballot_id = i.ballot_id)
            ELSE (SELECT COUNT(*)::int FROM item_voters v WHERE v.item_id = i.id) END AS voted,
       (SELECT n.id FROM meeting_items n WHERE n.previous_item_id = i.id LIMIT 1) AS next_item
     FROM meeting_items i WHERE i.meeting_id = $1 AND ($2::text IS NULL OR i.id = $2::text) ORDER BY i.position`,
    [meeting, item ?? null],
  );
  return rows.map((row) => itemViewOf(row, Number(row.voted), row.next_item));
}
