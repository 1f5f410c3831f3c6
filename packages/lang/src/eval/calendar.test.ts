import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCalendar, CalendarError, defaultCalendar } from "./calendar.ts";
import { CN_CALENDAR } from "./calendar-cn.ts";
import { civilOf, dayOf, isoOfDay, parseIsoDate, weekdayOf } from "./dates.ts";
import { compile } from "../compile/compiler.ts";
import { assertProperty } from "../test-support/property.ts";
import { isoOfUtc, MS_PER_DAY, oracleAdd, oracleBetween, utc } from "../test-support/workday-oracle.ts";

const day2026 = fc.integer({ min: 0, max: 364 }).map((i) => isoOfUtc(utc("2026-01-01") + i * MS_PER_DAY));

describe("dates as day numbers", () => {
  it("agrees with UTC Date on ISO text, weekday and round trips over four centuries", () => {
    assertProperty(
      fc.property(fc.integer({ min: dayOf(1900, 1, 1), max: dayOf(2300, 12, 31) }), (d) => {
        const iso = isoOfUtc(d * MS_PER_DAY);
        expect(isoOfDay(d)).toBe(iso);
        expect(parseIsoDate(iso)).toBe(d);
        expect(weekdayOf(d)).toBe(((new Date(d * MS_PER_DAY).getUTCDay() + 6) % 7) + 1);
        const c = civilOf(d);
        expect(dayOf(c.year, c.month, c.day)).toBe(d);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses days that do not exist", () => {
    for (const bad of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-1"]) expect(parseIsoDate(bad)).toBeUndefined();
    expect(parseIsoDate("2024-02-29")).toBe(dayOf(2024, 2, 29));
  });
});

describe("the 2026 mainland China calendar", () => {
  const cal = defaultCalendar();

  it("add_workdays agrees with a day-by-day walk over the notice", () => {
    assertProperty(
      fc.property(day2026, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const got = cal.addWorkdays(parseIsoDate(from)!, n);
        const want = oracleAdd(from, n);
        expect(got === undefined ? undefined : isoOfDay(got)).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });

  it("workdays_between counts the days after a up to b, and undoes add_workdays", () => {
    assertProperty(
      fc.property(day2026, day2026, (a, b) => {
        expect(cal.workdaysBetween(parseIsoDate(a)!, parseIsoDate(b)!)).toBe(oracleBetween(a, b));
      }),
      { numRuns: 1000 },
    );
    assertProperty(
      fc.property(day2026, fc.integer({ min: 0, max: 40 }), (a, n) => {
        const to = cal.addWorkdays(parseIsoDate(a)!, n);
        if (to !== undefined) expect(cal.workdaysBetween(parseIsoDate(a)!, to)).toBe(n);
      }),
    );
  });

  it("knows the Spring Festival: 2-14 and 2-28 are make-up working days, 2-15 … 2-23 are off", () => {
    const at = (iso: string) => cal.isWorkday(parseIsoDate(iso)!);
    expect(at("2026-02-14")).toBe(true); // a Saturday
    expect(at("2026-02-28")).toBe(true); // a Saturday
    for (let d = 15; d <= 23; d++) expect(at(`2026-02-${d}`)).toBe(false);
    expect(isoOfDay(cal.addWorkdays(parseIsoDate("2026-02-12")!, 5)!)).toBe("2026-02-26");
    expect(isoOfDay(cal.addWorkdays(parseIsoDate("2026-02-13")!, 1)!)).toBe("2026-02-14");
    expect(isoOfDay(cal.addWorkdays(parseIsoDate("2026-02-14")!, 1)!)).toBe("2026-02-24");
    expect(isoOfDay(cal.addWorkdays(parseIsoDate("2026-02-12")!, 0)!)).toBe("2026-02-12");
  });

  it("refuses to guess outside the covered years", () => {
    expect(cal.addWorkdays(parseIsoDate("2025-12-31")!, 1)).toBeUndefined();
    expect(cal.addWorkdays(parseIsoDate("2026-12-30")!, 5)).toBeUndefined();
    expect(cal.workdaysBetween(parseIsoDate("2026-12-30")!, parseIsoDate("2027-01-05")!)).toBeUndefined();
  });
});

describe("calendar files", () => {
  it("dsl/calendar/cn.json is the built-in calendar", () => {
    const file = JSON.parse(readFileSync(new URL("../../../../dsl/calendar/cn.json", import.meta.url), "utf8"));
    expect(file).toEqual(CN_CALENDAR);
  });

  it("a layer adds a year and a local holiday", () => {
    const cal = buildCalendar(CN_CALENDAR, { years: { "2026": { holidays: ["2026-03-02"] }, "2027": { holidays: ["2027-01-01"] } } });
    expect(cal.isWorkday(parseIsoDate("2026-03-02")!)).toBe(false);
    expect(isoOfDay(cal.addWorkdays(parseIsoDate("2026-12-30")!, 5)!)).toBe("2027-01-07");
  });

  it("refuses a malformed file with a reason", () => {
    expect(() => buildCalendar({ years: { "2026": { holidays: ["2026-02-30"] } } })).toThrow(CalendarError);
    expect(() => buildCalendar({ years: { "2026": { holidays: ["2027-01-01"] } } })).toThrow(/not in year 2026/);
    expect(() => buildCalendar({ years: {} })).toThrow(CalendarError);
    const bad = compile("scorecard s { input d: date\n criterion c max 1 { 1 when d > 2026-01-01\n 0 otherwise } }", { calendar: [{ years: { x: {} } }] });
    expect(bad.diagnostics.map((d) => d.code)).toContain("BAD_CALENDAR");
  });

  it("compile takes an extra calendar for a new year", () => {
    const src = "scorecard s { input d: date\n let due = add_workdays(d, 3)\n criterion c max 1 { 1 when due > 2027-01-01\n 0 otherwise } }";
    const without = compile(src).rules[0]!.evaluate({ d: "2026-12-30" });
    expect(without.ok ? "ok" : without.error.code).toBe("DATE_OUTSIDE_CALENDAR");
    const with2027 = compile(src, { calendar: [{ years: { "2027": { holidays: ["2027-01-01"] } } }] }).rules[0]!.evaluate({ d: "2026-12-30" });
    expect(with2027.ok && with2027.result.values["due"]).toBe("2027-01-05");
  });
});
