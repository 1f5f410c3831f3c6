/**
 * Batch assessments: one scorecard on many subjects, each input validated, results ranked by exact score.
 *
 * Two passes, both in worker threads, so the event loop stays free and memory stays bounded:
 * 1. score: the upload is read as a stream (CSV) or in batches (JSON), each subject typed, validated and decided
 *    (score only), and spilled to a private temp file; a bad subject refuses the whole upload with 422 before any
 *    result is written.
 * 2. render: subjects are read back in rank order, evaluated with their explanations, and streamed out as JSON,
 *    JSON lines or CSV.
 */

import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import type { InputInfo } from "@gavel-rules/lang";
import { busy, Refusal, tooLarge, unprocessable } from "../refusal.ts";
import type { InputProblem } from "../rules/input-validator.ts";
import { resolvedSourceDigest, type RuleRegistry } from "../rules/rule-registry.ts";
import type { EvaluationPool } from "../workers/evaluation-pool.ts";
import type { ResultFormat, RuleFileRef, ScoreAnswer, SubjectRows } from "../workers/evaluation-tasks.ts";
import { CsvRecords } from "./csv-records.ts";
import { IdIndex } from "./id-index.ts";
import { ScoredSubjects } from "./scored-subjects.ts";
import { csvHeaderProblems, csvProblemsMessage, type CsvProblem, type Subject } from "./subjects-csv.ts";

export interface AssessmentRequest {
  rule: string;
  ruleVersion?: number;
  ruleName?: string;
}

/** The limits of one assessment (documented in the route and docs/benchmarks.md). */
export interface AssessmentLimits {
  /** Rows of a streamed CSV upload. */
  maxSubjects: number;
  /** Bytes of a streamed CSV upload. */
  maxCsvBytes: number;
  /** Subjects per worker task. */
  batchSize: number;
  /** Assessments running at once (each holds a worker's time, a spill file and its per-row columns). */
  maxConcurrent: number;
}

export const DEFAULT_ASSESSMENT_LIMITS: AssessmentLimits = { maxSubjects: 1_000_000, maxCsvBytes: 256 * 1024 * 1024, batchSize: 2_000, maxConcurrent: 4 };
/** Problems listed in a 422 (all are counted). */
const MAX_REPORTED_PROBLEMS = 1_000;
/** The largest CSV record (bytes): a row is a few inputs, not a document. */
const MAX_CSV_RECORD_BYTES = 64 * 1024;

/** The rule an assessment runs: the stored version, and the scorecard picked in it. */
export interface AssessmentPlan {
  rule: { name: string; version: number; entry: string };
  file: RuleFileRef;
  inputs: Pick<InputInfo, "name" | "type" | "label">[];
}

/** Collects the first pass's answers in upload order: spills them and gathers every problem. */
class ScoringRun {
  private readonly pending: Promise<ScoreAnswer>[] = [];
  private readonly ids = new IdIndex();
  /** Ids whose hash matched an earlier row's: repeats once confirmed against the spill (the first ones; the rest counted). */
  private readonly repeats: { earlier: number; index: number }[] = [];
  private unconfirmedRepeats = 0;
  /** Subjects sent to workers so far. */
  submitted = 0;
  readonly csvProblems: CsvProblem[];
  csvProblemCount: number;
  private readonly invalid: { index: number; id: string; problems: InputProblem[] }[] = [];
  private invalidCount = 0;
  private evaluationError: ScoreAnswer["evaluationError"];

  constructor(
    private readonly pool: EvaluationPool,
    private readonly plan: AssessmentPlan,
    readonly scored: ScoredSubjects,
    headerProblems: CsvProblem[] = [],
  ) {
    this.csvProblems = headerProblems;
    this.csvProblemCount = headerProblems.length;
  }

  /** Sends a batch of `count` subjects to a worker; waits while enough batches are in flight (backpressure on the upload). */
  async add(rows: SubjectRows, count: number, transfer?: ArrayBuffer[]): Promise<void> {
    const answer = this.pool.run({ task: "score", file: this.plan.file, entry: this.plan.rule.entry, first: this.submitted, rows }, transfer);
    answer.catch(() => undefined); // awaited in order below; this only keeps a later failure from being "unhandled"
    this.pending.push(answer);
    this.submitted += count;
    while (this.pending.length > this.pool.threads + 1) await this.takeOldest();
  }

  private async takeOldest(): Promise<void> {
    const answer = await this.pending.shift()!;
    const first = this.scored.count;
    for (let i = 0; i < answer.lengths.length; i++) {
      const [high, low] = [answer.idHashes[2 * i]!, answer.idHashes[2 * i + 1]!];
      if (high === 0 && low === 0) continue; // an empty id, reported by the worker
      const earlier = this.ids.addHashes(high, low, first + i);
      if (earlier < 0) continue;
      if (this.repeats.length < MAX_REPORTED_PROBLEMS) this.repeats.push({ earlier, index: first + i });
      else this.unconfirmedRepeats++;
    }
    await this.scored.append(answer.lines, answer.lengths, answer.scores);
    for (const problem of answer.csvProblems) this.addCsvProblem(problem);
    for (const subject of answer.invalid) this.addInvalid(subject);
    this.evaluationError ??= answer.evaluationError;
  }

