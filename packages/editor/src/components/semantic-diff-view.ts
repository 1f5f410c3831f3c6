/**
 * "What changes": beside the History's text diff, what the change does to outcomes, rule by rule — the same
 * semantic diff as `gavel diff`, computed in a worker of its own: for a vote, every tally up to a roster (adjustable),
 * how many change outcome, examples and how the needed counts move; for a scorecard, the band boundaries that move and
 * grid inputs whose score or grade changes; for anything else, why it cannot be compared.
 */

import type { ScorecardDiff, ScorecardOutcome, TallyOutcome, VoteDiff } from "@gavel-rules/lang";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { exactText, valueText } from "../exact-display";
import { getLocale, t } from "../i18n";
import { SupersededError, type SemanticDiffer } from "../language/semantic-diff-client";
import { MAX_EDITOR_DIFF_ENTITLED } from "../language/semantic-diff-limits";
import type { RuleComparison, SemanticDiffReport } from "../language/semantic-diff-report";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** The two texts of a rule file the diff editor shows: `before` on the left, `after` on the right. */
export interface Comparison {
  /** The file name with its extension, for imports and messages. */
  file: string;
  /** Labels are read at each render, so they follow the UI language. */
  before: { label: () => string; source: string };
  /** The working copy's text is read when the comparison runs (it may be edited in the diff). */
  after: { label: () => string; source: () => string };
}

/** The roster the comparison goes up to until the user picks another (as `gavel diff`'s default 0..60). */
export const DEFAULT_DIFF_ENTITLED = 60;

type Status = { kind: "idle" } | { kind: "computing"; to: number } | { kind: "done"; report: SemanticDiffReport } | { kind: "failed"; message: string };

