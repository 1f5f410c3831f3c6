/** compile(): source → parse → imports → check → compiled rules with exact and fast evaluators. */

import type * as A from "../syntax/index.ts";
import { checkRule, checkTests, criteriaOf, ruleSettings, type RuleInfo, ELECTION_OUTCOMES, VOTE_OUTCOMES } from "../check/index.ts";
import { evaluateExact, buildCalendar, CalendarError, defaultCalendar, type WorkCalendar, CN_CALENDAR } from "../eval/index.ts";
import { diagnostic, localizeDiagnostic } from "../diagnostics/index.ts";
import { buildDecider } from "./fastpath.ts";
import { parse } from "../syntax/index.ts";
import { inputSchema, ruleInputs } from "./schema.ts";
import type { CompiledModule, CompiledRule, CompileOptions, CoverageUnit, Diagnostic } from "../types.ts";

/** What the compiler keeps beside a module for the test runner and the language service. */
export interface ModuleInternals {
  program: A.Program;
  infos: Map<string, RuleInfo>;
  tests: A.TestDecl[];
  /** The errors inside each test block: such a test fails alone, with its first error. */
  testErrors: Map<A.TestDecl, Diagnostic[]>;
}

const internals = new WeakMap<CompiledModule, ModuleInternals>();

/** The AST and checked rules behind a compiled module. */
export function moduleInternals(m: CompiledModule): ModuleInternals | undefined {
  return internals.get(m);
}

function coverageUnitsOf(info: RuleInfo): CoverageUnit[] {
  const d = info.decl;
  const units: CoverageUnit[] = [];
  if (d.kind === "election") {
    for (const outcome of ELECTION_OUTCOMES) {
      units.push({ id: `${d.name}:outcome:${outcome}`, rule: d.name, description: `outcome ${outcome}`, span: d.nameSpan });
    }
    return units;
  }
  if (d.kind === "rating") {
    for (const m of d.members) {
      if (m.kind === "grade") m.bands.forEach((b, i) => units.push({ id: `${d.name}:grade:${i}`, rule: d.name, description: `grade "${b.label}"`, span: b.span }));
    }
    return units;
  }
  if (d.kind === "vote") {
    for (const outcome of VOTE_OUTCOMES) {
      units.push({ id: `${d.name}:outcome:${outcome}`, rule: d.name, description: `outcome ${outcome}`, span: d.nameSpan });
    }
    for (const m of d.members) {
      if (m.kind !== "clause") continue;
      for (const v of [true, false]) units.push({ id: `${d.name}:${m.name}:${v}`, rule: d.name, description: `${m.name} ${v}`, span: m.span });
    }
    return units;
  }
  for (const member of d.members) {
    if (member.kind === "criterion") {
      for (const m of criteriaOf(member)) m.bands.forEach((b, i) => units.push({ id: `${d.name}:${m.name}:${i}`, rule: d.name, description: `criterion ${m.name}, band ${i + 1}`, span: b.span }));
    } else if (member.kind === "grade") {
      member.bands.forEach((b, i) => units.push({ id: `${d.name}:grade:${i}`, rule: d.name, description: `grade "${b.label}"`, span: b.span }));
    }
  }
  return units;
}

function compiledRule(info: RuleInfo): CompiledRule {
  const d = info.decl;
  let fast: CompiledRule["decide"] | undefined;
  const rule: CompiledRule = {
    name: d.name,
    label: d.label ?? d.name,
    kind: d.kind,
    settings: ruleSettings(d),
    inputs: ruleInputs(d),
    inputSchema: inputSchema(d),
    span: d.span,
    evaluate: (input) => evaluateExact(info, input),
    // The fast path is generated on the first decide(), not at compile: most rules of a large file are
    // stored or evaluated with explanations, never decided, and generating it was a fifth of compile.
    decide: (input) => {
      fast ??= buildDecider(info);
      rule.decide = fast;
      return fast(input);
    },
  };
  return rule;
}

interface ImportContext {
  options: CompileOptions;
  /** Files being compiled, to break import cycles. */
  visiting: Set<string>;
  cache: Map<string, CompiledModule>;
  /** The working-day calendar every rule of the compile counts with; undefined when the given one is not valid. */
  calendar: WorkCalendar | undefined;
  calendarError?: string;
}

