/** What a ballot's stored rows add up to: the tally a close evaluates and verify recomputes, and what does not fit. */

import type { Queryable } from "../store/database.ts";
import type { Tally } from "./ballot-types.ts";

export interface ChoiceCounts {
  yes: number;
  no: number;
  abstain: number;
}

/** The counted rows of one ballot. */
export interface StoredCount {
  entitled: number;
  present: number;
  voters: number;
  /** Yes, no and abstain as stored (open choices counted, or a secret ballot's counters); null when a secret ballot has no counters row. */
  choices: ChoiceCounts | null;
  /** Attendance rows of members not on the roster (the foreign key forbids them; a bypass does not). */
  presentNotOnRoster: string[];
  /** Voters not recorded present. */
  votersNotPresent: string[];
  /** Open choices of members who are not voters. */
  choicesWithoutVoter: string[];
}

/** Counts a ballot's roster, attendance, voters and choices in one transaction's view. */
export async function countStored(db: Queryable, ballot: string, secret: boolean): Promise<StoredCount> {
  const { rows } = await db.query<{ entitled: string; present: string; voters: string; present_not_on_roster: string[]; voters_not_present: string[] }>(
    `SELECT (SELECT COUNT(*) FROM roster_members WHERE ballot_id = $1) AS entitled,
            (SELECT COUNT(*) FROM attendance WHERE ballot_id = $1) AS present,
            (SELECT COUNT(*) FROM voters WHERE ballot_id = $1) AS voters,
            (SELECT COALESCE(jsonb_agg(a.member_id ORDER BY a.member_id), '[]'::jsonb) FROM attendance a
              WHERE a.ballot_id = $1 AND NOT EXISTS (SELECT 1 FROM roster_members r WHERE r.ballot_id = $1 AND r.member_id = a.member_id)) AS present_not_on_roster,
            (SELECT COALESCE(jsonb_agg(v.member_id ORDER BY v.member_id), '[]'::jsonb) FROM voters v
              WHERE v.ballot_id = $1 AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.ballot_id = $1 AND a.member_id = v.member_id)) AS voters_not_present`,
    [ballot],
  );
  const row = rows[0]!;
  let choices: ChoiceCounts | null = null;
  let choicesWithoutVoter: string[] = [];
  if (secret) {
    const counted = await db.query<ChoiceCounts>("SELECT yes, no, abstain FROM secret_counts WHERE ballot_id = $1", [ballot]);
    const counts = counted.rows[0];
    choices = counts ? { yes: Number(counts.yes), no: Number(counts.no), abstain: Number(counts.abstain) } : null;
  } else {
    const counted = await db.query<{ yes: string; no: string; abstain: string; without_voter: string[] }>(
      `SELECT COUNT(*) FILTER (WHERE choice = 'yes') AS yes, COUNT(*) FILTER (WHERE choice = 'no') AS no, COUNT(*) FILTER (WHERE choice = 'abstain') AS abstain,
              (SELECT COALESCE(jsonb_agg(o.member_id ORDER BY o.member_id), '[]'::jsonb) FROM open_choices o
                WHERE o.ballot_id = $1 AND NOT EXISTS (SELECT 1 FROM voters v WHERE v.ballot_id = $1 AND v.member_id = o.member_id)) AS without_voter
       FROM open_choices c WHERE c.ballot_id = $1`,
      [ballot],
    );
    const counts = counted.rows[0]!;
    choices = { yes: Number(counts.yes), no: Number(counts.no), abstain: Number(counts.abstain) };
    choicesWithoutVoter = counts.without_voter;
  }
  return {
    entitled: Number(row.entitled),
    present: Number(row.present),
    voters: Number(row.voters),
    choices,
    presentNotOnRoster: row.present_not_on_roster,
    votersNotPresent: row.voters_not_present,
    choicesWithoutVoter,
  };
}

/** The tally a vote rule is evaluated on (no counters row counts as no choices). */
export function tallyOf(count: StoredCount): Tally {
  const choices = count.choices ?? { yes: 0, no: 0, abstain: 0 };
  return { entitled: count.entitled, present: count.present, yes: choices.yes, no: choices.no, abstain: choices.abstain };
}

/** Why the stored rows cannot be closed on (choices ≠ voters, voters not present, …), or undefined when they fit. */
export function countMismatch(count: StoredCount): string | undefined {
  if (count.choices === null) return "the secret ballot has no counters";
  const choices = count.choices.yes + count.choices.no + count.choices.abstain;
  if (choices !== count.voters) return `${choices} choices are stored for ${count.voters} voters`;
  if (count.votersNotPresent.length > 0) return `voters not recorded present: ${count.votersNotPresent.join(", ")}`;
  if (count.presentNotOnRoster.length > 0) return `attendance of members not on the roster: ${count.presentNotOnRoster.join(", ")}`;
  if (count.choicesWithoutVoter.length > 0) return `choices of members who are not voters: ${count.choicesWithoutVoter.join(", ")}`;
  return undefined;
}
