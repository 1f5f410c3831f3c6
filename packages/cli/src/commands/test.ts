/** `gavel test`: runs every test block of every rule file and reports for people and for CI. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { boundaryHits, boundaryResults, boundaryThresholds, localizeTestResult, runTests, type BoundaryThreshold, type Diagnostic } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { jsonReport } from "../reporters/json.ts";
import { junitReport } from "../reporters/junit.ts";
import { tapReport } from "../reporters/tap.ts";
import { textReport } from "../reporters/text.ts";
import { compileRuleFile, readRuleSource } from "../rule-file.ts";
import { countOutcomes, type BoundaryEntry, type FileTestReport, type TestReport, type UncoveredUnit } from "../test-report.ts";
import { findRuleFiles } from "./rule-files.ts";

export const reporters = { junit: junitReport, json: jsonReport, tap: tapReport } as const;
export type ReporterName = keyof typeof reporters;

export interface TestOptions {
  /** Machine-readable report; written to stdout, or to `output` with the readable report on stdout. */
  reporter?: ReporterName;
  /** File for the report (JUnit when no reporter is named). */
  output?: string;
  filter?: string;
  coverage?: boolean;
}

const readErrorSpan = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };

/** Compiles and tests each file; the report of the whole run. */
export function testFiles(files: readonly string[], options: TestOptions, ctx: CommandContext): TestReport {
  const started = performance.now();
  const reports: FileTestReport[] = [];
  const covered = new Set<string>();
  const units = new Map<string, UncoveredUnit>();
  const thresholds = new Map<string, BoundaryThreshold & { file: string }>();
  const hits = new Set<string>();
  for (const path of files) {
    const fileStarted = performance.now();
    const read = readRuleSource(path, ctx.io.cwd, ctx.io.readStdin);
    if (!read.ok) {
      const diagnostic: Diagnostic = { severity: "error", code: "READ_ERROR", message: ctx.messages.cannotRead(read.display, read.error), span: readErrorSpan };
      reports.push({ file: read.display, compileErrors: [diagnostic], results: [], durationMs: performance.now() - fileStarted });
      continue;
    }
    const module = compileRuleFile(read.file, ctx.resolveImport, ctx.language, ctx.calendar);
    // An error inside one test block fails that test alone; an error in a rule stops the file.
    if (!module.rulesOk) {
      const errors = module.diagnostics.filter((d) => d.severity === "error");
      reports.push({ file: read.file.display, compileErrors: errors, results: [], durationMs: performance.now() - fileStarted });
      continue;
    }
    const run = runTests(module, options.filter === undefined ? {} : { filter: options.filter });
    for (const id of run.covered) covered.add(id);
    for (const unit of module.coverageUnits) units.set(`${read.file.path}\0${unit.id}`, { ...unit, file: read.file.display });
    if (options.coverage) {
      for (const t of boundaryThresholds(module)) thresholds.set(`${read.file.path}\0${t.id}`, { ...t, file: read.file.display });
      for (const h of boundaryHits(module, run)) hits.add(h);
    }
    reports.push({ file: read.file.display, compileErrors: [], results: run.results.map((r) => localizeTestResult(r, ctx.language)), durationMs: performance.now() - fileStarted });
  }
  // A rule's units may be exercised by tests in another file that imports it, so coverage is judged over the whole run.
  const uncovered = [...units.values()].filter((u) => !covered.has(u.id));
  return {
    files: reports,
    ...countOutcomes(reports),
    durationMs: performance.now() - started,
    ...(options.coverage ? { coverage: { units: units.size, uncovered, boundaries: boundaryResults([...thresholds.values()], hits) as BoundaryEntry[] } } : {}),
  };
}

/** The reporter and report file of a run: flags, else GAVEL_REPORTER, else the config file; undefined reporter for the readable report alone. */
export function reportTarget(options: TestOptions, ctx: CommandContext): { reporter?: ReporterName; output?: string } | { invalid: string } {
  const fromEnv = ctx.io.env.GAVEL_REPORTER || undefined;
  if (options.reporter === undefined && fromEnv !== undefined && !(fromEnv in reporters)) return { invalid: fromEnv };
  const output = options.output ?? ctx.config.test?.output;
  const reporter = options.reporter ?? (fromEnv as ReporterName | undefined) ?? ctx.config.test?.reporter ?? (output !== undefined ? "junit" : undefined);
  return { ...(reporter ? { reporter } : {}), ...(output !== undefined ? { output } : {}) };
}

/** Runs `gavel test` on `paths` (default: the current folder); exit 1 when any test fails, 2 when no rule file is found. */
export function runTest(paths: readonly string[], options: TestOptions, ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const target = reportTarget(options, ctx);
  if ("invalid" in target) {
    io.stderr(`${style.red(messages.envInvalid("GAVEL_REPORTER", target.invalid, Object.keys(reporters)))}\n`);
    return ExitCode.usage;
  }
  const given = paths.length > 0 ? paths : ["."];
  const { files, usageError } = findRuleFiles(given, ctx);
  const report = testFiles(files, options, ctx);
  const reporterName = target.reporter;
  if (reporterName !== undefined && target.output === undefined) {
    io.stdout(reporters[reporterName](report));
  } else {
    if (reporterName !== undefined && target.output !== undefined) {
      const file = resolve(io.cwd, target.output);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, reporters[reporterName](report));
      io.stderr(`${messages.reportWritten(reporterName, target.output)}\n`);
    }
    io.stdout(textReport(report, style, messages));
  }
  if (usageError) return ExitCode.usage;
  return report.failed > 0 ? ExitCode.failure : ExitCode.ok;
}
