/** Public types of the gavel language: diagnostics, results, compiled rules. */

import type { AnalysedModule } from "./check/index.ts";

/** A position range in a source file; lines and columns are 1-based, offsets 0-based (UTF-16). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export type Severity = "error" | "warning";

/** A named argument of a message: a name, type, value or hint (lists for "one of …"). */
export type MessageArg = string | number | boolean | string[];

/** A compile-time problem: always a value, never an exception. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  span: Span;
  /** The file the span refers to, when the host gave one. */
  file?: string;
  /** The catalog id of the message (several ids may share a code); with args, renders it in another language. */
  messageId?: string;
  /** The named arguments the message was built from. */
  args?: Record<string, MessageArg>;
}

/** An exact number in JSON: a plain integer, or a fraction with a rounded decimal for reading only. */
export type ExactJson = number | { num: string; den: string; decimal: string };

export type JsonValue = ExactJson | boolean | string;

export type VoteOutcome = "passed" | "rejected" | "no_quorum";

/** One step of an explanation: which clause, its source text, the values substituted, its result. */
export interface ExplanationStep {
  clause: string;
  text: string;
  detail: string;
  result: JsonValue;
  span: { line: number; column: number };
  /** For a clause of a vote or an election: the least count that makes it true (see ClauseMargin). */
  needed?: number | null;
  /** For a clause of a vote or an election: actual − needed (see ClauseMargin). */
  margin?: number | null;
}

/** A type, not an interface, so that it fits a record of counts (the service's result schema). */
export type VoteFacts = {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  cast: number;
};

/**
 * Which side of its threshold a clause wants its count on: `at_least` (needed is the least count that makes it
 * true, margin = actual − needed), `at_most` (needed is the greatest count that keeps it true, margin = needed −
 * actual) or `exactly` (the one count that makes it true, margin = actual − needed).
 */
export type MarginBound = "at_least" | "at_most" | "exactly";

/** The margin of one clause (docs/design.md, margins); every field is null when the clause has no single count or is not linear in it. */
export interface ClauseMargin {
  /** The count the clause is about: the fact alone on one side of its first comparison (e.g. `present`, `yes`). */
  count: string | null;
  /** The count's value in this evaluation. */
  actual: number | null;
  /** The threshold count (see MarginBound); null when no count within `range` makes the clause true. */
  needed: number | null;
  /** How many the count has to spare (≥ 0) or is short by (< 0); null when needed is null or the clause is not one-sided. */
  margin: number | null;
  bound: MarginBound | null;
  /** The counts considered: 0 up to the count's bound (entitled for present, present for a vote count; null: none). */
  range: { min: number; max: number | null } | null;
}

export interface VoteResult {
  rule: string;
  label: string;
  kind: "vote";
  outcome: VoteOutcome;
  facts: VoteFacts;
  values: Record<string, JsonValue>;
  /** needed and margin of each clause (quorum, passes), by clause name. */
  margins: Record<string, ClauseMargin>;
  explanation: ExplanationStep[];
}

export interface CriterionResult {
  name: string;
  label: string;
  points: ExactJson;
  max: ExactJson;
  reason: string;
  /** The sub-criteria whose sum the points are, when the criterion has them. */
  parts?: CriterionResult[];
}

export interface ScorecardResult {
  rule: string;
  label: string;
  kind: "scorecard";
  score: ExactJson;
  max: ExactJson;
  grade: string | null;
  criteria: CriterionResult[];
  values: Record<string, JsonValue>;
  explanation: ExplanationStep[];
}

/**
 * How an election round ends: void because more ballots came back than people voted (`void_ballots`), void
 * because too few voted (`void_turnout`), every seat filled (`complete`), seats left for another round
 * (`runoff` after round 1, `incomplete` after a later round), or a tie at the last seat (`tie`).
 */
export type ElectionOutcome = "void_ballots" | "void_turnout" | "complete" | "runoff" | "incomplete" | "tie";

