/** A scorecard at a glance: each criterion's points against its maximum, and the total. */

import type { ScorecardResult } from "@gavel-rules/lang";
import { LitElement, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { approximate, valueText } from "../exact-display";
import { t } from "../i18n";
import { LocaleController } from "./locale-controller";
import { ChartWidth, fitLabel } from "./chart-width";
import { chartStyles, sharedStyles } from "./shared-styles";

/** The width the chart prefers, and the least it narrows to; the label column narrows with it. */
const WIDTH = 560;
const MIN_WIDTH = 340;
const LABEL = 170;
const ROW = 26;

@customElement("gavel-scorecard-chart")
export class ScorecardChart extends LitElement {
  static override styles = [sharedStyles, chartStyles];

  @property({ attribute: false }) result: ScorecardResult | null = null;
  private readonly locale = new LocaleController(this);
  private readonly size = new ChartWidth(this, WIDTH, MIN_WIDTH);

  override render() {
    const result = this.result;
    if (!result) return html``;
    const width = this.size.width;
    const labelWidth = Math.round(Math.max(100, Math.min(LABEL, width * 0.3)));
    const track = width - labelWidth - 120;
    const rows = [...result.criteria.map((c) => ({ label: c.label || c.name, points: c.points, max: c.max })),
      { label: `Σ ${t("try.score")}`, points: result.score, max: result.max }];
    const height = rows.length * ROW + 4;
    return html`<svg role="img" aria-label=${t("try.score")} viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      ${rows.map((row, i) => {
        const y = i * ROW + 4;
        const max = Math.max(approximate(row.max), 1e-9);
        const w = Math.max(0, Math.min(1, approximate(row.points) / max)) * track;
        const label = fitLabel(row.label, labelWidth - 8);
        return svg`<text x="0" y=${y + 13}>${label}<title>${row.label}</title></text>
          <rect x=${labelWidth} y=${y} width=${track} height="16" rx="2" fill="var(--bar-track)"></rect>
          <rect class="bar" x=${labelWidth} y=${y} width=${w} height="16" rx="2" fill=${i === rows.length - 1 ? "var(--accent)" : "var(--bar-yes)"}></rect>
          <text x=${labelWidth + track + 8} y=${y + 13}>${valueText(row.points)} / ${valueText(row.max)} ${t("try.points")}</text>`;
      })}
    </svg>`;
  }
}
