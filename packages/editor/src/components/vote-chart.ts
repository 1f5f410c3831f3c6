/** A vote at a glance: present against the quorum line and yes against the pass line, on the roster's scale. */

import { LitElement, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import type { VoteLines } from "../language/protocol";
import { LocaleController } from "./locale-controller";
import { ChartWidth } from "./chart-width";
import { chartStyles, sharedStyles } from "./shared-styles";

/** The width the chart prefers, and the least it narrows to. */
const WIDTH = 520;
const MIN_WIDTH = 320;
const LABEL = 70;
const BAR = 18;

@customElement("gavel-vote-chart")
export class VoteChart extends LitElement {
  static override styles = [sharedStyles, chartStyles];

  @property({ type: Number }) entitled = 0;
  @property({ type: Number }) present = 0;
  @property({ type: Number }) yes = 0;
  @property({ attribute: false }) lines: VoteLines = { quorum: null, passes: null };
  private readonly locale = new LocaleController(this);
  private readonly size = new ChartWidth(this, WIDTH, MIN_WIDTH);

  private row(y: number, label: string, value: number, line: number | null, lineLabel: string, colour: string, holds: boolean) {
    const scale = Math.max(this.entitled, this.present, 1);
    const track = this.size.width - LABEL - 150;
    const x = (n: number) => LABEL + (Math.min(n, scale) / scale) * track;
    return svg`
      <text x="0" y=${y + 13}>${label}</text>
      <rect x=${LABEL} y=${y} width=${track} height=${BAR} rx="2" fill="var(--bar-track)"></rect>
      <rect class="bar" data-value=${value} x=${LABEL} y=${y} width=${x(value) - LABEL} height=${BAR} rx="2" fill=${colour}></rect>
      ${x(value) - LABEL > 28
        ? svg`<text x=${x(value) - 4} y=${y + 13} font-weight="600" text-anchor="end" style="fill:var(--bar-label)">${value}</text>`
        : svg`<text x=${x(value) + 4} y=${y + 13} font-weight="600">${value}</text>`}
      ${line === null
        ? svg`<text x=${LABEL + track + 10} y=${y + 13} style="fill:var(--muted)">${lineLabel}: —</text>`
        : svg`<line class="threshold" data-value=${line} x1=${x(line)} x2=${x(line)} y1=${y - 4} y2=${y + BAR + 4} stroke="var(--error)" stroke-width="2" stroke-dasharray="3 2"></line>
              <text x=${LABEL + track + 10} y=${y + 13}>${lineLabel} ≥ ${line} ${holds ? "✓" : "✗"}</text>`}
    `;
  }

  override render() {
    const { quorum, passes } = this.lines;
    return html`<svg role="img" aria-label="${t("try.present")} ${this.present}/${this.entitled}, ${t("try.yes")} ${this.yes}"
        viewBox="0 0 ${this.size.width} 84" width=${this.size.width} height="84">
      ${this.row(8, t("try.present"), this.present, quorum, t("try.quorumLine"), "var(--bar-present)", quorum !== null && this.present >= quorum)}
      ${this.row(46, t("try.yes"), this.yes, passes, t("try.passLine"), "var(--bar-yes)", passes !== null && this.yes >= passes)}
      <text x=${LABEL} y="80" style="fill:var(--muted)">0</text>
      <text x=${this.size.width - 150} y="80" style="fill:var(--muted)" text-anchor="end">${Math.max(this.entitled, this.present)}</text>
    </svg>`;
  }
}
