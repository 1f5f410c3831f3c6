/**
 * Notifications in the lower right corner, as in VS Code: an error or a question stays until the user dismisses it or
 * picks one of its actions. Texts are functions, so a notification follows a switch of the UI language.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** One button of a notification; the notification closes after it runs unless `keepOpen`. */
export interface NotificationAction {
  id: string;
  label: () => string;
  run: () => void;
  primary?: boolean;
  keepOpen?: boolean;
}

/** What to show: a severity, a message in the current language, and optional actions. */
export interface NotificationInit {
  severity: "error" | "warning" | "info";
  message: () => string;
  actions?: NotificationAction[];
  /** Notifications with the same key replace each other (e.g. one "save failed" per file). */
  key?: string;
}

interface ShownNotification extends NotificationInit {
  id: number;
}

@customElement("gavel-notifications")
export class NotificationCenter extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed; right: 12px; bottom: 34px; z-index: 3000;
        display: flex; flex-direction: column; gap: 8px; width: min(460px, calc(100vw - 24px));
        pointer-events: none;
      }
      .note {
        pointer-events: auto;
        background: var(--notification-bg, var(--panel-bg)); color: var(--fg);
        border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 4px;
        box-shadow: 0 2px 8px rgba(0, 0, 0, 0.28); padding: 10px 10px 10px 12px;
      }
      .note[data-severity="error"] { border-left-color: var(--error); }
      .note[data-severity="warning"] { border-left-color: var(--warning); }
      .head { display: flex; gap: 8px; align-items: flex-start; }
      .icon { font-size: 15px; line-height: 1.3; }
      .note[data-severity="error"] .icon { color: var(--error); }
      .note[data-severity="warning"] .icon { color: var(--warning); }
      .message { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
      .actions { display: flex; flex-wrap: wrap; gap: 6px; justify-content: flex-end; margin-top: 8px; }
      .actions button { border-color: var(--input-border); padding: 3px 10px; }
      .actions button.primary { border-color: transparent; }
      .dismiss { padding: 0 4px; line-height: 1.2; }
    `,
  ];

  @state() private shown: ShownNotification[] = [];
  private nextId = 1;
  private readonly locale = new LocaleController(this);

  /** Shows a notification (replacing one with the same key); returns a function that closes it. */
  show(init: NotificationInit): () => void {
    const id = this.nextId++;
    const others = init.key === undefined ? this.shown : this.shown.filter((n) => n.key !== init.key);
    this.shown = [...others, { ...init, id }];
    return () => this.dismiss(id);
  }

  /** Closes every notification with this key. */
  dismissKey(key: string): void {
    this.shown = this.shown.filter((n) => n.key !== key);
  }

  private dismiss(id: number): void {
    this.shown = this.shown.filter((n) => n.id !== id);
  }

  private run(note: ShownNotification, action: NotificationAction): void {
    if (!action.keepOpen) this.dismiss(note.id);
    action.run();
  }

  override render() {
    if (this.shown.length === 0) return nothing;
    return this.shown.map(
      (note) => html`<div class="note" data-severity=${note.severity} data-key=${note.key ?? ""}
        role=${note.severity === "info" ? "status" : "alert"}>
        <div class="head">
          <span class="icon" aria-hidden="true">${note.severity === "error" ? "⊗" : note.severity === "warning" ? "⚠" : "ℹ"}</span>
          <span class="message">${note.message()}</span>
          <button class="dismiss" data-action="dismiss" aria-label=${t("notify.dismiss")} title=${t("notify.dismiss")}
            @click=${() => this.dismiss(note.id)}>✕</button>
        </div>
        ${note.actions?.length
          ? html`<div class="actions">${note.actions.map(
              (action) => html`<button class=${action.primary ? "primary" : ""} data-action=${action.id}
                @click=${() => this.run(note, action)}>${action.label()}</button>`,
            )}</div>`
          : nothing}
      </div>`,
    );
  }
}
