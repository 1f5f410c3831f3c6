/**
 * @gavel-rules/lang — the gavel rule language: parse, check, compile, evaluate, test, format,
 * and the language-service queries the editor uses. No DOM and no Node APIs.
 */
export type * from "./types";
export { compile } from "./compiler";
export { parse } from "./parser";
export type { ParseResult } from "./parser";
export { runTests } from "./testing";
export type { TestRun } from "./testing";
export { format } from "./formatter";
export type { FormatResult } from "./formatter";
export { getCompletions, getHover, getDocumentSymbols, getDefinition } from "./service";
export type { Completion, Hover, DocumentSymbol } from "./service";
export { Rational } from "./rational";
export { explainText } from "./explain";
export { localizeDiagnostic, localizeError, renderMessage, MESSAGES } from "./messages";
export type { Locale, MessageId, MessageEntry } from "./messages";
