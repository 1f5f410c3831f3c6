/**
 * @gavel-rules/lang — the gavel rule language: parse, check, compile, evaluate, test, format,
 * and the language-service queries the editor uses. No DOM and no Node APIs.
 */
export type * from "./types.ts";
export { compile } from "./compile/compiler.ts";
export { parse } from "./syntax/parser.ts";
export type { ParseResult } from "./syntax/parser.ts";
export { runTests, localizeTestResult } from "./tooling/testing.ts";
export type { TestRun } from "./tooling/testing.ts";
export { format } from "./tooling/formatter.ts";
export type { FormatResult } from "./tooling/formatter.ts";
export { getCompletions, getHover, getDocumentSymbols, getModuleSymbols, getDefinition } from "./tooling/service.ts";
export type { Completion, Hover, DocumentSymbol } from "./tooling/service.ts";
export { factLabel } from "./tooling/service-zh.ts";
export { getSignatureHelp, callAt } from "./tooling/signature-help.ts";
export type { SignatureHelp, Signature, SignatureParameter, CallContext } from "./tooling/signature-help.ts";
export { getReferences, getRename, prepareRename, applyReplacements, RESERVED_NAMES } from "./tooling/references.ts";
export { suggestedReplacement } from "./tooling/quick-fixes.ts";
export type { NameTarget, References, TextReplacement, RenameOutcome } from "./tooling/references.ts";
export { Rational } from "./eval/rational.ts";
export { explainText } from "./eval/explain.ts";
export { localizeDiagnostic, localizeError, renderMessage, MESSAGES } from "./diagnostics/messages.ts";
export type { Locale, MessageId, MessageEntry } from "./diagnostics/messages.ts";
export { thresholdTable, parseRosterRange, MAX_TABLE_ROWS } from "./tooling/threshold-table.ts";
export type { ThresholdRow, InsightError } from "./tooling/threshold-table.ts";
export { semanticDiff, MAX_DIFF_ENTITLED } from "./tooling/semantic-diff.ts";
export type { VoteDiff, DiffExample, NeededShift, TallyOutcome } from "./tooling/semantic-diff.ts";
export { boundaryThresholds, boundaryHits, boundaryResults } from "./tooling/boundary-coverage.ts";
export type { BoundaryThreshold, BoundaryResult, BoundaryPosition } from "./tooling/boundary-coverage.ts";
export type { ScorecardDiff, ScorecardExample, ScorecardOutcome, BoundaryShift } from "./tooling/scorecard-diff.ts";
export { isStdImport, stdFileName, STD_IMPORT_PREFIX } from "./tooling/std-imports.ts";
export { inputProblems } from "./eval/input-validation.ts";
export type { InputProblem } from "./eval/input-validation.ts";
