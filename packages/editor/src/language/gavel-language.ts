/** Registers the gavel language with Monaco: highlighting, configuration and the language-service providers. */

import type { Completion, DocumentSymbol } from "@gavel-rules/lang";
import { editor, languages, Range, Uri, type IPosition, type IRange } from "monaco-editor/editor";
import { getLocale, onLocaleChange, t } from "../i18n";
import { DocumentAnalyzer } from "./document-analyzer";
import { GAVEL_LANGUAGE_ID, gavelLanguageConfiguration, gavelMonarch } from "./gavel-monarch";
import { languageClient } from "./language-client";
import { fileOfModel, rangeOfSpan, ruleUri } from "./model-files";
import { registerCodeLenses } from "./code-lenses";
import { registerQuickFixes } from "./quick-fixes";
import { stdLibrary } from "./std-library";

const completionKinds: Record<Completion["kind"], languages.CompletionItemKind> = {
  keyword: languages.CompletionItemKind.Keyword,
  input: languages.CompletionItemKind.Field,
  let: languages.CompletionItemKind.Variable,
  criterion: languages.CompletionItemKind.Property,
  rule: languages.CompletionItemKind.Function,
  fact: languages.CompletionItemKind.Constant,
  function: languages.CompletionItemKind.Function,
  outcome: languages.CompletionItemKind.EnumMember,
  type: languages.CompletionItemKind.TypeParameter,
};

const symbolKinds: Record<DocumentSymbol["kind"], languages.SymbolKind> = {
  vote: languages.SymbolKind.Class,
  scorecard: languages.SymbolKind.Class,
  election: languages.SymbolKind.Class,
  rating: languages.SymbolKind.Class,
  levels: languages.SymbolKind.EnumMember,
  input: languages.SymbolKind.Field,
  let: languages.SymbolKind.Variable,
  criterion: languages.SymbolKind.Property,
  clause: languages.SymbolKind.Boolean,
  require: languages.SymbolKind.Boolean,
  grade: languages.SymbolKind.Enum,
  test: languages.SymbolKind.Event,
};

function toMonacoSymbol(model: editor.ITextModel, symbol: DocumentSymbol): languages.DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.label ?? "",
    kind: symbolKinds[symbol.kind],
    tags: [],
    range: rangeOfSpan(model, symbol.span),
    selectionRange: rangeOfSpan(model, symbol.selectionSpan),
    children: symbol.children.map((child) => toMonacoSymbol(model, child)),
  };
}

/** Diagnostics in the UI's language: tells the worker, then re-checks the open files. */
function followUiLocale(analyzer: DocumentAnalyzer): void {
  const apply = () => {
    void languageClient.request("setLocale", { locale: getLocale() === "zh-CN" ? "zh" : "en" }).then(() => analyzer.recheckAll());
  };
  onLocaleChange(apply);
  apply();
}