/** The counts of an election round; `valid` = ballots − invalid is derived. */
export type ElectionFacts = {
  registered: number;
  voters: number;
  ballots: number;
  invalid: number;
  valid: number;
  seats: number;
  round: number;
};

/** One candidate of a round: votes, and whether the round's threshold clause held for them. */
export interface CandidateResult {
  name: string;
  votes: number;
  qualified: boolean;
  /** The least votes that meet the round's clause (elected: or runoff:); null when none up to the valid ballots do. */
  needed: number | null;
  /** votes − needed: negative when short; null when needed is null. */
  margin: number | null;
}

export interface ElectionResult {
  rule: string;
  label: string;
  kind: "election";
  outcome: ElectionOutcome;
  /** Elected in this round, most votes first. */
  elected: string[];
  /** The tie group at the last seat (voted on again); empty unless the outcome is `tie`. */
  tied: string[];
  facts: ElectionFacts;
  /** Every candidate, most votes first (equal votes in input order). */
  candidates: CandidateResult[];
  values: Record<string, JsonValue>;
  /** needed and margin of the void and turnout clauses, by clause name. */
  margins: Record<string, ClauseMargin>;
  explanation: ExplanationStep[];
}

/** One level of a rating: its count and its exact share of the ballots. */
export interface RatingLevelResult {
  name: string;
  count: number;
  share: ExactJson;
}

export interface RatingResult {
  rule: string;
  label: string;
  kind: "rating";
  grade: string;
  /** Number of rating ballots: the sum of the level counts. */
  ballots: number;
  levels: RatingLevelResult[];
  /** The counts by level name: the input object of a scorecard whose inputs are named after the levels. */
  counts: Record<string, number>;
  values: Record<string, JsonValue>;
  explanation: ExplanationStep[];
}

export type RuleResult = VoteResult | ScorecardResult | ElectionResult | RatingResult;

/** An evaluation failure (bad input, division by zero, ...): names the expression and its values. */
export interface EvalError {
  code: string;
  message: string;
  span?: Span;
  details?: Record<string, unknown>;
  /** The catalog id of the message; with args, renders it in another language. */
  messageId?: string;
  /** The named arguments the message was built from. */
  args?: Record<string, MessageArg>;
}

export type EvalOutcome = { ok: true; result: RuleResult } | { ok: false; error: EvalError };

export type InputType = "count" | "number" | "ratio" | "boolean" | "text" | "date";

/** A declared input of a rule (for a vote: its built-in facts). */
export interface InputInfo {
  name: string;
  /** `tally` is an object of counts by name (an election's `candidates`); `list` a list of records (with `fields`). */
  type: InputType | "tally" | "list";
  /** Declared with `?`: may be absent. */
  optional?: boolean;
  /** The fields of each record of a `list` input. */
  fields?: InputInfo[];
  label: string;
  min?: ExactJson;
  max?: ExactJson;
  /** Allowed values for a text input, when declared with `one of`. */
  options?: string[];
  span: Span;
}

/** A JSON Schema (draft 2020-12 subset) object. */
export type JsonSchema = { [key: string]: unknown };

export type RuleKind = "vote" | "scorecard" | "election" | "rating";

/** What a rule declares for the meetings that run items under it (dsl/README.md, "Proxies and write-ins"). */
export interface RuleSettings {
  /** `proxies: at most N`: proxies one member present in person may hold on an item under this rule; 0 (no proxy votes) when not declared. */
  proxies: number;
  /** An election's `write_ins: allowed`: names off the candidate list count; false when not declared, and for other kinds. */
  writeIns: boolean;
}

