/** Runs the `test` blocks of a compiled module and records which rule pieces they exercised. */

import type * as A from "../syntax/index.ts";
import { constantValue } from "../check/index.ts";
import { localizeError, message, type Locale } from "../diagnostics/index.ts";
import { printExpr } from "../syntax/index.ts";
import { Rational } from "../eval/index.ts";
import type { CompiledModule, CriterionResult, ExactJson, ExpectationResult, JsonValue, RuleResult, TestResult } from "../types.ts";

export interface TestRun {
  results: TestResult[];
  passed: number;
  failed: number;
  /** Ids of coverage units (see CompiledModule.coverageUnits) that some test exercised. */
  covered: Set<string>;
}

type Actual = Rational | boolean | string | null;

function fromJson(v: JsonValue | null | undefined): Actual {
  if (v === undefined) return null;
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return Rational.fromNumber(v) ?? null;
  return Rational.of(BigInt(v.num), BigInt(v.den));
}

function literalValue(e: A.Expr): Actual {
  const c = constantValue(e);
  if (c) return c;
  if (e.kind === "date") return e.text;
  if (e.kind === "string") return e.value;
  if (e.kind === "bool") return e.value;
  if (e.kind === "name") return e.name;
  return null;
}

function argValue(e: A.Expr | A.TallyLiteral | A.ListLiteral): unknown {
  if (e.kind === "tally") return Object.fromEntries(e.entries.map((x) => [x.key, argValue(x.value)]));
  if (e.kind === "list") return e.items.map(argValue);
  // A date is given as the ISO text an input JSON holds.
  if (e.kind === "date") return e.text;
  const c = constantValue(e);
  if (c) return c.isInteger() ? Number(c.n) : Number(c.toDecimal(15));
  if (e.kind === "string") return e.value;
  if (e.kind === "bool") return e.value;
  if (e.kind === "name") return e.name;
  return undefined;
}

function show(v: Actual): string {
  if (v === null) return "nothing";
  if (typeof v === "string") return v;
  return String(v);
}

/** The names of a text such as "王建国、李秀英" (separated by 、, full- or half-width commas), in order. */
export function nameList(text: string): string[] {
  return text.split(/[、,，]/).map((s) => s.trim()).filter((s) => s !== "");
}

/** Two name lists as sets, shown in a canonical order so that "李秀英、王建国" equals "王建国、李秀英". */
const canonicalNames = (names: string[]): string => [...names].sort().join("、");

