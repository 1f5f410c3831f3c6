/**
 * The row of open files above the editor; a dot marks unsaved changes, like VS Code. The active tab is scrolled into
 * view when the row overflows; tabs reorder by drag and drop or Ctrl+Shift+PageUp/PageDown; the button at the end
 * splits the editor.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
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
      :host { display: flex; background: var(--tab-bg); border-bottom: 1px solid var(--border); min-width: 0; }
      /* The tabs scroll sideways (the wheel too); the split button stays at the end, always visible. */
      .strip { flex: 1; min-width: 0; overflow-x: auto; overflow-y: hidden; scrollbar-width: thin; }
      [role="tablist"] { display: flex; }
      .split { flex: none; width: 35px; height: 35px; border: none; border-left: 1px solid var(--border); background: none; color: var(--muted); cursor: pointer; font-size: 16px; }
      .split:hover { background: var(--hover-bg); color: var(--fg); }
      .split[aria-pressed="true"] { color: var(--fg); }
      [role="tab"].drop-before { box-shadow: inset 2px 0 0 var(--accent); }
      [role="tab"].drop-after { box-shadow: inset -2px 0 0 var(--accent); }
      [role="tab"][data-side="other"] { color: var(--fg); }
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
  /** The file shown in the other side of a split editor (null: not split). */
  @property() other: string | null = null;
  @property({ type: Boolean }) split = false;
  /** Where a dragged tab would land: before or after the tab of this name. */
  @state() private dropAt: { name: string; after: boolean } | null = null;
  private dragged: string | null = null;
  /** A tab moved by the keyboard keeps the focus: focused again once the row shows the new order. */
  private refocus: string | null = null;
  private readonly locale = new LocaleController(this);

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Keeps the active tab in view whenever it or the row changes (many tabs overflow the row). */
  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has("tabs") && this.refocus !== null) {
      this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-name="${CSS.escape(this.refocus)}"]`)?.focus();
      this.refocus = null;
    }
    if (!changed.has("active") && !changed.has("tabs")) return;
    const tab = this.renderRoot.querySelector<HTMLElement>("[role=tab][aria-selected=true]");
    const strip = this.renderRoot.querySelector<HTMLElement>(".strip");
    if (!tab || !strip) return;
    // Scrolls the strip only (scrollIntoView would also scroll the page's own ancestors), by the rendered boxes.
    const box = strip.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    if (at.left < box.left) strip.scrollLeft -= box.left - at.left;
    else if (at.right > box.right) strip.scrollLeft += Math.min(at.right - box.right, at.left - box.left);
  }

  /** The index a tab dropped on `target` gets in the row without the dragged tab. */
  private dropIndex(name: string, target: { name: string; after: boolean }): number {
    const rest = this.tabs.filter((t) => t.name !== name);
    const at = rest.findIndex((t) => t.name === target.name);
    return at < 0 ? rest.length : at + (target.after ? 1 : 0);
  }

  private onDragStart(event: DragEvent, name: string): void {
    this.dragged = name;
    event.dataTransfer?.setData("text/x-gavel-tab", name);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
  }

  private onDragOver(event: DragEvent, name: string): void {
    if (this.dragged === null) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "move";
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const after = event.clientX > box.left + box.width / 2;
    if (this.dropAt?.name !== name || this.dropAt.after !== after) this.dropAt = { name, after };
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    const name = this.dragged;
    const target = this.dropAt;
    this.dragged = null;
    this.dropAt = null;
    if (name !== null && target) this.emit("move-tab", { name, index: this.dropIndex(name, target) });
  }

  private onDragEnd(): void {
    this.dragged = null;
    this.dropAt = null;
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
    } else if ((event.key === "PageUp" || event.key === "PageDown") && event.ctrlKey && event.shiftKey) {
      // Moves the focused tab; the workbench's own shortcut moves the active one while the editor has the focus.
      event.preventDefault();
      event.stopPropagation();
      const to = index + (event.key === "PageUp" ? -1 : 1);
      if (to < 0 || to >= this.tabs.length) return;
      const name = this.tabs[index]!.name;
      this.refocus = name;
      this.emit("move-tab", { name, index: to });
    }
  }

  override render() {
    return html`<div class="strip" @wheel=${onWheel}><div role="tablist" aria-label=${t("tabs.list")} title=${t("tabs.shortcuts")}>
      ${this.tabs.map(
        (tab, index) => html`<div
          role="tab"
          tabindex=${tab.name === this.active ? 0 : -1}
          aria-selected=${String(tab.name === this.active)}
          data-name=${tab.name}
          data-dirty=${String(tab.dirty)}
          data-side=${this.split && tab.name === this.other && tab.name !== this.active ? "other" : nothing}
          class=${this.dropAt?.name === tab.name ? (this.dropAt.after ? "drop-after" : "drop-before") : ""}
          aria-keyshortcuts="Delete Control+Shift+PageUp Control+Shift+PageDown"
          title=${tab.dirty ? `${tab.name}.gavel — ${t("tabs.unsaved")}` : `${tab.name}.gavel`}
          draggable="true"
          @dragstart=${(e: DragEvent) => this.onDragStart(e, tab.name)}
          @dragover=${(e: DragEvent) => this.onDragOver(e, tab.name)}
          @drop=${(e: DragEvent) => this.onDrop(e)}
          @dragend=${() => this.onDragEnd()}
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
    </div></div>
    ${this.tabs.length > 0
      ? html`<button class="split" data-action="split" aria-pressed=${String(this.split)} aria-label=${this.split ? t("split.close") : t("split.open")}
          title=${this.split ? t("split.close") : t("split.open")} @click=${() => this.emit("toggle-split", null)}>◫</button>`
      : nothing}`;
  }
}

/** A vertical wheel scrolls the overflowing row sideways, as in VS Code. */
function onWheel(event: WheelEvent): void {
  const strip = event.currentTarget as HTMLElement;
  if (event.deltaY === 0 || strip.scrollWidth <= strip.clientWidth) return;
  event.preventDefault();
  strip.scrollLeft += event.deltaY;
}

/**
 * A middle click on a tab closes it and does nothing else: on Linux the browser would otherwise paste the primary
 * selection into whatever is focused when the button is released, which is by then the next file's editor.
 */
function swallowMiddle(event: MouseEvent): void {
  if (event.button === 1) event.preventDefault();
}
