/** Source spans: where a token, node or diagnostic sits in the text. */

import type { IToken } from "chevrotain";
import type { Span } from "../types.ts";

/** The span of one token (end exclusive). */
export function spanOfToken(t: IToken): Span {
  return {
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endColumn: (t.endColumn ?? t.startColumn ?? 0) + 1,
    offset: t.startOffset,
    endOffset: (t.endOffset ?? t.startOffset) + 1,
  };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  const first = a.offset <= b.offset ? a : b;
  const last = a.endOffset >= b.endOffset ? a : b;
  return { line: first.line, column: first.column, offset: first.offset, endLine: last.endLine, endColumn: last.endColumn, endOffset: last.endOffset };
}

/** Computes a span from offsets by counting lines (used where no token exists). */
export function spanOfOffsets(source: string, start: number, end: number): Span {
  const a = positionAt(source, start);
  const b = positionAt(source, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end };
}

/** 1-based line and column of an offset. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, source.length);
  for (let i = 0; i < limit; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** True when offset lies inside the span (end inclusive, so a cursor right after a name still counts). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.endOffset;
}

export const EMPTY_SPAN: Span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
