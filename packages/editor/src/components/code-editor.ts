/**
 * The Monaco host. Light DOM on purpose: Monaco injects its CSS into the document head and listens for mouse
 * events on the document, both of which a shadow root would cut off (no gutter, no squiggles, no hover).
 */

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type * as Monaco from "monaco-editor/editor";
import { t } from "../i18n";
import { getTheme, onThemeChange } from "../preferences";
import { LocaleController } from "./locale-controller";

type MonacoApi = typeof Monaco;

@customElement("gavel-code-editor")
export class CodeEditor extends LitElement {
  /** The Monaco API, set once it has loaded. */
  @property({ attribute: false }) monaco: MonacoApi | null = null;
  @state() private hasModel = false;
  @state() private diffTitle: string | null = null;

  /** The code editor, once Monaco has loaded. */
  editor: Monaco.editor.IStandaloneCodeEditor | null = null;
  private diffEditor: Monaco.editor.IStandaloneDiffEditor | null = null;
  private diffOriginal: Monaco.editor.ITextModel | null = null;
  /** The right side when it is a stored version rather than the working copy. */
  private diffModified: Monaco.editor.ITextModel | null = null;
  private unsubscribeTheme?: () => void;
  private readonly locale = new LocaleController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeTheme = onThemeChange((theme) => this.monaco?.editor.setTheme(theme === "dark" ? "gavel-dark" : "gavel-light"));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeTheme?.();
  }

  protected override updated(): void {
    if (this.monaco && !this.editor) this.createEditor(this.monaco);
  }

  private createEditor(monaco: MonacoApi): void {
    const host = this.querySelector<HTMLElement>(".monaco-host")!;
    this.editor = monaco.editor.create(host, {
      model: null,
      theme: getTheme() === "dark" ? "gavel-dark" : "gavel-light",
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
      ariaLabel: "gavel rule editor",
    });
    this.editor.onDidChangeCursorPosition((e) => {
      this.dispatchEvent(new CustomEvent("cursor-change", { detail: { line: e.position.lineNumber, column: e.position.column } }));
    });
    this.dispatchEvent(new CustomEvent("editor-ready", { detail: this.editor }));
  }

  /** Shows `model` in the editor (null: the welcome page). */
  setModel(model: Monaco.editor.ITextModel | null): void {
    this.closeDiff();
    this.editor?.setModel(model);
    this.hasModel = model !== null;
    if (model) this.editor?.focus();
  }

  /**
   * Replaces the editor with a side-by-side diff of `originalText` (left, read-only) and `modified` (right): the
   * working copy (editable), or the text of another stored version (read-only).
   */
  showDiff(originalText: string, modified: Monaco.editor.ITextModel | string, title: string): void {
    const monaco = this.monaco;
    if (!monaco) return;
    this.closeDiff();
    this.diffTitle = title;
    void this.updateComplete.then(() => {
      const host = this.querySelector<HTMLElement>(".diff-host")!;
      const versionModel = (text: string) => monaco.editor.createModel(text, "gavel", monaco.Uri.from({ scheme: "gavel-version", path: `/${crypto.randomUUID()}.gavel` }));
      this.diffOriginal = versionModel(originalText);
      this.diffModified = typeof modified === "string" ? versionModel(modified) : null;
      this.diffEditor = monaco.editor.createDiffEditor(host, {
        automaticLayout: true,
        readOnly: typeof modified === "string",
        originalEditable: false,
        renderSideBySide: true,
        fontSize: 14,
      });
      this.diffEditor.setModel({ original: this.diffOriginal, modified: this.diffModified ?? (modified as Monaco.editor.ITextModel) });
    });
  }

  /** Leaves the diff view and returns to the editor. */
  closeDiff(): void {
    if (this.diffEditor) {
      this.diffEditor.dispose();
      this.diffEditor = null;
      this.diffOriginal?.dispose();
      this.diffOriginal = null;
      this.diffModified?.dispose();
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
    return html`
      <div class="monaco-host" style=${this.hasModel && this.diffTitle === null ? "" : "visibility:hidden"}></div>
      ${this.hasModel || this.diffTitle !== null
        ? nothing
        : html`<div class="welcome">
            <h1>${t("welcome.title")}</h1>
            <p>${t("welcome.body")}</p>
            <p>${t("welcome.shortcuts")}</p>
          </div>`}
      ${this.diffTitle === null
        ? nothing
        : html`<div class="diff-bar"><strong>${this.diffTitle}</strong>
              <button data-action="close-diff" @click=${() => this.closeDiff()}>${t("history.close")}</button></div>
            <div class="diff-host"></div>`}
    `;
  }
}
