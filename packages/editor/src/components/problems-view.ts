/** The Problems panel: the active file's diagnostics, errors first; click or Enter jumps to the spot. */

import type { Diagnostic, Span } from "@gavel-rules/lang";
import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

@customElement("gavel-problems")
export class ProblemsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 4px 0; }
      li { display: flex; gap: 8px; padding: 2px 16px; cursor: pointer; align-items: baseline; }
      li:hover { background: var(--hover-bg); }
      .icon { width: 14px; flex: none; }
      .code { color: var(--muted); font-family: var(--mono-font); font-size: 12px; }
      .pos { color: var(--muted); font-size: 12px; white-space: nowrap; }
      .note { padding: 4px 16px; }
    `,
  ];

  @property({ attribute: false }) diagnostics: Diagnostic[] = [];
  @property() file = "";
  private readonly locale = new LocaleController(this);

  private reveal(span: Span): void {
    this.dispatchEvent(new CustomEvent("reveal-span", { detail: span, bubbles: true, composed: true }));
  }

  override render() {
    if (this.diagnostics.length === 0) return html`<div class="note muted">${t("problems.none")}</div>`;
    const sorted = [...this.diagnostics].sort(
      (a, b) => (a.severity === b.severity ? a.span.offset - b.span.offset : a.severity === "error" ? -1 : 1),
    );
    return html`<ul role="list" aria-label=${t("panel.problems")}>
      ${sorted.map(
        (d) => html`<li
          class="problem"
          data-severity=${d.severity}
          data-code=${d.code}
          tabindex="0"
          @click=${() => this.reveal(d.span)}
          @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(d.span)}
        >
          <span class="icon ${d.severity}" aria-label=${d.severity}>${d.severity === "error" ? "⊗" : "⚠"}</span>
          <span class="message">${d.message}</span>
          <span class="code">${d.code}</span>
          <span class="pos">${this.file} [${d.span.line}, ${d.span.column}]</span>
        </li>`,
      )}
    </ul>`;
  }
}
