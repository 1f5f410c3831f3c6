/** The messages between the event loop and the evaluation worker threads: plain data only, so they can be cloned. */

import type { ExactJson, InputInfo } from "@gavel-rules/lang";
import type { RefusalKind } from "../refusal.ts";
import type { InputProblem } from "../rules/input-validator.ts";
import type { CompiledSummary, PinnedImports } from "../rules/rule-registry.ts";
import type { CsvProblem } from "../assessments/subjects-csv.ts";
import type { Subject } from "../assessments/subjects-csv.ts";

/** A stored rule version as a worker compiles it: its source and pinned imports (compiled once per digest, then cached). */
export interface RuleFileRef {
  name: string;
  /** resolvedSourceDigest of the version: the same digest always compiles to the same rules. */
  digest: string;
  source: string;
  imports: PinnedImports;
}

/** Compile a rule file and describe it: a new source against the std library in `stdDir`, a stored one against its `pinned` imports. */
export interface CheckTask {
  task: "check";
  name: string;
  source: string;
  stdDir: string;
  pinned?: PinnedImports;
}

/** Pick the scorecard to assess with (selector, else by the file's name, else its only scorecard). */
export interface PrepareTask {
  task: "prepare";
  file: RuleFileRef;
  selector?: string;
}

export type PrepareAnswer =
  | { ok: true; entry: string; inputs: Pick<InputInfo, "name" | "type" | "label">[] }
  | { ok: false; error: { kind: RefusalKind; code: string; message: string; details: unknown } };

/** Rows to type, validate and score: whole CSV records (UTF-8) under a header, or subjects already parsed from JSON. */
export type SubjectRows = { format: "csv"; columns: string[]; records: Uint8Array } | { format: "json"; subjects: Subject[] };

/** Type, validate and decide a batch; `first` is the 0-based index of its first subject in the upload. */
export interface ScoreTask {
  task: "score";
  file: RuleFileRef;
  entry: string;
  first: number;
  rows: SubjectRows;
}

export interface ScoreAnswer {
  /** One JSON line per subject ({ id, name?, input }) in UTF-8, to be spilled and read back by render. */
  lines: Uint8Array;
  /** UTF-8 byte length of each line, newline included. */
  lengths: number[];
  /** Each subject's exact score. */
  scores: ExactJson[];
  /** idHashes() of each subject's id, two numbers a subject (0, 0 for an empty id): repeats are found in upload order. */
  idHashes: Uint32Array;
  csvProblems: CsvProblem[];
  invalid: { index: number; id: string; problems: InputProblem[] }[];
  evaluationError?: { index: number; id: string; code: string; message: string; details?: Record<string, unknown> };
}

export type ResultFormat = "json" | "ndjson" | "csv";

/** Evaluate spilled subjects (read at `offsets`) with their explanations and write them in `format`, ranked. */
export interface RenderTask {
  task: "render";
  file: RuleFileRef;
  entry: string;
  spillPath: string;
  offsets: Float64Array;
  lengths: Int32Array;
  ranks: Int32Array;
  format: ResultFormat;
  /** For CSV: the first batch writes the header (its criteria come from the first result). */
  withHeader: boolean;
}

export type EvaluationTask = CheckTask | PrepareTask | ScoreTask | RenderTask;

/** What each task answers. */
export interface EvaluationAnswers {
  check: CompiledSummary;
  prepare: PrepareAnswer;
  score: ScoreAnswer;
  /** UTF-8 text; JSON results are comma-separated, without the enclosing document. */
  render: Uint8Array;
}