const count = (n: number | string) => (typeof n === "number" ? n : Number(n)).toLocaleString(getLocale());
const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase(getLocale()) + s.slice(1);
/** "Version 2" inside an English sentence reads "version 2". */
const midSentence = (s: string) => (getLocale() === "en" ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** lang's place names ("criterion training, band 1", "grade band 2", "let x, band 1") in the UI's language. */
function placeText(where: string): string {
  if (getLocale() !== "zh-CN") return where;
  return where
    .replace(/^criterion (.+), band (\d+)$/, "评分项 $1 第 $2 档")
    .replace(/^grade band (\d+)$/, "等级第 $1 档")
    .replace(/^let (.+), band (\d+)$/, "let $1 第 $2 档");
}

@customElement("gavel-semantic-diff")
export class SemanticDiffView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; border-top: 1px solid var(--border); padding: 4px 0 12px; }
      h2 { margin: 0; font-weight: normal; }
      .body { padding: 0 12px 0 20px; }
      .between { margin: 0 0 6px; }
      .controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; margin-bottom: 6px; }
      .controls input { width: 5em; }
      .controls button { border-color: var(--input-border); }
      article { margin: 10px 0 0; }
      h3 { font-size: 13px; margin: 0 0 4px; }
      h3 .name { font-weight: normal; }
      p { margin: 4px 0; }
      .verdict { font-weight: 600; }
      .hint { font-size: 12px; }
      table { border-collapse: collapse; font-size: 12px; margin: 4px 0; }
      caption { text-align: left; color: var(--muted); padding: 4px 0 2px; }
      th, td { padding: 1px 10px 1px 0; text-align: right; font-variant-numeric: tabular-nums; vertical-align: top; }
      th { color: var(--muted); font-weight: normal; }
      th.left, td.left { text-align: left; }
      td.changed { font-weight: 600; }
      summary { cursor: pointer; color: var(--muted); font-size: 12px; margin-top: 4px; }
      ul.boundaries li { font-size: 12px; padding: 1px 0; }
      code { font-family: var(--mono-font, monospace); font-size: 12px; white-space: nowrap; }
    `,
  ];

  /** The texts compared, or null when no diff is open. */
  @property({ attribute: false }) comparison: Comparison | null = null;
  /** Computes the report (the workbench's worker client). */
  @property({ attribute: false }) differ: SemanticDiffer | null = null;

  @state() private entitledTo = DEFAULT_DIFF_ENTITLED;
  @state() private status: Status = { kind: "idle" };
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("comparison") || changed.has("differ")) void this.compute();
  }

  /** Runs the comparison for the current texts and roster; a newer run replaces an older one still going. */
  private async compute(): Promise<void> {
    const comparison = this.comparison;
    const differ = this.differ;
    if (!comparison || !differ) return void (this.status = { kind: "idle" });
    const to = this.entitledTo;
    this.status = { kind: "computing", to };
    try {
      const report = await differ(comparison.file, comparison.before.source, comparison.after.source(), to);
      if (comparison === this.comparison && to === this.entitledTo) this.status = { kind: "done", report };
    } catch (error) {
      if (error instanceof SupersededError) return;
      this.status = { kind: "failed", message: error instanceof Error ? error.message : String(error) };
    }
  }

  private setRoster(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = Number(input.value);
    if (!Number.isInteger(value) || value < 0 || value > MAX_EDITOR_DIFF_ENTITLED) {
      input.value = String(this.entitledTo);
      return;
    }
    if (value === this.entitledTo) return;
    this.entitledTo = value;
    void this.compute();
  }

  private outcome(o: TallyOutcome): string {
    return o === "error" ? t("diff.outcome.error") : t(`outcome.${o}`);
  }

  private vote(diff: VoteDiff) {
    const n = diff.entitled.to;
    const same = diff.changed === 0 && diff.shifts.length === 0;
    const move = (o: number | null, w: number | null) => {
      const show = (v: number | null) => (v === null ? t("diff.none") : String(v));
      return o === w ? html`<td>${show(o)}</td>` : html`<td class="changed">${show(o)} → ${show(w)}</td>`;
    };
    return html`
      <p class="summary" data-tallies=${diff.tallies} data-changed=${diff.changed}>
        ${same ? html`<span class="verdict" data-verdict="same">${t("diff.noChange")}</span> ${t("diff.voteSame", { tallies: count(diff.tallies), n })}`
        : diff.changed === 0 ? html`<span class="verdict">${t("diff.voteNeededOnly")}</span>`
        : html`<span class="verdict" data-verdict="changed">${t("diff.voteChanged", { changed: count(diff.changed), tallies: count(diff.tallies), n })}</span>`}
      </p>
      <p class="hint muted">${t("diff.tallyHint")}</p>
      ${diff.examples.length === 0 ? nothing : html`<table data-table="examples">
        <caption>${t("diff.examples")}</caption>
        <thead><tr>${(["entitled", "present", "yes", "no", "abstain"] as const).map((c) => html`<th scope="col">${t(`diff.col.${c}`)}</th>`)}
          <th scope="col" class="left">${t("diff.col.before")}</th><th scope="col" class="left">${t("diff.col.after")}</th></tr></thead>
        <tbody>${diff.examples.map((x) => html`<tr data-outcomes="${x.old} ${x.new}">
          <td>${x.entitled}</td><td>${x.present}</td><td>${x.yes}</td><td>${x.no}</td><td>${x.abstain}</td>
          <td class="left">${this.outcome(x.old)}</td><td class="left">${this.outcome(x.new)}</td></tr>`)}</tbody>
      </table>`}
      ${diff.shifts.length === 0 ? nothing : html`<details open>
        <summary>${t("diff.shifts", { count: diff.shifts.length })}</summary>
        <table data-table="shifts">
          <thead><tr><th scope="col">${t("diff.col.entitled")}</th><th scope="col">${t("diff.col.quorum")}</th><th scope="col">${t("diff.col.passes")}</th></tr></thead>
          <tbody>${diff.shifts.map((s) => html`<tr><td>${s.entitled}</td>${move(s.quorum_present.old, s.quorum_present.new)}${move(s.passes_yes.old, s.passes_yes.new)}</tr>`)}</tbody>
        </table>
      </details>`}`;
  }

  private scorecardOutcome(o: ScorecardOutcome) {
    if ("error" in o) return t("diff.scoreError", { code: o.error });
    const exact = exactText(o.score);
    return html`<span title=${exact || nothing}>${valueText(o.score)}</span>${o.grade === null ? "" : ` ${o.grade}`}`;
  }

  private scorecard(diff: ScorecardDiff) {
    const same = diff.changed === 0 && diff.shifts.length === 0;
    const sampled = diff.grid !== String(diff.tallies);
    return html`
      ${same ? html`<p><span class="verdict" data-verdict="same">${t("diff.noChange")}</span></p>` : nothing}
      ${diff.shifts.length === 0
        ? html`<p>${t("diff.noBoundary")}</p>`
        : html`<p>${t("diff.boundaries")}</p>
            <ul class="boundaries" data-list="boundaries">
              ${diff.shifts.map((s) => html`<li>${placeText(s.where)}: <code>${s.old ?? t("diff.none")}</code> → <code>${s.new ?? t("diff.none")}</code></li>`)}
            </ul>`}
      <p class="summary" data-tallies=${diff.tallies} data-changed=${diff.changed}>
        ${diff.changed === 0 ? t("diff.scoreSame", { tallies: count(diff.tallies) }) : html`<span class="verdict" data-verdict="changed">${t("diff.scoreChanged", { changed: count(diff.changed), tallies: count(diff.tallies) })}</span>`}
        ${sampled ? t("diff.sampled", { grid: count(diff.grid) }) : nothing}
      </p>
      <p class="hint muted">${t("diff.gridHint")}</p>
      ${diff.examples.length === 0 ? nothing : html`<table data-table="examples">
        <caption>${t("diff.examples")}</caption>
        <thead><tr><th scope="col" class="left">${t("diff.col.input")}</th><th scope="col" class="left">${t("diff.col.before")}</th><th scope="col" class="left">${t("diff.col.after")}</th></tr></thead>
        <tbody>${diff.examples.map((x) => html`<tr>
          <td class="left" data-input=${JSON.stringify(x.input)}>${Object.entries(x.input).map(([k, v]) => `${k} = ${typeof v === "string" ? JSON.stringify(v) : String(v)}`).join(", ")}</td>
          <td class="left">${this.scorecardOutcome(x.old)}</td><td class="left">${this.scorecardOutcome(x.new)}</td></tr>`)}</tbody>
      </table>`}`;
  }

  private rule(r: RuleComparison, after: string) {
    const kind = (k: string) => t(`diff.kind.${k}` as "diff.kind.vote");
    const body = (() => {
      switch (r.status) {
        case "compared":
          return r.diff.kind === "vote" ? this.vote(r.diff) : this.scorecard(r.diff);
        case "not-comparable":
          return html`<p>${t("diff.notComparable", { kind: kind(r.kind) })}</p>`;
        case "added":
          return html`<p>${t("diff.added", { after })}</p>`;
        case "removed":
          return html`<p>${t("diff.removed", { after })}</p>`;
        case "kind-changed":
          return html`<p>${t("diff.kindChanged", { old: kind(r.oldKind), new: kind(r.newKind) })}</p>`;
        case "failed":
          return html`<p>${t("diff.refused", { message: r.message })}</p>`;
      }
    })();
    return html`<article data-rule=${r.rule} data-status=${r.status} aria-label=${r.label}>
      <h3>${r.label} <span class="name muted">(${r.rule})</span></h3>
      ${body}
    </article>`;
  }

  private result() {
    const status = this.status;
    const comparison = this.comparison!;
    switch (status.kind) {
      case "idle":
        return nothing;
      case "computing":
        return nothing;
      case "failed":
        return html`<p class="error" role="alert">${t("diff.failed", { message: status.message })}</p>`;
      case "done": {
        const report = status.report;
        if (!report.ok) {
          return report.broken.map((b) => html`<p class="broken" data-side=${b.side}>${t("diff.broken", {
            side: capitalized(b.side === "old" ? comparison.before.label() : comparison.after.label()), line: b.line, column: b.column, message: b.message,
          })}</p>`);
        }
        if (report.rules.length === 0) return html`<p>${t("diff.empty")}</p>`;
        return report.rules.map((r) => this.rule(r, midSentence(comparison.after.label())));
      }
    }
  }

  override render() {
    const comparison = this.comparison;
    if (!comparison) return nothing;
    const report = this.status.kind === "done" ? this.status.report : null;
    // The roster only matters to votes: the control shows unless the finished report has none.
    const hasVote = !report || !report.ok || report.rules.some((r) => r.status === "compared" && r.diff.kind === "vote");
    return html`<section aria-labelledby="what-changes" data-state=${this.status.kind}>
      <h2 class="section-title" id="what-changes">${t("diff.title")}</h2>
      <div class="body">
        <p class="between muted">${t("diff.between", { before: comparison.before.label(), after: comparison.after.label() })}</p>
        <div class="controls">
          ${hasVote
            ? html`<label for="rosters">${t("diff.rosters")}</label>
                <input id="rosters" name="rosters" type="number" min="0" max=${MAX_EDITOR_DIFF_ENTITLED} step="1" .value=${String(this.entitledTo)} @change=${this.setRoster} />`
            : nothing}
          <button type="button" data-action="recompute" @click=${() => void this.compute()}>${t("diff.recompute")}</button>
        </div>
        <div role="status">${this.status.kind === "computing" ? html`<p class="muted">${t("diff.computing", { n: this.status.to })}</p>` : nothing}</div>
        ${this.result()}
      </div>
    </section>`;
  }
}
