/** Quick fixes (Ctrl+.): "did you mean …" hints of the compiler become one-click replacements. */

import { suggestedReplacement } from "@gavel-rules/lang/quick-fixes";
import { languages, type editor } from "monaco-editor/editor";
import { t } from "../i18n";
import type { DocumentAnalyzer } from "./document-analyzer";
import { GAVEL_LANGUAGE_ID } from "./gavel-monarch";
import { rangeOfSpan } from "./model-files";

/** Registers the quick-fix provider; it reads the analyzer's latest diagnostics for the model. */
export function registerQuickFixes(analyzer: DocumentAnalyzer): void {
  languages.registerCodeActionProvider(GAVEL_LANGUAGE_ID, {
    provideCodeActions(model: editor.ITextModel, range, context) {
      const analysis = analyzer.analysisOf(model);
      if (!analysis || analysis.version !== model.getVersionId()) return { actions: [], dispose() {} };
      const actions: languages.CodeAction[] = [];
      for (const diagnostic of analysis.diagnostics) {
        const replacement = suggestedReplacement(diagnostic);
        const at = rangeOfSpan(model, diagnostic.span);
        if (!replacement || !at.intersectRanges(range)) continue;
        const marker = context.markers.find((m) => m.code === diagnostic.code && m.startLineNumber === at.startLineNumber && m.startColumn === at.startColumn);
        actions.push({
          title: t("quickfix.replace", { name: replacement }),
          kind: "quickfix",
          isPreferred: true,
          ...(marker ? { diagnostics: [marker] } : {}),
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: at, text: replacement } }] },
        });
      }
      return { actions, dispose() {} };
    },
  }, { providedCodeActionKinds: ["quickfix"] });
}
