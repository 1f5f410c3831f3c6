/**
 * The Monaco host. Light DOM on purpose: Monaco injects its CSS into the document head and listens for mouse
 * events on the document, both of which a shadow root would cut off (no gutter, no squiggles, no hover).
 */

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type * as Monaco from "monaco-editor/editor";
import { t } from "../i18n";
import { getTheme, isDarkTheme, onThemeChange, setTheme, type Theme } from "../preferences";
import { LocaleController } from "./locale-controller";

type MonacoApi = typeof Monaco;

/** The two sides of the split editor; "left" is the only one while the editor is not split. */
export type EditorSide = "left" | "right";

@customElement("gavel-code-editor")
export class CodeEditor extends LitElement {
  /** The Monaco API, set once it has loaded. */
  @property({ attribute: false }) monaco: MonacoApi | null = null;
  @state() private hasModel = false;
  /** The diff bar's title, in the UI's language at each render (a language switch renames an open diff). */
  @state() private diffTitle: (() => string) | null = null;
  /** True while the welcome screen borrows an empty editor so that the command palette has one to live in. */
  @state() private paletteHost = false;
  private placeholder: Monaco.editor.ITextModel | null = null;

  /** The code editor, once Monaco has loaded (the left side when split). */
  editor: Monaco.editor.IStandaloneCodeEditor | null = null;
  /** The split editor's right side: created on the first split and kept (hidden, without a model) after it closes. */
  rightEditor: Monaco.editor.IStandaloneCodeEditor | null = null;
  @state() private splitOpen = false;
  /** The side that had the focus last: saves, Go to and the status bar follow it. */
  @state() focusedSide: EditorSide = "left";
  private diffEditor: Monaco.editor.IStandaloneDiffEditor | null = null;
  private diffOriginal: Monaco.editor.ITextModel | null = null;
  /** The right side when it is a stored version rather than the working copy. */
  private diffModified: Monaco.editor.ITextModel | null = null;
  /** The open diff's view model: made here so that closing the diff can dispose it (see closeDiff). */
  private diffViewModel: Monaco.editor.IDiffEditorViewModel | null = null;
  private unsubscribeTheme?: () => void;
  private readonly locale = new LocaleController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeTheme = onThemeChange((theme) => this.monaco?.editor.setTheme(monacoTheme(theme)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeTheme?.();
  }

  protected override updated(): void {
    if (this.monaco && !this.editor) this.createEditor(this.monaco);
    this.nameSides();
  }

  /** Each side's accessible name, in the UI's language; the sides are told apart only while split. */
  private nameSides(): void {
    const left = this.splitOpen ? t("split.leftLabel") : t("editor.label");
    if (this.editor && this.editor.getRawOptions().ariaLabel !== left) this.editor.updateOptions({ ariaLabel: left });
    if (this.rightEditor && this.rightEditor.getRawOptions().ariaLabel !== t("split.rightLabel")) this.rightEditor.updateOptions({ ariaLabel: t("split.rightLabel") });
  }

  /** A Monaco code editor in `host` with the workbench's options, reporting its cursor and focus as `side`. */
  private createCodeEditor(monaco: MonacoApi, host: HTMLElement, side: EditorSide): Monaco.editor.IStandaloneCodeEditor {
    const editor = monaco.editor.create(host, {
      model: null,
      theme: monacoTheme(getTheme()),
      automaticLayout: true,
      fontFamily: "var(--mono-font)",
      fontSize: 14,
      minimap: { enabled: true },
      renderWhitespace: "selection",
      tabSize: 2,
      insertSpaces: true,
      bracketPairColorization: { enabled: true },
      "semanticHighlighting.enabled": false,
      fixedOverflowWidgets: true,
      // Chinese labels legitimately use full-width punctuation; outside strings the compiler reports it anyway.
      unicodeHighlight: { ambiguousCharacters: false },
      // Sticky scroll from indentation, not from document symbols: those cost the worker a parse per keystroke.
      stickyScroll: { enabled: true, defaultModel: "indentationModel" },
      ariaLabel: side === "left" ? t("editor.label") : t("split.rightLabel"),
    });
    editor.onDidChangeCursorPosition((e) => {
      if (this.focusedSide === side) this.emitCursor(e.position);
    });
    editor.onDidFocusEditorWidget(() => {
      if (this.focusedSide === side) return;
      this.focusedSide = side;
      const position = editor.getPosition();
      if (position) this.emitCursor(position);
      this.dispatchEvent(new CustomEvent("editor-focus", { detail: side }));
    });
    return editor;
  }

  private emitCursor(position: Monaco.IPosition): void {
    this.dispatchEvent(new CustomEvent("cursor-change", { detail: { line: position.lineNumber, column: position.column } }));
  }

  private createEditor(monaco: MonacoApi): void {
    this.editor = this.createCodeEditor(monaco, this.querySelector<HTMLElement>(".monaco-host.left")!, "left");
    this.followMonacoTheme(this.editor);
    this.dispatchEvent(new CustomEvent("editor-ready", { detail: this.editor }));
  }

  /** The editor of the side that had the focus last (the left one when not split). */
  get activeEditor(): Monaco.editor.IStandaloneCodeEditor | null {
    return this.splitOpen && this.focusedSide === "right" ? this.rightEditor : this.editor;
  }

  /** Every code editor created so far (workbench commands are added to each). */
  get editors(): Monaco.editor.IStandaloneCodeEditor[] {
    return [this.editor, this.rightEditor].filter((e): e is Monaco.editor.IStandaloneCodeEditor => e !== null);
  }

  /** Whether the editor is split in two. */
  get split(): boolean {
    return this.splitOpen;
  }

  /**
   * Splits the editor: `model` (the same model object as the left side's, when the same file) opens on the right and
   * gets the focus. Both sides edit one model, so undo, dirty markers and squiggles are shared.
   */
  async openSplit(model: Monaco.editor.ITextModel, readOnly: boolean): Promise<void> {
    const monaco = this.monaco;
    if (!monaco) return;
    this.closeDiff();
    const wasOpen = this.splitOpen;
    this.splitOpen = true;
    await this.updateComplete;
    if (!this.rightEditor) {
      this.rightEditor = this.createCodeEditor(monaco, this.querySelector<HTMLElement>(".monaco-host.right")!, "right");
      this.dispatchEvent(new CustomEvent("editor-ready", { detail: this.rightEditor }));
    }
    const left = this.editor;
    this.rightEditor.setModel(model);
    this.rightEditor.updateOptions({ readOnly });
    // The new side starts where the left one is, as VS Code's split does.
    if (!wasOpen && left?.getModel() === model) {
      const state = left.saveViewState();
      if (state) this.rightEditor.restoreViewState(state);
    }
    this.rightEditor.layout();
    this.editor?.layout();
    this.rightEditor.focus();
  }

  /** Shows `model` on one side (the right one only while split). */
  setSideModel(side: EditorSide, model: Monaco.editor.ITextModel | null, readOnly: boolean): void {
    if (side === "right" && this.splitOpen && this.rightEditor) {
      this.closeDiff();
      this.rightEditor.setModel(model);
      this.rightEditor.updateOptions({ readOnly });
      if (model) this.rightEditor.focus();
      return;
    }
    this.setModel(model);
    this.editor?.updateOptions({ readOnly });
  }

  /** Back to one editor: the right side loses its model and the left one gets the focus. */
  closeSplit(): void {
    if (!this.splitOpen) return;
    this.splitOpen = false;
    this.focusedSide = "left";
    this.rightEditor?.setModel(null);
    void this.updateComplete.then(() => {
      this.editor?.layout();
      if (this.hasModel) this.editor?.focus();
    });
    const position = this.editor?.getPosition();
    if (position) this.emitCursor(position);
    this.dispatchEvent(new CustomEvent("editor-focus", { detail: "left" }));
  }

  /**
   * Monaco's own "Toggle High Contrast Theme" (palette) switches only Monaco's theme: follow it with the whole
   * workbench. Monaco marks its theme's type as a class on the editor's node ("hc-black", "hc-light", "vs", "vs-dark");
   * that node is rebuilt with each model, so the observer moves along.
   */
  private followMonacoTheme(editor: Monaco.editor.IStandaloneCodeEditor): void {
    const sync = (node: HTMLElement) => {
      const highContrast = node.classList.contains("hc-black") ? "hc-dark" : node.classList.contains("hc-light") ? "hc-light" : null;
      const current = getTheme();
      if (highContrast && current !== highContrast) setTheme(highContrast);
      else if (!highContrast && current.startsWith("hc-") && (node.classList.contains("vs") || node.classList.contains("vs-dark"))) {
        setTheme(node.classList.contains("vs-dark") ? "dark" : "light");
      }
    };
    const observer = new MutationObserver((records) => sync(records[0]!.target as HTMLElement));
    const attach = () => {
      observer.disconnect();
      const node = editor.getDomNode();
      if (node) observer.observe(node, { attributes: true, attributeFilter: ["class"] });
    };
    editor.onDidChangeModel(attach);
    attach();
  }

  /** Shows `model` in the editor (null: the welcome page). */
  setModel(model: Monaco.editor.ITextModel | null): void {
    this.closeDiff();
    this.editor?.setModel(model);
    this.hasModel = model !== null;
    this.paletteHost = false;
    if (model) this.editor?.focus();
  }

  /**
   * Opens Monaco's command palette. Its quick input needs a focused editor, so on the welcome screen (no file open)
   * the editor gets an empty read-only model and becomes focusable under the welcome page, which covers it.
   */
  openCommandPalette(): void {
    const editor = this.editor;
    const monaco = this.monaco;
    if (!editor || !monaco) return;
    if (!this.hasModel && this.diffTitle === null) {
      this.placeholder ??= monaco.editor.createModel("", "plaintext", monaco.Uri.from({ scheme: "gavel-welcome", path: "/welcome" }));
      editor.setModel(this.placeholder);
      editor.updateOptions({ readOnly: true });
      this.paletteHost = true;
      // The host becomes focusable only once Lit has rendered it visible.
      void this.updateComplete.then(() => {
        editor.focus();
        editor.trigger("workbench", "editor.action.quickCommand", null);
      });
      return;
    }
    const target = this.diffView?.getModifiedEditor() ?? this.activeEditor ?? editor;
    target.focus();
    target.trigger("workbench", "editor.action.quickCommand", null);
  }

  /**
   * Replaces the editor with a side-by-side diff of `originalText` (left, read-only) and `modified` (right): the
   * working copy (editable), or the text of another stored version (read-only).
   */
  showDiff(originalText: string, modified: Monaco.editor.ITextModel | string, title: () => string): void {
    const monaco = this.monaco;
    if (!monaco) return;
    this.closeDiff();
    this.diffTitle = title;
    const versionModel = (text: string) => monaco.editor.createModel(text, "gavel", monaco.Uri.from({ scheme: "gavel-version", path: `/${crypto.randomUUID()}.gavel` }));
    this.diffOriginal = versionModel(originalText);
    this.diffModified = typeof modified === "string" ? versionModel(modified) : null;
    const diffEditor = this.ensureDiffEditor(monaco);
    diffEditor.updateOptions({ readOnly: typeof modified === "string", originalEditable: false });
    this.diffViewModel = diffEditor.createViewModel({ original: this.diffOriginal, modified: this.diffModified ?? (modified as Monaco.editor.ITextModel) });
    diffEditor.setModel(this.diffViewModel);
  }

  /**
   * The one diff editor of the page, created on first use and never disposed. Monaco's standalone diff editor installs
   * its own services as the global hover-delegate factory; once disposed, every later palette, quick pick or
   * suggest widget fails with "InstantiationService has been disposed" (microsoft/monaco-editor#4612).
   */
  private ensureDiffEditor(monaco: MonacoApi): Monaco.editor.IStandaloneDiffEditor {
    if (this.diffEditor) return this.diffEditor;
    this.diffEditor = monaco.editor.createDiffEditor(this.querySelector<HTMLElement>(".diff-host")!, {
      automaticLayout: true,
      originalEditable: false,
      renderSideBySide: true,
      fontSize: 14,
    });
    // Monaco's diff editor re-derives both sides' options on each of its option or layout changes and drops
    // originalAriaLabel/modifiedAriaLabel then, leaving two unnamed text fields (axe: aria-input-field-name).
    // Name each side again whenever its configuration changes, in the UI's language of the moment.
    const sides = [
      [this.diffEditor.getOriginalEditor(), "diff.originalLabel"],
      [this.diffEditor.getModifiedEditor(), "diff.modifiedLabel"],
    ] as const;
    for (const [side, key] of sides) {
      const name = () => {
        if (side.getRawOptions().ariaLabel !== t(key)) side.updateOptions({ ariaLabel: t(key) });
      };
      name();
      side.onDidChangeConfiguration(name);
    }
    return this.diffEditor;
  }

  /** The diff editor while the diff view shows (the user's side is editable when it is the working copy). */
  get diffView(): Monaco.editor.IStandaloneDiffEditor | null {
    return this.diffTitle === null ? null : this.diffEditor;
  }

  /** Leaves the diff view and returns to the editor. */
  closeDiff(): void {
    if (this.diffEditor && this.diffTitle !== null) {
      this.diffEditor.setModel(null);
      // Monaco keeps a reference to every view model it is given and never lets go of it, so a diff still being
      // computed would go on after the close and, once its texts are disposed, fail with "no diff result available".
      // Disposing our view model first cancels that computation.
      this.diffViewModel?.dispose();
      this.diffOriginal?.dispose();
      this.diffModified?.dispose();
      this.diffViewModel = null;
      this.diffOriginal = null;
      this.diffModified = null;
    }
    if (this.diffTitle !== null) {
      this.diffTitle = null;
      this.dispatchEvent(new CustomEvent("diff-closed"));
    }
  }

  /** Whether the diff view is showing. */
  get diffing(): boolean {
    return this.diffTitle !== null;
  }

  override render() {
    const split = this.splitOpen && this.diffTitle === null;
    this.classList.toggle("split", split);
    return html`
      <div class="monaco-host left ${split && this.focusedSide === "left" ? "focused-side" : ""}"
        style=${(this.hasModel || this.paletteHost) && this.diffTitle === null ? "" : "visibility:hidden"}></div>
      <div class="monaco-host right ${split && this.focusedSide === "right" ? "focused-side" : ""}" ?hidden=${!split}></div>
      ${this.hasModel || this.diffTitle !== null
        ? nothing
        : html`<div class="welcome">
            <h1>${t("welcome.title")}</h1>
            <p>${t("welcome.body")}</p>
            <p>${t("welcome.shortcuts")}</p>
          </div>`}
      ${this.diffTitle === null
        ? nothing
        : html`<div class="diff-bar"><strong>${this.diffTitle()}</strong>
              <button data-action="close-diff" @click=${() => this.closeDiff()}>${t("history.close")}</button></div>`}
      <div class="diff-host" ?hidden=${this.diffTitle === null}></div>
    `;
  }
}

/** Monaco's theme for a workbench theme: ours for light and dark, Monaco's own high-contrast themes. */
function monacoTheme(theme: Theme): string {
  switch (theme) {
    case "dark":
      return "gavel-dark";
    case "hc-dark":
      return "hc-black";
    case "hc-light":
      return "hc-light";
    default:
      return "gavel-light";
  }
}

