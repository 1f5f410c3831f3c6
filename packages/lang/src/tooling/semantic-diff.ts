/**
 * Semantic diff of two votes: on every tally up to a roster size (0 ≤ present ≤ entitled, yes + no + abstain ≤
 * present), how many change outcome, the first of them, and how the needed counts of the threshold table move.
 *
 * Millions of tallies are counted, not evaluated one by one: for each (entitled, present, no, abstain) every clause
 * is solved for `yes` in closed form, which cuts 0..present − no − abstain into a few runs of equal outcome. Each
 * clause is first scaled to whole coefficients, so the arithmetic is on integers (exact in a double below 2^53,
 * which is checked; bigint otherwise). A rule that is not linear is compared by evaluating every tally.
 */

import type * as A from "../syntax/index.ts";
import type { Condition } from "../eval/index.ts";
import { VOTE_INPUT_FACTS } from "../check/index.ts";
import { analyseVote, thresholdRow, type InsightError, type VoteAnalysis } from "./threshold-table.ts";
import { diffScorecards, scorecardOf, type ScorecardDiff } from "./scorecard-diff.ts";
import type { CompiledModule, VoteOutcome } from "../types.ts";

/** A tally's outcome; `error` when a `require` of the rule fails on it. */
export type TallyOutcome = VoteOutcome | "error";

export interface DiffExample {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  old: TallyOutcome;
  new: TallyOutcome;
}

/** How one roster size's needed counts (see ThresholdRow) move from the old rule to the new. */
export interface NeededShift {
  entitled: number;
  quorum_present: { old: number | null; new: number | null };
  passes_yes: { old: number | null; new: number | null };
}

export interface VoteDiff {
  kind: "vote";
  /** The roster sizes compared: every one from `from` to `to`. */
  entitled: { from: number; to: number };
  /** Every tally compared: Σ over the rosters, present ≤ entitled, of C(present + 3, 3). */
  tallies: number;
  /** Tallies whose outcome differs. */
  changed: number;
  /** The first changed tallies, ordered by entitled, present, no, abstain, then yes. */
  examples: DiffExample[];
  /** The roster sizes whose quorum_present or passes_yes differs, in order. */
  shifts: NeededShift[];
}

/** The largest roster a diff may go up to (C(N + 4, 4) runs are solved). */
export const MAX_DIFF_ENTITLED = 200;

// ---- clauses on whole coefficients -----------------------------------------------------------------

const FACTS = VOTE_INPUT_FACTS;

/** s·yes + e·entitled + p·present + n·no + a·abstain + k  op  0, all whole numbers. */
interface IntAtom {
  c: number[]; // [yes, entitled, present, no, abstain, constant]
  op: A.CompareOp;
}

type IntCondition = { kind: "const"; value: boolean } | { kind: "atom"; atom: IntAtom } | { kind: "and" | "or"; parts: IntCondition[] } | { kind: "not"; part: IntCondition };

const ORDER = ["yes", "entitled", "present", "no", "abstain"] as const;

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** The condition on whole coefficients, or undefined when a value could pass 2^53 on rosters up to `maxEntitled`. */
function toInt(c: Condition, maxEntitled: number): IntCondition | undefined {
  switch (c.kind) {
    case "const":
      return c;
    case "not": {
      const part = toInt(c.part, maxEntitled);
      return part && { kind: "not", part };
    }
    case "and":
    case "or": {
      const parts = c.parts.map((p) => toInt(p, maxEntitled));
      return parts.every((p) => p !== undefined) ? { kind: c.kind, parts: parts as IntCondition[] } : undefined;
    }
    case "atom": {
      for (const name of c.form.coef.keys()) if (!(FACTS as readonly string[]).includes(name)) return undefined;
      let d = c.form.constant.d;
      for (const k of c.form.coef.values()) d = lcm(d, k.d);
      const whole = (r: { n: bigint; d: bigint } | undefined) => (r ? (r.n * d) / r.d : 0n);
      const big = [...ORDER.map((n) => whole(c.form.coef.get(n))), whole(c.form.constant)];
      // |Σ c·f| ≤ Σ|c|·N + |k| must stay exact in a double.
      const bound = big.slice(0, 5).reduce((s, x) => s + (x < 0n ? -x : x) * BigInt(maxEntitled), 0n) + (big[5]! < 0n ? -big[5]! : big[5]!);
      if (bound >= BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
      return { kind: "atom", atom: { c: big.map(Number), op: c.op } };
    }
  }
}

/** Runs of yes as flat [lo, hi, lo, hi, …] pairs, sorted and disjoint. */
type Runs = number[];

/** ⌊n/d⌋ for d > 0 on safe integers: the float quotient, corrected to the exact floor by integer products. */
function floorDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  while (q * d > n) q--;
  while ((q + 1) * d <= n) q++;
  return q;
}

