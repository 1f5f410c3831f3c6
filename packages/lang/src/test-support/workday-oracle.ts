/** An oracle for working days that shares no code with the engine: the 2026 notice as the issue lists it, walked day by day with UTC Date. */

/**
 * The independent oracle: the State Council's 2026 notice typed out as the issue lists it, JavaScript's UTC
 * Date for weekdays and day steps (never used by the engine), and a day-by-day walk.
 */
const HOLIDAYS_2026 = [
  ["01-01", "01-03"], ["02-15", "02-23"], ["04-04", "04-06"], ["05-01", "05-05"], ["06-19", "06-21"], ["09-25", "09-27"], ["10-01", "10-07"],
];
const MAKEUP_2026 = ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"];
export const MS_PER_DAY = 86_400_000;
export const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const isoOfUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function oracleWorkday(ms: number): boolean {
  const iso = isoOfUtc(ms);
  const md = iso.slice(5);
  if (MAKEUP_2026.includes(md)) return true;
  if (HOLIDAYS_2026.some(([a, b]) => md >= a! && md <= b!)) return false;
  const wd = new Date(ms).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The n-th working day after `from`, walking one day at a time; undefined when the walk leaves 2026. */
export function oracleAdd(from: string, n: number): string | undefined {
  let ms = utc(from);
  for (let left = n; left > 0; ) {
    ms += MS_PER_DAY;
    if (!isoOfUtc(ms).startsWith("2026-")) return undefined;
    if (oracleWorkday(ms)) left--;
  }
  return isoOfUtc(ms);
}

/** Working days d with a < d <= b, by walking. */
export function oracleBetween(a: string, b: string): number {
  const [lo, hi, sign] = utc(a) <= utc(b) ? [utc(a), utc(b), 1] : [utc(b), utc(a), -1];
  let n = 0;
  for (let ms = lo + MS_PER_DAY; ms <= hi; ms += MS_PER_DAY) if (oracleWorkday(ms)) n++;
  return n === 0 ? 0 : sign * n;
}