  addCsvProblem(problem: CsvProblem): void {
    if (this.csvProblems.length < MAX_REPORTED_PROBLEMS) this.csvProblems.push(problem);
    this.csvProblemCount++;
  }

  private addInvalid(subject: { index: number; id: string; problems: InputProblem[] }): void {
    if (this.invalid.length < MAX_REPORTED_PROBLEMS) this.invalid.push(subject);
    this.invalidCount++;
  }

  /** Waits for every batch; throws the upload's 422 when any subject was bad. */
  async finish(): Promise<void> {
    while (this.pending.length > 0) await this.takeOldest();
    await this.scored.seal();
    const earlierIds = await this.scored.idsOf(this.repeats.map((r) => r.earlier));
    const ids = await this.scored.idsOf(this.repeats.map((r) => r.index));
    this.repeats.forEach(({ index }, i) => {
      const id = ids[i]!;
      if (earlierIds[i] === id) this.addInvalid({ index, id, problems: [{ path: "/id", message: "repeats an earlier subject id", keyword: "uniqueItems", params: {} }] });
    });
    // Past the first 1,000, hash matches are counted without reading the spill: a chance 64-bit match is negligible.
    this.invalidCount += this.unconfirmedRepeats;
    const rule = this.plan.rule.entry;
    if (this.csvProblemCount > 0) {
      throw unprocessable("CSV_INVALID", csvProblemsMessage(this.csvProblems, rule), { problems: this.csvProblems, count: this.csvProblemCount });
    }
    if (this.invalidCount > 0) {
      const subjects = [...this.invalid].sort((a, b) => a.index - b.index).map(({ id, problems }) => ({ id, problems }));
      const first = subjects[0];
      const firstText = first ? `, first: ${first.id}: ${first.problems.map((p) => `${p.path} ${p.message}`).join("; ")}` : "";
      throw unprocessable("INVALID_SUBJECTS", `${this.invalidCount} subject(s) do not fit rule ${rule}${firstText}`, { subjects, count: this.invalidCount });
    }
    if (this.evaluationError) {
      const { index: _index, id, ...error } = this.evaluationError;
      throw unprocessable("EVALUATION_ERROR", `Subject ${id}: ${error.message}`, { subject: id, ...error });
    }
  }

  /** Waits for batches still in flight, ignoring their answers (the upload is being refused). */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.pending.splice(0));
  }
}

export class AssessmentService {
  private running = 0;

  constructor(
    private readonly rules: RuleRegistry,
    private readonly pool: EvaluationPool,
    readonly limits: AssessmentLimits = DEFAULT_ASSESSMENT_LIMITS,
  ) {}

  /**
   * Takes one of the `maxConcurrent` places, or refuses with 503 ASSESSMENTS_BUSY; the returned function gives the
   * place back (once, however often it is called).
   */
  admit(): () => void {
    if (this.running >= this.limits.maxConcurrent) {
      throw busy("ASSESSMENTS_BUSY", `${this.running} assessments are running, the most this service runs at once; try again shortly.`, { running: this.running, max: this.limits.maxConcurrent });
    }
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
  }

  /** The stored rule version and the scorecard to run (picked in a worker: a large file never compiles on the event loop). */
  async plan(request: AssessmentRequest): Promise<AssessmentPlan> {
    const record = await this.rules.get(request.rule, request.ruleVersion, undefined, 1000);
    const file: RuleFileRef = { name: record.name, digest: resolvedSourceDigest(record), source: record.source, imports: record.imports };
    const prepared = await this.pool.run({ task: "prepare", file, ...(request.ruleName !== undefined ? { selector: request.ruleName } : {}) });
    if (!prepared.ok) throw new Refusal(prepared.error.kind, prepared.error.code, prepared.error.message, prepared.error.details);
    return { rule: { name: record.name, version: record.version, entry: prepared.entry }, file, inputs: prepared.inputs };
  }

  /** First pass over subjects given as JSON (already parsed and size-checked by the route). */
  async scoreSubjects(plan: AssessmentPlan, subjects: Subject[]): Promise<ScoredSubjects> {
    const scored = await ScoredSubjects.create();
    const run = new ScoringRun(this.pool, plan, scored);
    try {
      for (let start = 0; start < subjects.length; start += this.limits.batchSize) {
        const batch = subjects.slice(start, start + this.limits.batchSize);
        await run.add({ format: "json", subjects: batch }, batch.length);
      }
      await run.finish();
      return scored;
    } catch (error) {
      await run.abandon();
      await scored.dispose();
      throw error;
    }
  }

