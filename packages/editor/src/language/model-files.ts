/** The link between Monaco models and rule files: a model's URI path is the rule file's name. */

import type { Span } from "@gavel-rules/lang";
import { Range, Uri, type editor } from "monaco-editor/editor";

/** The Monaco URI of a rule file's working copy. */
export function ruleUri(name: string): Uri {
  return Uri.from({ scheme: "gavel", path: `/${name}.gavel` });
}

/** The compile-time file name of a model (what diagnostics and imports refer to), e.g. "major_matter.gavel". */
export function fileOfModel(model: editor.ITextModel): string {
  return model.uri.path.replace(/^\//, "");
}

/** The rule file name of a model: its file without ".gavel". */
export function ruleNameOfModel(model: editor.ITextModel): string {
  return fileOfModel(model).replace(/\.gavel$/, "");
}

/** A Monaco range for a language span (by UTF-16 offsets, which both sides agree on). */
export function rangeOfSpan(model: editor.ITextModel, span: Span): Range {
  const start = model.getPositionAt(span.offset);
  const end = model.getPositionAt(Math.max(span.endOffset, span.offset));
  return new Range(start.lineNumber, start.column, end.lineNumber, end.column);
}
