/** The outline of the active file: rules, inputs, lets, criteria, clauses and tests; click to jump. */

import type { DocumentSymbol, Span } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** The glyph of each kind of symbol, shared by the outline and the breadcrumbs. */
export const kindGlyph: Record<DocumentSymbol["kind"], string> = {
  vote: "⚖", scorecard: "☰", election: "☑", rating: "☺", input: "◇", let: "𝑥", require: "!", criterion: "★", clause: "✓", grade: "▤",
  levels: "≡", test: "⚑",
};

@customElement("gavel-outline")
export class OutlineView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      [role="treeitem"] {
        display: flex; gap: 6px; align-items: center; height: 22px; cursor: pointer; white-space: nowrap; overflow: hidden;
      }
      [role="treeitem"]:hover { background: var(--hover-bg); }
      .glyph { width: 16px; text-align: center; color: var(--accent-text, var(--accent)); }
      .label { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
      .note { padding: 6px 20px; }
    `,
  ];

  @property({ attribute: false }) symbols: DocumentSymbol[] = [];
  private readonly locale = new LocaleController(this);

  private reveal(span: Span): void {
    this.dispatchEvent(new CustomEvent("reveal-span", { detail: span, bubbles: true, composed: true }));
  }

  /** Index (in document order) of the row that holds the tree's one Tab stop; arrows move it. */
  @state() private current = 0;

  /** The symbols in document order with their depth: the tree is drawn flat, its nesting told by aria-level. */
  private rows(): { symbol: DocumentSymbol; depth: number }[] {
    const rows: { symbol: DocumentSymbol; depth: number }[] = [];
    const walk = (symbol: DocumentSymbol, depth: number): void => {
      rows.push({ symbol, depth });
      for (const child of symbol.children) walk(child, depth + 1);
    };
    for (const symbol of this.symbols) walk(symbol, 0);
    return rows;
  }

  private onKey(event: KeyboardEvent, index: number, count: number, symbol: DocumentSymbol): void {
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[event.key];
    if (event.key === "Enter") this.reveal(symbol.selectionSpan);
    if (target === undefined) return;
    event.preventDefault();
    this.current = Math.max(0, Math.min(count - 1, target));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[role=treeitem][tabindex='0']")?.focus());
  }

  private item(symbol: DocumentSymbol, depth: number, index: number, count: number): unknown {
    const current = Math.min(this.current, count - 1);
    return html`<li
      role="treeitem"
      aria-level=${depth + 1}
      aria-expanded=${symbol.children.length > 0 ? "true" : nothing}
      tabindex=${index === current ? 0 : -1}
      style="padding-left:${20 + depth * 14}px"
      @click=${() => {
        this.current = index;
        this.reveal(symbol.selectionSpan);
      }}
      @keydown=${(e: KeyboardEvent) => this.onKey(e, index, count, symbol)}
    >
      <span class="glyph" aria-hidden="true">${kindGlyph[symbol.kind]}</span>
      <span>${symbol.name}</span>
      ${symbol.label ? html`<span class="label">${symbol.label}</span>` : ""}
    </li>`;
  }

  override render() {
    const rows = this.rows();
    return html`<div class="section-title">${t("outline.title")}</div>
      ${this.symbols.length === 0
        ? html`<div class="note muted">${t("outline.empty")}</div>`
        : html`<ul role="tree" aria-label=${t("outline.title")}>${rows.map(({ symbol, depth }, i) => this.item(symbol, depth, i, rows.length))}</ul>`}`;
  }
}