  /**
   * First pass over a CSV upload, read as a stream: a header row (id, optional name, one column per input), then rows.
   * This thread only cuts the bytes into whole records; workers parse, type, validate and score them.
   */
  async scoreCsv(plan: AssessmentPlan, upload: Readable): Promise<ScoredSubjects> {
    const scored = await ScoredSubjects.create();
    const records = new CsvRecords(MAX_CSV_RECORD_BYTES);
    let run: ScoringRun | undefined;
    let columns: string[] = [];
    let bytes = 0;
    const submit = async () => {
      const { records: batch, count } = records.take();
      if (count === 0) return;
      if (run!.submitted + count > this.limits.maxSubjects) {
        throw unprocessable("TOO_MANY_SUBJECTS", `The CSV has more than ${this.limits.maxSubjects} rows; one assessment takes at most ${this.limits.maxSubjects}.`, { max: this.limits.maxSubjects });
      }
      await run!.add({ format: "csv", columns, records: batch }, count, [batch.buffer as ArrayBuffer]);
    };
    try {
      // Not destroyed on an early stop, so that a refusal can still be answered on the connection.
      for await (const chunk of upload.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
        const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        bytes += buffer.length;
        if (bytes > this.limits.maxCsvBytes) throw tooLarge("CSV_TOO_LARGE", `The CSV upload is larger than ${this.limits.maxCsvBytes} bytes.`, { max: this.limits.maxCsvBytes });
        try {
          records.write(buffer);
        } catch (error) {
          throw unprocessable("CSV_INVALID", `The CSV could not be read after row ${(run?.submitted ?? 0) + records.count + 1}: ${(error as Error).message}.`);
        }
        if (!run && records.header) {
          columns = csvHeader(records.header);
          run = new ScoringRun(this.pool, plan, scored, csvHeaderProblems(columns, plan.inputs, plan.rule.entry));
        }
        if (run && records.count >= this.limits.batchSize) await submit();
      }
      records.end();
      if (!run && records.header) {
        columns = csvHeader(records.header);
        run = new ScoringRun(this.pool, plan, scored, csvHeaderProblems(columns, plan.inputs, plan.rule.entry));
      }
      if (!run) throw unprocessable("CSV_INVALID", "The CSV is empty: it needs a header row with an id column and the rule's inputs.");
      await submit();
      await run.finish();
      return scored;
    } catch (error) {
      // Stop reading: what is left of the upload is read and dropped, so the refusal can still be answered.
      upload.resume();
      await run?.abandon();
      await scored.dispose();
      throw error;
    }
  }

  /**
   * Second pass: the ranked results in `format`, as text chunks (JSON: the `{ rule, count, results }` document).
   * Removes the spill when done, failed or abandoned.
   */
  async *render(plan: AssessmentPlan, scored: ScoredSubjects, format: ResultFormat): AsyncGenerator<string | Uint8Array> {
    try {
      const { order, ranks } = scored.rank();
      if (format === "json") yield `{"rule":${JSON.stringify(plan.rule)},"count":${scored.count},"results":[`;
      if (format === "csv" && scored.count === 0) yield await this.pool.run({ task: "render", file: plan.file, entry: plan.rule.entry, spillPath: scored.spillPath, offsets: new Float64Array(0), lengths: new Int32Array(0), ranks: new Int32Array(0), format, withHeader: true });
      const pending: Promise<Uint8Array>[] = [];
      let position = 0;
      let first = true;
      while (position < order.length || pending.length > 0) {
        while (position < order.length && pending.length <= this.pool.threads) {
          const end = Math.min(order.length, position + this.limits.batchSize);
          const { offsets, lengths } = scored.locate(order.subarray(position, end));
          const batchRanks = ranks.slice(position, end);
          const chunk = this.pool.run(
            { task: "render", file: plan.file, entry: plan.rule.entry, spillPath: scored.spillPath, offsets, lengths, ranks: batchRanks, format, withHeader: position === 0 },
            [offsets.buffer, lengths.buffer, batchRanks.buffer],
          );
          chunk.catch(() => undefined); // awaited in order below
          pending.push(chunk);
          position = end;
        }
        const bytes = await pending.shift()!;
        if (format === "json" && !first) yield ",";
        yield bytes;
        first = false;
      }
      if (format === "json") yield "]}";
    } finally {
      await scored.dispose();
    }
  }
}

/** The header row's column names (the byte-order mark dropped, names trimmed). */
function csvHeader(header: Buffer): string[] {
  let rows: string[][];
  try {
    rows = parse(header.toString("utf8").replace(/^\uFEFF/, ""), { record_delimiter: ["\r\n", "\n"] }) as string[][];
  } catch (error) {
    throw unprocessable("CSV_INVALID", `The CSV header could not be read: ${(error as Error).message}`);
  }
  return (rows[0] ?? []).map((name) => name.trim());
}
