/** The leftmost strip of view buttons (Explorer, Search, Outline, History, Meetings) and Settings, like VS Code's activity bar. */

import { LitElement, css, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t, type MessageKey } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

export type SidebarView = "explorer" | "search" | "outline" | "history" | "meetings";

const icons: Record<SidebarView | "settings", ReturnType<typeof svg>> = {
  explorer: svg`<path d="M6 3h7l5 5v13H6z M13 3v5h5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>`,
  search: svg`<circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M15 15l5.5 5.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  outline: svg`<path d="M4 6h3M10 6h10M4 12h3M10 12h10M4 18h3M10 18h10" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  history: svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M12 7v5l3.5 2.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  meetings: svg`<path d="M4 20v-1.5a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4V20M16 14.5h.5a3.5 3.5 0 0 1 3.5 3.5v2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/><circle cx="9" cy="8.5" r="3" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M15 5.8a3 3 0 1 1 0 5.4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  settings: svg`<circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
};

const labels: Record<SidebarView | "settings", MessageKey> = {
  explorer: "activity.explorer",
  search: "activity.search",
  outline: "activity.outline",
  history: "activity.history",
  meetings: "activity.meetings",
  settings: "activity.settings",
};

@customElement("gavel-activity-bar")
export class ActivityBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        background: var(--activity-bg);
        border-right: 1px solid var(--border);
      }
      button {
        width: 48px;
        height: 48px;
        border: none;
        border-left: 2px solid transparent;
        border-radius: 0;
        color: var(--activity-fg);
        display: grid;
        place-items: center;
      }
      button[aria-pressed="true"] { color: var(--activity-active); border-left-color: var(--activity-active); }
      button:hover { color: var(--activity-active); background: none; }
      .grow { flex: 1; }
      svg { width: 24px; height: 24px; }
    `,
  ];

  /** The open sidebar view, or null when the sidebar is collapsed. */
  @property() active: SidebarView | null = "explorer";

  private readonly locale = new LocaleController(this);

  private button(view: SidebarView | "settings") {
    const pressed = view !== "settings" && this.active === view;
    return html`<button
      aria-label=${t(labels[view])}
      title=${t(labels[view])}
      aria-pressed=${view === "settings" ? "false" : String(pressed)}
      data-view=${view}
      @click=${() => this.dispatchEvent(new CustomEvent("select-view", { detail: view, bubbles: true, composed: true }))}
    ><svg viewBox="0 0 24 24" aria-hidden="true">${icons[view]}</svg></button>`;
  }

  override render() {
    return html`<nav aria-label=${t("activity.bar")} role="toolbar" aria-orientation="vertical">
        ${this.button("explorer")} ${this.button("search")} ${this.button("outline")} ${this.button("history")} ${this.button("meetings")}
      </nav>
      <div class="grow"></div>
      ${this.button("settings")}`;
  }
}
