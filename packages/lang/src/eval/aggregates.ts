/**
 * Lists of records and the functions over them and over dates: count, sum, min, max, share and
 * distinct_months with `where`; add_workdays, workdays_between and the parts of a date. Every result is exact
 * (rationals, day numbers); absent fields are skipped by sum, min, max and distinct_months.
 */

import type * as A from "../syntax/index.ts";
import type { WorkCalendar } from "./calendar.ts";
import { civilOf, DateValue, weekdayOf } from "./dates.ts";
import { fail } from "./eval-failure.ts";
import { printExpr } from "../syntax/index.ts";
import { Rational } from "./rational.ts";

/** A value of the language while evaluating; null is an absent optional input or field. */
export type Value = Rational | boolean | string | DateValue | RecordList | null;

/** The records of a list input, each a map from field name to value. */
export interface RecordList {
  kind: "records";
  name: string;
  items: Map<string, Value>[];
}

/** The most records a list input may hold (LIST_TOO_LONG above): bounds every aggregate's time and memory. */
export const MAX_LIST_LENGTH = 100_000;

export function isRecordList(v: Value): v is RecordList {
  return typeof v === "object" && v !== null && !(v instanceof Rational) && !(v instanceof DateValue);
}

/** What an aggregate needs from the interpreter: a value, and evaluation with one record's fields in scope. */
export interface RecordScope {
  value(e: A.Expr): Value;
  withRecord<T>(record: Map<string, Value>, fn: () => T): T;
}

/** The records an aggregate argument selects, and the field it reads (for `cases.limit`). */
function selection(arg: A.Expr, scope: RecordScope): { records: Map<string, Value>[]; field?: string; list: string } {
  let condition: A.Expr | undefined;
  let listExpr = arg;
  if (arg.kind === "where") {
    condition = arg.condition;
    listExpr = arg.list;
  }
  let field: string | undefined;
  if (listExpr.kind === "field") {
    field = listExpr.field;
    listExpr = listExpr.target;
  }
  const list = scope.value(listExpr);
  if (!isRecordList(list)) return fail("NOT_A_LIST", { name: "where", expr: printExpr(listExpr) }, listExpr.span);
  const records = condition ? list.items.filter((r) => scope.withRecord(r, () => scope.value(condition!) === true)) : list.items;
  return { records, field, list: list.name };
}

/** Evaluates an aggregate call (count, sum, min, max of a list, share, distinct_months). */
export function aggregate(e: Extract<A.Expr, { kind: "call" }>, scope: RecordScope): Value {
  const arg = e.args[0]!;
  const { records, field } = selection(arg, scope);
  switch (e.callee) {
    case "count":
      return Rational.fromInt(field ? records.filter((r) => r.get(field) !== null).length : records.length);
    case "share": {
      const all = arg.kind === "where" ? selection(arg.list, scope).records.length : records.length;
      if (all === 0) return fail("EMPTY_AGGREGATE", { expr: printExpr(e) }, e.span);
      return Rational.of(BigInt(records.length), BigInt(all));
    }
    case "sum": {
      let acc = Rational.ZERO;
      for (const r of records) {
        const v = r.get(field!);
        if (v instanceof Rational) acc = acc.add(v);
      }
      return acc;
    }
    case "distinct_months": {
      const months = new Set<number>();
      for (const r of records) {
        const v = r.get(field!);
        if (v instanceof DateValue) {
          const c = civilOf(v.day);
          months.add(c.year * 12 + c.month);
        }
      }
      return Rational.fromInt(months.size);
    }
    default: {
      // min and max of a field: the smallest (largest) value present.
      let best: Rational | DateValue | undefined;
      const keep = e.callee === "min" ? -1 : 1;
      for (const r of records) {
        const v = r.get(field!);
        if (v instanceof Rational) {
          if (!best || v.cmp(best as Rational) === keep) best = v;
        } else if (v instanceof DateValue) {
          if (!best || Math.sign(v.day - (best as DateValue).day) === keep) best = v;
        }
      }
      if (!best) return fail("EMPTY_AGGREGATE", { expr: printExpr(e) }, e.span);
      return best;
    }
  }
}

/** A whole number of days, from a value the checker typed as a count or number. */
function dayCount(e: A.Expr, v: Value, call: A.Expr, negativeOk: boolean): number {
  if (!(v instanceof Rational) || !v.isInteger() || (!negativeOk && v.isNegative()) || v.n > 1_000_000n || v.n < -1_000_000n) {
    return fail("BAD_WORKDAY_COUNT", { expr: printExpr(call), value: v instanceof Rational ? v.toString() : String(v) }, e.span);
  }
  return Number(v.n);
}

function dateArg(e: A.Expr, v: Value): DateValue {
  if (!(v instanceof DateValue)) return fail("TYPE_MISMATCH_NUMBER_VALUE", { expr: printExpr(e), value: String(v) }, e.span);
  return v;
}

/** Evaluates a function of dates; working days come from `calendar`. */
export function dateFunction(e: Extract<A.Expr, { kind: "call" }>, args: Value[], calendar: WorkCalendar): Value {
  const outside = (day: number): never => fail("DATE_OUTSIDE_CALENDAR", { expr: printExpr(e), date: new DateValue(day).toString(), years: calendar.years.map(String) }, e.span);
  switch (e.callee) {
    case "add_workdays": {
      const d = dateArg(e.args[0]!, args[0]!);
      const n = dayCount(e.args[1]!, args[1]!, e, false);
      const r = calendar.addWorkdays(d.day, n);
      return r === undefined ? outside(d.day) : new DateValue(r);
    }
    case "workdays_between": {
      const a = dateArg(e.args[0]!, args[0]!);
      const b = dateArg(e.args[1]!, args[1]!);
      const r = calendar.workdaysBetween(a.day, b.day);
      return r === undefined ? outside(calendar.covers(a.day) ? b.day : a.day) : Rational.fromInt(r);
    }
    case "add_days": {
      const d = dateArg(e.args[0]!, args[0]!);
      return new DateValue(d.day + dayCount(e.args[1]!, args[1]!, e, true));
    }
    case "days_between":
      return Rational.fromInt(dateArg(e.args[1]!, args[1]!).day - dateArg(e.args[0]!, args[0]!).day);
    default: {
      const d = dateArg(e.args[0]!, args[0]!);
      const c = civilOf(d.day);
      const part = e.callee === "year" ? c.year : e.callee === "month" ? c.month : e.callee === "quarter" ? Math.ceil(c.month / 3) : e.callee === "day" ? c.day : weekdayOf(d.day);
      return Rational.fromInt(part);
    }
  }
}
