/** Where the cursor is in a file's outline, for the breadcrumbs. */

import type { DocumentSymbol } from "@gavel-rules/lang";

/** The innermost symbols around `offset`, outermost first: rule › member, or a test. */
export function symbolPathAt(symbols: readonly DocumentSymbol[], offset: number): DocumentSymbol[] {
  const path: DocumentSymbol[] = [];
  let level: readonly DocumentSymbol[] = symbols;
  for (;;) {
    const hit = level.find((s) => s.span.offset <= offset && offset <= s.span.endOffset);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}
