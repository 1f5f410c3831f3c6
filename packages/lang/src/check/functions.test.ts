/** What hover says of each built-in function: its forms and what it gives, written out here as users read them. */

import { describe, expect, it } from "vitest";
import { getHover } from "../tooling/service.ts";

const RULE = `scorecard s {
  input cases: list of { received: date, resolved: date?, limit: count }
  input a: number
  input b: number
  criterion c max 1 {
    1 when CALL
    0 otherwise
  }
}
`;

describe("built-in functions", () => {
  it.each([
    ["count", "count(cases where limit > 2) > 0", "count(cases) · count(cases where COND): how many records (exact count)"],
    ["sum", "sum(cases.limit) > 0", "sum(cases.field) · sum(cases.field where COND): exact sum of a numeric field (absent values skipped; 0 for no records)"],
    ["min", "min(a, b) > 0", "min(a, b, …) the smallest value · min(cases.field where COND) the smallest field value (error for no records)"],
    ["max", "max(cases.limit) > 0", "max(a, b, …) the largest value · max(cases.field where COND) the largest field value (error for no records)"],
    ["share", "share(cases where limit > 2) >= 90%", "share(cases where COND): count(cases where COND) / count(cases), a ratio (error for an empty list)"],
    ["distinct_months", "distinct_months(cases.received) >= 10", "distinct_months(visits.date where COND): how many different calendar months the dates fall in"],
    ["add_workdays", "count(cases where resolved <= add_workdays(received, 5)) > 0", "add_workdays(date, n): the n-th working day after date, not counting date itself (n = 0 gives date)"],
    ["workdays_between", "count(cases where workdays_between(received, resolved) <= 5) > 0", "workdays_between(a, b): working days after a up to and including b (negative when b is before a)"],
    ["add_days", "count(cases where resolved <= add_days(received, 30)) > 0", "add_days(date, n): the date n calendar days later (n may be negative)"],
    ["days_between", "count(cases where days_between(received, resolved) <= 30) > 0", "days_between(a, b): calendar days from a to b (b - a)"],
    ["year", "count(cases where year(received) = 2026) > 0", "year(date): the year, e.g. 2026"],
    ["quarter", "count(cases where quarter(received) = 4) > 0", "quarter(date): 1 … 4"],
    ["month", "count(cases where month(received) = 12) > 0", "month(date): 1 … 12"],
    ["day", "count(cases where day(received) = 1) > 0", "day(date): the day of the month, 1 … 31"],
    ["weekday", "count(cases where weekday(received) <= 5) > 0", "weekday(date): 1 = Monday … 7 = Sunday"],
    ["absent", "count(cases where absent(resolved)) > 0", "absent(x): true when the optional input or field x is absent"],
  ])("hover on %s says what it does", (name, call, doc) => {
    const source = RULE.replace("CALL", call);
    const offset = source.indexOf(`${name}(`, source.indexOf("1 when")) + 1;
    expect(getHover(source, offset)?.contents).toBe(`**${name}** — ${doc}`);
  });
});
