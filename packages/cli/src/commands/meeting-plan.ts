/**
 * A meeting as files (examples/year-end-meeting/meeting.json): the body's roster, the rules to store, sign-ins,
 * proxies and the agenda, each item with its papers (an election with one file per round) and, for a rating, the
 * scorecard it feeds. Paths are relative to the plan file.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface PlanPaper {
  member: string;
  by?: string;
  choice?: "yes" | "no" | "abstain";
  names?: string[];
  ratings?: Record<string, string>;
}

export interface PlanItem {
  kind: "motion" | "election" | "rating";
  title: string;
  rule: string;
  ruleName?: string;
  secret?: boolean;
  seats?: number;
  candidates?: string[];
  writeIns?: boolean;
  subjects?: string[];
  /** The papers of a motion or rating (a file of PlanPaper[]). */
  votes?: string;
  /** An election: the papers of each round, in order (a runoff or tie opens the next round). */
  rounds?: string[];
  /** A rating: the scorecard its counts feed (POST /v1/assessments naming the item). */
  assess?: { rule: string; levels?: Record<string, string>; inputs?: string };
}

export interface MeetingPlan {
  title: string;
  /** A file { name, publicNames?, members: [{ id, name }] }. */
  body: string;
  maxProxies?: number;
  /** Rule files to store before the meeting, by registry name. */
  rules?: Record<string, string>;
  signIns: string[];
  proxies?: { member: string; holder: string }[];
  agenda: PlanItem[];
}

/** The plan and a reader of the files it names (JSON, or text for rule files). */
export function readPlan(file: string): { plan: MeetingPlan; json: <T>(path: string) => T; text: (path: string) => string } {
  const base = dirname(resolve(file));
  const text = (path: string) => readFileSync(resolve(base, path), "utf8");
  const json = <T>(path: string) => JSON.parse(text(path)) as T;
  return { plan: JSON.parse(readFileSync(file, "utf8")) as MeetingPlan, json, text };
}
