/**
 * Quick fixes shared by the editor and `gavel lsp`: "did you mean …" hints of the checker become one-click replacements.
 * No runtime imports, so the editor's main thread can load it (subpath `@gavel-rules/lang/quick-fixes`) without the compiler.
 */

import type { Diagnostic } from "../types.ts";

/** The replacement a diagnostic suggests: the closest known name the checker put in its `hint` argument. */
export function suggestedReplacement(diagnostic: Diagnostic): string | undefined {
  const hint = diagnostic.args?.["hint"];
  return typeof hint === "string" && hint !== "" ? hint : undefined;
}
