/** A ballot as stored: the `ballots` row the service locks, reads and verifies. */

import type { RuleResult } from "@gavel-rules/lang";
import type { BallotState, Tally } from "./ballot-types.ts";

export interface BallotRow {
  id: string;
  title: string;
  rule_name: string;
  rule_version: number;
  rule_entry: string;
  secret: boolean;
  state: BallotState;
  created_by: string;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  tally: Tally | null;
  result: RuleResult | null;
  audit_seq: number;
  audit_head: string;
}

export const BALLOT_COLUMNS = "id, title, rule_name, rule_version, rule_entry, secret, state, created_by, created_at, opened_at, closed_at, tally, result, audit_seq, audit_head";

/**
 * The version of what a ballot's events and rows record, kept in its `ballot.created` event. Format 2 (schema 003):
 * the rows' times (created, opened, closed, attendance, open choices) are exactly their events' times, and the close
 * event holds the rule's source digest. Ballots created before carry no format and are verified without those two.
 */
export const BALLOT_RECORD_FORMAT = 2;
