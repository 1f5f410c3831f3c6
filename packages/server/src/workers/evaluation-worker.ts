/** The evaluation worker thread: compiles rule files (cached by sha256) and types, scores and renders assessment batches. */

import { closeSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { move, transferableSymbol, valueSymbol } from "piscina";
import { idHashes } from "../assessments/id-index.ts";
import type { CompiledModule, CompiledRule, ScorecardResult } from "@gavel-rules/lang";
import { criteriaNames, CSV_BOM, resultsCsvHeader, resultsCsvRows } from "../assessments/results-csv.ts";
import { subjectOfRow, type CsvProblem, type Subject } from "../assessments/subjects-csv.ts";
import { Refusal } from "../refusal.ts";
import { inputProblems } from "../rules/input-validator.ts";
import { summarizeModule } from "../rules/module-summary.ts";
import { compileRuleFile, pinnedResolver, selectRule } from "../rules/rule-registry.ts";
import { stdImportResolver } from "../rules/std-imports.ts";
import type { CheckTask, EvaluationAnswers, EvaluationTask, PrepareAnswer, PrepareTask, RenderTask, RuleFileRef, ScoreAnswer, ScoreTask } from "./evaluation-tasks.ts";

const MAX_CACHED_MODULES = 20;
/** Records end at CRLF or LF, mixed in one file as the record splitter allows. */
const CSV_LINE_ENDS = ["\r\n", "\n"];
const utf8 = new TextEncoder();

/**
 * An answer whose byte arrays move to the event loop's thread instead of being copied: there they are short-lived
 * wrappers over memory outside the JS heap, freed young, where a large string would sit in old space until a full GC.
 */
function moving<T extends object>(value: T, transfer: ArrayBuffer[]): T {
  return move({ [transferableSymbol]: transfer, [valueSymbol]: value }) as unknown as T;
}
const modules = new Map<string, CompiledModule>();

/** The compiled module of a stored file, compiled once per worker. */
function moduleOf(file: RuleFileRef): CompiledModule {
  const key = `${file.digest}\u0000${file.name}`;
  let module = modules.get(key);
  if (!module) {
    module = compileRuleFile(file.name, file.source, pinnedResolver(file.imports)).module;
    if (modules.size >= MAX_CACHED_MODULES) modules.delete(modules.keys().next().value!);
    modules.set(key, module);
  }
  return module;
}

function ruleOf(file: RuleFileRef, entry: string): CompiledRule {
  const rule = moduleOf(file).scope.get(entry);
  if (!rule) throw new Error(`rule ${entry} vanished from ${file.name} (${file.digest})`);
  return rule;
}

function check(task: CheckTask): EvaluationAnswers["check"] {
  const { module, imports } = compileRuleFile(task.name, task.source, task.pinned ? pinnedResolver(task.pinned) : stdImportResolver(task.stdDir));
  return { summary: summarizeModule(module), imports };
}

function prepare(task: PrepareTask): PrepareAnswer {
  try {
    const rule = selectRule(moduleOf(task.file), task.file.name, task.selector, "scorecard");
    return { ok: true, entry: rule.name, inputs: rule.inputs.map(({ name, type, label }) => ({ name, type, label })) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: { kind: error.kind, code: error.code, message: error.message, details: error.details } };
    throw error;
  }
}

function score(task: ScoreTask): ScoreAnswer {
  const rule = ruleOf(task.file, task.entry);
  const csvProblems: CsvProblem[] = [];
  let subjects: Subject[];
  if (task.rows.format === "csv") {
    const { columns } = task.rows;
    const inputs = new Map(rule.inputs.map((i) => [i.name, i]));
    let cells: string[][] = [];
    try {
      cells = parse(Buffer.from(task.rows.records.buffer, task.rows.records.byteOffset, task.rows.records.byteLength).toString("utf8"), { relax_column_count: true, skip_empty_lines: true, record_delimiter: CSV_LINE_ENDS }) as string[][];
    } catch (error) {
      csvProblems.push({ row: task.first + 2, message: `the CSV could not be read from here on: ${(error as Error).message}` });
    }
    // Row numbers as a spreadsheet shows them: the header is row 1.
    subjects = cells.map((row, i) => {
      if (row.length !== columns.length) csvProblems.push({ row: task.first + i + 2, message: `${row.length} cells, but the header has ${columns.length} columns` });
      return subjectOfRow(row, columns, inputs, task.first + i + 2, csvProblems);
    });
  } else {
    subjects = task.rows.subjects;
  }
  const answer: ScoreAnswer = { lines: new Uint8Array(0), lengths: [], scores: [], idHashes: new Uint32Array(subjects.length * 2), csvProblems, invalid: [] };
  const lines: string[] = [];
  subjects.forEach((subject, i) => {
    if (subject.id) [answer.idHashes[2 * i], answer.idHashes[2 * i + 1]] = idHashes(subject.id);
    const line = JSON.stringify(subject) + "\n";
    lines.push(line);
    answer.lengths.push(Buffer.byteLength(line, "utf8"));
    if (csvProblems.length > 0) return answer.scores.push(0); // the upload is refused; typing errors are what matter
    const problems = inputProblems(rule, subject.input);
    if (problems.length > 0) {
      answer.invalid.push({ index: task.first + i, id: subject.id, problems });
      return answer.scores.push(0);
    }
    const outcome = rule.decide(subject.input);
    if (!outcome.ok) {
      answer.evaluationError ??= { index: task.first + i, id: subject.id, ...outcome.error };
      return answer.scores.push(0);
    }
    if (outcome.decision.kind !== "scorecard") throw new Error(`rule ${rule.name} is not a scorecard`);
    answer.scores.push(outcome.decision.score);
  });
  answer.lines = utf8.encode(lines.join(""));
  return moving(answer, [answer.lines.buffer as ArrayBuffer, answer.idHashes.buffer as ArrayBuffer]);
}

function render(task: RenderTask): Uint8Array {
  const bytes = utf8.encode(renderText(task));
  return moving(bytes, [bytes.buffer as ArrayBuffer]);
}

function renderText(task: RenderTask): string {
  const rule = ruleOf(task.file, task.entry);
  const fd = openSync(task.spillPath, "r");
  const ranked: { rank: number; id: string; name?: string; result: ScorecardResult }[] = [];
  try {
    const buffer = Buffer.allocUnsafe(Math.max(0, ...task.lengths));
    for (let i = 0; i < task.offsets.length; i++) {
      const length = task.lengths[i]!;
      readSync(fd, buffer, 0, length, task.offsets[i]!);
      const subject = JSON.parse(buffer.toString("utf8", 0, length)) as Subject;
      const outcome = rule.evaluate(subject.input);
      // Every subject was decided without error before the answer began; evaluate() gives the same answers.
      if (!outcome.ok) throw new Error(`subject ${subject.id}: ${outcome.error.message}`);
      ranked.push({ rank: task.ranks[i]!, id: subject.id, ...(subject.name !== undefined ? { name: subject.name } : {}), result: outcome.result as ScorecardResult });
    }
  } finally {
    closeSync(fd);
  }
  switch (task.format) {
    case "csv": {
      const criteria = criteriaNames(ranked[0]?.result);
      return (task.withHeader ? CSV_BOM + resultsCsvHeader(criteria) : "") + resultsCsvRows(ranked, criteria);
    }
    case "ndjson":
      return ranked.map((r) => JSON.stringify(rankedResult(r)) + "\n").join("");
    case "json":
      return ranked.map((r) => JSON.stringify(rankedResult(r))).join(",");
  }
}

/** One ranked result as the API writes it (the JSON contract of POST /v1/assessments). */
function rankedResult({ rank, id, name, result }: { rank: number; id: string; name?: string; result: ScorecardResult }) {
  return { rank, id, ...(name !== undefined ? { name } : {}), score: result.score, grade: result.grade, criteria: result.criteria, result };
}

/** The worker's entry: one task in, its answer out. */
export default function runEvaluationTask(task: EvaluationTask): EvaluationAnswers[EvaluationTask["task"]] {
  switch (task.task) {
    case "check":
      return check(task);
    case "prepare":
      return prepare(task);
    case "score":
      return score(task);
    case "render":
      return render(task);
  }
}
