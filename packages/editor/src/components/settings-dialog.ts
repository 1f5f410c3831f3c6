/** The settings dialog: the API token (kept in localStorage), UI language and theme. */

import { LitElement, css, html } from "lit";
import { customElement, query } from "lit/decorators.js";
import { getLocale, setLocale, t, type Locale } from "../i18n";
import { getTheme, getToken, setTheme, setToken, type Theme } from "../preferences";
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
      label { display: block; margin: 10px 0 4px; }
      input, select { width: 100%; }
      .help { font-size: 12px; margin-top: 4px; }
      .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
    `,
  ];

  @query("dialog") private dialog!: HTMLDialogElement;
  @query("#token") private tokenInput!: HTMLInputElement;
  @query("#locale") private localeSelect!: HTMLSelectElement;
  @query("#theme") private themeSelect!: HTMLSelectElement;
  private readonly locale = new LocaleController(this);

  /** Opens the dialog with the current settings. */
  async open(): Promise<void> {
    await this.updateComplete;
    this.tokenInput.value = getToken();
    this.localeSelect.value = getLocale();
    this.themeSelect.value = getTheme();
    this.dialog.showModal();
    this.tokenInput.focus();
  }

  private save(event: Event): void {
    event.preventDefault();
    setToken(this.tokenInput.value.trim());
    setTheme(this.themeSelect.value as Theme);
    setLocale(this.localeSelect.value as Locale);
    this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="settings-title">
      <form @submit=${this.save}>
        <h2 id="settings-title">${t("settings.title")}</h2>
        <label for="token">${t("settings.token")}</label>
        <input id="token" type="password" autocomplete="off" spellcheck="false" />
        <div class="help muted">${t("settings.tokenHelp")}</div>
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
