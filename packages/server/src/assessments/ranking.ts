/** Ranks assessed subjects by exact score, highest first; equal scores share a rank (1, 2, 2, 4). */

import { Rational, type ExactJson } from "@gavel-rules/lang";

/** An exact result number as a Rational (integers, decimals, or { num, den }). */
export function rationalOf(value: ExactJson): Rational {
  if (typeof value === "number") return Rational.fromNumber(value) ?? Rational.ZERO;
  return Rational.of(BigInt(value.num), BigInt(value.den));
}

/** Sorts by score (descending, exact; stable for ties) and numbers the ranks. */
export function rankByScore<T extends { score: ExactJson }>(items: T[]): (T & { rank: number })[] {
  const scored = items.map((item, index) => ({ item, index, score: rationalOf(item.score) }));
  scored.sort((a, b) => b.score.cmp(a.score) || a.index - b.index);
  let rank = 0;
  return scored.map((entry, position) => {
    if (position === 0 || !entry.score.eq(scored[position - 1]!.score)) rank = position + 1;
    return { ...entry.item, rank };
  });
}
