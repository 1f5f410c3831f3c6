/**
 * eval: the exact evaluator and what it counts with: rationals, aggregates, dates and calendars, linear clauses and margins,
 * input validation, explanations.
 * What other folders use.
 * Leaf modules first: the folders import each other (eval reads check's facts, check eval's Rational), and a module
 * evaluated early is ready for the top-level code of the others (src/layering.test.ts loads each index first).
 */
export { Rational } from "./rational.ts";
export { parseIsoDate } from "./dates.ts";
export { CN_CALENDAR } from "./calendar-cn.ts";
export { CalendarError, buildCalendar, defaultCalendar } from "./calendar.ts";
export type { WorkCalendar } from "./calendar.ts";
export { MAX_LIST_LENGTH } from "./aggregates.ts";
export { NotLinear, ceilDiv, expandCondition, floorDiv, linearize, solveFor, substitute, termForm } from "./linear-clause.ts";
export type { Condition, IntSet } from "./linear-clause.ts";
export { VOTE_MODEL, clauseCount, linearRuleOf, planVoteMargins } from "./margins.ts";
export { evaluateExact, voteClauseDetails } from "./evaluator.ts";
export { planDetail } from "./clause-detail.ts";
