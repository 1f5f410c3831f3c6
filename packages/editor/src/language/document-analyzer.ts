/** Live diagnostics: re-checks a model in the worker on every change and publishes markers and analysis. */

import { MarkerSeverity, editor } from "monaco-editor/editor";
import { languageClient } from "./language-client";
import { GAVEL_LANGUAGE_ID } from "./gavel-monarch";
import { fileOfModel, rangeOfSpan } from "./model-files";
import type { Analysis } from "./protocol";

type Listener = (model: editor.ITextModel, analysis: Analysis) => void;

/** Checks gavel models as they change; at most one check per model is in flight, the newest text always wins. */
export class DocumentAnalyzer {
  private readonly latest = new WeakMap<editor.ITextModel, Analysis>();
  private readonly inFlight = new WeakSet<editor.ITextModel>();
  private readonly listeners = new Set<Listener>();

  constructor() {
    editor.onDidCreateModel((model) => this.watch(model));
    for (const model of editor.getModels()) this.watch(model);
  }

  /** The most recent analysis of a model, if it has been checked. */
  analysisOf(model: editor.ITextModel): Analysis | undefined {
    return this.latest.get(model);
  }

  /** The analysis of the model's current text: at once if checked, else when its check completes. */
  current(model: editor.ITextModel): Promise<Analysis> {
    const latest = this.latest.get(model);
    if (latest && latest.version === model.getVersionId()) return Promise.resolve(latest);
    return new Promise((resolve) => {
      const stop = this.onAnalysis((checked, analysis) => {
        if (checked !== model || analysis.version !== model.getVersionId()) return;
        stop();
        resolve(analysis);
      });
    });
  }

  /** Calls `listener` after every completed check; returns the unsubscribe function. */
  onAnalysis(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks every gavel model again (after the message language or the imported files changed). */
  recheckAll(): void {
    for (const model of editor.getModels()) {
      if (model.getLanguageId() === GAVEL_LANGUAGE_ID) void this.check(model);
    }
  }

  private watch(model: editor.ITextModel): void {
    if (model.getLanguageId() !== GAVEL_LANGUAGE_ID) return;
    model.onDidChangeContent(() => void this.check(model));
    void this.check(model);
  }

  /** Checks the model now unless a check is running; that one re-checks when it sees the text moved on. */
  async check(model: editor.ITextModel): Promise<void> {
    if (this.inFlight.has(model) || model.isDisposed()) return;
    this.inFlight.add(model);
    try {
      let version: number;
      let analysis: Analysis;
      do {
        version = model.getVersionId();
        analysis = await languageClient.request("analyze", { file: fileOfModel(model), source: model.getValue(), version });
      } while (!model.isDisposed() && model.getVersionId() !== version);
      if (model.isDisposed()) return;
      this.publish(model, analysis);
    } catch (error) {
      // A crash of the checker must not look like a clean file: say so where the author looks.
      if (model.isDisposed()) return;
      const message = error instanceof Error ? error.message : String(error);
      const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
      this.publish(model, {
        version: model.getVersionId(),
        diagnostics: [{ severity: "error", code: "CHECKER_FAILED", message: `The checker failed on this text: ${message}`, span }],
        rules: [],
        tests: [],
        symbols: [],
      });
    } finally {
      this.inFlight.delete(model);
    }
  }

  private publish(model: editor.ITextModel, analysis: Analysis): void {
    this.latest.set(model, analysis);
    editor.setModelMarkers(
      model,
      GAVEL_LANGUAGE_ID,
      analysis.diagnostics.map((d) => {
        const range = rangeOfSpan(model, d.span);
        return {
          severity: d.severity === "error" ? MarkerSeverity.Error : MarkerSeverity.Warning,
          code: d.code,
          message: d.message,
          source: "gavel",
          startLineNumber: range.startLineNumber,
          startColumn: range.startColumn,
          // An empty span (at the end of the file) still needs one visible character of squiggle.
          endLineNumber: range.endLineNumber,
          endColumn: range.isEmpty() ? range.endColumn + 1 : range.endColumn,
        };
      }),
    );
    for (const listener of this.listeners) listener(model, analysis);
  }
}
