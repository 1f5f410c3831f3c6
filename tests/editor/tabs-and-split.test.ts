/**
 * VS Code habits of issue #13, part B, driven in Chromium against the real service: signature help and completion in
 * rule calls, tab overflow and reordering, the split editor, breadcrumbs. Every test starts its own browser with a
 * fresh profile and stores its own rule files, so any one runs alone (`-t`) or in any order; waits are on states only.
 */

import { describe, expect, it } from "vitest";
import type { Preferences } from "./browser";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import { WorkbenchPage } from "./workbench-page";
import { scorecardSource } from "./sample-rules";

const suite = fileWorkbench();
/** A new browser (fresh profile) on the workbench, in English and light unless told otherwise, with the admin token. */
const freshWorkbench = (preferences?: Preferences) => suite.freshWorkbench(preferences);

let counter = 0;
const unique = (prefix: string) => `${prefix}_${++counter}_${Date.now().toString(36)}`;

async function storedScorecard(prefix: string): Promise<{ name: string; source: string }> {
  const name = unique(prefix);
  const source = scorecardSource(name);
  await suite.service.putRule(name, source);
  return { name, source };
}

async function storedVote(name: string): Promise<void> {
  await suite.service.putRule(name, `vote ${name} "A vote" {\n  quorum: present > 2/3 of entitled\n  passes: yes > 1/2 of present\n}\n`);
}

/** The names of the open tabs, in their order. */
function tabOrder(wb: WorkbenchPage): Promise<string[]> {
  return wb.page.locator("gavel-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-name") ?? ""));
}

/** Opens rule files one after the other through the explorer, each becoming the active tab. */
async function openAll(wb: WorkbenchPage, names: string[]): Promise<void> {
  for (const name of names) {
    await wb.page.click(`gavel-explorer li[data-name="${name}"]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${name}"][aria-selected=true]`);
  }
}

/** Whether the tab lies wholly inside the visible part of the tab strip. */
function tabFullyVisible(wb: WorkbenchPage, name: string): Promise<boolean> {
  return wb.page.evaluate((name) => {
    const root = document.querySelector("gavel-tabs")!.shadowRoot!;
    const strip = root.querySelector(".strip")!.getBoundingClientRect();
    const tab = root.querySelector(`[role=tab][data-name="${name}"]`)!.getBoundingClientRect();
    return tab.left >= strip.left - 0.5 && tab.right <= strip.right + 0.5;
  }, name);
}

type EditorProbe = { getValue(): string; getModel(): unknown; hasTextFocus(): boolean; getPosition(): { lineNumber: number; column: number } };

