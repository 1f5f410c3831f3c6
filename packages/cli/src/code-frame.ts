/** The source line a diagnostic points at, with a caret underline, for people reading a terminal. */
import type { Span } from "@gavel-rules/lang";
import type { Style } from "./style.ts";

// East Asian wide and fullwidth ranges: a Chinese character takes two terminal columns.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Terminal columns a text occupies (wide characters count two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch === "\t" ? 4 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Two lines: the span's first source line and a `^^^` under the span (to the line's end if it spans lines). */
export function codeFrame(source: string, span: Span, style: Style): string[] {
  const text = source.split(/\r?\n/)[span.line - 1];
  if (text === undefined) return [];
  const start = Math.max(0, span.column - 1);
  const end = span.endLine === span.line ? Math.max(start + 1, span.endColumn - 1) : text.length;
  const gutter = String(span.line);
  const pad = " ".repeat(gutter.length);
  const shown = text.replace(/\t/g, "    ");
  const before = displayWidth(text.slice(0, start));
  const carets = Math.max(1, displayWidth(text.slice(start, end)));
  return [`${style.dim(`${gutter} |`)} ${shown}`, `${style.dim(`${pad} |`)} ${" ".repeat(before)}${style.red("^".repeat(carets))}`];
}