/** Registers gavel once and starts live checking; returns the analyzer that publishes diagnostics. */
export function registerGavelLanguage(): DocumentAnalyzer {
  languages.register({ id: GAVEL_LANGUAGE_ID, extensions: [".gavel"], aliases: ["gavel", "Gavel"] });
  languages.setMonarchTokensProvider(GAVEL_LANGUAGE_ID, gavelMonarch);
  languages.setLanguageConfiguration(GAVEL_LANGUAGE_ID, gavelLanguageConfiguration);

  languages.registerCompletionItemProvider(GAVEL_LANGUAGE_ID, {
    triggerCharacters: ["(", ",", " ", "."],
    async provideCompletionItems(model, position) {
      const items = await languageClient.request("complete", {
        file: fileOfModel(model),
        source: model.getValue(),
        offset: model.getOffsetAt(position),
      });
      // The model may be disposed while the worker answers (a closed tab or diff): answer nothing then.
      if (model.isDisposed()) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range: IRange = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      return {
        suggestions: items.map((item, index) => ({
          label: item.label,
          kind: completionKinds[item.kind] ?? languages.CompletionItemKind.Text,
          detail: item.detail ?? t(`completion.${item.kind}`),
          insertText: item.insertText ?? item.label,
          insertTextRules: item.insertText?.includes("$") ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          sortText: String(index).padStart(4, "0"),
          range,
        })),
      };
    },
  });

  languages.registerSignatureHelpProvider(GAVEL_LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ["(", ","],
    signatureHelpRetriggerCharacters: [":"],
    async provideSignatureHelp(model, position) {
      const help = await languageClient.request("signatureHelp", {
        file: fileOfModel(model),
        source: model.getValue(),
        offset: model.getOffsetAt(position),
      });
      if (!help || model.isDisposed()) return null;
      return {
        value: {
          activeSignature: help.activeSignature,
          activeParameter: help.activeParameter,
          signatures: help.signatures.map((s) => ({
            label: s.label,
            ...(s.documentation !== undefined ? { documentation: s.documentation } : {}),
            parameters: s.parameters.map((p) => ({ label: p.label, ...(p.documentation !== undefined ? { documentation: p.documentation } : {}) })),
          })),
        },
        dispose() {},
      };
    },
  });

  languages.registerHoverProvider(GAVEL_LANGUAGE_ID, {
    async provideHover(model, position) {
      const hover = await languageClient.request("hover", {
        file: fileOfModel(model),
        source: model.getValue(),
        offset: model.getOffsetAt(position),
      });
      if (!hover || model.isDisposed()) return null;
      return { contents: [{ value: hover.contents }], range: rangeOfSpan(model, hover.span) };
    },
  });

  languages.registerDefinitionProvider(GAVEL_LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const definition = await languageClient.request("definition", {
        file: fileOfModel(model),
        source: model.getValue(),
        offset: model.getOffsetAt(position),
      });
      if (!definition || model.isDisposed()) return null;
      const target = definition.file === undefined || definition.file === fileOfModel(model) ? model : modelOfFile(definition.file);
      if (!target) return null;
      return { uri: target.uri, range: rangeOfSpan(target, definition.span) };
    },
  });

  // Names are per file (a rule's members, the file's rules), so references and renames stay in the model asked about.
  languages.registerReferenceProvider(GAVEL_LANGUAGE_ID, {
    async provideReferences(model, position, context) {
      const found = await languageClient.request("references", { file: fileOfModel(model), source: model.getValue(), offset: model.getOffsetAt(position) });
      if (!found || model.isDisposed()) return [];
      const spans = context.includeDeclaration ? found.spans : found.spans.filter((s) => s.offset !== found.declaration?.offset);
      return spans.map((span) => ({ uri: model.uri, range: rangeOfSpan(model, span) }));
    },
  });

  languages.registerRenameProvider(GAVEL_LANGUAGE_ID, {
    async resolveRenameLocation(model, position) {
      const prepared = await languageClient.request("prepareRename", { file: fileOfModel(model), source: model.getValue(), offset: model.getOffsetAt(position) });
      if (model.isDisposed()) return undefined;
      return prepared.ok
        ? { range: rangeOfSpan(model, prepared.span), text: prepared.name }
        : { range: new Range(position.lineNumber, position.column, position.lineNumber, position.column), text: "", rejectReason: prepared.message };
    },
    async provideRenameEdits(model, position, newName) {
      const versionId = model.getVersionId();
      const outcome = await languageClient.request("rename", { file: fileOfModel(model), source: model.getValue(), offset: model.getOffsetAt(position), newName });
      if (model.isDisposed()) return { edits: [] };
      if (!outcome.ok) {
        // Monaco hands a refused rename to its notification service, which the standalone editor never shows.
        showInlineMessage(model, position, outcome.message);
        return { edits: [], rejectReason: outcome.message };
      }
      return {
        edits: outcome.edits.map((e) => ({ resource: model.uri, versionId, textEdit: { range: rangeOfSpan(model, e.span), text: e.newText } })),
      };
    },
  });

  languages.registerDocumentSymbolProvider(GAVEL_LANGUAGE_ID, {
    displayName: "gavel",
    async provideDocumentSymbols(model) {
      const symbols = await languageClient.request("symbols", { source: model.getValue() });
      if (model.isDisposed()) return [];
      return symbols.map((symbol) => toMonacoSymbol(model, symbol));
    },
  });

  languages.registerDocumentFormattingEditProvider(GAVEL_LANGUAGE_ID, {
    displayName: "gavel fmt",
    async provideDocumentFormattingEdits(model) {
      const formatted = await languageClient.request("format", { source: model.getValue() });
      if (model.isDisposed() || !formatted.ok || formatted.text === model.getValue()) return [];
      return [{ range: model.getFullModelRange(), text: formatted.text }];
    },
  });

  const analyzer = new DocumentAnalyzer();
  registerQuickFixes(analyzer);
  registerCodeLenses(analyzer);
  followUiLocale(analyzer);
  return analyzer;
}

/** Shows `text` beside `position` in the editor of `model`, as Monaco does when a rename cannot start there. */
function showInlineMessage(model: editor.ITextModel, position: IPosition, text: string): void {
  const shown = editor.getEditors().filter((e) => e.getModel() === model);
  const target = shown.find((e) => e.hasWidgetFocus()) ?? shown[0];
  const messages = target?.getContribution("editor.contrib.messageController") as { showMessage(message: string, position: IPosition): void } | null | undefined;
  messages?.showMessage(text, position);
}

/** The model of an imported file: std/ files open read-only from the bundled library; others are open rule files. */
function modelOfFile(file: string): editor.ITextModel | null {
  if (!file.startsWith("std/")) return editor.getModel(ruleUri(file.replace(/\.gavel$/, "")));
  const uri = Uri.from({ scheme: STD_SCHEME, path: `/${file}` });
  const source = stdLibrary.get(file);
  return editor.getModel(uri) ?? (source === undefined ? null : editor.createModel(source, GAVEL_LANGUAGE_ID, uri));
}

/** The URI scheme of standard-library files shown in the editor (read-only). */
export const STD_SCHEME = "gavel-std";
