/** The outline of the active file: rules, inputs, lets, criteria, clauses and tests; click to jump. */

import type { DocumentSymbol, Span } from "@gavel-rules/lang";
import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

const kindGlyph: Record<DocumentSymbol["kind"], string> = {
  vote: "⚖", scorecard: "☰", election: "☑", rating: "☺", input: "◇", let: "𝑥", require: "!", criterion: "★", clause: "✓", grade: "▤",
  levels: "≡", test: "⚑",
};

@customElement("gavel-outline")
export class OutlineView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      li > div {
        display: flex; gap: 6px; align-items: center; height: 22px; cursor: pointer; white-space: nowrap; overflow: hidden;
      }
      li > div:hover { background: var(--hover-bg); }
      .glyph { width: 16px; text-align: center; color: var(--accent); }
      .label { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
      .note { padding: 6px 20px; }
    `,
  ];

  @property({ attribute: false }) symbols: DocumentSymbol[] = [];
  private readonly locale = new LocaleController(this);

  private reveal(span: Span): void {
    this.dispatchEvent(new CustomEvent("reveal-span", { detail: span, bubbles: true, composed: true }));
  }

  private item(symbol: DocumentSymbol, depth: number): unknown {
    return html`<li>
        <div
          tabindex="0"
          style="padding-left:${20 + depth * 14}px"
          @click=${() => this.reveal(symbol.selectionSpan)}
          @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(symbol.selectionSpan)}
        >
          <span class="glyph" aria-hidden="true">${kindGlyph[symbol.kind]}</span>
          <span>${symbol.name}</span>
          ${symbol.label ? html`<span class="label">${symbol.label}</span>` : ""}
        </div>
      </li>
      ${symbol.children.map((child) => this.item(child, depth + 1))}`;
  }

  override render() {
    return html`<div class="section-title">${t("outline.title")}</div>
      ${this.symbols.length === 0
        ? html`<div class="note muted">${t("outline.empty")}</div>`
        : html`<ul role="tree">${this.symbols.map((s) => this.item(s, 0))}</ul>`}`;
  }
}
