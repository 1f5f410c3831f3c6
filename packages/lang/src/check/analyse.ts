/**
 * analyse(): a source file and its imports → parsed, names resolved across files, every rule and test block
 * checked. The result, an AnalysedModule, is what compile() turns into rules and what the test runner and the
 * language services read (through CompiledModule.analysed).
 */

import type * as A from "../syntax/index.ts";
import { parse } from "../syntax/index.ts";
import { buildCalendar, CalendarError, CN_CALENDAR, defaultCalendar, type WorkCalendar } from "../eval/index.ts";
import { diagnostic } from "../diagnostics/index.ts";
import type { CompileOptions, Diagnostic } from "../types.ts";
import { checkRule, type RuleInfo } from "./checker.ts";
import { checkTests } from "./test-blocks.ts";

/** What checking a source file found. */
export interface AnalysedModule {
  readonly file: string | undefined;
  readonly program: A.Program;
  /** Every rule in scope by name: the file's own (with errors or not) and the error-free rules of its imports. */
  readonly infos: Map<string, RuleInfo>;
  /** The file's own rules without errors, in source order: the ones compile() turns into rules. */
  readonly rules: RuleInfo[];
  /** The files this one imports, analysed, in the order of its imports (one not found, or in a cycle, is left out). */
  readonly imports: AnalysedModule[];
  readonly tests: A.TestDecl[];
  /** The errors inside each test block: such a test fails alone, with its first error. */
  readonly testErrors: Map<A.TestDecl, Diagnostic[]>;
  /** In source order, in English (compile() localises them). */
  readonly diagnostics: Diagnostic[];
  /** No error at all. */
  readonly ok: boolean;
  /** No error outside test blocks. */
  readonly rulesOk: boolean;
}

interface ImportContext {
  options: CompileOptions;
  /** Files being analysed, to break import cycles. */
  visiting: Set<string>;
  cache: Map<string, AnalysedModule>;
  /** The working-day calendar every rule counts with; undefined when the given one is not valid. */
  calendar: WorkCalendar | undefined;
  calendarError?: string;
}

function analyseWith(source: string, file: string | undefined, ctx: ImportContext): AnalysedModule {
  const diagnostics: Diagnostic[] = [];
  const { program, diagnostics: syntax } = parse(source);
  diagnostics.push(...syntax);
  const infos = new Map<string, RuleInfo>();
  const imports: AnalysedModule[] = [];
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
      imported = analyseWith(resolved.source, resolved.file, ctx);
      ctx.cache.set(resolved.file, imported);
    }
    if (!imported.ok) {
      diagnostics.push(diagnostic("error", "IMPORT_HAS_ERRORS", { path: item.path }, item.span));
    }
    imports.push(imported);
    for (const info of imported.rules) infos.set(info.decl.name, info);
  }
  const rules: RuleInfo[] = [];
  const ruleNames = new Set<string>();
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
    rules.push(info);
    ruleNames.add(item.name);
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
  return {
    file,
    program,
    infos,
    rules,
    imports,
    tests,
    testErrors,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === "error"),
    rulesOk: !diagnostics.some((d) => d.severity === "error" && !inTests.has(d)),
  };
}

/** Parses and checks a source file and its imports. Never throws. */
export function analyse(source: string, options: CompileOptions = {}): AnalysedModule {
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
  return analyseWith(source, options.file, { options, visiting: new Set(), cache: new Map(), calendar, ...(calendarError !== undefined ? { calendarError } : {}) });
}
