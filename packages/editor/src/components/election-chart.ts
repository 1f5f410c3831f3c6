/** An election round at a glance: each candidate's votes as a bar against the round's threshold, elected and tied marked. */

import type { ElectionResult } from "@gavel-rules/lang";
import { LitElement, css, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { ChartWidth, fitLabel } from "./chart-width";
import { chartStyles, sharedStyles } from "./shared-styles";

/** The width the chart prefers, and the least it narrows to. */
const WIDTH = 560;
const MIN_WIDTH = 340;
const LABEL = 96;
const ROW = 26;
const BAR = 16;
/** Room right of the track for the votes and the mark. */
const TAIL = 130;

/** How a candidate ended the round: the chart's colour and mark. */
export type CandidateStanding = "elected" | "tied" | "other";

@customElement("gavel-election-chart")
export class ElectionChart extends LitElement {
  static override styles = [
    sharedStyles,
    chartStyles,
    css`.facts { font-size: 12px; margin: 2px 0 6px; }`,
  ];

  @property({ attribute: false }) result: ElectionResult | null = null;
  private readonly locale = new LocaleController(this);
  private readonly size = new ChartWidth(this, WIDTH, MIN_WIDTH);

  private standing(name: string): CandidateStanding {
    const result = this.result!;
    if (result.elected.includes(name)) return "elected";
    if (result.tied.includes(name)) return "tied";
    return "other";
  }

  override render() {
    const result = this.result;
    if (!result) return html``;
    const { facts } = result;
    // The scale is the valid ballots (every voter could have named each candidate), so the bars compare across rounds.
    const scale = Math.max(facts.valid, ...result.candidates.map((c) => Math.max(c.votes, c.needed ?? 0)), 1);
    const width = this.size.width;
    const track = width - LABEL - TAIL;
    const x = (n: number) => LABEL + (Math.min(n, scale) / scale) * track;
    const height = result.candidates.length * ROW + 22;
    const colour: Record<CandidateStanding, string> = { elected: "var(--bar-yes)", tied: "var(--warning)", other: "var(--bar-present)" };
    return html`<div class="facts muted">${t("election.facts", { ...facts })}</div>
      <svg role="img" aria-label=${result.candidates.map((c) => `${c.name} ${c.votes}`).join(", ")} viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      ${result.candidates.map((c, i) => {
        const y = i * ROW + 4;
        const standing = this.standing(c.name);
        const label = fitLabel(c.name, LABEL - 8);
        const mark = standing === "elected" ? `✓ ${t("election.elected")}` : standing === "tied" ? `= ${t("election.tied")}` : "";
        return svg`<g class="candidate" data-name=${c.name} data-votes=${c.votes} data-standing=${standing} data-needed=${c.needed ?? ""}>
          <text x="0" y=${y + 13} font-weight=${standing === "other" ? "normal" : "600"}>${label}<title>${c.name}</title></text>
          <rect x=${LABEL} y=${y} width=${track} height=${BAR} rx="2" fill="var(--bar-track)"></rect>
          <rect class="bar" x=${LABEL} y=${y} width=${x(c.votes) - LABEL} height=${BAR} rx="2" fill=${colour[standing]}></rect>
          ${c.needed === null
            ? svg``
            : svg`<line class="threshold" data-value=${c.needed} x1=${x(c.needed)} x2=${x(c.needed)} y1=${y - 3} y2=${y + BAR + 3}
                stroke="var(--error)" stroke-width="2" stroke-dasharray="3 2"><title>${t("election.needed", { n: c.needed })}</title></line>`}
          <text x=${LABEL + track + 8} y=${y + 13} font-weight="600">${c.votes}</text>
          <text x=${LABEL + track + 40} y=${y + 13} style=${standing === "elected" ? "fill:var(--ok)" : ""}>${mark}</text>
        </g>`;
      })}
      ${this.legend(result, height - 6, width)}
    </svg>`;
  }

  /** The threshold in words under the bars, when every candidate has the same one (the usual case). */
  private legend(result: ElectionResult, y: number, width: number) {
    const needed = [...new Set(result.candidates.map((c) => c.needed))];
    const text = needed.length === 1 && needed[0] !== null && needed[0] !== undefined ? `┆ ${t("election.needed", { n: needed[0] })}` : "";
    return svg`<text x=${LABEL} y=${y} style="fill:var(--muted)">0</text>
      <text x=${LABEL + (width - LABEL - TAIL) / 2} y=${y} text-anchor="middle" style="fill:var(--error)">${text}</text>
      <text x=${width - TAIL} y=${y} style="fill:var(--muted)" text-anchor="end">${Math.max(result.facts.valid, 1)}</text>`;
  }
}
