/** The shapes of bodies, meetings and agenda items as the service takes and returns them. */

import type { RatingResult, RuleResult } from "@gavel-rules/lang";
import type { Choice } from "../ballots/ballot-types.ts";

export interface Member {
  id: string;
  name: string;
}

export interface CreateBodyInput {
  name: string;
  members: Member[];
  /** May the 公示 list members' names (default false: counts only). */
  publicNames?: boolean;
}

export interface BodyView {
  id: string;
  name: string;
  version: number;
  members: Member[];
  publicNames: boolean;
  createdBy: string;
  createdAt: string;
  /** How many versions the body has (this is one of them). */
  versions: number;
}

export type MeetingState = "open" | "closed";
export type ItemKind = "motion" | "election" | "rating";

export interface CreateMeetingInput {
  title: string;
  body: string;
  /** The roster version to snapshot (default: the latest). */
  bodyVersion?: number;
  /**
   * The meeting's own cap on the proxies one member present in person may hold (委托投票; default 1, 0: none). The
   * limit in force is the smallest of this and every `proxies: at most N` (N ≥ 1) of its items' rules.
   */
  maxProxies?: number;
}

export interface CreateItemInput {
  kind: ItemKind;
  title: string;
  rule: string;
  ruleVersion?: number;
  ruleName?: string;
  /** Default: false for a motion, true for an election or a rating. */
  secret?: boolean;
  /**
   * An election: seats to fill, candidates on the paper, the rule's round (default 1), and whether names off the list
   * count: default what the rule declares (`write_ins: allowed`); true only when it does; false narrows it (a re-vote).
   */
  seats?: number;
  candidates?: string[];
  writeIns?: boolean;
  round?: number;
  /** A rating: the people rated on one paper. */
  subjects?: string[];
}

/** One paper: a motion's choice, an election's marked names, or a rating's level per subject. */
export interface VoteInput {
  member: string;
  /** The proxy holder casting the vote of a member represented by proxy. */
  by?: string;
  choice?: Choice;
  names?: string[];
  ratings?: Record<string, string>;
}

export interface VoteReceipt {
  item: string;
  member: string;
  by: string | null;
  recorded: true;
  /** False when an election paper marks more names than seats: counted as invalid. */
  valid: boolean;
}

/** A closed rating item's result: one rating rule result per subject. */
export interface RatingsResult {
  kind: "ratings";
  subjects: { subject: string; result: RatingResult }[];
}

export type ItemResult = RuleResult | RatingsResult;

export interface ItemView {
  id: string;
  meeting: string;
  position: number;
  kind: ItemKind;
  title: string;
  rule: { name: string; version: number; entry: string };
  secret: boolean;
  state: MeetingState;
  /** A motion's ballot (the ballot API reads and verifies it too). */
  ballot: string | null;
  seats: number | null;
  round: number | null;
  writeIns: boolean;
  /** The pinned rule's `proxies: at most N` (0: no proxy votes on this item); null for an item opened before rules declared it. */
  proxies: number | null;
  candidates: string[] | null;
  subjects: string[] | null;
  levels: string[] | null;
  previousItem: string | null;
  nextItem: string | null;
  voted: number;
  openedAt: string;
  closedAt: string | null;
  /** Set once closed: the counts the rule was evaluated on. */
  tally: Record<string, unknown> | null;
  result: ItemResult | null;
}

export interface MeetingView {
  id: string;
  title: string;
  body: { id: string; name: string; version: number };
  state: MeetingState;
  /** The proxy limit in force: the smallest of the meeting's own cap and every `proxies: at most N` (N ≥ 1) of its items' rules. */
  maxProxies: number;
  publicNames: boolean;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  /** The public notice's unguessable id, once closed (GET /v1/notices/{noticeId}). */
  noticeId: string | null;
  members: (Member & { signedIn: boolean; proxyHolder: string | null })[];
  counts: { entitled: number; signedIn: number; proxies: number; present: number };
  items: ItemView[];
  audit: { seq: number; hash: string };
}