describe("signature help and completion inside rule(", () => {
  it("shows the rule's inputs with the active one marked, and completes only its inputs not given yet, inserting 'name: '", async () => {
    const { browser, wb } = await freshWorkbench();
    const { name, source } = await storedScorecard("sig");
    await wb.open(name);
    // A second test block, its call typed as a person does (the closing parenthesis comes by itself).
    await wb.appendText(`\ntest "第二个" {\n  \n}\n`);
    await wb.moveCursor(source.split("\n").length + 2, 3);
    // At a person's pace: with keys sent at no delay, Monaco left "(" unclosed in 3 of 5 runs (never with 40 ms).
    await wb.page.keyboard.type(`${name}(`, { delay: 40 });
    const hints = wb.page.locator(".parameter-hints-widget");
    await hints.locator(".signature", { hasText: `${name}(满意: count, 不满意: count)` }).waitFor();
    await wb.page.locator(".parameter-hints-widget .parameter.active", { hasText: "满意: count" }).waitFor();
    expect(await hints.locator(".parameter.active").textContent()).toBe("满意: count");
    await wb.page.locator(".parameter-hints-widget .docs", { hasText: "满意票" }).first().waitFor();
    await wb.screenshot(screenshotPath("signature-help-en.png"));

    await wb.type("满意: 2, ");
    await wb.page.locator(".parameter-hints-widget .parameter.active", { hasText: "不满意: count" }).waitFor();
    expect(await hints.locator(".parameter.active").textContent()).toBe("不满意: count");

    await wb.page.keyboard.press("Control+Space");
    const rows = wb.page.locator(".suggest-widget .monaco-list-row");
    await rows.first().waitFor();
    expect(await rows.evaluateAll((r) => r.map((row) => row.querySelector(".label-name")?.textContent))).toEqual(["不满意"]);
    // Enter accepts only a focused row; under load the list can show before its first row takes the focus.
    await wb.page.locator(".suggest-widget .monaco-list-row.focused", { hasText: "不满意" }).waitFor();
    await wb.page.keyboard.press("Enter");
    await expect
      .poll(() => wb.page.evaluate(() => (document.querySelector("gavel-code-editor") as unknown as { editor: EditorProbe }).editor.getValue()), { timeout: 15_000 })
      .toContain(`${name}(满意: 2, 不满意: )`);
    expect(browser.pageErrors).toEqual([]);
  });

  it.each([
    { locale: "en" as const, signature: "add_workdays(date, n)", date: "date", words: "the n-th working day after date, not counting date itself" },
    { locale: "zh-CN" as const, signature: "add_workdays(日期, n)", date: "日期", words: "该日期之后的第 n 个工作日，不含该日期本身" },
  ])("shows a built-in function's forms inside add_workdays( in the $locale UI", async ({ locale, signature, date, words }) => {
    const { wb } = await freshWorkbench({ locale });
    const name = unique("fn");
    await suite.service.putRule(name, `scorecard ${name} {\n  input cases: list of { received: date, resolved: date?, limit: count }\n  let due = 1\n  criterion c max 1 {\n    1 when count(cases) >= due\n    0 otherwise\n  }\n}\n`);
    await wb.open(name);
    await wb.moveCursor(3, "  let due = 1".length + 1);
    await wb.page.keyboard.press("Backspace");
    await wb.type("add_workdays(");
    const hints = wb.page.locator(".parameter-hints-widget");
    await hints.locator(".signature", { hasText: signature }).waitFor();
    expect(await hints.locator(".parameter.active").textContent()).toBe(date);
    await hints.locator(".docs", { hasText: words }).first().waitFor();
    if (locale === "zh-CN") await wb.screenshot(screenshotPath("signature-help-zh-CN.png"));
    await wb.type("2026-01-05, ");
    await hints.locator(".parameter.active", { hasText: "n" }).waitFor();
    expect(await hints.locator(".parameter.active").textContent()).toBe("n");
  });
});

