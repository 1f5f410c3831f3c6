/** What an election paper or a rating paper means: checked names and levels, and whether the paper is valid. */

import { unprocessable } from "../refusal.ts";

/**
 * An election paper's names: 422 DUPLICATE_NAMES when a name repeats, NOT_A_CANDIDATE when a name is off the list
 * and the item allows no write-ins. A paper marking more names than seats is still cast, but invalid (counted so).
 */
export function readElectionPaper(names: string[], candidates: string[], seats: number, writeIns: boolean): { names: string[]; valid: boolean } {
  const trimmed = names.map((n) => n.trim());
  if (trimmed.some((n) => n === "")) throw unprocessable("EMPTY_NAME", "A marked name is empty.");
  const repeated = trimmed.filter((n, i) => trimmed.indexOf(n) !== i);
  if (repeated.length > 0) throw unprocessable("DUPLICATE_NAMES", `A paper marks each name at most once; repeated: ${[...new Set(repeated)].join("、")}.`, { names: [...new Set(repeated)] });
  const unknown = trimmed.filter((n) => !candidates.includes(n));
  if (unknown.length > 0 && !writeIns) {
    throw unprocessable("NOT_A_CANDIDATE", `Not a candidate, and this election takes no write-ins: ${unknown.join("、")}.`, { names: unknown, candidates });
  }
  return { names: trimmed, valid: trimmed.length <= seats };
}

/** A rating paper: exactly one of the rule's levels for each subject (422 INVALID_RATING otherwise). */
export function readRatingPaper(ratings: Record<string, string>, subjects: string[], levels: string[]): Record<string, string> {
  const missing = subjects.filter((s) => !Object.hasOwn(ratings, s));
  const extra = Object.keys(ratings).filter((s) => !subjects.includes(s));
  const badLevels = subjects.filter((s) => Object.hasOwn(ratings, s) && !levels.includes(ratings[s]!));
  if (missing.length > 0 || extra.length > 0 || badLevels.length > 0) {
    throw unprocessable("INVALID_RATING", `A rating paper rates every subject (${subjects.join("、")}) with one of ${levels.join("、")}.`, { missing, extra, badLevels, subjects, levels });
  }
  return Object.fromEntries(subjects.map((s) => [s, ratings[s]!]));
}
