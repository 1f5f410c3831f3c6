/**
 * Sign in: each person pastes the token the administrator issued to them, the service is asked whose it is
 * (GET /v1/me), and only a token it accepts is kept; the versions saved with it are recorded under that name.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { t } from "../i18n";
import { setToken } from "../preferences";
import { ApiError } from "../rules-api";
import { whoAmI, type Identity } from "../session-api";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** Why the dialog opened, said above the explanation: on its own at the first visit, or because the service refused. */
export type SignInReason = "welcome" | "save" | "expired";

@customElement("gavel-sign-in-dialog")
export class SignInDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog { background: var(--sidebar-bg); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; padding: 16px 20px; width: 480px; max-width: calc(100vw - 32px); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.3); }
      dialog::backdrop { background: rgba(0, 0, 0, 0.3); }
      h2 { font-size: 15px; margin: 0 0 10px; font-weight: 600; }
      p { margin: 6px 0; }
      .reason { font-weight: 600; }
      code { display: block; font-family: var(--mono-font); font-size: 12px; background: var(--bg); border: 1px solid var(--border); border-radius: 3px; padding: 6px 8px; margin: 4px 0 8px; overflow-wrap: anywhere; }
      label { display: block; margin: 12px 0 4px; }
      input { width: 100%; }
      .message { min-height: 1.4em; margin-top: 6px; font-size: 12px; }
      .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
    `,
  ];

  @query("dialog") private dialog!: HTMLDialogElement;
  @query("#sign-in-token") private tokenInput!: HTMLInputElement;
  @state() private reason: SignInReason = "welcome";
  @state() private checking = false;
  /** What went wrong with the last attempt, in the UI's language (a function: it follows a language switch). */
  @state() private problem: (() => string) | null = null;
  private readonly locale = new LocaleController(this);

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Shows the dialog with an empty field, saying why it opened. */
  async open(reason: SignInReason = "welcome"): Promise<void> {
    this.reason = reason;
    this.problem = null;
    this.checking = false;
    await this.updateComplete;
    this.tokenInput.value = "";
    if (!this.dialog.open) this.dialog.showModal();
    this.tokenInput.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const token = this.tokenInput.value.trim();
    if (!token) return void (this.problem = () => t("signIn.empty"));
    // A token is printable ASCII; anything else (a Chinese character, a curly quote) cannot even go in an HTTP header.
    if (!/^[\x21-\x7e]+$/.test(token)) return void (this.problem = () => t("signIn.invalid"));
    this.checking = true;
    this.problem = null;
    try {
      const identity = await whoAmI(token);
      setToken(token);
      this.dialog.close();
      this.dispatchEvent(new CustomEvent<Identity>("signed-in", { detail: identity, bubbles: true, composed: true }));
    } catch (error) {
      // A 401 is the token itself (unknown or revoked); anything else says nothing about it, so it is not kept either way.
      if (error instanceof ApiError && error.status === 401) this.problem = () => t("signIn.invalid");
      else if (error instanceof TypeError) this.problem = () => t("signIn.failed", { message: t("error.network") });
      else this.problem = () => t("signIn.failed", { message: error instanceof Error ? error.message : String(error) });
      this.tokenInput.select();
    } finally {
      this.checking = false;
    }
  }

  /** Esc and "Read without signing in" both leave the visitor reading; the workbench remembers not to ask at each load. */
  private later(): void {
    if (this.dialog.open) this.dialog.close();
    this.dispatchEvent(new CustomEvent("sign-in-later", { bubbles: true, composed: true }));
  }

  override render() {
    return html`<dialog aria-labelledby="sign-in-title" aria-describedby="sign-in-intro" @cancel=${(e: Event) => (e.preventDefault(), this.later())}>
      <form @submit=${this.submit}>
        <h2 id="sign-in-title">${t("signIn.title")}</h2>
        ${this.reason === "welcome" ? nothing : html`<p class="reason" data-reason=${this.reason}>${t(this.reason === "save" ? "signIn.reason.save" : "signIn.reason.expired")}</p>`}
        <p id="sign-in-intro">${t("signIn.intro")}</p>
        <p>${t("signIn.howTo")}</p>
        <code translate="no">${t("signIn.command")}</code>
        <p class="muted">${t("signIn.keptHere")}</p>
        <label for="sign-in-token">${t("signIn.token")}</label>
        <input id="sign-in-token" type="password" autocomplete="off" spellcheck="false" ?disabled=${this.checking}
          aria-invalid=${this.problem ? "true" : "false"} aria-describedby="sign-in-message" />
        <div id="sign-in-message" class="message ${this.problem ? "error" : "muted"}" role=${this.problem ? "alert" : "status"}>
          ${this.problem ? this.problem() : this.checking ? t("signIn.checking") : ""}
        </div>
        <div class="buttons">
          <button type="button" data-action="sign-in-later" @click=${() => this.later()}>${t("signIn.later")}</button>
          <button class="primary" type="submit" data-action="sign-in" ?disabled=${this.checking}>${t("signIn.submit")}</button>
        </div>
      </form>
    </dialog>`;
  }
}
