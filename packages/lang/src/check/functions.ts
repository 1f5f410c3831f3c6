/** The built-in functions of the language and their signatures: what the checker, completion and hover know. */

/** Aggregates over a list input (`count(cases where …)`); min and max are also the smaller/larger of values. */
export const AGGREGATES = ["count", "sum", "min", "max", "share", "distinct_months"] as const;
/** Functions of dates: working days by the calendar, plain days, and the parts of a date. */
export const DATE_FUNCTIONS = ["add_workdays", "workdays_between", "add_days", "days_between", "year", "quarter", "month", "day", "weekday"] as const;
export const FUNCTIONS = [...AGGREGATES, ...DATE_FUNCTIONS, "absent"] as const;
/** Signatures of the functions, for hover, completion and messages. */
export const FUNCTION_DOCS: Record<(typeof FUNCTIONS)[number], string> = {
  count: "count(cases) · count(cases where COND): how many records (exact count)",
  sum: "sum(cases.field) · sum(cases.field where COND): exact sum of a numeric field (absent values skipped; 0 for no records)",
  min: "min(a, b, …) the smallest value · min(cases.field where COND) the smallest field value (error for no records)",
  max: "max(a, b, …) the largest value · max(cases.field where COND) the largest field value (error for no records)",
  share: "share(cases where COND): count(cases where COND) / count(cases), a ratio (error for an empty list)",
  distinct_months: "distinct_months(visits.date where COND): how many different calendar months the dates fall in",
  add_workdays: "add_workdays(date, n): the n-th working day after date, not counting date itself (n = 0 gives date)",
  workdays_between: "workdays_between(a, b): working days after a up to and including b (negative when b is before a)",
  add_days: "add_days(date, n): the date n calendar days later (n may be negative)",
  days_between: "days_between(a, b): calendar days from a to b (b - a)",
  year: "year(date): the year, e.g. 2026",
  quarter: "quarter(date): 1 … 4",
  month: "month(date): 1 … 12",
  day: "day(date): the day of the month, 1 … 31",
  weekday: "weekday(date): 1 = Monday … 7 = Sunday",
  absent: "absent(x): true when the optional input or field x is absent",
};