/** The yes in [0, top] with s·yes + k op 0; s and k whole. */
function solveInt(s: number, k: number, op: A.CompareOp, top: number): Runs {
  if (s === 0) {
    const holds = op === ">" ? k > 0 : op === ">=" ? k >= 0 : op === "<" ? k < 0 : op === "<=" ? k <= 0 : op === "=" ? k === 0 : k !== 0;
    return holds ? [0, top] : [];
  }
  // s·y + k op 0 ⇔ y op' −k/s (flipped when s < 0); −k/s = num/den with den > 0.
  let num = -k;
  let den = s;
  let o = op;
  if (den < 0) {
    num = -num;
    den = -den;
    o = ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "=", "!=": "!=" } as const)[op];
  }
  const fl = floorDiv(num, den);
  const exact = fl * den === num;
  const ce = exact ? fl : fl + 1;
  let lo = 0;
  let hi = top;
  switch (o) {
    case ">": lo = fl + 1; break;
    case ">=": lo = ce; break;
    case "<": hi = ce - 1; break;
    case "<=": hi = fl; break;
    case "=":
      if (!exact) return [];
      lo = hi = fl;
      break;
    case "!=":
      if (!exact || fl < 0 || fl > top) return [0, top];
      return [...(fl > 0 ? [0, fl - 1] : []), ...(fl < top ? [fl + 1, top] : [])];
  }
  lo = Math.max(lo, 0);
  hi = Math.min(hi, top);
  return lo <= hi ? [lo, hi] : [];
}

function intersectRuns(a: Runs, b: Runs): Runs {
  const out: Runs = [];
  for (let i = 0; i < a.length; i += 2) for (let j = 0; j < b.length; j += 2) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}

function complementRuns(a: Runs, top: number): Runs {
  const out: Runs = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= top) out.push(next, top);
  return out;
}

function unionRuns(parts: Runs[], top: number): Runs {
  // Union as the complement of the intersection of complements keeps the runs sorted and disjoint.
  return complementRuns(parts.reduce<Runs>((acc, p) => intersectRuns(acc, complementRuns(p, top)), [0, top]), top);
}

/** The runs of yes in [0, top] where the condition holds at (entitled, present, no, abstain). */
function runsOf(c: IntCondition, e: number, p: number, n: number, a: number, top: number): Runs {
  switch (c.kind) {
    case "const":
      return c.value ? [0, top] : [];
    case "not":
      return complementRuns(runsOf(c.part, e, p, n, a, top), top);
    case "and":
      return c.parts.reduce<Runs>((acc, part) => (acc.length === 0 ? acc : intersectRuns(acc, runsOf(part, e, p, n, a, top))), [0, top]);
    case "or":
      return unionRuns(c.parts.map((part) => runsOf(part, e, p, n, a, top)), top);
    case "atom": {
      const x = c.atom.c;
      return solveInt(x[0]!, x[1]! * e + x[2]! * p + x[3]! * n + x[4]! * a + x[5]!, c.atom.op, top);
    }
  }
}

const inRuns = (r: Runs, y: number): boolean => {
  for (let i = 0; i < r.length; i += 2) if (y >= r[i]! && y <= r[i + 1]!) return true;
  return false;
};

/** A vote on whole coefficients: its requires, quorum and passes. */
interface IntVote {
  requires: IntCondition;
  quorum: IntCondition;
  passes: IntCondition;
}

function intVote(v: VoteAnalysis, maxEntitled: number): IntVote | undefined {
  if (!v.quorum || !v.passes || v.requires.some((r) => r === undefined)) return undefined;
  const requires = toInt({ kind: "and", parts: v.requires as Condition[] }, maxEntitled);
  const quorum = toInt(v.quorum, maxEntitled);
  const passes = toInt(v.passes, maxEntitled);
  return requires && quorum && passes ? { requires, quorum, passes } : undefined;
}

/** The outcome per run of yes: the cut points where any set starts or ends, each with the outcome from there on. */
function outcomeRuns(v: IntVote, e: number, p: number, n: number, a: number, top: number): { cuts: number[]; outcomes: TallyOutcome[] } {
  const req = runsOf(v.requires, e, p, n, a, top);
  const quo = runsOf(v.quorum, e, p, n, a, top);
  const pas = runsOf(v.passes, e, p, n, a, top);
  const points = new Set<number>([0]);
  for (const r of [req, quo, pas]) for (let i = 0; i < r.length; i += 2) {
    points.add(r[i]!);
    if (r[i + 1]! + 1 <= top) points.add(r[i + 1]! + 1);
  }
  const cuts = [...points].sort((x, y) => x - y);
  const outcomes = cuts.map((y): TallyOutcome => (!inRuns(req, y) ? "error" : !inRuns(quo, y) ? "no_quorum" : inRuns(pas, y) ? "passed" : "rejected"));
  return { cuts, outcomes };
}

