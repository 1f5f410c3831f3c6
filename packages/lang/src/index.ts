/**
 * @gavel-rules/lang — the gavel rule language: parse, check, compile, evaluate, test, format,
 * and the language-service queries the editor uses. No DOM and no Node APIs.
 */
export type * from "./types.ts";
export { compile } from "./compiler.ts";
export { parse } from "./parser.ts";
export type { ParseResult } from "./parser.ts";
export { runTests, localizeTestResult } from "./testing.ts";
export type { TestRun } from "./testing.ts";
export { format } from "./formatter.ts";
export type { FormatResult } from "./formatter.ts";
export { getCompletions, getHover, getDocumentSymbols, getModuleSymbols, getDefinition } from "./service.ts";
export type { Completion, Hover, DocumentSymbol } from "./service.ts";
export { factLabel } from "./service-zh.ts";
export { getSignatureHelp, callAt } from "./signature-help.ts";
export type { SignatureHelp, Signature, SignatureParameter, CallContext } from "./signature-help.ts";
export { getReferences, getRename, applyReplacements, RESERVED_NAMES } from "./references.ts";
export { suggestedReplacement } from "./quick-fixes.ts";
export type { NameTarget, References, TextReplacement, RenameOutcome } from "./references.ts";
export { Rational } from "./rational.ts";
export { explainText } from "./explain.ts";
export { localizeDiagnostic, localizeError, renderMessage, MESSAGES } from "./messages.ts";
export type { Locale, MessageId, MessageEntry } from "./messages.ts";
export { thresholdTable, parseRosterRange, MAX_TABLE_ROWS } from "./threshold-table.ts";
export type { ThresholdRow, InsightError } from "./threshold-table.ts";
export { semanticDiff, MAX_DIFF_ENTITLED } from "./semantic-diff.ts";
export type { VoteDiff, DiffExample, NeededShift, TallyOutcome } from "./semantic-diff.ts";
export { boundaryThresholds, boundaryHits, boundaryResults } from "./boundary-coverage.ts";
export type { BoundaryThreshold, BoundaryResult, BoundaryPosition } from "./boundary-coverage.ts";
export type { ScorecardDiff, ScorecardExample, ScorecardOutcome, BoundaryShift } from "./scorecard-diff.ts";
export { isStdImport, stdFileName, STD_IMPORT_PREFIX } from "./std-imports.ts";
export { inputProblems } from "./input-validation.ts";
export type { InputProblem } from "./input-validation.ts";