function actualOf(result: RuleResult, target: string): Actual {
  if (result.kind === "vote") {
    if (target === "outcome") return result.outcome;
    if (target in result.facts) return Rational.fromInt(result.facts[target as keyof typeof result.facts]);
  } else if (result.kind === "election") {
    if (target === "outcome") return result.outcome;
    if (target === "elected" || target === "tied") return canonicalNames(result[target]);
    if (target in result.facts) return Rational.fromInt(result.facts[target as keyof typeof result.facts]);
  } else if (result.kind === "rating") {
    if (target === "grade") return result.grade;
    if (target === "ballots") return Rational.fromInt(result.ballots);
    if (target in result.counts) return Rational.fromInt(result.counts[target]!);
  } else {
    if (target === "score") return fromJson(result.score);
    if (target === "grade") return result.grade;
    const c = flatCriteria(result.criteria).find((x) => x.name === target);
    if (c) return fromJson(c.points);
  }
  return fromJson(result.values[target]);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Criteria with their sub-criteria, parents first. */
function flatCriteria(list: CriterionResult[]): CriterionResult[] {
  return list.flatMap((c) => [c, ...flatCriteria(c.parts ?? [])]);
}

function holds(actual: Actual, op: A.CompareOp, expected: Actual): boolean {
  if (actual instanceof Rational && expected instanceof Rational) {
    const c = actual.cmp(expected);
    return op === "=" ? c === 0 : op === "!=" ? c !== 0 : op === ">" ? c > 0 : op === ">=" ? c >= 0 : op === "<" ? c < 0 : c <= 0;
  }
  if (op === "=") return actual === expected;
  if (op === "!=") return actual !== expected;
  // Dates are ISO texts: their order as texts is their order in time.
  if (typeof actual === "string" && typeof expected === "string" && ISO_DATE.test(actual) && ISO_DATE.test(expected)) {
    return op === ">" ? actual > expected : op === ">=" ? actual >= expected : op === "<" ? actual < expected : actual <= expected;
  }
  return false;
}

function markCovered(result: RuleResult, covered: Set<string>, module: CompiledModule): void {
  if (result.kind === "election") {
    covered.add(`${result.rule}:outcome:${result.outcome}`);
    return;
  }
  if (result.kind === "vote") {
    covered.add(`${result.rule}:outcome:${result.outcome}`);
    for (const k of ["quorum", "passes"]) if (typeof result.values[k] === "boolean") covered.add(`${result.rule}:${k}:${result.values[k]}`);
    return;
  }
  // A chosen band is identified by the span its explanation step points at.
  const units = module.coverageUnits.filter((u) => u.rule === result.rule);
  for (const step of result.explanation) {
    const u = units.find((x) => x.span.line === step.span.line && x.span.column === step.span.column && (x.id.startsWith(`${result.rule}:${step.clause}:`)));
    if (u) covered.add(u.id);
  }
}

/** Runs every test block (optionally only those whose name contains `filter`, or only the one called exactly `name`). */
export function runTests(module: CompiledModule, options: { filter?: string; name?: string } = {}): TestRun {
  const { tests, testErrors } = module.analysed;
  const results: TestResult[] = [];
  const covered = new Set<string>();
  for (const t of tests) {
    if (options.filter && !t.name.includes(options.filter)) continue;
    if (options.name !== undefined && t.name !== options.name) continue;
    const base = { name: t.name, file: module.file, rule: t.rule, span: t.span };
    const [mistake] = testErrors.get(t) ?? [];
    if (mistake) {
      const { severity: _severity, file: _file, ...error } = mistake;
      results.push({ ...base, passed: false, expectations: [], error });
      continue;
    }
    const rule = module.scope.get(t.rule);
    if (!rule) {
      results.push({ ...base, passed: false, expectations: [], error: message("RULE_NOT_COMPILED", { rule: t.rule }) });
      continue;
    }
    const input: Record<string, unknown> = {};
    for (const a of t.args) input[a.name] = argValue(a.value);
    const outcome = rule.evaluate(input);
    const expectations: ExpectationResult[] = [];
    const expectsError = t.expects.find((e): e is Extract<A.Expectation, { kind: "error" }> => e.kind === "error");
    if (!outcome.ok) {
      const codeOk = !expectsError?.code || expectsError.code === outcome.error.code;
      for (const e of t.expects) {
        const text = e.kind === "error" ? `expect error${e.code ? ` "${e.code}"` : ""}` : `expect ${e.target} ${e.op} ${printExpr(e.value)}`;
        const passed = e.kind === "error" && codeOk;
        expectations.push({ text, passed, expected: e.kind === "error" ? `an error${e.code ? ` ${e.code}` : ""}` : `${e.op} ${printExpr(e.value)}`, actual: `error ${outcome.error.code}: ${outcome.error.message}`, span: e.span });
      }
      const passed = expectsError !== undefined && expectations.every((x) => x.passed);
      results.push({ ...base, passed, expectations, ...(passed ? {} : { error: outcome.error }) });
      continue;
    }
    markCovered(outcome.result, covered, module);
    for (const e of t.expects) {
      if (e.kind === "error") {
        expectations.push({ text: `expect error${e.code ? ` "${e.code}"` : ""}`, passed: false, expected: "an error", actual: "no error", span: e.span });
        continue;
      }
      const actual = actualOf(outcome.result, e.target);
      const names = outcome.result.kind === "election" && (e.target === "elected" || e.target === "tied") && e.value.kind === "string";
      const expected = names ? canonicalNames(nameList((e.value as { value: string }).value)) : literalValue(e.value);
      expectations.push({ text: `expect ${e.target} ${e.op} ${printExpr(e.value)}`, passed: holds(actual, e.op, expected), expected: `${e.op === "=" ? "" : `${e.op} `}${show(expected)}`, actual: show(actual), span: e.span });
    }
    results.push({ ...base, passed: expectations.every((x) => x.passed), expectations, result: outcome.result });
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed, covered };
}

export type { ExactJson };

/** A test result in `locale`: its evaluation error, also where runTests wrote it into an expectation's `actual` ("error CODE: message"). */
export function localizeTestResult(result: TestResult, locale: Locale): TestResult {
  if (!result.error) return result;
  const error = localizeError(result.error, locale);
  const written = `error ${result.error.code}: ${result.error.message}`;
  const expectations = result.expectations.map((e) => (e.actual === written ? { ...e, actual: `error ${error.code}: ${error.message}` } : e));
  return { ...result, error, expectations };
}
