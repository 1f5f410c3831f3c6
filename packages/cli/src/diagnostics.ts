/** One diagnostic per line, `file:line:col: error|warning CODE message`, the form editors and CI parse. */
import type { Diagnostic } from "@gavel-rules/lang";
import type { Style } from "./style.ts";

/** Formats a diagnostic of a file (shown as `display`), coloured when the style has colour. */
export function formatDiagnostic(diagnostic: Diagnostic, display: string, style: Style): string {
  const { line, column } = diagnostic.span;
  const severity = diagnostic.severity === "error" ? style.red(style.bold("error")) : style.yellow(style.bold("warning"));
  return `${style.bold(`${display}:${line}:${column}`)}: ${severity} ${style.dim(diagnostic.code)} ${diagnostic.message}`;
}
