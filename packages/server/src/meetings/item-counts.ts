/** The counted facts of an election or rating item, read from its counters and voters: what its rule is evaluated on. */

import type { Queryable } from "../store/database.ts";
import type { ItemRow } from "./meeting-row.ts";

/** The input of an election rule for one round (村民委员会组织法 art. 15's facts). */
export interface ElectionTally {
  registered: number;
  voters: number;
  ballots: number;
  invalid: number;
  seats: number;
  round: number;
  candidates: Record<string, number>;
}

/** One rating subject's counts by level, and how many papers were cast. */
export interface RatingTally {
  voters: number;
  subjects: Record<string, Record<string, number>>;
}

async function countersOf(db: Queryable, item: string): Promise<{ subject: string; option: string; count: number }[]> {
  const { rows } = await db.query<{ subject: string; option: string; count: number }>("SELECT subject, option, count FROM item_counts WHERE item_id = $1", [item]);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** How many members voted on an item (its voters' rows). */
export async function votersOf(db: Queryable, item: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM item_voters WHERE item_id = $1", [item]);
  return Number(rows[0]!.n);
}

/**
 * An election round's tally: registered = the meeting's roster, voters = members who voted, ballots = papers cast
 * (one per voter), invalid = papers marking more names than seats; candidates in list order, then write-ins by name.
 */
export async function electionTally(db: Queryable, item: ItemRow, registered: number): Promise<ElectionTally> {
  const counters = await countersOf(db, item.id);
  const voters = await votersOf(db, item.id);
  const listed = item.candidates ?? [];
  const votes = new Map(counters.filter((c) => c.subject === "candidate").map((c) => [c.option, c.count]));
  const writeIns = [...votes.keys()].filter((name) => !listed.includes(name)).sort();
  const candidates: Record<string, number> = {};
  for (const name of [...listed, ...writeIns]) candidates[name] = votes.get(name) ?? 0;
  const invalid = counters.find((c) => c.subject === "paper" && c.option === "invalid")?.count ?? 0;
  return { registered, voters, ballots: voters, invalid, seats: item.seats ?? 1, round: item.round ?? 1, candidates };
}

/** A rating item's counts: for each subject, each level's count (every level listed, zero included). */
export async function ratingTally(db: Queryable, item: ItemRow): Promise<RatingTally> {
  const counters = await countersOf(db, item.id);
  const subjects: Record<string, Record<string, number>> = {};
  for (const subject of item.subjects ?? []) {
    subjects[subject] = Object.fromEntries((item.levels ?? []).map((level) => [level, counters.find((c) => c.subject === subject && c.option === level)?.count ?? 0]));
  }
  return { voters: await votersOf(db, item.id), subjects };
}
