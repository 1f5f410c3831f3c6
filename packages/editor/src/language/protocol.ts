/** Messages between the main thread and the gavel language worker (structured-clone safe: no functions, no Sets). */

import type {
  Completion, Diagnostic, DocumentSymbol, EvalOutcome, Hover, InputInfo, RuleKind, SignatureHelp, Span, TestResult, ThresholdRow,
} from "@gavel-rules/lang";
import type { SemanticDiffReport } from "./semantic-diff-report";

/** What the editor needs to know about a rule of the open file (no evaluator: that stays in the worker). */
export interface RuleInfo {
  name: string;
  label: string;
  kind: RuleKind;
  inputs: InputInfo[];
  span: Span;
  /** Defined in this file (false: imported; its span is in the other file). */
  own: boolean;
}

/** The result of checking a document: what the Problems panel, the status bar, Tests and Try it show. */
export interface Analysis {
  version: number;
  diagnostics: Diagnostic[];
  rules: RuleInfo[];
  tests: { name: string; rule: string; span: Span }[];
  /** The outline, from the same parse as the diagnostics (for the breadcrumbs). */
  symbols: DocumentSymbol[];
}

/** The result of running a file's test blocks. */
export interface TestRunSummary {
  results: TestResult[];
  passed: number;
  failed: number;
  /** How many coverage units (clause outcomes, criterion bands, grades) the file's rules have. */
  coverageTotal: number;
  /** Coverage units no test exercised. */
  uncovered: { id: string; description: string; span: Span }[];
}

export type FormatOutcome = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Every request the worker answers, with its parameters and result type. */
export interface WorkerMethods {
  setFiles: { params: { files: Record<string, string> }; result: null };
  /** The language of diagnostic messages from now on. */
  setLocale: { params: { locale: "en" | "zh" }; result: null };
  analyze: { params: { file: string; source: string; version: number }; result: Analysis };
  /** The outline, asked for separately: it costs a second parse, which live diagnostics should not wait for. */
  symbols: { params: { source: string }; result: DocumentSymbol[] };
  complete: { params: { file: string; source: string; offset: number }; result: Completion[] };
  /** Inside `rule(` or a built-in function: its signature, the argument at the cursor active. */
  signatureHelp: { params: { file: string; source: string; offset: number }; result: SignatureHelp | null };
  hover: { params: { file: string; source: string; offset: number }; result: Hover | null };
  definition: { params: { file: string; source: string; offset: number }; result: { span: Span; file?: string } | null };
  /** Every occurrence in the file of the rule, input, let or criterion name at `offset`; null when there is none. */
  references: { params: { file: string; source: string; offset: number }; result: { declaration?: Span; spans: Span[] } | null };
  /** Where F2 starts: the occurrence under the cursor, or why the name cannot be renamed here (in the UI's language). */
  prepareRename: { params: { file: string; source: string; offset: number }; result: { ok: true; span: Span; name: string } | { ok: false; message: string } };
  /** The edits of renaming the name at `offset` everywhere in the file, or why it is refused (in the UI's language). */
  rename: { params: { file: string; source: string; offset: number; newName: string }; result: { ok: true; edits: { span: Span; newText: string }[] } | { ok: false; message: string } };
  format: { params: { source: string }; result: FormatOutcome };
  /** Runs the file's test blocks, or only the one named `only`. */
  runTests: { params: { file: string; source: string; only?: string }; result: TestRunSummary };
  evaluate: { params: { file: string; source: string; rule: string; input: Record<string, unknown> }; result: EvalOutcome };
  voteLines: { params: { file: string; source: string; rule: string; input: Record<string, unknown> }; result: VoteLines };
  /** A vote's threshold table for rosters from..to; null when the rule is not a vote of a file that compiles. */
  thresholdTable: { params: { file: string; source: string; rule: string; from: number; to: number }; result: ThresholdRow[] | null };
  /** What changes from `before` to `after` (two texts of `file`), rule by rule; imports resolve against `files`. */
  semanticDiff: {
    params: { file: string; before: string; after: string; entitledTo: number; files: Record<string, string>; locale: "en" | "zh" };
    result: SemanticDiffReport;
  };
}

/** The smallest present count giving a quorum and the smallest yes count passing, the other counts as entered. */
export interface VoteLines {
  quorum: number | null;
  passes: number | null;
}

export type MethodName = keyof WorkerMethods;

export interface WorkerRequest<M extends MethodName = MethodName> {
  id: number;
  method: M;
  params: WorkerMethods[M]["params"];
}

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };
