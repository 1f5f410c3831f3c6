/**
 * The bottom panel's tab strip (Problems, Tests, Try it) with its collapse button; the views themselves are slotted in
 * by the workbench. Collapsed, or empty (no file open), it is only the tab strip.
 */

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
      .strip { display: flex; align-items: stretch; padding-right: 8px; }
      [role="tablist"] { display: flex; gap: 4px; padding: 0 12px; align-items: stretch; flex: 1; }
      .toggle { align-self: center; width: 26px; height: 24px; padding: 0; font-size: 14px; color: var(--muted); }
      .toggle:hover { color: var(--fg); }
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
  /** Only the tab strip is shown; selecting a tab or the toggle expands the panel again. */
  @property({ type: Boolean, reflect: true }) collapsed = false;
  /** No file is open, so there is nothing to show (and nothing to collapse). */
  @property({ type: Boolean, reflect: true }) empty = false;
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
    const expanded = !this.collapsed && !this.empty;
    return html`<div class="strip"><div role="tablist" aria-label=${t("panel.label")} @keydown=${this.onKey}>
        ${(["problems", "tests", "try"] as const).map(
          (view) => html`<button role="tab" data-panel=${view} aria-selected=${String(view === this.active)}
              tabindex=${view === this.active ? 0 : -1} @click=${() => this.select(view)}>
            ${t(titles[view])}${view === "problems" && this.problemCount > 0 ? html`<span class="count">${this.problemCount}</span>` : ""}
          </button>`,
        )}
      </div>
      ${this.empty
        ? ""
        : html`<button class="toggle" data-action="toggle-panel" aria-expanded=${String(expanded)}
            title=${t(expanded ? "panel.collapse" : "panel.expand")} aria-label=${t(expanded ? "panel.collapse" : "panel.expand")}
            @click=${() => this.dispatchEvent(new CustomEvent("toggle-panel", { bubbles: true, composed: true }))}>${expanded ? "⌄" : "⌃"}</button>`}</div>
      <div class="body" role="tabpanel" ?hidden=${!expanded}><slot></slot></div>`;
  }
}
