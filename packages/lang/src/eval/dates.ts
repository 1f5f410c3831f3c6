/**
 * Calendar dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar, so date arithmetic
 * is integer arithmetic, with no time zone or clock involved (JavaScript's Date is never used).
 */

/** A date value of the language: one day, by its day number. */
export class DateValue {
  constructor(readonly day: number) {}

  /** The ISO text `YYYY-MM-DD`. */
  toString(): string {
    return isoOfDay(this.day);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** The day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO `YYYY-MM-DD` text, or undefined when it is not a real date (2026-02-30). */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayOf(year, month, day);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The ISO text of a day number. */
export function isoOfDay(dayNumber: number): string {
  const c = civilOf(dayNumber);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
