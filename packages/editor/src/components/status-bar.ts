/** The status bar: cursor position, error and warning counts, language, saved version, who is signed in, UI language and theme. */

import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import type { Identity } from "../session-api";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

@customElement("gavel-status-bar")
export class StatusBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; align-items: stretch; background: var(--status-bg); color: var(--status-fg); font-size: 12px; padding: 0 6px; }
      button, span.item { color: var(--status-fg); border-radius: 0; padding: 0 8px; display: flex; align-items: center; gap: 4px; height: 22px; white-space: nowrap; }
      button:hover { background: rgba(255, 255, 255, 0.12); }
      .grow { flex: 1; }
      .message { overflow: hidden; text-overflow: ellipsis; }
    `,
  ];

  @property({ type: Boolean }) hasFile = false;
  @property({ type: Number }) line = 1;
  @property({ type: Number }) column = 1;
  @property({ type: Number }) errors = 0;
  @property({ type: Number }) warnings = 0;
  @property({ type: Number }) savedVersion: number | null = null;
  @property({ type: Boolean }) dirty = false;
  @property() message = "";
  /** Who is signed in; null shows a Sign in button instead. */
  @property({ attribute: false }) identity: Identity | null = null;
  /** Monaco's own menus are still in the language the page was loaded in: offer the reload that switches them. */
  @property({ type: Boolean }) reloadForLocale = false;
  private readonly locale = new LocaleController(this);

  private emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  override render() {
    const saved = this.savedVersion
      ? this.dirty ? t("status.modified", { v: this.savedVersion }) : t("status.saved", { v: this.savedVersion })
      : t("status.unsaved");
    return html`
      <button data-status="problems" title=${t("panel.problems")} @click=${() => this.emit("show-problems")}>
        <span aria-hidden="true">⊗ <span data-count="errors">${this.errors}</span> ⚠ <span data-count="warnings">${this.warnings}</span></span>
        <span class="sr-only">${t("status.errors", { n: this.errors })}, ${t("status.warnings", { n: this.warnings })}</span>
      </button>
      <span class="item message" role="status" aria-live="polite">${this.message}</span>
      <span class="grow"></span>
      ${this.hasFile
        ? html`<span class="item" data-status="cursor">${t("status.ln", { line: this.line, column: this.column })}</span>
            <span class="item">UTF-8</span>
            <span class="item" data-status="language">gavel</span>
            <button data-status="version" title=${t("activity.history")} @click=${() => this.emit("show-history")}>${saved}</button>`
        : nothing}
      ${this.identity
        ? html`<span class="item" data-status="user" title=${t("status.signedIn", { name: this.identity.name, role: t(`role.${this.identity.role}`) })}>
${this.identity.name} · ${t(`role.${this.identity.role}`)}</span>
            <button data-action="sign-out" @click=${() => this.emit("sign-out")}>${t("status.signOut")}</button>`
        : html`<button data-action="sign-in" @click=${() => this.emit("open-sign-in")}>${t("status.signIn")}</button>`}
      ${this.reloadForLocale
        ? html`<button data-action="reload-locale" title=${t("status.reloadLocaleHelp")} @click=${() => this.emit("reload-locale")}>↻ ${t("status.reloadLocale")}</button>`
        : nothing}
      <button data-status="locale" title=${t("cmd.locale")} @click=${() => this.emit("toggle-locale")}>${t("status.locale")}</button>
      <button data-status="theme" title=${t("status.theme")} aria-label=${t("status.theme")} @click=${() => this.emit("toggle-theme")}>◐</button>
    `;
  }
}
