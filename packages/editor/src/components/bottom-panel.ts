/** The bottom panel's tab strip (Problems, Tests, Try it); the views themselves are slotted in by the workbench. */

import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t, type MessageKey } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

export type PanelView = "problems" | "tests" | "try";

const titles: Record<PanelView, MessageKey> = { problems: "panel.problems", tests: "panel.tests", try: "panel.try" };

@customElement("gavel-bottom-panel")
export class BottomPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: grid; grid-template-rows: 35px minmax(0, 1fr); border-top: 1px solid var(--border); background: var(--panel-bg); min-height: 0; overflow: hidden; }
      [role="tablist"] { display: flex; gap: 4px; padding: 0 12px; align-items: stretch; }
      [role="tab"] {
        border: none; border-radius: 0; border-bottom: 1px solid transparent; text-transform: uppercase; font-size: 11px;
        letter-spacing: 0.04em; color: var(--muted); padding: 0 8px;
      }
      [role="tab"][aria-selected="true"] { color: var(--fg); border-bottom-color: var(--accent); }
      .count { display: inline-block; min-width: 16px; padding: 0 5px; margin-left: 4px; border-radius: 8px; background: var(--hover-bg); font-size: 11px; }
      .body { overflow: auto; min-height: 0; }
    `,
  ];

  @property() active: PanelView = "problems";
  @property({ type: Number }) problemCount = 0;
  private readonly locale = new LocaleController(this);

  private onKey(event: KeyboardEvent): void {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const order: PanelView[] = ["problems", "tests", "try"];
    const next = order[(order.indexOf(this.active) + (event.key === "ArrowRight" ? 1 : 2)) % 3]!;
    this.select(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-panel=${next}]`)?.focus());
  }

  private select(view: PanelView): void {
    this.dispatchEvent(new CustomEvent("select-panel", { detail: view, bubbles: true, composed: true }));
  }

  override render() {
    return html`<div role="tablist" aria-label="Panel" @keydown=${this.onKey}>
        ${(["problems", "tests", "try"] as const).map(
          (view) => html`<button role="tab" data-panel=${view} aria-selected=${String(view === this.active)}
              tabindex=${view === this.active ? 0 : -1} @click=${() => this.select(view)}>
            ${t(titles[view])}${view === "problems" && this.problemCount > 0 ? html`<span class="count">${this.problemCount}</span>` : ""}
          </button>`,
        )}
      </div>
      <div class="body" role="tabpanel"><slot></slot></div>`;
  }
}
