/**
 * A vote's threshold table, the chair's cheat sheet: for each roster size, the least present for a quorum and the
 * least yes votes that pass with everyone present (gavel table). Printable: "Print" opens the table alone in a
 * window and prints it. Its rows come from the language worker (the rule as written in the open file).
 */

import type { ThresholdRow } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLocale } from "../i18n";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** Asks for the table of a vote of the open file, rosters from..to (null: not a vote, or the file does not compile). */
export type TableFinder = (rule: string, from: number, to: number) => Promise<ThresholdRow[] | null>;

const TEXT = {
  en: { title: "Threshold table", entitled: "Entitled", quorum: "Quorum: least present", passes: "Passes: least yes (all present)", print: "Print", none: "—" },
  "zh-CN": { title: "门槛表", entitled: "应到人数", quorum: "法定人数：最少实到", passes: "通过：最少赞成票（全体到会）", print: "打印", none: "—" },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

@customElement("gavel-threshold-table")
export class ThresholdTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; margin-top: 10px; font-size: 12px; }
      summary { cursor: pointer; color: var(--muted); }
      table { border-collapse: collapse; margin-top: 6px; }
      th, td { padding: 1px 12px 1px 0; text-align: right; font-variant-numeric: tabular-nums; }
      th { color: var(--muted); font-weight: normal; }
      tr.current td { font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) rows: ThresholdRow[] = [];
  /** The rule's label, the title of the printed page. */
  @property() label = "";
  /** The roster of the evaluated tally, shown in bold. */
  @property({ type: Number }) entitled: number | null = null;
  private readonly locale = new LocaleController(this);

  private get text() {
    return TEXT[getLocale()];
  }

  /** The table alone in a new window, printed from there (the workbench around it is not printed). */
  private print(): void {
    const x = this.text;
    const cell = (v: number | null) => (v === null ? x.none : String(v));
    const body = this.rows.map((r) => `<tr><td>${r.entitled}</td><td>${cell(r.quorum_present)}</td><td>${cell(r.passes_yes)}</td></tr>`).join("");
    const page = window.open("", "_blank");
    if (!page) return;
    page.document.write(
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(this.label)}</title>` +
        `<style>body{font:13px system-ui,sans-serif}table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 10px;text-align:right}</style>` +
        `<h1 style="font-size:16px">${escapeHtml(this.label)} — ${x.title}</h1>` +
        `<table><thead><tr><th>${x.entitled}</th><th>${x.quorum}</th><th>${x.passes}</th></tr></thead><tbody>${body}</tbody></table>`,
    );
    page.document.close();
    page.print();
  }

  override render() {
    if (this.rows.length === 0) return nothing;
    const x = this.text;
    const cell = (v: number | null) => (v === null ? x.none : String(v));
    return html`<details>
      <summary>${x.title}</summary>
      <button type="button" data-action="print-table" @click=${() => this.print()}>${x.print}</button>
      <table aria-label=${x.title} data-table="thresholds">
        <thead><tr><th>${x.entitled}</th><th>${x.quorum}</th><th>${x.passes}</th></tr></thead>
        <tbody>
          ${this.rows.map((r) => html`<tr class=${r.entitled === this.entitled ? "current" : ""}><td>${r.entitled}</td><td>${cell(r.quorum_present)}</td><td>${cell(r.passes_yes)}</td></tr>`)}
        </tbody>
      </table>
    </details>`;
  }
}