function compileWith(source: string, file: string | undefined, ctx: ImportContext): CompiledModule {
  const diagnostics: Diagnostic[] = [];
  const { program, diagnostics: syntax } = parse(source);
  diagnostics.push(...syntax);
  const scope = new Map<string, CompiledRule>();
  const infos = new Map<string, RuleInfo>();
  const key = file ?? "<source>";
  ctx.visiting.add(key);
  for (const item of program.items) {
    if (item.kind !== "import") continue;
    const resolved = ctx.options.resolveImport?.(item.path, file);
    if (!resolved) {
      diagnostics.push(diagnostic("error", "IMPORT_NOT_FOUND", { path: item.path }, item.span));
      continue;
    }
    if (ctx.visiting.has(resolved.file)) continue;
    let imported = ctx.cache.get(resolved.file);
    if (!imported) {
      imported = compileWith(resolved.source, resolved.file, ctx);
      ctx.cache.set(resolved.file, imported);
    }
    if (!imported.ok) {
      diagnostics.push(diagnostic("error", "IMPORT_HAS_ERRORS", { path: item.path }, item.span));
    }
    const importedInternals = internals.get(imported);
    for (const rule of imported.rules) {
      scope.set(rule.name, rule);
      const info = importedInternals?.infos.get(rule.name);
      if (info) infos.set(rule.name, info);
    }
  }
  const rules: CompiledRule[] = [];
  const ruleNames = new Set<string>();
  const coverageUnits: CoverageUnit[] = [];
  for (const item of program.items) {
    if (item.kind === "import" || item.kind === "test") continue;
    const before = diagnostics.length;
    const info: RuleInfo = { ...checkRule(item, diagnostics), file, ...(ctx.calendar ? { calendar: ctx.calendar } : {}) };
    if (infos.has(item.name) || ruleNames.has(item.name)) {
      diagnostics.push(diagnostic("error", "DUPLICATE_RULE", { name: item.name }, item.nameSpan));
      continue;
    }
    infos.set(item.name, info);
    const hasErrors = diagnostics.slice(before).some((d) => d.severity === "error");
    if (hasErrors) continue;
    const rule = compiledRule(info);
    rules.push(rule);
    ruleNames.add(rule.name);
    scope.set(rule.name, rule);
    coverageUnits.push(...coverageUnitsOf(info));
  }
  if (ctx.calendarError !== undefined && ctx.visiting.size === 1) {
    diagnostics.push(diagnostic("error", "BAD_CALENDAR", { reason: ctx.calendarError }, { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }));
  }
  const tests = program.items.filter((i): i is A.TestDecl => i.kind === "test");
  const testErrors = checkTests(tests, infos, diagnostics);
  const inTests = new Set([...testErrors.values()].flat());
  ctx.visiting.delete(key);
  for (const d of diagnostics) if (file !== undefined && d.file === undefined) d.file = file;
  diagnostics.sort((a, b) => a.span.offset - b.span.offset);
  const locale = ctx.options.locale ?? "en";
  const module: CompiledModule = {
    file,
    ok: !diagnostics.some((d) => d.severity === "error"),
    rulesOk: !diagnostics.some((d) => d.severity === "error" && !inTests.has(d)),
    diagnostics: locale === "en" ? diagnostics : diagnostics.map((d) => localizeDiagnostic(d, locale)),
    rules,
    scope,
    tests: tests.map((t) => ({ name: t.name, rule: t.rule, span: t.span })),
    coverageUnits,
  };
  internals.set(module, { program, infos, tests, testErrors });
  return module;
}

/** Compiles a source file (and its imports) once; evaluate its rules many times. Never throws. */
export function compile(source: string, options: CompileOptions = {}): CompiledModule {
  let calendar: WorkCalendar | undefined = defaultCalendar();
  let calendarError: string | undefined;
  if (options.calendar?.length) {
    try {
      calendar = buildCalendar(CN_CALENDAR, ...options.calendar);
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      calendar = undefined;
      calendarError = e.message;
    }
  }
  return compileWith(source, options.file, { options, visiting: new Set(), cache: new Map(), calendar, ...(calendarError !== undefined ? { calendarError } : {}) });
}
