/** The shapes of ballots as the service returns them. */

import type { RuleResult } from "@gavel-rules/lang";

export type BallotState = "draft" | "open" | "closed";
export type Choice = "yes" | "no" | "abstain";
export const CHOICES: readonly Choice[] = ["yes", "no", "abstain"];

export interface RosterEntry {
  id: string;
  name: string;
}

/** The counted facts a vote rule is evaluated on, snapshotted at close. */
export interface Tally {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

export interface BallotView {
  id: string;
  title: string;
  rule: { name: string; version: number; entry: string; sha256: string };
  secret: boolean;
  state: BallotState;
  createdBy: string;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  roster: (RosterEntry & { present: boolean; voted: boolean })[];
  counts: { entitled: number; present: number; voted: number };
  /** Set once closed: the counts the rule was evaluated on. */
  tally: Tally | null;
  /** Set once closed: the result JSON, never changed afterwards. */
  result: RuleResult | null;
  /** Each member's choice, for a closed non-secret ballot. */
  votes: { member: string; choice: Choice }[] | null;
}

export interface CreateBallotInput {
  title: string;
  rule: string;
  ruleVersion?: number;
  ruleName?: string;
  roster: RosterEntry[];
  secret?: boolean;
}