/** A compiled rule: evaluate many times after compiling once. */
export interface CompiledRule {
  name: string;
  label: string;
  kind: RuleKind;
  /** Proxies and write-ins, as the rule declares them (a scorecard: none). */
  settings: RuleSettings;
  inputs: InputInfo[];
  /** JSON Schema of the input object, generated from the declared inputs. */
  inputSchema: JsonSchema;
  span: Span;
  /**
   * Full evaluation: the result JSON with its explanation. Parts of a result may be computed when first read (a
   * vote's margins and explanation, a scorecard's criteria and explanation are getters): copy a result as JSON
   * (JSON.stringify), not by spread, structuredClone or postMessage, which copy its own fields only.
   */
  evaluate(input: Record<string, unknown>): EvalOutcome;
  /**
   * Decision only, no explanation: vote → outcome; scorecard → { score, grade } with score exact.
   * The fast path used for throughput; same answers as evaluate().
   */
  decide(input: Record<string, unknown>): DecideOutcome;
}

export type Decision =
  | { kind: "vote"; outcome: VoteOutcome }
  | { kind: "scorecard"; score: ExactJson; grade: string | null }
  | { kind: "election"; outcome: ElectionOutcome; elected: string[]; tied: string[] }
  | { kind: "rating"; grade: string };

export type DecideOutcome = { ok: true; decision: Decision } | { ok: false; error: EvalError };

/** One expectation of a test block. */
export interface ExpectationResult {
  text: string;
  passed: boolean;
  expected: string;
  actual: string;
  span: Span;
}

/** The result of running one `test` block. */
export interface TestResult {
  name: string;
  file?: string;
  rule: string;
  passed: boolean;
  expectations: ExpectationResult[];
  /** Set when the evaluation failed and the test did not expect an error. */
  error?: EvalError;
  /** The result the rule produced (for showing the explanation on failure). */
  result?: RuleResult;
  span: Span;
}

/** Reads an imported file: returns its source, or undefined when it does not exist. */
export type ImportResolver = (path: string, fromFile: string | undefined) => { file: string; source: string } | undefined;

export interface CompileOptions {
  file?: string;
  resolveImport?: ImportResolver;
  /** The language of diagnostic messages (default "en"); ids and args are kept either way. */
  locale?: "en" | "zh";
  /**
   * Working-day calendars laid over the built-in one (mainland China): each adds years, and for the days it
   * names overrides holidays and make-up working days (a new year, a local holiday). Same form as dsl/calendar/cn.json.
   */
  calendar?: CalendarData[];
}

/** A working-day calendar file: weekend days and, per year, holidays and make-up working days (see dsl/calendar/cn.json). */
export interface CalendarData {
  name?: string;
  /** ISO weekdays off: 6 = Saturday, 7 = Sunday (the default). */
  weekend?: number[];
  /** Per year ("2026"): dates `YYYY-MM-DD` or ranges `YYYY-MM-DD..YYYY-MM-DD`. */
  years: Record<string, { holidays?: string[]; workdays?: string[] }>;
}

/** What compiling a source file gives: rules, tests and every diagnostic. */
export interface CompiledModule {
  file?: string;
  ok: boolean;
  /** No error outside test blocks: the tests can run, and a test with an error of its own fails alone. */
  rulesOk: boolean;
  diagnostics: Diagnostic[];
  /** Rules defined in this file (in source order). */
  rules: CompiledRule[];
  /** Rules visible to this file: its own and imported ones, by name. */
  scope: Map<string, CompiledRule>;
  /** Names of the test blocks, in source order. */
  tests: { name: string; rule: string; span: Span }[];
  /** Clause, criterion and band identifiers exercised by tests (filled by runTests) for coverage. */
  coverageUnits: CoverageUnit[];
  /**
   * What checking found (the syntax tree, each rule's checked form, the test blocks): what the test runner and the
   * language services read. Internal to the language package: its shape may change in any release.
   */
  readonly analysed: AnalysedModule;
}

/** A piece of a rule that tests should exercise: a clause outcome, a criterion band, a grade band. */
export interface CoverageUnit {
  id: string;
  rule: string;
  description: string;
  span: Span;
}
