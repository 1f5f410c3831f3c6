/** Try it: a form generated from a rule's inputs, the result with every clause explained, and a picture. */

import type { EvalOutcome, InputInfo, RuleResult, Span } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { approximate, exactText, parseRatio, valueText } from "../exact-display";
import { t, type MessageKey } from "../i18n";
import type { RuleInfo } from "../language/protocol";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";
import type { VoteLines } from "../language/protocol";
import "./vote-chart";
import "./scorecard-chart";
import "./election-chart";
import "./rating-chart";
import "./threshold-table";
import type { TableFinder } from "./threshold-table";
import type { ThresholdRow } from "@gavel-rules/lang";

/** Evaluates a rule of the open file (in the language worker). */
export type RuleEvaluator = (rule: string, input: Record<string, unknown>) => Promise<EvalOutcome>;
/** Finds the quorum and pass lines of a vote for the entered counts. */
export type VoteLineFinder = (rule: string, input: Record<string, unknown>) => Promise<VoteLines>;

/** A worked example from the major-matter vote (roster 30), so a first "Evaluate" shows something meaningful. */
const VOTE_EXAMPLE: Record<string, string> = { entitled: "30", present: "21", yes: "16", no: "5", abstain: "0" };

@customElement("gavel-try")
export class TryView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid; grid-template-columns: minmax(240px, 340px) minmax(0, 1fr); grid-template-rows: minmax(0, 1fr);
        gap: 20px; padding: 8px 0 0 16px; height: 100%;
      }
      /* Form and result scroll apart, so the outcome stays in view while the inputs are filled in. */
      form, section { overflow: auto; min-height: 0; padding-bottom: 8px; }
      section { padding-right: 16px; }
      /* Labels above their fields: a long Chinese label gets the column's whole width instead of being squeezed. */
      form { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px; align-content: start; }
      form label { font-size: 12px; line-height: 1.3; margin-top: 6px; overflow-wrap: anywhere; }
      form label .name { color: var(--muted); font-family: var(--mono-font); white-space: nowrap; }
      form .check { display: flex; align-items: center; gap: 6px; margin-top: 6px; }
      form .check label { margin-top: 0; }
      form input[type="number"], form input[type="text"], form select { width: 100%; }
      .actions { grid-column: 1 / -1; display: flex; gap: 8px; margin-top: 10px; }
      .outcome { font-size: 16px; font-weight: 600; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; white-space: nowrap; }
      .outcome .elected, .outcome .tied, .outcome .ballots { font-size: 13px; font-weight: normal; white-space: normal; }
      .rule-label { font-size: 12px; margin: 2px 0 8px; }
      .badge { padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 13px; }
      .badge.passed { background: #2e7d32; }
      .badge.rejected { background: #c62828; }
      .badge.no_quorum { background: #8d6e00; }
      .badge.grade { background: var(--accent); }
      table { border-collapse: collapse; margin-top: 8px; font-size: 12px; }
      td, th { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
      th { color: var(--muted); font-weight: normal; }
      td.detail, td.text { font-family: var(--mono-font); }
      tr.step { cursor: pointer; }
      tr.step:hover { background: var(--hover-bg); }
      .note { padding: 2px 0; grid-column: 1 / -1; }
      .explanation-title { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: normal; margin: 10px 0 0; }
    `,
  ];

  @property({ attribute: false }) rules: RuleInfo[] = [];
  @property({ type: Boolean }) blocked = false;
  @property({ attribute: false }) evaluator: RuleEvaluator | null = null;
  @property({ attribute: false }) lineFinder: VoteLineFinder | null = null;
  /** The threshold table of a vote (the chair's cheat sheet), shown under its chart. */
  @property({ attribute: false }) tableFinder: TableFinder | null = null;
  @state() private tableRows: ThresholdRow[] = [];
  @state() private selected: string | null = null;
  /** The rule whose inputs the form holds. */
  private formFor: string | null = null;
  @state() private values: Record<string, string> = {};
  @state() private result: RuleResult | null = null;
  @state() private error: string | null = null;
  @state() private lines: VoteLines = { quorum: null, passes: null };
  private readonly locale = new LocaleController(this);

  private get rule(): RuleInfo | undefined {
    return this.rules.find((r) => r.name === this.selected) ?? this.rules[0];
  }

  protected override willUpdate(): void {
    const rule = this.rule;
    if (rule && rule.name !== this.formFor) {
      this.formFor = rule.name;
      this.selected = rule.name;
      this.values = Object.fromEntries(rule.inputs.map((i) => [i.name, this.defaultValue(rule, i)]));
      this.result = null;
      this.error = null;
    }
  }

  /** A first value the rule itself accepts: inside the input's own min and max, so the form can be evaluated at once. */
  private defaultValue(rule: RuleInfo, input: InputInfo): string {
    if (input.type === "boolean") return "false";
    if (input.type === "text") return input.options?.[0] ?? "";
    if (input.type === "tally") return "{}";
    // A list of records is typed as JSON; a date as the browser's date picker gives it (YYYY-MM-DD).
    if (input.type === "list") return "[]";
    if (input.type === "date") return input.optional ? "" : "2026-03-02";
    const example = rule.kind === "vote" ? Number(VOTE_EXAMPLE[input.name] ?? "0") : 0;
    let value = example;
    if (input.min !== undefined) value = Math.max(value, approximate(input.min));
    if (input.max !== undefined) value = Math.min(value, approximate(input.max));
    if (input.type === "count") value = Math.ceil(value);
    return String(value);
  }

  private inputObject(rule: RuleInfo): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const info of rule.inputs) {
      const raw = (this.values[info.name] ?? "").trim();
      if (info.type === "boolean") input[info.name] = raw === "true";
      else if (info.type === "text") input[info.name] = raw;
      else if (info.type === "tally") input[info.name] = parseTally(raw);
      else if (info.type === "list") input[info.name] = parseRecords(raw);
      else if (info.type === "date" && raw !== "") input[info.name] = raw;
      else if (info.type === "ratio" && raw !== "") input[info.name] = parseRatio(raw) ?? raw;
      else if (raw !== "") input[info.name] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    return input;
  }

  private clearResult(): void {
    this.result = null;
    this.error = null;
    this.lines = { quorum: null, passes: null };
  }

  /** Shows the form of `rule` (a rule of the file). */
  select(rule: string): void {
    if (this.rules.some((r) => r.name === rule)) this.selected = rule;
  }

  /** Evaluates the selected rule with the form's values. */
  async evaluate(): Promise<void> {
    const rule = this.rule;
    if (!rule || !this.evaluator) return;
    const input = this.inputObject(rule);
    const outcome = await this.evaluator(rule.name, input);
    if (!outcome.ok) {
      this.result = null;
      this.error = `${outcome.error.code}: ${outcome.error.message}`;
      return;
    }
    this.error = null;
    this.result = outcome.result;
    if (outcome.result.kind === "vote" && this.lineFinder) this.lines = await this.lineFinder(rule.name, input);
    // The cheat sheet covers the rosters up to 60, or up to the one entered when it is larger.
    const roster = outcome.result.kind === "vote" ? outcome.result.facts.entitled : 0;
    this.tableRows = outcome.result.kind === "vote" && this.tableFinder ? ((await this.tableFinder(rule.name, 0, Math.max(60, roster))) ?? []) : [];
  }

  private reveal(span: { line: number; column: number }): void {
    const detail: Partial<Span> = { line: span.line, column: span.column };
    this.dispatchEvent(new CustomEvent("reveal-position", { detail, bubbles: true, composed: true }));
  }

  private field(info: InputInfo) {
    const id = `input-${info.name}`;
    const value = this.values[info.name] ?? "";
    // A changed input makes the shown result stale; an invalid one must not leave it on screen.
    const set = (v: string, field?: HTMLInputElement | HTMLSelectElement) => {
      this.values = { ...this.values, [info.name]: v };
      if (field && !field.checkValidity()) this.clearResult();
    };
    const label = html`<label for=${id}>${info.label && info.label !== info.name ? html`${info.label} <span class="name">${info.name}</span>` : info.name}</label>`;
    if (info.type === "boolean") {
      return html`<div class="check"><input id=${id} name=${info.name} type="checkbox" .checked=${value === "true"}
        @change=${(e: Event) => set(String((e.target as HTMLInputElement).checked))} />${label}</div>`;
    }
    if (info.type === "text" && info.options?.length) {
      return html`${label}<select id=${id} name=${info.name} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${info.options.map((o) => html`<option ?selected=${o === value}>${o}</option>`)}</select>`;
    }
    if (info.type === "list") {
      return html`${label}<textarea id=${id} name=${info.name} rows="4" spellcheck="false"
        placeholder=${`[{${(info.fields ?? []).map((f) => `"${f.name}": …`).join(", ")}}]`}
        .value=${value} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>`;
    }
    if (info.type === "date") {
      return html`${label}<input id=${id} name=${info.name} type="date" .value=${value} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
    }
    const onInput = (e: Event) => set((e.target as HTMLInputElement).value, e.target as HTMLInputElement);
    if (info.type === "ratio") {
      // Text, so that "85%" can be typed; the pattern lets the browser refuse anything else. The rule checks the bounds.
      return html`${label}<input id=${id} name=${info.name} type="text" inputmode="decimal" .value=${value}
        pattern=${RATIO_PATTERN} placeholder="0.85 / 85%" @input=${onInput} />`;
    }
    // Only a hint for the browser's spinner: the rule itself checks the bounds exactly.
    const min = info.min !== undefined ? String(approximate(info.min)) : info.type === "count" ? "0" : undefined;
    const max = info.max !== undefined ? String(approximate(info.max)) : undefined;
    return html`${label}<input id=${id} name=${info.name} type=${info.type === "text" || info.type === "tally" ? "text" : "number"}
      min=${min ?? nothing} max=${max ?? nothing} step=${info.type === "count" ? "1" : "any"}
      .value=${value} @input=${onInput} />`;
  }

  private renderResult(result: RuleResult) {
    if (result.kind === "election" || result.kind === "rating") {
      return html`
        <div class="outcome" role="status" data-outcome=${result.kind === "election" ? result.outcome : result.grade}>
          ${result.kind === "election"
            ? html`${t("try.outcome")}: <span class="badge ${result.outcome === "complete" ? "passed" : result.outcome.startsWith("void") ? "rejected" : "no_quorum"}">${t(`election.outcome.${result.outcome}` as MessageKey)}</span>
                ${result.elected.length ? html`<span class="elected">${t("election.elected")}: ${result.elected.join("、")}</span>` : nothing}
                ${result.tied.length ? html`<span class="tied">${t("election.tied")}: ${result.tied.join("、")}</span>` : nothing}`
            : html`${t("try.grade")}: <span class="badge grade">${result.grade}</span> <span class="muted ballots">${t("rating.ballots", { n: result.ballots })}</span>`}
        </div>
        <div class="rule-label muted">${result.label}</div>
        ${result.kind === "election"
          ? html`<gavel-election-chart .result=${result}></gavel-election-chart>`
          : html`<gavel-rating-chart .result=${result}></gavel-rating-chart>`}
        <h3 class="explanation-title">${t("try.explanation")}</h3>
        <table aria-label=${t("try.explanation")}>
          ${result.explanation.map((step) => html`<tr class="step" tabindex="0" @click=${() => this.reveal(step.span)}
              @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(step.span)}>
            <td>${step.clause}</td><td class="text" translate="no">${step.text}</td><td class="detail">${detailText(step.detail)}</td>
            <td class=${step.result === true ? "ok" : step.result === false ? "error" : ""}>${shown(step.result)}</td></tr>`)}
        </table>`;
    }
    return html`
      <div class="outcome" role="status" data-outcome=${result.kind === "vote" ? result.outcome : String(result.grade)}>
        ${result.kind === "vote"
          ? html`${t("try.outcome")}: <span class="badge ${result.outcome}">${t(`outcome.${result.outcome}` as MessageKey)}</span>`
          : html`${t("try.score")}: <span class="score">${shown(result.score)} / ${shown(result.max)}</span>
              ${result.grade === null ? nothing : html`${t("try.grade")}: <span class="badge grade">${result.grade}</span>`}`}
      </div>
      <div class="rule-label muted">${result.label}</div>
      ${result.kind === "vote"
        ? html`<gavel-vote-chart .entitled=${result.facts.entitled} .present=${result.facts.present} .yes=${result.facts.yes} .lines=${this.lines}></gavel-vote-chart>
            <gavel-threshold-table .rows=${this.tableRows} .label=${result.label} .entitled=${result.facts.entitled}></gavel-threshold-table>`
        : html`<gavel-scorecard-chart .result=${result}></gavel-scorecard-chart>`}
      <h3 class="explanation-title">${t("try.explanation")}</h3>
      <table aria-label=${t("try.explanation")}>
        ${result.explanation.map(
          (step) => html`<tr class="step" tabindex="0" @click=${() => this.reveal(step.span)}
              @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(step.span)}>
            <td>${step.clause}</td>
            <td class="text">${step.text}</td>
            <td class="detail">${detailText(step.detail)}</td>
            <td class=${step.result === true ? "ok" : step.result === false ? "error" : ""}>${shown(step.result)}</td>
          </tr>`,
        )}
        ${result.kind === "scorecard"
          ? result.criteria.map((c) => html`<tr class="criterion"><td>${c.label || c.name}</td><td class="reason" colspan="2">${c.reason}</td><td>${shown(c.points)} / ${shown(c.max)}</td></tr>`)
          : nothing}
      </table>`;
  }

  override render() {
    if (this.blocked) return html`<div class="note error">${t("try.cannot")}</div>`;
    const rule = this.rule;
    if (!rule) return html`<div class="note muted">${t("try.noRules")}</div>`;
    return html`
      <form @submit=${(e: Event) => { e.preventDefault(); void this.evaluate(); }} @invalid=${{ handleEvent: () => this.clearResult(), capture: true }} aria-label=${t("panel.try")}>
        <label for="rule-select">${t("try.rule")}</label>
        <select id="rule-select" @change=${(e: Event) => (this.selected = (e.target as HTMLSelectElement).value)}>
          ${this.rules.map((r) => html`<option value=${r.name} ?selected=${r.name === rule.name}>${r.name}</option>`)}
        </select>
        ${rule.inputs.map((info) => this.field(info))}
        <div class="actions"><button class="primary" type="submit" data-action="evaluate">${t("try.evaluate")}</button></div>
      </form>
      <section aria-live="polite">
        ${this.error ? html`<div class="note error" role="alert"><strong>${t("try.error")}</strong>: ${this.error}</div>` : nothing}
        ${this.result ? this.renderResult(this.result) : nothing}
      </section>`;
  }
}

