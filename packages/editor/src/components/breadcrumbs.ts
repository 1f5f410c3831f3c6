/** Breadcrumbs above the editor: file › rule › block at the cursor, as in VS Code; a crumb moves the cursor there. */

import type { DocumentSymbol } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { kindGlyph } from "./outline-view";
import { sharedStyles } from "./shared-styles";

@customElement("gavel-breadcrumbs")
export class Breadcrumbs extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; min-width: 0; background: var(--bg); border-bottom: 1px solid var(--border); font-size: 12px; }
      ol { display: flex; align-items: center; gap: 2px; margin: 0; padding: 0 12px; height: 22px; list-style: none; overflow: hidden; white-space: nowrap; }
      li { display: flex; align-items: center; min-width: 0; color: var(--muted); }
      li + li::before { content: "›"; padding: 0 4px; color: var(--muted); }
      button { font: inherit; color: inherit; background: none; border: none; padding: 0 2px; border-radius: 3px; cursor: pointer; display: flex; gap: 4px; align-items: center; min-width: 0; }
      button:hover { color: var(--fg); background: var(--hover-bg); }
      li:last-child, li:last-child button { color: var(--fg); }
      .glyph { color: var(--accent-text, var(--accent)); }
      .name { overflow: hidden; text-overflow: ellipsis; }
    `,
  ];

  /** The file's name as shown (`rule.gavel`). */
  @property() file = "";
  /** The symbols around the cursor, outermost first. */
  @property({ attribute: false }) path: DocumentSymbol[] = [];
  private readonly locale = new LocaleController(this);

  private reveal(symbol: DocumentSymbol): void {
    this.dispatchEvent(new CustomEvent("reveal-span", { detail: symbol.selectionSpan, bubbles: true, composed: true }));
  }

  override render() {
    if (!this.file) return nothing;
    return html`<nav aria-label=${t("breadcrumbs.label")}>
      <ol>
        <li data-crumb="file"><span class="name">${this.file}</span></li>
        ${this.path.map(
          (symbol) => html`<li data-crumb=${symbol.kind}>
            <button data-name=${symbol.name} title=${symbol.label ? `${symbol.name} — ${symbol.label}` : symbol.name} @click=${() => this.reveal(symbol)}>
              <span class="glyph" aria-hidden="true">${kindGlyph[symbol.kind]}</span><span class="name">${symbol.name}</span>
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }
}
