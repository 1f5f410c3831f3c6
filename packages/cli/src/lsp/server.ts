/**
 * `gavel lsp`: a Language Server Protocol server over the language package's services (the same ones the
 * browser editor runs in its worker), for any editor with an LSP client.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  compile, format, getCompletions, getDefinition, getDocumentSymbols, getHover, getReferences, getRename, getSignatureHelp, prepareRename, localizeTestResult, runTests,
  suggestedReplacement, type CompiledModule, type CompileOptions, type Completion, type Diagnostic, type DocumentSymbol, type ImportResolver,
  type Locale, type Span, type TestResult,
} from "@gavel-rules/lang";
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, ErrorCodes, MessageType, ResponseError, ShowMessageNotification, SymbolKind, TextDocuments,
  TextDocumentSyncKind, type CodeAction, type CodeLens, type CompletionItem, type Connection, type InitializeResult, type Range,
  type SignatureHelp as LspSignatureHelp, type TextEdit, type WorkspaceEdit, type Diagnostic as LspDiagnostic, type DocumentSymbol as LspDocumentSymbol,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { failureMessage } from "../test-report.ts";
import { defaultStdDir, importPath } from "../imports.ts";
import { lspText, type LspText } from "./lsp-text.ts";

/** The command a test's code lens runs: arguments [document uri, test name]. */
export const RUN_TEST_COMMAND = "gavel.runTest";

/** What `workspace/executeCommand` of RUN_TEST_COMMAND answers (the same text also comes as window/showMessage). */
export interface RunTestOutcome {
  name: string;
  passed: boolean;
  /** One line: why it failed, or that it passed. */
  message: string;
}

/** Options of `initialize` a client may send as `initializationOptions`. */
interface GavelInitializationOptions {
  /** "zh" (or "zh-CN", …) for Chinese messages; otherwise English. */
  locale?: string;
}

export interface LanguageServerOptions {
  /** The language of messages unless the client asks for one: the process locale (LANG / LC_ALL / --lang). */
  language: Locale;
  /** Folder for imports of untitled documents. */
  cwd: string;
  /** The standard library folder (`import "std/…"`). */
  stdDir?: string;
}

const COMPLETION_KINDS: Record<Completion["kind"], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  input: CompletionItemKind.Field,
  let: CompletionItemKind.Variable,
  criterion: CompletionItemKind.Property,
  rule: CompletionItemKind.Class,
  fact: CompletionItemKind.Constant,
  function: CompletionItemKind.Function,
  outcome: CompletionItemKind.EnumMember,
  type: CompletionItemKind.TypeParameter,
};

const SYMBOL_KINDS: Record<DocumentSymbol["kind"], SymbolKind> = {
  vote: SymbolKind.Class,
  scorecard: SymbolKind.Class,
  election: SymbolKind.Class,
  rating: SymbolKind.Class,
  levels: SymbolKind.EnumMember,
  input: SymbolKind.Field,
  let: SymbolKind.Variable,
  criterion: SymbolKind.Property,
  clause: SymbolKind.Boolean,
  grade: SymbolKind.Enum,
  require: SymbolKind.Boolean,
  test: SymbolKind.Method,
};

/** The file path of a `file:` URI; undefined for untitled and other schemes. */
function fileOfUri(uri: string): string | undefined {
  return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
}

/** A span as an LSP range: through the document's own text when we have it, else by its 1-based line and column. */
function rangeOf(span: Span, document?: TextDocument): Range {
  if (document) return { start: document.positionAt(span.offset), end: document.positionAt(span.endOffset) };
  return { start: { line: span.line - 1, character: span.column - 1 }, end: { line: span.endLine - 1, character: span.endColumn - 1 } };
}

