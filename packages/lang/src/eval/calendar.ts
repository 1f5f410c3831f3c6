/**
 * Working-day calendars: weekends, holidays and make-up working days (调休) by year. A calendar covers the
 * years it lists; a date outside them is an evaluation error, never a guess. Working days are counted
 * with a prefix sum over the covered days, so add_workdays and workdays_between cost the same for any n.
 */

import { CN_CALENDAR } from "./calendar-cn.ts";
import { civilOf, dayOf, parseIsoDate, weekdayOf } from "./dates.ts";

import type { CalendarData } from "../types.ts";

export type { CalendarData };

/** A calendar ready for counting; built once per compile. */
export interface WorkCalendar {
  name: string;
  /** The covered years, ascending. */
  years: number[];
  /** True when the day is a working day; only for covered days. */
  isWorkday(day: number): boolean;
  /** True when the day's year is covered. */
  covers(day: number): boolean;
  /** The n-th working day after `day` (n ≥ 0; 0 gives the day itself), or undefined when that leaves the covered years. */
  addWorkdays(day: number, n: number): number | undefined;
  /** Working days d with from < d ≤ to (negative when to < from), or undefined when a day between is not covered. */
  workdaysBetween(from: number, to: number): number | undefined;
}

/** Why a calendar file is wrong, as a sentence. */
export class CalendarError extends Error {}

/** The days a calendar entry names: one date or an inclusive range. */
function daysOfEntry(entry: string, year: number): number[] {
  const [a, b] = entry.split("..");
  const from = parseIsoDate(a!.trim());
  const to = b === undefined ? from : parseIsoDate(b.trim());
  if (from === undefined || to === undefined || to < from) throw new CalendarError(`not a date or range: "${entry}"`);
  if (civilOf(from).year !== year || civilOf(to).year !== year) throw new CalendarError(`"${entry}" is not in year ${year}`);
  const days: number[] = [];
  for (let d = from; d <= to; d++) days.push(d);
  return days;
}

/** Checks and merges calendars: later ones add years and, for the days they name, override earlier ones. */
export function buildCalendar(...layers: CalendarData[]): WorkCalendar {
  const status = new Map<number, boolean>();
  const years = new Set<number>();
  let weekend = new Set([6, 7]);
  const names: string[] = [];
  for (const layer of layers) {
    if (typeof layer !== "object" || layer === null || typeof layer.years !== "object" || layer.years === null) throw new CalendarError("a calendar needs a \"years\" object");
    if (layer.name) names.push(layer.name);
    if (layer.weekend) {
      if (!Array.isArray(layer.weekend) || layer.weekend.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) throw new CalendarError("\"weekend\" lists ISO weekdays 1 (Monday) … 7 (Sunday)");
      weekend = new Set(layer.weekend);
    }
    for (const [key, spec] of Object.entries(layer.years)) {
      const year = Number(key);
      if (!/^\d{4}$/.test(key)) throw new CalendarError(`"${key}" is not a year`);
      years.add(year);
      for (const [list, working] of [[spec.holidays ?? [], false], [spec.workdays ?? [], true]] as const) {
        if (!Array.isArray(list)) throw new CalendarError(`year ${key}: holidays and workdays are lists of dates`);
        for (const entry of list) {
          if (typeof entry !== "string") throw new CalendarError(`year ${key}: ${JSON.stringify(entry)} is not a date`);
          for (const d of daysOfEntry(entry, year)) status.set(d, working);
        }
      }
    }
  }
  const sorted = [...years].sort((a, b) => a - b);
  if (sorted.length === 0) throw new CalendarError("a calendar covers at least one year");
  const first = dayOf(sorted[0]!, 1, 1);
  const last = dayOf(sorted[sorted.length - 1]!, 12, 31);
  const covered = new Uint8Array(last - first + 1);
  // rank[i] = working days among first … first+i; workdays lists every working day in order.
  const rank = new Int32Array(last - first + 1);
  const workdays: number[] = [];
  let count = 0;
  for (let d = first; d <= last; d++) {
    const i = d - first;
    covered[i] = years.has(civilOf(d).year) ? 1 : 0;
    const working = status.get(d) ?? !weekend.has(weekdayOf(d));
    if (covered[i] && working) {
      count++;
      workdays.push(d);
    }
    rank[i] = count;
  }
  // Prefix of uncovered days, to refuse a span that crosses a year the calendar does not list.
  const gaps = new Int32Array(last - first + 1);
  let g = 0;
  for (let i = 0; i < covered.length; i++) gaps[i] = g += covered[i] ? 0 : 1;
  const covers = (d: number) => d >= first && d <= last && covered[d - first] === 1;
  const spanCovered = (a: number, b: number) => covers(a) && covers(b) && gaps[b - first] === gaps[a - first];
  return {
    name: names.join(" + ") || "calendar",
    years: sorted,
    covers,
    isWorkday: (d) => covers(d) && (status.get(d) ?? !weekend.has(weekdayOf(d))),
    addWorkdays(day, n) {
      if (!covers(day)) return undefined;
      if (n === 0) return day;
      const target = workdays[rank[day - first]! + n - 1];
      return target !== undefined && spanCovered(day, target) ? target : undefined;
    },
    workdaysBetween(from, to) {
      if (!spanCovered(Math.min(from, to), Math.max(from, to))) return undefined;
      return rank[to - first]! - rank[from - first]!;
    },
  };
}

let builtIn: WorkCalendar | undefined;

/** The built-in calendar (mainland China), built on first use. */
export function defaultCalendar(): WorkCalendar {
  builtIn ??= buildCalendar(CN_CALENDAR);
  return builtIn;
}
