/**
 * Version history of the active rule file: every stored version with its author, each comparable with the editor or
 * with the version before it in a diff, and beside that diff what the change does to outcomes (semantic-diff-view).
 */

import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLocale, t } from "../i18n";
import type { VersionInfo } from "../rules-api";
import type { SemanticDiffer } from "../language/semantic-diff-client";
import { LocaleController } from "./locale-controller";
import type { Comparison } from "./semantic-diff-view";
import { sharedStyles } from "./shared-styles";
import "./semantic-diff-view";

@customElement("gavel-history")
export class HistoryView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      li { display: flex; align-items: center; flex-wrap: wrap; gap: 2px 8px; min-height: 26px; padding: 4px 8px 4px 20px; }
      li:hover { background: var(--hover-bg); }
      li .v { flex: 1 1 100%; min-width: 0; }
      li .actions { display: flex; flex-wrap: wrap; gap: 4px; }
      li button { font-size: 12px; border-color: var(--input-border); }
      li[aria-current="true"] { background: var(--selection-bg); }
      .tag { font-size: 11px; color: var(--muted); }
      .note { padding: 6px 20px; }
      .file { text-transform: none; letter-spacing: 0; }
    `,
  ];

  /** The active rule file, or null. */
  @property() name: string | null = null;
  /** Its latest stored version (0 or null: never saved). */
  @property({ type: Number }) latest: number | null = null;
  /** Who stored each version and when, newest or oldest first (optional). */
  @property({ attribute: false }) versions: VersionInfo[] = [];
  /** The version shown in the diff editor, if any. */
  @property({ type: Number }) comparing: number | null = null;
  /** The two texts of the open diff, for "What changes"; null when no diff is open. */
  @property({ attribute: false }) comparison: Comparison | null = null;
  /** Computes "What changes" (the workbench's semantic-diff worker). */
  @property({ attribute: false }) differ: SemanticDiffer | null = null;

  private readonly locale = new LocaleController(this);

  private compare(version: number): void {
    this.dispatchEvent(new CustomEvent("compare-version", { detail: version, bubbles: true, composed: true }));
  }

  private comparePrevious(version: number): void {
    this.dispatchEvent(new CustomEvent("compare-previous", { detail: version, bubbles: true, composed: true }));
  }

  private who(version: number) {
    const info = this.versions.find((v) => v.version === version);
    if (!info) return "";
    const when = info.createdAt ? new Date(info.createdAt).toLocaleString(getLocale(), { dateStyle: "short", timeStyle: "short" }) : "";
    const by = info.author ? t("history.by", { author: info.author }) : "";
    return html`<br /><span class="tag" data-author=${info.author}>${by}${by && when ? " · " : ""}${when}</span>`;
  }

  override render() {
    const versions = this.latest ? Array.from({ length: this.latest }, (_, i) => this.latest! - i) : [];
    return html`<div class="section-title">${t("history.title")}${this.name ? html`: <span class="file">${this.name}.gavel</span>` : ""}</div>
      ${versions.length === 0
        ? html`<div class="note muted">${t("history.none")}</div>`
        : html`<ul>
            ${versions.map(
              (v) => html`<li aria-current=${String(v === this.comparing)}>
                <span class="v">${t("history.version", { v })}
                  ${v === this.latest ? html`<span class="tag">(${t("history.latest")})</span>` : ""}
                  ${this.who(v)}</span>
                <span class="actions">
                  ${v > 1
                    ? html`<button data-previous=${v} @click=${() => this.comparePrevious(v)} title=${t("history.comparePrevious", { v, p: v - 1 })}
                        aria-label="${t("history.showChanges")} (${t("history.version", { v })})">${t("history.showChanges")}</button>`
                    : ""}
                  <button data-version=${v} @click=${() => this.compare(v)} title=${t("history.compare")}
                    aria-label="${t("history.compareShort")} (${t("history.version", { v })})">${t("history.compareShort")}</button>
                </span>
              </li>`,
            )}
          </ul>`}
      <gavel-semantic-diff .comparison=${this.comparison} .differ=${this.differ}></gavel-semantic-diff>`;
  }
}
