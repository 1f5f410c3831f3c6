/** A rating at a glance: each level's share of the ballots as a bar, with its count. */

import type { RatingResult } from "@gavel-rules/lang";
import { LitElement, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { approximate, exactText, roundedDecimal, valueText } from "../exact-display";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { ChartWidth, fitLabel } from "./chart-width";
import { chartStyles, sharedStyles } from "./shared-styles";

/** The width the chart prefers, and the least it narrows to. */
const WIDTH = 440;
const MIN_WIDTH = 300;
const LABEL = 84;
const ROW = 24;
const TAIL = 110;

@customElement("gavel-rating-chart")
export class RatingChart extends LitElement {
  static override styles = [sharedStyles, chartStyles];

  @property({ attribute: false }) result: RatingResult | null = null;
  private readonly locale = new LocaleController(this);
  private readonly size = new ChartWidth(this, WIDTH, MIN_WIDTH);

  override render() {
    const result = this.result;
    if (!result) return html``;
    const width = this.size.width;
    const track = width - LABEL - TAIL;
    const height = result.levels.length * ROW + 4;
    return html`<svg role="img" aria-label="${t("rating.levels")}: ${result.levels.map((l) => `${l.name} ${l.count}`).join(", ")}"
        viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      ${result.levels.map((level, i) => {
        const y = i * ROW + 4;
        // The share is exact (a fraction); only its drawing is rounded.
        const share = Math.max(0, Math.min(1, approximate(level.share)));
        const label = fitLabel(level.name, LABEL - 8);
        return svg`<g class="level" data-name=${level.name} data-count=${level.count}>
          <text x="0" y=${y + 13}>${label}<title>${level.name}</title></text>
          <rect x=${LABEL} y=${y} width=${track} height="16" rx="2" fill="var(--bar-track)"></rect>
          <rect class="bar" x=${LABEL} y=${y} width=${share * track} height="16" rx="2" fill=${i === 0 ? "var(--bar-yes)" : "var(--bar-present)"}></rect>
          <text x=${LABEL + track + 8} y=${y + 13}>${level.count} · ${percent(level.share)}%<title>${exactText(level.share) || valueText(level.share)}</title></text>
        </g>`;
      })}
    </svg>`;
  }
}

/** A share as a percent to one decimal, rounded from the exact fraction (an integer share is 0 or 1). */
function percent(share: RatingResult["levels"][number]["share"]): string {
  if (typeof share === "number") return roundedDecimal(BigInt(Math.round(share * 1000)), 10n, 1);
  return roundedDecimal(BigInt(share.num) * 100n, BigInt(share.den), 1);
}
