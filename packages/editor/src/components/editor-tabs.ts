/** The row of open files above the editor; a dot marks unsaved changes, like VS Code. */

import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

export interface TabInfo {
  name: string;
  dirty: boolean;
}

@customElement("gavel-tabs")
export class EditorTabs extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; background: var(--tab-bg); border-bottom: 1px solid var(--border); overflow-x: auto; overflow-y: hidden; }
      [role="tab"] {
        display: flex; align-items: center; gap: 6px; height: 35px; padding: 0 8px 0 12px;
        border-right: 1px solid var(--border); cursor: pointer; white-space: nowrap; color: var(--muted);
      }
      [role="tab"][aria-selected="true"] { background: var(--tab-active-bg); color: var(--fg); box-shadow: inset 0 1px 0 var(--accent); }
      /* A mouse target only: a control inside a tab would be a nested interactive element, and the keyboard closes the
         focused tab with Delete (aria-keyshortcuts). */
      .close { width: 20px; height: 20px; padding: 0; display: grid; place-items: center; border-radius: 4px; cursor: pointer; }
      .close:hover { background: var(--hover-bg); }
      .close .x { display: none; }
      .close .dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
      [role="tab"]:hover .close .x, .close.clean .x { display: inline; }
      .close.clean { visibility: hidden; }
      [role="tab"]:hover .close.clean, [role="tab"][aria-selected="true"] .close.clean { visibility: visible; }
      [role="tab"]:hover .close .dot { display: none; }
    `,
  ];

  @property({ attribute: false }) tabs: TabInfo[] = [];
  @property() active: string | null = null;
  private readonly locale = new LocaleController(this);

  private emit(type: string, name: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail: name, bubbles: true, composed: true }));
  }

  private onKey(event: KeyboardEvent, index: number): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>("[role=tab]")];
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const next = tabs[(index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      next?.focus();
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.emit("activate-tab", this.tabs[index]!.name);
    } else if (event.key === "Delete") {
      this.emit("close-tab", this.tabs[index]!.name);
    }
  }

  override render() {
    return html`<div role="tablist" aria-label="Open files" style="display:flex">
      ${this.tabs.map(
        (tab, index) => html`<div
          role="tab"
          tabindex=${tab.name === this.active ? 0 : -1}
          aria-selected=${String(tab.name === this.active)}
          data-name=${tab.name}
          data-dirty=${String(tab.dirty)}
          aria-keyshortcuts="Delete"
          title=${tab.dirty ? `${tab.name}.gavel — ${t("tabs.unsaved")}` : `${tab.name}.gavel`}
          @click=${() => this.emit("activate-tab", tab.name)}
          @mousedown=${swallowMiddle}
          @mouseup=${swallowMiddle}
          @auxclick=${(e: MouseEvent) => {
            if (e.button !== 1) return;
            e.preventDefault();
            this.emit("close-tab", tab.name);
          }}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, index)}
        >
          <span>${tab.name}.gavel</span>${tab.dirty ? html`<span class="sr-only">, ${t("tabs.unsaved")}</span>` : ""}
          <span
            class="close ${tab.dirty ? "dirty" : "clean"}"
            aria-hidden="true"
            title="${t("tabs.close")} ${tab.name}"
            @click=${(e: Event) => { e.stopPropagation(); this.emit("close-tab", tab.name); }}
          >${tab.dirty ? html`<span class="dot"></span>` : ""}<span class="x">✕</span></span>
        </div>`,
      )}
    </div>`;
  }
}

/**
 * A middle click on a tab closes it and does nothing else: on Linux the browser would otherwise paste the primary
 * selection into whatever is focused when the button is released, which is by then the next file's editor.
 */
function swallowMiddle(event: MouseEvent): void {
  if (event.button === 1) event.preventDefault();
}
