/**
 * How many proxies (委托投票) one member present in person may hold at a meeting. Each agenda item's pinned rule
 * declares its own limit (`proxies: at most N`; 0 or none: proxy papers do not count on that item), so the limit at
 * sign-in is the smallest of the meeting's own cap (`maxProxies`) and every N ≥ 1 of its items' rules: a proxy the
 * sign-in accepts is then within the limit of every item on which proxies count at all.
 */

import type { Queryable } from "../store/database.ts";
import type { MeetingRow } from "./meeting-row.ts";

/** The limit in force, and the item whose rule sets it (null: the meeting's own cap). */
export interface ProxyLimit {
  max: number;
  limitedBy: { item: string; rule: { name: string; version: number } } | null;
}

/** The proxy limit of a meeting now: its cap, lowered by every item rule that allows proxies. */
export async function proxyLimit(db: Queryable, meeting: Pick<MeetingRow, "id" | "max_proxies">): Promise<ProxyLimit> {
  const { rows } = await db.query<{ id: string; rule_name: string; rule_version: number; proxies: number }>(
    "SELECT id, rule_name, rule_version, proxies FROM meeting_items WHERE meeting_id = $1 AND proxies >= 1 ORDER BY proxies, position LIMIT 1",
    [meeting.id],
  );
  const strictest = rows[0];
  if (strictest && strictest.proxies < meeting.max_proxies) {
    return { max: strictest.proxies, limitedBy: { item: strictest.id, rule: { name: strictest.rule_name, version: strictest.rule_version } } };
  }
  return { max: meeting.max_proxies, limitedBy: null };
}

/** The members who hold more than `max` proxies at the meeting, with how many they hold. */
export async function holdersOver(db: Queryable, meeting: string, max: number): Promise<{ holder: string; held: number }[]> {
  const { rows } = await db.query<{ holder_id: string; held: number }>(
    "SELECT holder_id, COUNT(*)::int AS held FROM meeting_attendance WHERE meeting_id = $1 AND holder_id IS NOT NULL GROUP BY holder_id HAVING COUNT(*) > $2 ORDER BY holder_id",
    [meeting, max],
  );
  return rows.map((r) => ({ holder: r.holder_id, held: Number(r.held) }));
}