/** The outcome at a point of a run list. */
function outcomeAt(runs: { cuts: number[]; outcomes: TallyOutcome[] }, y: number): TallyOutcome {
  let i = 0;
  while (i + 1 < runs.cuts.length && runs.cuts[i + 1]! <= y) i++;
  return runs.outcomes[i]!;
}

/** One tally by the compiled rule itself (for rules that are not linear). */
function evaluated(v: VoteAnalysis, e: number, p: number, y: number, n: number, a: number): TallyOutcome {
  const out = v.rule.decide({ entitled: e, present: p, yes: y, no: n, abstain: a });
  return out.ok && out.decision.kind === "vote" ? out.decision.outcome : "error";
}

/** Compares two votes on every tally with minEntitled ≤ entitled ≤ maxEntitled; the first `examples` changed tallies are listed. */
export function diffVotes(oldVote: VoteAnalysis, newVote: VoteAnalysis, minEntitled: number, maxEntitled: number, examples = 10): VoteDiff {
  const oldInt = intVote(oldVote, maxEntitled);
  const newInt = intVote(newVote, maxEntitled);
  let tallies = 0;
  let changed = 0;
  const found: DiffExample[] = [];
  const note = (e: number, p: number, y: number, n: number, a: number, o: TallyOutcome, w: TallyOutcome) => {
    if (found.length < examples) found.push({ entitled: e, present: p, yes: y, no: n, abstain: a, old: o, new: w });
  };
  for (let e = minEntitled; e <= maxEntitled; e++) {
    for (let p = 0; p <= e; p++) {
      for (let n = 0; n <= p; n++) {
        for (let a = 0; a + n <= p; a++) {
          const top = p - n - a;
          tallies += top + 1;
          if (oldInt && newInt) {
            const o = outcomeRuns(oldInt, e, p, n, a, top);
            const w = outcomeRuns(newInt, e, p, n, a, top);
            const cuts = [...new Set([...o.cuts, ...w.cuts])].sort((x, y) => x - y);
            for (let i = 0; i < cuts.length; i++) {
              const from = cuts[i]!;
              const to = i + 1 < cuts.length ? cuts[i + 1]! - 1 : top;
              const before = outcomeAt(o, from);
              const after = outcomeAt(w, from);
              if (before === after) continue;
              changed += to - from + 1;
              for (let y = from; y <= to && found.length < examples; y++) note(e, p, y, n, a, before, after);
            }
          } else {
            for (let y = 0; y <= top; y++) {
              const before = evaluated(oldVote, e, p, y, n, a);
              const after = evaluated(newVote, e, p, y, n, a);
              if (before === after) continue;
              changed++;
              note(e, p, y, n, a, before, after);
            }
          }
        }
      }
    }
  }
  const shifts: NeededShift[] = [];
  for (let e = minEntitled; e <= maxEntitled; e++) {
    const before = thresholdRow(oldVote, e);
    const after = thresholdRow(newVote, e);
    if (before.quorum_present !== after.quorum_present || before.passes_yes !== after.passes_yes) {
      shifts.push({ entitled: e, quorum_present: { old: before.quorum_present, new: after.quorum_present }, passes_yes: { old: before.passes_yes, new: after.passes_yes } });
    }
  }
  return { kind: "vote", entitled: { from: minEntitled, to: maxEntitled }, tallies, changed, examples: found, shifts };
}

/**
 * The semantic diff of `oldRule` of `oldModule` and `newRule` of `newModule`: two votes on every roster from
 * `entitled.from` to `entitled.to`, or two scorecards (boundary shifts and the input grid; `entitled` unused).
 */
export function semanticDiff(
  oldModule: CompiledModule,
  oldRule: string,
  newModule: CompiledModule,
  newRule: string,
  entitled: { from: number; to: number },
  options: { examples?: number } = {},
): { ok: true; diff: VoteDiff | ScorecardDiff } | { ok: false; error: InsightError } {
  if (oldModule.scope.get(oldRule)?.kind === "scorecard") {
    const before = scorecardOf(oldModule, oldRule);
    if (!before.ok) return before;
    const after = scorecardOf(newModule, newRule);
    if (!after.ok) return after;
    return { ok: true, diff: diffScorecards(before, after, options.examples ?? 10) };
  }
  const { from, to } = entitled;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > MAX_DIFF_ENTITLED) {
    return { ok: false, error: { code: "BAD_RANGE", message: `The rosters must be whole numbers FROM..TO with 0 <= FROM <= TO <= ${MAX_DIFF_ENTITLED}.` } };
  }
  const before = analyseVote(oldModule, oldRule);
  if (!before.ok) return before;
  const after = analyseVote(newModule, newRule);
  if (!after.ok) return after;
  return { ok: true, diff: diffVotes(before.vote, after.vote, from, to, options.examples ?? 10) };
}
