/**
 * The explorer: the registry's rule files plus unsaved local ones; open, new, rename (F2), remove (Delete), upload
 * and download.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t } from "../i18n";
import { RULE_NAME_PATTERN } from "../rule-file-transfer";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** One row of the explorer. */
export interface ExplorerFile {
  name: string;
  /** Latest stored version, or null for a file that was never saved. */
  version: number | null;
  dirty: boolean;
}

export { RULE_NAME_PATTERN };

@customElement("gavel-explorer")
export class ExplorerView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      li {
        display: flex;
        align-items: center;
        gap: 6px;
        height: 24px;
        padding: 0 8px 0 20px;
        cursor: pointer;
        white-space: nowrap;
      }
      li:hover { background: var(--hover-bg); }
      li[aria-selected="true"] { background: var(--selection-bg); }
      li .name { flex: 1; overflow: hidden; text-overflow: ellipsis; }
      li .version { font-size: 11px; color: var(--muted); }
      li .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--fg); opacity: 0.7; }
      li .actions { display: none; }
      li:hover .actions, li:focus-within .actions { display: flex; }
      li .actions button { padding: 0 4px; font-size: 12px; }
      .file-icon { color: var(--file-icon, #c586c0); font-weight: 600; font-size: 11px; }
      .note { padding: 6px 20px; font-size: 12px; }
      input.inline { width: 100%; height: 22px; }
      .invalid { outline: 1px solid var(--error); }
    `,
  ];

  @property({ attribute: false }) files: ExplorerFile[] = [];
  @property() activeName: string | null = null;
  @property({ type: Boolean }) offline = false;
  /** Name of the row being renamed, or "" for the new-file row. */
  @state() private editing: string | null = null;
  @state() private draft = "";
  /** The row focused last: it keeps the tree's one Tab stop (roving tabindex), arrows move within. */
  @state() private focusName: string | null = null;

  private readonly locale = new LocaleController(this);

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Starts creating a new file: an inline name box at the top of the list. */
  startNewFile(): void {
    this.editing = "";
    this.draft = "";
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>("input.inline")?.focus());
  }

  private startRename(name: string): void {
    this.editing = name;
    this.draft = name;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>("input.inline")?.select());
  }

  private commitEdit(): void {
    const name = this.draft.trim();
    const from = this.editing;
    if (from === null) return;
    if (!RULE_NAME_PATTERN.test(name) || this.files.some((f) => f.name === name && f.name !== from)) return;
    this.editing = null;
    if (from === "") this.emit("new-file", name);
    else if (from !== name) this.emit("rename-file", { from, to: name });
  }

  private onInlineKey(event: KeyboardEvent): void {
    if (event.key !== "Enter" && event.key !== "Escape") return;
    // The new file's editor takes the focus at once: without this the Enter would also type a newline into it.
    event.preventDefault();
    if (event.key === "Enter") this.commitEdit();
    else this.editing = null;
  }

  private onRowKey(event: KeyboardEvent, file: ExplorerFile): void {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.emit("open-file", file.name);
    } else if (event.key === "F2") {
      event.preventDefault();
      this.startRename(file.name);
    } else if (event.key === "Delete") {
      event.preventDefault();
      this.emit("delete-file", file.name);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const rows = [...this.renderRoot.querySelectorAll<HTMLElement>("li[data-name]")];
      const index = rows.indexOf(event.currentTarget as HTMLElement);
      rows[index + (event.key === "ArrowDown" ? 1 : -1)]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      const rows = [...this.renderRoot.querySelectorAll<HTMLElement>("li[data-name]")];
      rows[event.key === "Home" ? 0 : rows.length - 1]?.focus();
    }
  }

  private inlineInput() {
    const valid = this.draft === "" || RULE_NAME_PATTERN.test(this.draft.trim());
    return html`<input
      class="inline ${valid ? "" : "invalid"}"
      aria-label=${this.editing === "" ? t("prompt.newName") : t("prompt.rename")}
      placeholder=${this.editing === "" ? t("prompt.newName") : ""}
      .value=${this.draft}
      @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
      @keydown=${this.onInlineKey}
      @blur=${() => (this.editing = null)}
    />`;
  }

  /** The row that holds the tree's one Tab stop: the last focused, else the open file, else the first. */
  private tabStop(): string | undefined {
    const names = this.files.map((f) => f.name);
    return [this.focusName, this.activeName].find((name) => name !== null && names.includes(name)) ?? names[0];
  }

  private row(file: ExplorerFile, tabStop: string | undefined) {
    if (this.editing === file.name) return html`<li role="treeitem" aria-level="1">${this.inlineInput()}</li>`;
    return html`<li
      role="treeitem"
      aria-level="1"
      tabindex=${file.name === tabStop ? 0 : -1}
      aria-keyshortcuts="F2 Delete"
      data-name=${file.name}
      aria-selected=${String(file.name === this.activeName)}
      @focus=${() => (this.focusName = file.name)}
      title=${file.version === null ? `${file.name}.gavel — ${t("explorer.unsaved")}` : `${file.name}.gavel — v${file.version}`}
      @click=${() => this.emit("open-file", file.name)}
      @keydown=${(e: KeyboardEvent) => this.onRowKey(e, file)}
    >
      <span class="file-icon" aria-hidden="true">§</span>
      <span class="name">${file.name}.gavel</span>
      <!-- Mouse shortcuts only (F2 and Delete on the row do the same): the tree stays one Tab stop. -->
      <span class="actions">
        <button tabindex="-1" title=${t("explorer.rename")} aria-label=${t("explorer.rename")} @click=${(e: Event) => { e.stopPropagation(); this.startRename(file.name); }}>✎</button>
        <button tabindex="-1" title=${t("explorer.download")} aria-label=${t("explorer.download")} data-action="download" @click=${(e: Event) => { e.stopPropagation(); this.emit("download-file", file.name); }}>⤓</button>
        <button tabindex="-1" title=${t("explorer.delete")} aria-label=${t("explorer.delete")} @click=${(e: Event) => { e.stopPropagation(); this.emit("delete-file", file.name); }}>✕</button>
      </span>
      ${file.dirty ? html`<span class="dot" title=${t("tabs.unsaved")}></span>` : nothing}
      <span class="version">${file.version === null ? "—" : `v${file.version}`}</span>
    </li>`;
  }

  override render() {
    const tabStop = this.tabStop();
    return html`
      <div class="section-title">
        <span class="grow">${t("explorer.title")}</span>
        <button title=${t("explorer.new")} aria-label=${t("explorer.new")} data-action="new" @click=${() => this.startNewFile()}>+</button>
        <button title=${t("explorer.upload")} aria-label=${t("explorer.upload")} data-action="upload" @click=${() => this.emit("upload-files", null)}>⤒</button>
        <button title=${t("explorer.refresh")} aria-label=${t("explorer.refresh")} @click=${() => this.emit("refresh", null)}>⟳</button>
      </div>
      ${this.offline ? html`<div class="note warning">${t("explorer.offline")}</div>` : nothing}
      <ul role="tree" aria-label=${t("explorer.title")}>
        ${this.editing === "" ? html`<li role="treeitem" aria-level="1">${this.inlineInput()}</li>` : nothing}
        ${this.files.map((file) => this.row(file, tabStop))}
      </ul>
      ${this.files.length === 0 && this.editing !== "" ? html`<div class="note muted">${t("explorer.empty")}</div>` : nothing}
    `;
  }
}
