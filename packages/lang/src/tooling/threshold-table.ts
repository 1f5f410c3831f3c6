/**
 * Threshold tables, a meeting chair's cheat sheet: for each roster size, the least number present that meets a
 * vote's quorum and the least number of yes votes that passes it with the whole roster present. Solved in closed
 * form from the clauses' linear forms (see linear-clause.ts); a rule that is not linear is scanned, exactly.
 */

import type * as A from "../syntax/index.ts";
import { expandCondition, solveFor, substitute, termForm, type Condition, type IntSet, linearRuleOf, VOTE_MODEL, Rational } from "../eval/index.ts";
import type { CompiledModule, CompiledRule } from "../types.ts";

/** One row of a threshold table; null where no number up to the roster works. */
export interface ThresholdRow {
  entitled: number;
  /** The least number present that meets the quorum (everyone present casting a vote, none of them yes). */
  quorum_present: number | null;
  /** The least number of yes votes that passes with the whole roster present and every other member voting no. */
  passes_yes: number | null;
}

/** Why a table or a diff cannot be made: no such rule, or not a vote. */
export interface InsightError {
  code: "UNKNOWN_RULE" | "NOT_A_VOTE" | "KIND_MISMATCH" | "BAD_RANGE";
  message: string;
}

/** A vote of a compiled module with its clauses read as linear conditions (undefined for a clause that is not linear). */
export interface VoteAnalysis {
  rule: CompiledRule;
  decl: A.VoteDecl;
  quorum: Condition | undefined;
  passes: Condition | undefined;
  requires: (Condition | undefined)[];
}

/** The vote `name` of a module, read for tables and diffs. */
export function analyseVote(module: CompiledModule, name: string): { ok: true; vote: VoteAnalysis } | { ok: false; error: InsightError } {
  const rule = module.scope.get(name);
  const info = module.analysed.infos.get(name);
  if (!rule || !info) return { ok: false, error: { code: "UNKNOWN_RULE", message: `There is no rule '${name}'.` } };
  if (info.decl.kind !== "vote") return { ok: false, error: { code: "NOT_A_VOTE", message: `'${name}' is a ${info.decl.kind}; tables and diffs are made for votes.` } };
  const linear = linearRuleOf(info.decl, VOTE_MODEL);
  const expand = (c: Condition | undefined) => c && expandCondition(c, VOTE_MODEL.derived);
  return {
    ok: true,
    vote: { rule, decl: info.decl, quorum: expand(linear.clauses.get("quorum")), passes: expand(linear.clauses.get("passes")), requires: linear.requires.map(expand) },
  };
}

const ZERO = Rational.ZERO;
const ONE = Rational.ONE;

function all(conditions: (Condition | undefined)[]): Condition | undefined {
  return conditions.some((c) => c === undefined) ? undefined : { kind: "and", parts: conditions as Condition[] };
}

const least = (set: IntSet): number | null => (set.length === 0 ? null : Number(set[0]!.lo));

/** The least present meeting the quorum at roster `e`, by an exact scan (for a rule that is not linear). */
function scanQuorum(vote: VoteAnalysis, e: number): number | null {
  for (let p = 0; p <= e; p++) {
    const out = vote.rule.evaluate({ entitled: e, present: p, yes: 0, no: p, abstain: 0 });
    if (out.ok && out.result.kind === "vote" && out.result.values["quorum"] === true) return p;
  }
  return null;
}

function scanPasses(vote: VoteAnalysis, e: number): number | null {
  for (let y = 0; y <= e; y++) {
    const out = vote.rule.evaluate({ entitled: e, present: e, yes: y, no: e - y, abstain: 0 });
    if (out.ok && out.result.kind === "vote" && out.result.values["passes"] === true) return y;
  }
  return null;
}

/** The threshold row of one roster size. */
export function thresholdRow(vote: VoteAnalysis, entitled: number): ThresholdRow {
  const e = BigInt(entitled);
  const E = Rational.fromInt(e);
  // Quorum: `present` unknown, every present member votes no: yes = abstain = 0, no = present.
  const quorum = all([vote.quorum, ...vote.requires]);
  const atQuorum = new Map([
    ["entitled", termForm(undefined, ZERO, E)],
    ["yes", termForm(undefined, ZERO)],
    ["abstain", termForm(undefined, ZERO)],
    ["no", termForm("present", ONE)],
  ]);
  const quorumPresent = quorum ? least(solveFor(substitute(quorum, atQuorum), "present", new Map(), { lo: 0n, hi: e })) : scanQuorum(vote, entitled);
  // Passes: `yes` unknown, the whole roster present, everyone else votes no: no = entitled − yes.
  const passes = all([vote.passes, ...vote.requires]);
  const atPasses = new Map([
    ["entitled", termForm(undefined, ZERO, E)],
    ["present", termForm(undefined, ZERO, E)],
    ["abstain", termForm(undefined, ZERO)],
    ["no", termForm("yes", ONE.neg(), E)],
  ]);
  const passesYes = passes ? least(solveFor(substitute(passes, atPasses), "yes", new Map(), { lo: 0n, hi: e })) : scanPasses(vote, entitled);
  return { entitled, quorum_present: quorumPresent, passes_yes: passesYes };
}

/** The most rows one table may have (the CLI and the API refuse larger ranges). */
export const MAX_TABLE_ROWS = 100_000;

/** The threshold table of the vote `rule` for every roster size from `from` to `to`. */
export function thresholdTable(module: CompiledModule, rule: string, from: number, to: number): { ok: true; rows: ThresholdRow[] } | { ok: false; error: InsightError } {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to - from >= MAX_TABLE_ROWS) {
    return { ok: false, error: { code: "BAD_RANGE", message: `The roster range must be whole numbers FROM..TO with 0 <= FROM <= TO and at most ${MAX_TABLE_ROWS} rows.` } };
  }
  const analysed = analyseVote(module, rule);
  if (!analysed.ok) return analysed;
  const rows: ThresholdRow[] = [];
  for (let e = from; e <= to; e++) rows.push(thresholdRow(analysed.vote, e));
  return { ok: true, rows };
}

/** Parses a roster range: "0..60", "31" (one size), or "..60" (from 0). */
export function parseRosterRange(text: string): { from: number; to: number } | undefined {
  const m = /^\s*(\d*)\s*(?:\.\.\s*(\d+))?\s*$/.exec(text);
  if (!m || (m[1] === "" && m[2] === undefined)) return undefined;
  const from = m[1] === "" ? 0 : Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return Number.isSafeInteger(from) && Number.isSafeInteger(to) && from <= to ? { from, to } : undefined;
}
