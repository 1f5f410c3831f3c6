/** The Tests panel: runs the file's `test` blocks in the browser; each pass/fail with expected vs actual. */

import type { Span } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../i18n";
import type { TestRunSummary } from "../language/protocol";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

@customElement("gavel-tests")
export class TestsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 0 0 4px; }
      .toolbar { display: flex; gap: 12px; align-items: center; padding: 4px 16px 8px; position: sticky; top: 0; background: var(--panel-bg); z-index: 1; }
      .test { padding: 2px 16px; cursor: pointer; }
      .test:hover { background: var(--hover-bg); }
      .head { display: flex; gap: 8px; align-items: baseline; }
      .rule { color: var(--muted); font-size: 12px; }
      .expectations { margin: 2px 0 4px 22px; font-size: 12px; }
      .expectations td { padding: 0 10px 0 0; font-family: var(--mono-font); }
      .summary.failed { color: var(--error); }
      .summary.passed { color: var(--ok); }
      .note { padding: 4px 16px; }
      .uncovered { padding: 0 16px 6px; font-size: 12px; }
      .uncovered .unit { padding: 1px 0 1px 16px; cursor: pointer; }
      .uncovered .unit:hover { background: var(--hover-bg); }
    `,
  ];

  @property({ attribute: false }) run: TestRunSummary | null = null;
  /** Number of test blocks in the file (known before running). */
  @property({ type: Number }) count = 0;
  @property({ type: Boolean }) blocked = false;
  @property({ type: Boolean }) running = false;
  private readonly locale = new LocaleController(this);

  private reveal(span: Span): void {
    this.dispatchEvent(new CustomEvent("reveal-span", { detail: span, bubbles: true, composed: true }));
  }

  override render() {
    const run = this.run;
    return html`
      <div class="toolbar">
        <button class="primary" data-action="run-tests" ?disabled=${this.blocked || this.running}
          @click=${() => this.dispatchEvent(new CustomEvent("run-tests", { bubbles: true, composed: true }))}>▶ ${t("tests.run")}</button>
        ${run ? html`<span class="summary ${run.failed ? "failed" : "passed"}" role="status">${t("tests.summary", { passed: run.passed, failed: run.failed })}</span>
          <span class="coverage muted">${t("tests.coverage", { covered: run.coverageTotal - run.uncovered.length, total: run.coverageTotal })}</span>` : nothing}
      </div>
      ${run && run.uncovered.length
        ? html`<details class="uncovered"><summary class="warning">${t("tests.uncovered", { n: run.uncovered.length })}</summary>
            <ul>${run.uncovered.map((u) => html`<li class="unit" tabindex="0" @click=${() => this.reveal(u.span)}
              @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(u.span)}>${u.description}</li>`)}</ul></details>`
        : nothing}
      ${this.blocked ? html`<div class="note error">${t("tests.cannotRun")}</div>` : nothing}
      ${this.count === 0 && !run ? html`<div class="note muted">${t("tests.none")}</div>` : nothing}
      ${!run && this.count > 0 && !this.blocked ? html`<div class="note muted">${t("tests.notRun")}</div>` : nothing}
      ${run
        ? html`<ul role="list">
            ${[...run.results].sort((a, b) => Number(a.passed) - Number(b.passed)).map(
              (r) => html`<li class="test" data-passed=${String(r.passed)} tabindex="0"
                  @click=${() => this.reveal(r.span)} @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.reveal(r.span)}>
                <div class="head">
                  <span class=${r.passed ? "ok" : "error"} aria-label=${t(r.passed ? "tests.passed" : "tests.failed")}>${r.passed ? "✓" : "✗"}</span>
                  <span class="name">${r.name}</span>
                  <span class="rule">${r.rule}</span>
                </div>
                ${r.passed
                  ? nothing
                  : html`<table class="expectations">
                      ${r.error ? html`<tr><td class="error" colspan="3">${r.error.code}: ${r.error.message}</td></tr>` : nothing}
                      ${r.expectations.filter((e) => !e.passed).map(
                        (e) => html`<tr class="expectation">
                          <td>${e.text}</td>
                          <td>${t("tests.expected")}: <code class="expected" translate="no">${e.expected}</code></td>
                          <td>${t("tests.actual")}: <code class="actual error" translate="no">${e.actual}</code></td>
                        </tr>`,
                      )}
                    </table>`}
              </li>`,
            )}
          </ul>`
        : nothing}
    `;
  }
}