describe("tabs", () => {
  it("keeps the active tab in view when many tabs overflow the row, on open and on switch", async () => {
    const { browser, wb } = await freshWorkbench();
    const names = Array.from({ length: 12 }, (_, i) => unique(`overflowing_rule_file_${String(i).padStart(2, "0")}`));
    for (const name of names) await storedVote(name);
    await wb.open();
    await openAll(wb, names);
    const overflow = await wb.page.evaluate(() => {
      const strip = document.querySelector("gavel-tabs")!.shadowRoot!.querySelector(".strip")!;
      return strip.scrollWidth - strip.clientWidth;
    });
    expect(overflow).toBeGreaterThan(0);
    expect(await tabFullyVisible(wb, names.at(-1)!)).toBe(true);
    expect(await tabFullyVisible(wb, names[0]!)).toBe(false);

    // Switch back to the first file from the explorer: its tab scrolls into view.
    await wb.page.click(`gavel-explorer li[data-name="${names[0]}"]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${names[0]}"][aria-selected=true]`);
    await wb.page.waitForFunction((name) => {
      const root = document.querySelector("gavel-tabs")!.shadowRoot!;
      const strip = root.querySelector(".strip")!.getBoundingClientRect();
      const tab = root.querySelector(`[role=tab][data-name="${name}"]`)!.getBoundingClientRect();
      return tab.left >= strip.left - 0.5 && tab.right <= strip.right + 0.5;
    }, names[0]!);
    expect(await tabFullyVisible(wb, names.at(-1)!)).toBe(false);

    // Ctrl+PageUp wraps to the last tab, which comes into view again.
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("Control+PageUp");
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${names.at(-1)}"][aria-selected=true]`);
    expect(await tabFullyVisible(wb, names.at(-1)!)).toBe(true);
    await wb.screenshot(screenshotPath("tabs-overflow-en.png"));
    expect(browser.pageErrors).toEqual([]);
  });

  it("reorders tabs by drag and drop and by Ctrl+Shift+PageUp/PageDown, and keeps the order", async () => {
    const { browser, wb } = await freshWorkbench();
    const [a, b, c] = [unique("tab_a"), unique("tab_b"), unique("tab_c")];
    for (const name of [a, b, c]) await storedVote(name);
    await wb.open();
    await openAll(wb, [a, b, c]);
    expect(await tabOrder(wb)).toEqual([a, b, c]);

    // Drag c onto the left half of a: c goes first.
    await wb.page.locator(`gavel-tabs [role=tab][data-name="${c}"]`).dragTo(wb.page.locator(`gavel-tabs [role=tab][data-name="${a}"]`), { targetPosition: { x: 4, y: 10 } });
    await wb.page.waitForFunction((first) => document.querySelector("gavel-tabs")!.shadowRoot!.querySelector("[role=tab]")?.getAttribute("data-name") === first, c);
    expect(await tabOrder(wb)).toEqual([c, a, b]);

    // Drag c onto the right half of b: c goes last.
    const bBox = (await wb.page.locator(`gavel-tabs [role=tab][data-name="${b}"]`).boundingBox())!;
    await wb.page.locator(`gavel-tabs [role=tab][data-name="${c}"]`).dragTo(wb.page.locator(`gavel-tabs [role=tab][data-name="${b}"]`), { targetPosition: { x: bBox.width - 4, y: 10 } });
    await wb.page.waitForFunction((last) => [...document.querySelector("gavel-tabs")!.shadowRoot!.querySelectorAll("[role=tab]")].at(-1)?.getAttribute("data-name") === last, c);
    expect(await tabOrder(wb)).toEqual([a, b, c]);

    // From the editor, Ctrl+Shift+PageUp moves the active tab (c) left, twice; at the start it stays.
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("Control+Shift+PageUp");
    await wb.page.waitForFunction((c) => document.querySelector("gavel-tabs")!.shadowRoot!.querySelectorAll("[role=tab]")[1]?.getAttribute("data-name") === c, c);
    await wb.page.keyboard.press("Control+Shift+PageUp");
    await wb.page.waitForFunction((c) => document.querySelector("gavel-tabs")!.shadowRoot!.querySelectorAll("[role=tab]")[0]?.getAttribute("data-name") === c, c);
    await wb.page.keyboard.press("Control+Shift+PageUp");
    expect(await tabOrder(wb)).toEqual([c, a, b]);
    await wb.page.locator("gavel-status-bar .message", { hasText: `${c}.gavel moved to position 1 of 3` }).waitFor();

    // On a focused tab (not the active one), the same keys move that tab and keep the focus on it.
    await wb.page.focus(`gavel-tabs [role=tab][data-name="${c}"]`);
    await wb.page.keyboard.press("ArrowRight");
    await wb.page.keyboard.press("Control+Shift+PageDown");
    await wb.page.waitForFunction((a) => [...document.querySelector("gavel-tabs")!.shadowRoot!.querySelectorAll("[role=tab]")].at(-1)?.getAttribute("data-name") === a, a);
    expect(await tabOrder(wb)).toEqual([c, b, a]);
    expect(await wb.page.evaluate(() => document.querySelector("gavel-tabs")!.shadowRoot!.activeElement?.getAttribute("data-name"))).toBe(a);
    expect(await wb.activeTab()).toBe(c);

    // The order is kept while files are switched, closed and opened.
    await wb.page.click(`gavel-tabs [role=tab][data-name="${a}"]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${a}"][aria-selected=true]`);
    expect(await tabOrder(wb)).toEqual([c, b, a]);
    await wb.page.focus(`gavel-tabs [role=tab][data-name="${b}"]`);
    await wb.page.keyboard.press("Delete");
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${b}"]`, { state: "detached" });
    await openAll(wb, [b]);
    expect(await tabOrder(wb)).toEqual([c, a, b]);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("split editor", () => {
  it("opens the file side by side on one model: edits, dirty marker, squiggles and Ctrl+S work on both sides; closing returns to one editor", async () => {
    const { browser, wb } = await freshWorkbench();
    const { name, source } = await storedScorecard("split");
    const other = unique("split_other");
    await storedVote(other);
    await wb.open(name);
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("Control+Backslash");
    await wb.page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor .view-lines .view-line");
    await wb.page.waitForFunction(() => (document.querySelector("gavel-code-editor") as unknown as { rightEditor: EditorProbe | null }).rightEditor?.hasTextFocus() === true);
    const sameModel = await wb.page.evaluate(() => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: EditorProbe; rightEditor: EditorProbe };
      return host.editor.getModel() === host.rightEditor.getModel();
    });
    expect(sameModel).toBe(true);
    expect(await wb.page.getAttribute("gavel-tabs [data-action=split]", "aria-pressed")).toBe("true");

    // Typing on the right is the left's text too; the tab shows unsaved changes; an error squiggles both sides.
    await wb.page.keyboard.press("Control+End");
    await wb.type("# 右侧\n");
    const ratio = source.split("\n").findIndex((l) => l.includes("let 满意率")) + 1;
    await wb.page.evaluate((line) => {
      const host = document.querySelector("gavel-code-editor") as unknown as { rightEditor: { setPosition(p: object): void; focus(): void } };
      host.rightEditor.setPosition({ lineNumber: line, column: "  let 满意率 = 满意 / (满意 + 不满意".length + 1 });
      host.rightEditor.focus();
    }, ratio);
    await wb.page.keyboard.press("Backspace");
    await wb.type("一");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-dirty=true]");
    expect(await wb.editorText()).toContain("# 右侧\n");
    expect(await wb.editorText()).toContain("(满意 + 不满一)");
    await wb.page.waitForSelector("gavel-code-editor .monaco-host.left .squiggly-error");
    await wb.page.waitForSelector("gavel-code-editor .monaco-host.right .squiggly-error");
    await wb.screenshot(screenshotPath("split-editor-en.png"));

    // Fix it on the left; save from the right side: one new version, both sides clean.
    await wb.page.evaluate((line) => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: { setPosition(p: object): void; focus(): void } };
      host.editor.setPosition({ lineNumber: line, column: "  let 满意率 = 满意 / (满意 + 不满一".length + 1 });
      host.editor.focus();
    }, ratio);
    await wb.page.keyboard.press("Backspace");
    await wb.type("意");
    await wb.page.waitForSelector("gavel-code-editor .monaco-host.right .squiggly-error", { state: "detached" });
    await wb.page.evaluate(() => (document.querySelector("gavel-code-editor") as unknown as { rightEditor: { focus(): void } }).rightEditor.focus());
    await wb.page.keyboard.press("Control+KeyS");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-dirty=false]");
    const stored = await suite.service.getRule(name);
    expect(stored.version).toBe(2);
    expect(stored.source).toContain("# 右侧\n");
    expect(stored.source).toContain("(满意 + 不满意)");

    // Another file on the right (the focused side); the left keeps the first file.
    await wb.page.click(`gavel-explorer li[data-name="${other}"]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${other}"][aria-selected=true]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${name}"][data-side=other]`);
    const shown = await wb.page.evaluate(() => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: EditorProbe; rightEditor: EditorProbe };
      return [host.editor.getValue().split("\n")[0], host.rightEditor.getValue().split("\n")[0]];
    });
    expect(shown).toEqual([`scorecard ${name} "满意度测评" {`, `vote ${other} "A vote" {`]);
    // Focusing the left side makes its file the active one.
    await wb.moveCursor(1, 1);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${name}"][aria-selected=true]`);

    // Close the split with its button: one editor, showing the left side's file.
    await wb.page.click("gavel-tabs [data-action=split]");
    await wb.page.waitForSelector("gavel-code-editor.split", { state: "detached" });
    expect(await wb.page.isVisible("gavel-code-editor .monaco-host.right")).toBe(false);
    expect(await wb.activeTab()).toBe(name);
    expect(await wb.page.getAttribute("gavel-tabs [data-action=split]", "aria-pressed")).toBe("false");
    expect(browser.pageErrors).toEqual([]);
  });

  it("closes the split when the right side's file is closed, and reopens it on Ctrl+\\ from the palette command too", async () => {
    const { browser, wb } = await freshWorkbench({ locale: "zh-CN" });
    const { name } = await storedScorecard("split_close");
    const other = unique("split_close_other");
    await storedVote(other);
    await wb.open(name);
    await wb.page.click(`gavel-explorer li[data-name="${other}"]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${other}"][aria-selected=true]`);
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("Control+Backslash");
    await wb.page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor");
    expect(await wb.page.getAttribute("gavel-tabs [data-action=split]", "aria-label")).toBe("关闭拆分（Ctrl+\\）");
    const labels = await wb.page.evaluate(() => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: { getRawOptions(): { ariaLabel?: string } }; rightEditor: { getRawOptions(): { ariaLabel?: string } } };
      return [host.editor.getRawOptions().ariaLabel, host.rightEditor.getRawOptions().ariaLabel];
    });
    expect(labels).toEqual(["gavel 规则编辑器（左侧）", "gavel 规则编辑器（右侧）"]);
    await wb.screenshot(screenshotPath("split-editor-zh-CN.png"));
    // Close the right side's file (the split shows `other` on both sides: its tab closes and the split with it).
    await wb.page.focus(`gavel-tabs [role=tab][data-name="${other}"]`);
    await wb.page.keyboard.press("Delete");
    await wb.page.waitForSelector("gavel-code-editor.split", { state: "detached" });
    expect(await wb.activeTab()).toBe(name);
    expect(await wb.editorText()).toContain(`scorecard ${name}`);

    // The palette command splits again.
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("F1");
    await wb.page.waitForSelector(".quick-input-widget input");
    await wb.type("并排打开此文件");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "gavel：拆分编辑器" }).first().waitFor();
    await wb.page.keyboard.press("Enter");
    await wb.page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor .view-lines .view-line");
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("breadcrumbs", () => {
  it("show file › rule › block at the cursor, and a crumb moves the cursor to it", async () => {
    const { browser, wb } = await freshWorkbench();
    const { name, source } = await storedScorecard("crumbs");
    await wb.open(name);
    const lines = source.split("\n");
    const bandLine = lines.findIndex((l) => l.includes("10 when 满意率")) + 1;
    await wb.moveCursor(bandLine, 5);
    const crumbs = () => wb.page.locator("gavel-breadcrumbs li").evaluateAll((items) => items.map((i) => `${i.querySelector(".glyph")?.textContent ?? ""} ${i.querySelector(".name")?.textContent ?? ""}`.trim()));
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=criterion]");
    expect(await crumbs()).toEqual([`${name}.gavel`, `☰ ${name}`, "★ 认可"]);
    await wb.screenshot(screenshotPath("breadcrumbs-en.png"));

    // The cursor in a test: file › test.
    const testLine = lines.findIndex((l) => l.includes("expect grade")) + 1;
    await wb.moveCursor(testLine, 5);
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=test]");
    expect(await crumbs()).toEqual([`${name}.gavel`, "⚑ 测评通过"]);

    // Clicking the rule crumb after moving into a let puts the cursor on the rule's name.
    const letLine = lines.findIndex((l) => l.includes("let 满意率")) + 1;
    await wb.moveCursor(letLine, 8);
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=let]");
    await wb.page.click(`gavel-breadcrumbs li[data-crumb=scorecard] button`);
    await wb.page.waitForFunction(() => {
      const host = document.querySelector("gavel-code-editor") as unknown as { editor: EditorProbe };
      return host.editor.getPosition().lineNumber === 1 && host.editor.hasTextFocus();
    });
    expect(await wb.page.evaluate(() => (document.querySelector("gavel-code-editor") as unknown as { editor: EditorProbe }).editor.getPosition().column)).toBe("scorecard ".length + 1);
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=let]", { state: "detached" });
    expect(await crumbs()).toEqual([`${name}.gavel`, `☰ ${name}`]);
    expect(browser.pageErrors).toEqual([]);
  });

  it("are named in Chinese in the zh-CN UI and follow the focused side of a split", async () => {
    const { wb } = await freshWorkbench({ locale: "zh-CN" });
    const { name, source } = await storedScorecard("crumbs_zh");
    await wb.open(name);
    const gradeLine = source.split("\n").findIndex((l) => l.includes('"优秀" when')) + 1;
    await wb.moveCursor(gradeLine, 5);
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=grade]");
    expect(await wb.page.getAttribute("gavel-breadcrumbs nav", "aria-label")).toBe("导航路径：光标所在位置");
    await wb.page.keyboard.press("Control+Backslash");
    await wb.page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor");
    // The right side starts at the same place; moving it into the criterion changes the crumbs.
    const bandLine = source.split("\n").findIndex((l) => l.includes("0 otherwise")) + 1;
    await wb.page.evaluate((line) => {
      const host = document.querySelector("gavel-code-editor") as unknown as { rightEditor: { setPosition(p: object): void; focus(): void } };
      host.rightEditor.setPosition({ lineNumber: line, column: 6 });
      host.rightEditor.focus();
    }, bandLine);
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=criterion]");
    await wb.screenshot(screenshotPath("breadcrumbs-split-zh-CN.png"));
    // Back on the left side: its cursor (in grade) again.
    await wb.page.evaluate(() => (document.querySelector("gavel-code-editor") as unknown as { editor: { focus(): void } }).editor.focus());
    await wb.page.waitForSelector("gavel-breadcrumbs li[data-crumb=grade]");
  });
});