function localeOf(requested: string | undefined, fallback: Locale): Locale {
  if (requested === undefined || requested === "") return fallback;
  return requested.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Serves gavel documents on `connection` until the client sends `exit`. */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const stdDir = options.stdDir ?? defaultStdDir;
  let locale: Locale = options.language;
  let text: LspText = lspText(locale);

  // Imports read the open document when the imported file is open in the editor (unsaved edits count), else the disk.
  const resolveImport: ImportResolver = (path, fromFile) => {
    const file = importPath(path, fromFile, stdDir, options.cwd);
    if (file === undefined) return undefined;
    const open = documents.get(pathToFileURL(file).href);
    if (open) return { file, source: open.getText() };
    try {
      return { file, source: readFileSync(file, "utf8") };
    } catch {
      return undefined;
    }
  };

  const compileOptions = (document: TextDocument): CompileOptions => {
    const file = fileOfUri(document.uri);
    return { ...(file !== undefined ? { file } : {}), resolveImport, locale };
  };

  // The last compiled document, reused while no open document changed (one may be imported by another).
  let generation = 0;
  let cached: { uri: string; generation: number; locale: Locale; module: CompiledModule } | undefined;
  const compiled = (document: TextDocument): CompiledModule => {
    if (cached?.uri === document.uri && cached.generation === generation && cached.locale === locale) return cached.module;
    const module = compile(document.getText(), compileOptions(document));
    cached = { uri: document.uri, generation, locale, module };
    return module;
  };

  /** This file's diagnostics (problems inside an imported file are reported at its import by the compiler). */
  const ownDiagnostics = (document: TextDocument): Diagnostic[] => {
    const file = fileOfUri(document.uri);
    return compiled(document).diagnostics.filter((d) => d.file === undefined || d.file === file);
  };

  const publish = (document: TextDocument): void => {
    const diagnostics: LspDiagnostic[] = ownDiagnostics(document).map((d) => ({
      range: rangeOf(d.span, document),
      severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: d.code,
      source: "gavel",
      message: d.message,
      ...(suggestedReplacement(d) !== undefined ? { data: { replacement: suggestedReplacement(d) } } : {}),
    }));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as GavelInitializationOptions;
    locale = localeOf(init.locale ?? undefined, options.language);
    text = lspText(locale);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ["(", ","] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ["(", ","] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [RUN_TEST_COMMAND] },
      },
      serverInfo: { name: "gavel" },
    };
  });

  // A change to one file can break or fix the files importing it: check every open document again.
  documents.onDidChangeContent(() => {
    generation++;
    for (const document of documents.all()) publish(document);
  });
  // A closed document is read from the disk again by the files importing it.
  documents.onDidClose(({ document }) => {
    generation++;
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    for (const other of documents.all()) if (other.uri !== document.uri) publish(other);
  });

  const withDocument = <R>(uri: string, answer: (document: TextDocument) => R): R | null => {
    const document = documents.get(uri);
    return document ? answer(document) : null;
  };

  connection.onCompletion(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document): CompletionItem[] =>
      getCompletions(document.getText(), document.offsetAt(position), compileOptions(document)).map((c) => ({
        label: c.label,
        kind: COMPLETION_KINDS[c.kind],
        ...(c.detail !== undefined ? { detail: c.detail } : {}),
        ...(c.insertText !== undefined ? { insertText: c.insertText } : {}),
      })),
    ),
  );

  connection.onHover(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document) => {
      const hover = getHover(document.getText(), document.offsetAt(position), compileOptions(document));
      return hover ? { contents: { kind: "markdown" as const, value: hover.contents }, range: rangeOf(hover.span, document) } : null;
    }),
  );

  // Inside `rule(` the rule's inputs, inside a built-in function its forms; the argument at the cursor is active.
  connection.onSignatureHelp(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document): LspSignatureHelp | null => {
      const help = getSignatureHelp(document.getText(), document.offsetAt(position), compileOptions(document));
      if (!help) return null;
      return {
        activeSignature: help.activeSignature,
        activeParameter: help.activeParameter,
        signatures: help.signatures.map((s) => ({
          label: s.label,
          ...(s.documentation !== undefined ? { documentation: s.documentation } : {}),
          // Offsets in UTF-16 code units of the label, as LSP wants: the same as JavaScript string indexes.
          parameters: s.parameters.map((p) => ({ label: p.label, ...(p.documentation !== undefined ? { documentation: p.documentation } : {}) })),
        })),
      };
    }),
  );

  connection.onDefinition(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document) => {
      const definition = getDefinition(document.getText(), document.offsetAt(position), compileOptions(document));
      if (!definition) return null;
      const own = definition.file === undefined || definition.file === fileOfUri(document.uri);
      const uri = own ? document.uri : pathToFileURL(definition.file!).href;
      return { uri, range: rangeOf(definition.span, own ? document : documents.get(uri)) };
    }),
  );

  connection.onReferences(({ textDocument, position, context }) =>
    withDocument(textDocument.uri, (document) => {
      const references = getReferences(document.getText(), document.offsetAt(position), compileOptions(document));
      if (!references) return [];
      const spans = context.includeDeclaration ? references.spans : references.spans.filter((s) => s.offset !== references.declaration?.offset);
      return spans.map((span) => ({ uri: document.uri, range: rangeOf(span, document) }));
    }),
  );

  connection.onPrepareRename(({ textDocument, position }) =>
    withDocument(textDocument.uri, (document) => {
      const prepared = prepareRename(document.getText(), document.offsetAt(position), compileOptions(document));
      if (prepared.ok) return rangeOf(prepared.span, document);
      // No name here: the client says so itself. A name declared elsewhere: say where to rename it.
      if (prepared.code === "NO_NAME") return null;
      throw new ResponseError(ErrorCodes.InvalidRequest, prepared.message);
    }),
  );

  connection.onRenameRequest(({ textDocument, position, newName }) =>
    withDocument(textDocument.uri, (document): WorkspaceEdit => {
      const outcome = getRename(document.getText(), document.offsetAt(position), newName, compileOptions(document));
      // The client shows a refused rename's message to the author.
      if (!outcome.ok) throw new ResponseError(ErrorCodes.InvalidRequest, outcome.message);
      return { changes: { [document.uri]: outcome.edits.map((e) => ({ range: rangeOf(e.span, document), newText: e.newText })) } };
    }),
  );

  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(textDocument.uri, (document) => {
      const convert = (s: DocumentSymbol): LspDocumentSymbol => ({
        name: s.name,
        kind: SYMBOL_KINDS[s.kind],
        ...(s.label !== undefined ? { detail: s.label } : {}),
        range: rangeOf(s.span, document),
        selectionRange: rangeOf(s.selectionSpan, document),
        children: s.children.map(convert),
      });
      return getDocumentSymbols(document.getText()).map(convert);
    }),
  );

  connection.onDocumentFormatting(({ textDocument }) =>
    withDocument(textDocument.uri, (document): TextEdit[] => {
      const source = document.getText();
      const formatted = format(source);
      // A file with syntax errors is left as it is; its diagnostics say why.
      if (!formatted.ok || formatted.text === source) return [];
      return [{ range: { start: document.positionAt(0), end: document.positionAt(source.length) }, newText: formatted.text }];
    }),
  );

  connection.onCodeAction(({ textDocument, range }) =>
    withDocument(textDocument.uri, (document): CodeAction[] => {
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      const actions: CodeAction[] = [];
      for (const diagnostic of ownDiagnostics(document)) {
        const replacement = suggestedReplacement(diagnostic);
        if (replacement === undefined || diagnostic.span.endOffset < from || diagnostic.span.offset > to) continue;
        const at = rangeOf(diagnostic.span, document);
        actions.push({
          title: text.replaceWith(replacement),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [{ range: at, severity: diagnostic.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, code: diagnostic.code, source: "gavel", message: diagnostic.message }],
          edit: { changes: { [document.uri]: [{ range: at, newText: replacement }] } },
        });
      }
      return actions;
    }),
  );

  // Kept while the file has errors too: running the test then says why it cannot run.
  connection.onCodeLens(({ textDocument }) =>
    withDocument(textDocument.uri, (document): CodeLens[] =>
      compiled(document).tests.map((test) => {
        const start = document.positionAt(test.span.offset);
        return { range: { start, end: start }, command: { title: `▶ ${text.runTest}`, command: RUN_TEST_COMMAND, arguments: [document.uri, test.name] } };
      }),
    ),
  );

  connection.onExecuteCommand(({ command, arguments: args }): RunTestOutcome | null => {
    if (command !== RUN_TEST_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}`);
    const [uri, name] = (args ?? []) as [unknown, unknown];
    const document = typeof uri === "string" ? documents.get(uri) : undefined;
    if (!document || typeof name !== "string") throw new ResponseError(ErrorCodes.InvalidParams, `${RUN_TEST_COMMAND} takes [document uri, test name] of an open document`);
    const outcome = runOneTest(compiled(document), name, locale, text);
    // A notification, not window/showMessageRequest: nothing to answer, and the client need not support requests.
    void connection.sendNotification(ShowMessageNotification.type, { type: outcome.passed ? MessageType.Info : MessageType.Error, message: outcome.message });
    return outcome;
  });

  documents.listen(connection);
  connection.listen();
}

/** Runs exactly the test called `name` and says how it went, evaluation errors in `locale`. */
function runOneTest(module: CompiledModule, name: string, locale: Locale, text: LspText): RunTestOutcome {
  // As `gavel test`: an error in a rule stops the file (an error inside a test block fails that test alone).
  const firstError = module.diagnostics.find((d) => d.severity === "error");
  if (!module.rulesOk && firstError) return { name, passed: false, message: text.cannotRun(name, `${firstError.code} ${firstError.message}`) };
  const [run]: (TestResult | undefined)[] = runTests(module, { name }).results;
  const result = run && localizeTestResult(run, locale);
  if (!result) return { name, passed: false, message: text.noSuchTest(name) };
  return { name, passed: result.passed, message: result.passed ? text.testPassed(name) : text.testFailed(name, failureMessage(result)) };
}
