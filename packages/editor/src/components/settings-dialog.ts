/** The settings dialog: who is signed in (signing in and out are the sign-in dialog's and the status bar's), UI language and theme. */

import { LitElement, css, html } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { getLocale, setLocale, t, type Locale } from "../i18n";
import { getTheme, setTheme, type Theme } from "../preferences";
import type { Identity } from "../session-api";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

@customElement("gavel-settings-dialog")
export class SettingsDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog { background: var(--sidebar-bg); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; padding: 16px 20px; width: 420px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.3); }
      dialog::backdrop { background: rgba(0, 0, 0, 0.3); }
      h2 { font-size: 15px; margin: 0 0 12px; font-weight: 600; }
      h3.section { font-size: 13px; margin: 0; font-weight: 600; }
      label { display: block; margin: 10px 0 4px; }
      input, select { width: 100%; }
      .account { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
      .account span { flex: 1; }
      .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
    `,
  ];

  @query("dialog") private dialog!: HTMLDialogElement;
  /** Who is signed in, or null. */
  @property({ attribute: false }) identity: Identity | null = null;
  @query("#locale") private localeSelect!: HTMLSelectElement;
  @query("#theme") private themeSelect!: HTMLSelectElement;
  private readonly locale = new LocaleController(this);

  /** Opens the dialog with the current settings. */
  async open(): Promise<void> {
    await this.updateComplete;
    this.localeSelect.value = getLocale();
    this.themeSelect.value = getTheme();
    this.dialog.showModal();
    this.localeSelect.focus();
  }

  private save(event: Event): void {
    event.preventDefault();
    setTheme(this.themeSelect.value as Theme);
    setLocale(this.localeSelect.value as Locale);
    this.dialog.close();
  }

  /** Signing in or out is done by the workbench (the sign-in dialog, the session): this dialog closes and asks for it. */
  private account(request: "open-sign-in" | "sign-out"): void {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent(request, { bubbles: true, composed: true }));
  }

  override render() {
    return html`<dialog aria-labelledby="settings-title">
      <form @submit=${this.save}>
        <h2 id="settings-title">${t("settings.title")}</h2>
        <h3 id="account-title" class="section">${t("settings.account")}</h3>
        <div class="account" role="group" aria-labelledby="account-title">
          ${this.identity
            ? html`<span data-account="signed-in">${t("settings.signedInAs", { name: this.identity.name, role: t(`role.${this.identity.role}`) })}</span>
                <button type="button" data-action="settings-sign-out" @click=${() => this.account("sign-out")}>${t("status.signOut")}</button>`
            : html`<span data-account="signed-out">${t("settings.notSignedIn")}</span>
                <button type="button" data-action="settings-sign-in" @click=${() => this.account("open-sign-in")}>${t("status.signIn")}</button>`}
        </div>
        <label for="locale">${t("settings.locale")}</label>
        <select id="locale"><option value="en">English</option><option value="zh-CN">中文（简体）</option></select>
        <label for="theme">${t("settings.theme")}</label>
        <select id="theme"><option value="light">${t("settings.light")}</option><option value="dark">${t("settings.dark")}</option>
          <option value="hc-dark">${t("settings.hcDark")}</option><option value="hc-light">${t("settings.hcLight")}</option></select>
        <div class="buttons">
          <button type="button" @click=${() => this.dialog.close()}>${t("settings.cancel")}</button>
          <button class="primary" type="submit" data-action="save-settings">${t("settings.save")}</button>
        </div>
      </form>
    </dialog>`;
  }
}
