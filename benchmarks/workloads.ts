/**
 * The two benchmark workloads (major-matter ballots and annual cadre reviews), generated
 * deterministically from a seed, and the oracle: the exact answers computed independently of
 * every engine with bigint integer arithmetic.
 */

/** The input of dsl/std/major-matter.gavel: the built-in facts of a vote. */
export interface BallotTally {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

export type VoteOutcome = "passed" | "rejected" | "no_quorum";

/** The inputs of `cadre_review` in examples/cadre-review.gavel, exactly as declared there. */
export interface CadreInput {
  training_days: number;
  talk_half_years: number;
  leader_visit_months: number;
  rep_visit_quarters: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
}

/** What every engine must agree on for a cadre: the total score and the grade. */
export interface CadreAnswer {
  score: number;
  grade: string;
}

export const WORKLOAD_SIZE = 100_000;
export const BALLOT_SEED = 20_260_101;
export const CADRE_SEED = 20_261_231;

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same workload. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A uniform integer in [low, high] (both included); high < low gives low. */
function integerBetween(random: () => number, low: number, high: number): number {
  if (high <= low) return low;
  return low + Math.floor(random() * (high - low + 1));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** One of the values just below, at and just above a threshold, kept inside [low, high]. */
function nearThreshold(random: () => number, threshold: number, low: number, high: number): number {
  return clamp(threshold + integerBetween(random, -1, 1), low, high);
}

/** The no and abstain votes of a tally whose yes votes are fixed: at random, within those present. */
function splitRest(random: () => number, present: number, yes: number): [no: number, abstain: number] {
  const no = integerBetween(random, 0, present - yes);
  const abstain = integerBetween(random, 0, present - yes - no);
  return [no, abstain];
}

/**
 * `count` major-matter tallies: roster 0–200, present ≤ roster, yes + no + abstain ≤ present.
 * Three quarters sit on or next to a threshold (present = 2/3 of the roster ± 1, yes = half of
 * the roster ± 1), where `ceil`, float and off-by-one mistakes show.
 */
export function generateBallots(count: number = WORKLOAD_SIZE, seed: number = BALLOT_SEED): BallotTally[] {
  const random = seededRandom(seed);
  const ballots: BallotTally[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    // Rosters divisible by 3 and by 2 make the thresholds exact integers half of the time.
    const roster = random() < 0.5 ? 6 * integerBetween(random, 0, 33) : integerBetween(random, 0, 200);
    const twoThirds = Math.floor((2 * roster) / 3);
    const half = Math.floor(roster / 2);
    const present =
      kind === 0 || kind === 2
        ? nearThreshold(random, twoThirds, 0, roster)
        : kind === 1
          ? integerBetween(random, Math.min(roster, twoThirds + 1), roster)
          : integerBetween(random, 0, roster);
    const yes =
      kind === 1 || kind === 2 ? nearThreshold(random, half, 0, present) : integerBetween(random, 0, present);
    const [no, abstain] = splitRest(random, present, yes);
    ballots.push({ entitled: roster, present, yes, no, abstain });
  }
  return ballots;
}

/** The exact major-matter outcome: present × 3 > entitled × 2, then yes × 2 > entitled (bigint). */
export function majorMatterOracle(ballot: BallotTally): VoteOutcome {
  const entitled = BigInt(ballot.entitled);
  if (!(BigInt(ballot.present) * 3n > entitled * 2n)) return "no_quorum";
  return BigInt(ballot.yes) * 2n > entitled ? "passed" : "rejected";
}

/** Training days in tenths, concentrated on the 10- and 15-day thresholds. */
function trainingTenths(random: () => number): number {
  const pick = random();
  if (pick < 0.3) return nearThreshold(random, 150, 0, 3660);
  if (pick < 0.5) return nearThreshold(random, 100, 0, 3660);
  if (pick < 0.6) return 10 * integerBetween(random, 0, 30);
  return integerBetween(random, 0, 400);
}

/** Approved ballots (satisfied + basically) of `ballots`, often exactly at or one off 90% and 75%. */
function approvedBallots(random: () => number, ballots: number): number {
  const pick = random();
  if (pick < 0.35) return nearThreshold(random, Math.ceil((ballots * 9) / 10), 0, ballots);
  if (pick < 0.7) return nearThreshold(random, Math.ceil((ballots * 3) / 4), 0, ballots);
  return integerBetween(random, 0, ballots);
}

/**
 * `count` cadres for `cadre_review`: every input inside its declared range, at least one ballot
 * (zero ballots is a DIVISION_BY_ZERO evaluation error in gavel, not a comparable answer), and
 * most values on or next to a band boundary. Training days are in tenths (14.9, 15, 15.1), or
 * rounded to whole days when `wholeDays` is set.
 */
export function generateCadres(count: number = WORKLOAD_SIZE, seed: number = CADRE_SEED, wholeDays = false): CadreInput[] {
  const random = seededRandom(seed);
  const cadres: CadreInput[] = [];
  for (let i = 0; i < count; i++) {
    // Multiples of 20 ballots make 90% and 75% land exactly on integers.
    const ballots = random() < 0.5 ? 20 * integerBetween(random, 1, 10) : integerBetween(random, 1, 200);
    const approved = approvedBallots(random, ballots);
    const satisfied = integerBetween(random, 0, approved);
    cadres.push({
      training_days: wholeDays ? Math.round(trainingTenths(random) / 10) : trainingTenths(random) / 10,
      // Most cadres do most duties, so every grade, including 优秀, is common.
      talk_half_years: random() < 0.6 ? 2 : integerBetween(random, 0, 1),
      leader_visit_months: random() < 0.5 ? 12 : integerBetween(random, 0, 11),
      rep_visit_quarters: random() < 0.5 ? 4 : integerBetween(random, 0, 3),
      satisfied,
      basically: approved - satisfied,
      unsatisfied: ballots - approved,
    });
  }
  return cadres;
}

/** A decimal JS number as an exact fraction of bigints, read from its shortest decimal text. */
function exactDecimal(value: number): { num: bigint; den: bigint } {
  const text = String(value);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain non-negative decimal: ${text}`);
  const [whole = "0", fraction = ""] = text.split(".");
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

/** The exact cadre_review answer, the scorecard of examples/cadre-review.gavel in bigint arithmetic. */
export function cadreReviewOracle(cadre: CadreInput): CadreAnswer {
  const days = exactDecimal(cadre.training_days);
  const training = days.num >= 15n * days.den ? 10 : days.num >= 10n * days.den ? 6 : 0;
  const talks = cadre.talk_half_years === 2 ? 10 : cadre.talk_half_years === 1 ? 5 : 0;
  const leaderVisits = cadre.leader_visit_months === 12 ? 20 : cadre.leader_visit_months >= 9 ? 10 : 0;
  const repVisits = cadre.rep_visit_quarters === 4 ? 20 : cadre.rep_visit_quarters === 3 ? 10 : 0;
  const approved = BigInt(cadre.satisfied) + BigInt(cadre.basically);
  const ballots = approved + BigInt(cadre.unsatisfied);
  // approval ≥ 90% ⇔ approved × 100 ≥ ballots × 90 (ballots > 0)
  const evaluation = approved * 100n >= ballots * 90n ? 40 : approved * 100n >= ballots * 75n ? 25 : 0;
  const score = training + talks + leaderVisits + repVisits + evaluation;
  const grade = evaluation === 0 ? "不称职" : score >= 90 ? "优秀" : score >= 60 ? "称职" : "不称职";
  return { score, grade };
}

// ---- hand-written TypeScript: what a careful developer writes, integer cross-multiplication ----

/** The major-matter vote by hand: present × 3 > entitled × 2, yes × 2 > entitled. */
export function handWrittenMajorMatter(b: BallotTally): string {
  if (!(b.present * 3 > b.entitled * 2)) return "no_quorum";
  return b.yes * 2 > b.entitled ? "passed" : "rejected";
}

/** The cadre review by hand, the same bands as examples/cadre-review.gavel. */
export function handWrittenCadreReview(c: CadreInput): CadreAnswer {
  const training = c.training_days >= 15 ? 10 : c.training_days >= 10 ? 6 : 0;
  const talks = c.talk_half_years === 2 ? 10 : c.talk_half_years === 1 ? 5 : 0;
  const leaderVisits = c.leader_visit_months === 12 ? 20 : c.leader_visit_months >= 9 ? 10 : 0;
  const repVisits = c.rep_visit_quarters === 4 ? 20 : c.rep_visit_quarters === 3 ? 10 : 0;
  const approved = c.satisfied + c.basically;
  const ballots = approved + c.unsatisfied;
  const evaluation = approved * 100 >= ballots * 90 ? 40 : approved * 100 >= ballots * 75 ? 25 : 0;
  const score = training + talks + leaderVisits + repVisits + evaluation;
  const grade = evaluation === 0 ? "不称职" : score >= 90 ? "优秀" : score >= 60 ? "称职" : "不称职";
  return { score, grade };
}
