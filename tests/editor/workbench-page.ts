/** Drives the gavel workbench in a page: open files, type into Monaco, read panels (Playwright CSS pierces shadow DOM). */

import type { Page } from "playwright-core";

const LOAD_TIMEOUT_MS = 60_000;

/** A handle on the editor page with the operations a policy author performs. */
export class WorkbenchPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  /**
   * Loads the workbench, optionally opening a rule file by name, and waits for Monaco to render it. A first load in a
   * new profile compiles Monaco and the language worker with a cold cache: on a loaded 2-core machine that alone has
   * taken over 20 s, so these waits get a minute.
   */
  async open(ruleName?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${ruleName ? `#${encodeURIComponent(ruleName)}` : ""}`, { timeout: LOAD_TIMEOUT_MS });
    await this.page.waitForSelector("gavel-workbench gavel-activity-bar", { timeout: LOAD_TIMEOUT_MS });
    if (ruleName) await this.page.waitForSelector(".monaco-editor .view-lines .view-line", { timeout: LOAD_TIMEOUT_MS });
  }

  /** The full text of the editor's model. */
  editorText(): Promise<string> {
    return this.page.evaluate(() => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } | null };
      return host.editor?.getValue() ?? "";
    });
  }

  /** Clicks into the editor and moves the cursor to the end of the file. */
  async focusEnd(): Promise<void> {
    await this.page.click(".monaco-editor .view-lines");
    await this.page.keyboard.press("Control+End");
  }

  /** Moves the cursor to a 1-based line and column through Monaco's own API (like clicking there). */
  async moveCursor(lineNumber: number, column: number): Promise<void> {
    await this.page.evaluate(({ lineNumber, column }) => {
      const host = document.querySelector("gavel-code-editor") as unknown as {
        editor: { setPosition(p: { lineNumber: number; column: number }): void; revealLine(n: number): void; focus(): void };
      };
      host.editor.setPosition({ lineNumber, column });
      host.editor.revealLine(lineNumber);
      host.editor.focus();
    }, { lineNumber, column });
  }

  /** Inserts text at the end of the file in one edit, like a paste (no auto-indent or auto-closing). */
  async appendText(text: string): Promise<void> {
    await this.page.evaluate((text) => {
      const host = document.querySelector("gavel-code-editor") as unknown as {
        editor: {
          getModel(): { getFullModelRange(): { endLineNumber: number; endColumn: number } };
          executeEdits(source: string, edits: { range: object; text: string }[]): void;
          focus(): void;
        };
      };
      const end = host.editor.getModel().getFullModelRange();
      const at = { startLineNumber: end.endLineNumber, startColumn: end.endColumn, endLineNumber: end.endLineNumber, endColumn: end.endColumn };
      host.editor.executeEdits("paste", [{ range: at, text }]);
      host.editor.focus();
    }, text);
  }

  /** Replaces the whole text in one edit, like select-all and paste. */
  async replaceAll(text: string): Promise<void> {
    await this.page.evaluate((text) => {
      const host = document.querySelector("gavel-code-editor") as unknown as {
        editor: { getModel(): { getFullModelRange(): object }; executeEdits(source: string, edits: { range: object; text: string }[]): void; focus(): void };
      };
      host.editor.executeEdits("paste", [{ range: host.editor.getModel().getFullModelRange(), text }]);
      host.editor.focus();
    }, text);
  }

  /** The cursor's 1-based line number. */
  cursorLine(): Promise<number> {
    return this.page.evaluate(
      () => (document.querySelector("gavel-code-editor") as unknown as { editor: { getPosition(): { lineNumber: number } } }).editor.getPosition().lineNumber,
    );
  }

  /** The name of the active tab. */
  activeTab(): Promise<string | null> {
    return this.page.getAttribute("gavel-tabs [role=tab][aria-selected=true]", "data-name");
  }

  /** Types text as keystrokes (auto-closing brackets and quotes apply, as for a person). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Runs a command from the palette (F1) by its label, as a person types it; the editor must hold the focus. */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press("F1");
    await this.page.waitForSelector(".quick-input-widget input");
    await this.page.keyboard.type(label);
    await this.page.locator(".quick-input-list .monaco-list-row", { hasText: label }).first().waitFor();
    await this.page.keyboard.press("Enter");
  }

  /** Opens a bottom-panel tab: "problems", "tests" or "try". */
  async showPanel(view: "problems" | "tests" | "try"): Promise<void> {
    await this.page.click(`gavel-bottom-panel [data-panel=${view}]`);
  }

  /** The rows of the Problems panel as "CODE message" lines. */
  async problems(): Promise<string[]> {
    await this.showPanel("problems");
    return this.page.locator("gavel-problems li.problem").evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute("data-code")} ${row.querySelector(".message")?.textContent ?? ""}`),
    );
  }

  /** The status bar's error and warning counts. */
  async statusCounts(): Promise<{ errors: number; warnings: number }> {
    const errors = await this.page.textContent("gavel-status-bar [data-count=errors]");
    const warnings = await this.page.textContent("gavel-status-bar [data-count=warnings]");
    return { errors: Number(errors), warnings: Number(warnings) };
  }

  /** Saves a screenshot of the whole window once its fonts are loaded and two frames were drawn since the last change. */
  async screenshot(path: string): Promise<void> {
    await this.painted();
    await this.page.screenshot({ path });
  }

  /** Resolves after the fonts are ready and the browser drew two more frames (Monaco lays out and paints on animation frames). */
  async painted(): Promise<void> {
    await this.page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    });
  }
}
