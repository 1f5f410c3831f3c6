/** Code lenses: "▶ Run test" above each test block and "▶ Try it" above each rule, as in VS Code's test UI. */

import { Emitter, editor, languages } from "monaco-editor/editor";
import { t } from "../i18n";
import type { DocumentAnalyzer } from "./document-analyzer";
import { GAVEL_LANGUAGE_ID } from "./gavel-monarch";
import { fileOfModel, rangeOfSpan } from "./model-files";

/** Command ids the workbench handles: run one test by name, open Try it on one rule. */
export const RUN_TEST_COMMAND = "gavel.runTest";
export const TRY_RULE_COMMAND = "gavel.tryRule";

/** Registers the lenses; they follow the analyzer's latest check of each model. */
export function registerCodeLenses(analyzer: DocumentAnalyzer): void {
  const changed = new Emitter<languages.CodeLensProvider>();
  const provider: languages.CodeLensProvider = {
    onDidChange: changed.event,
    // Waits for the check of the current text: Monaco keeps showing the old lenses meanwhile, so lines do not jump.
    // Kept while the file has errors too; the commands then show why nothing runs.
    async provideCodeLenses(model, token) {
      const analysis = await analyzer.current(model);
      if (token.isCancellationRequested || model.isDisposed()) return { lenses: [], dispose() {} };
      const own = fileOfModel(model);
      const lenses: languages.CodeLens[] = [
        ...analysis.rules
          .filter((rule) => rule.own)
          .map((rule) => ({
            range: rangeOfSpan(model, { ...rule.span, endOffset: rule.span.offset }),
            command: { id: TRY_RULE_COMMAND, title: `▶ ${t("lens.try")}`, arguments: [own, rule.name] },
          })),
        ...analysis.tests.map((test) => ({
          range: rangeOfSpan(model, { ...test.span, endOffset: test.span.offset }),
          command: { id: RUN_TEST_COMMAND, title: `▶ ${t("lens.runTest")}`, arguments: [own, test.name] },
        })),
      ];
      return { lenses, dispose() {} };
    },
  };
  languages.registerCodeLensProvider(GAVEL_LANGUAGE_ID, provider);
  analyzer.onAnalysis(() => changed.fire(provider));
}

/** Registers the lens commands with their handlers (the workbench's). */
export function registerLensCommands(runTest: (file: string, test: string) => void, tryRule: (file: string, rule: string) => void): void {
  editor.registerCommand(RUN_TEST_COMMAND, (_accessor, file: string, test: string) => runTest(file, test));
  editor.registerCommand(TRY_RULE_COMMAND, (_accessor, file: string, rule: string) => tryRule(file, rule));
}