/** A decimal or a percent, as parseRatio reads it. */
const RATIO_PATTERN = String.raw`\s*[+\-]?(\d+\.?\d*|\.\d+)\s*%?\s*`;

/** A result value, rounded for reading, with the exact fraction on hover. */
function shown(value: Parameters<typeof valueText>[0]) {
  if (typeof value === "boolean") return t(value ? "try.true" : "try.false");
  const exact = exactText(value);
  return exact ? html`<span class="exact" title=${exact}>${valueText(value)}</span>` : valueText(value);
}

/** The votes by candidate typed as JSON ({"王建国": 400}); anything else is passed on for the rule to refuse. */
function parseTally(raw: string): unknown {
  try {
    return JSON.parse(raw === "" ? "{}" : raw);
  } catch {
    return raw;
  }
}

/** A list input typed as JSON; text that is not JSON goes to the rule as it is, which names it INVALID_INPUT. */
function parseRecords(raw: string): unknown {
  try {
    return JSON.parse(raw === "" ? "[]" : raw);
  } catch {
    return raw;
  }
}

/** A clause's worked arithmetic (lang's `20 > 2/3 × 30 = 20 → false`) with its truth value in the UI's language. */
function detailText(detail: string): string {
  return detail.replace(/\b(true|false)\b/g, (value) => t(value === "true" ? "try.true" : "try.false"));
}
