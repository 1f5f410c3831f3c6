/** Cadre uploads for assessment tests, and the ranking they must produce, computed by the bigint oracle (not the engine). */

import { cadreReviewOracle, generateCadres, type CadreInput } from "../../benchmarks/workloads";

export const CADRE_HEADER = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";

export interface Cadre extends CadreInput {
  id: string;
}

/** `count` seeded cadres with ids 干部-0… (Chinese text in every row). */
export function cadres(count: number, seed?: number): Cadre[] {
  return generateCadres(count, seed).map((input, i) => ({ id: `干部-${i}`, ...input }));
}

/** One CSV row of a cadre, in CADRE_HEADER's columns. */
export function cadreRow(c: Cadre): string {
  return [c.id, c.training_days, c.talk_half_years, c.leader_visit_months, c.rep_visit_quarters, c.satisfied, c.basically, c.unsatisfied].join(",");
}

/** The whole upload as one string. */
export function cadreCsvText(list: Cadre[]): string {
  return [CADRE_HEADER, ...list.map(cadreRow)].join("\n") + "\n";
}

export interface ExpectedRank {
  rank: number;
  id: string;
  score: number;
  grade: string;
}

/** The ranking by the oracle: highest score first, ties in upload order sharing the rank of the first (1, 2, 2, 4). */
export function oracleRanking(list: Cadre[]): ExpectedRank[] {
  const scored = list.map((c, index) => ({ index, id: c.id, ...cadreReviewOracle(c) }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const firstPosition = new Map<number, number>();
  scored.forEach((s, position) => {
    if (!firstPosition.has(s.score)) firstPosition.set(s.score, position);
  });
  return scored.map((s) => ({ rank: firstPosition.get(s.score)! + 1, id: s.id, score: s.score, grade: s.grade }));
}
