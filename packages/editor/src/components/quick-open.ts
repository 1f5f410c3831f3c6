/**
 * Quick open (Ctrl+P), as in VS Code: a box at the top of the window listing every rule file, filtered by a fuzzy
 * match on the name as you type (Chinese names too). Arrow keys move, Enter opens, Esc or a click outside closes.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { rankByFuzzyMatch, type FuzzyMatch } from "../fuzzy-match";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** One rule file quick open can go to. */
export interface QuickOpenFile {
  name: string;
  /** Latest stored version, or null for a file never saved. */
  version: number | null;
  /** Whether a tab holds it: open tabs are listed first while the query is empty. */
  open: boolean;
}

/** At most this many rows are drawn: the query narrows hundreds of files quickly. */
const MAX_ROWS = 200;

@customElement("gavel-quick-open")
export class QuickOpen extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { position: fixed; inset: 0; z-index: 2500; pointer-events: none; }
      .box {
        pointer-events: auto;
        position: absolute; top: 8px; left: 50%; transform: translateX(-50%);
        width: min(600px, calc(100vw - 24px));
        background: var(--notification-bg, var(--panel-bg)); color: var(--fg);
        border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3);
        padding: 6px;
      }
      input { width: 100%; height: 26px; }
      ul { max-height: min(420px, 60vh); overflow: auto; margin-top: 6px; }
      li { display: flex; gap: 8px; align-items: baseline; padding: 2px 8px; height: 24px; border-radius: 3px; cursor: pointer; white-space: nowrap; }
      li[aria-selected="true"] { background: var(--selection-bg); }
      li:hover { background: var(--hover-bg); }
      li .name { overflow: hidden; text-overflow: ellipsis; }
      li .detail { color: var(--muted); font-size: 12px; margin-left: auto; }
      mark { background: none; color: var(--accent-text, var(--accent)); font-weight: 700; }
      .note { padding: 4px 8px; }
    `,
  ];

  @state() private visible = false;
  @state() private text = "";
  @state() private selected = 0;
  @state() private files: QuickOpenFile[] = [];
  @query("input") private input?: HTMLInputElement;
  private returnFocus: HTMLElement | null = null;
  private readonly locale = new LocaleController(this);

  /** Shows the box over `files` with an empty query (or brings it back to an empty query when already shown). */
  show(files: QuickOpenFile[]): void {
    this.files = [...files].sort((a, b) => Number(b.open) - Number(a.open) || a.name.localeCompare(b.name));
    if (!this.visible) this.returnFocus = deepActiveElement();
    this.visible = true;
    this.text = "";
    this.selected = 0;
    void this.updateComplete.then(() => this.input?.focus());
  }

  /** Whether the box is showing. */
  get isOpen(): boolean {
    return this.visible;
  }

  /** Hides the box; the focus goes back where it was unless a file is being opened (the editor takes it then). */
  close(restoreFocus = true): void {
    if (!this.visible) return;
    this.visible = false;
    if (restoreFocus) this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private ranked(): { item: QuickOpenFile; match: FuzzyMatch }[] {
    return rankByFuzzyMatch(this.text, this.files, (file) => `${file.name}.gavel`);
  }

  private choose(file: QuickOpenFile | undefined): void {
    if (!file) return;
    this.close(false);
    this.dispatchEvent(new CustomEvent("open-file", { detail: file.name, bubbles: true, composed: true }));
  }

  private onKey(event: KeyboardEvent, count: number): void {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      if (count === 0) return;
      // Arrows wrap around, as in VS Code; Page Up/Down stop at the ends.
      this.selected = Math.abs(step) === 1 ? (this.selected + step + count) % count : Math.max(0, Math.min(count - 1, this.selected + step));
      void this.updateComplete.then(() => this.renderRoot.querySelector("li[aria-selected=true]")?.scrollIntoView({ block: "nearest" }));
    } else if (event.key === "Enter") {
      event.preventDefault();
      this.choose(this.ranked().slice(0, MAX_ROWS)[this.selected]?.item);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }

  private highlighted(name: string, match: FuzzyMatch) {
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of match.ranges) {
      if (start > at) parts.push(name.slice(at, start));
      parts.push(html`<mark>${name.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(name.slice(at));
    return parts;
  }

  override render() {
    if (!this.visible) return nothing;
    const matches = this.ranked();
    const rows = matches.slice(0, MAX_ROWS);
    const selected = Math.min(this.selected, Math.max(0, rows.length - 1));
    return html`<div class="box" role="dialog" aria-label=${t("quickOpen.label")}
        @focusout=${(e: FocusEvent) => {
          // A click outside closes it, as in VS Code; moving within the box does not.
          if (!(e.relatedTarget instanceof Node && this.renderRoot.contains(e.relatedTarget))) this.close(false);
        }}>
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-open-list"
        aria-autocomplete="list"
        aria-label=${t("quickOpen.label")}
        aria-activedescendant=${rows.length > 0 ? `quick-open-${selected}` : nothing}
        placeholder=${t("quickOpen.placeholder")}
        .value=${this.text}
        @input=${(e: Event) => {
          this.text = (e.target as HTMLInputElement).value;
          this.selected = 0;
        }}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, rows.length)}
      />
      <ul id="quick-open-list" role="listbox" aria-label=${t("quickOpen.count", { n: matches.length })}>
        ${rows.map(
          ({ item, match }, index) => html`<li
            id="quick-open-${index}"
            role="option"
            data-name=${item.name}
            aria-selected=${String(index === selected)}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.choose(item)}
          >
            <span class="name">${this.highlighted(`${item.name}.gavel`, match)}</span>
            <span class="detail">${item.open ? t("quickOpen.open") : ""} ${item.version === null ? t("explorer.unsaved") : `v${item.version}`}</span>
          </li>`,
        )}
      </ul>
      ${rows.length === 0 ? html`<div class="note muted" role="status">${t("quickOpen.none")}</div>` : nothing}
    </div>`;
  }
}

/** The focused element, looking inside shadow roots (the explorer's rows live in one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
