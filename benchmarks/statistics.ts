/** Statistics shared by the benchmarks' tables. */

/** The median of a list of numbers: the upper middle one of an even count, as every table reports it; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
