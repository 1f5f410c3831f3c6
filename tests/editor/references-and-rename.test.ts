/**
 * Find references (Shift+F12) and rename symbol (F2) in the workbench, from the language package that `gavel lsp`
 * uses too, driven in Chromium against the real service. The expected occurrences are found here independently,
 * by matching whole identifiers in the source; refusals are shown in the UI's language.
 */

import { describe, expect, it } from "vitest";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";
import { scorecardSource } from "./sample-rules";

const suite = fileWorkbench();
let counter = 0;
const unique = (prefix: string) => `${prefix}_${++counter}_${Date.now().toString(36)}`;

/** The whole-identifier occurrences of `name` outside strings, as 1-based lines (an oracle independent of lang). */
function identifierLines(source: string, name: string): number[] {
  const lines: number[] = [];
  source.split("\n").forEach((line, i) => {
    const code = line.replace(/"[^"]*"/g, (s) => " ".repeat(s.length));
    const word = new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, "gu");
    for (const _ of code.matchAll(word)) lines.push(i + 1);
  });
  return lines;
}

/** The source with every whole-identifier occurrence of `from` outside strings replaced by `to`. */
function renamedIndependently(source: string, from: string, to: string): string {
  return source
    .split("\n")
    .map((line) => line.replace(/("[^"]*")|([\p{L}_][\p{L}\p{N}_]*)/gu, (whole, str: string | undefined) => (str === undefined && whole === from ? to : whole)))
    .join("\n");
}

/** Puts the cursor inside the first occurrence of `text` on line `lineNumber` (1-based), `into` characters in. */
async function cursorInside(wb: WorkbenchPage, source: string, lineNumber: number, text: string, into = 1): Promise<void> {
  const column = source.split("\n")[lineNumber - 1]!.indexOf(text) + 1 + into;
  await wb.moveCursor(lineNumber, column);
}

async function openScorecard(locale: "en" | "zh-CN" = "en"): Promise<{ wb: WorkbenchPage; source: string; name: string }> {
  const name = unique("refs");
  const source = scorecardSource(name);
  await suite.service.putRule(name, source);
  const { wb } = await suite.freshWorkbench({ locale });
  await wb.open(name);
  // The worker has checked the file once the code lenses are drawn: references and renames answer from then on.
  await wb.page.waitForSelector(".monaco-editor .codelens-decoration");
  return { wb, source, name };
}

describe("find references and rename symbol", () => {
  it.each([
    { locale: "en" as const, title: (n: number) => `References (${n})` },
    { locale: "zh-CN" as const, title: (n: number) => `引用 (${n})` },
  ])("Shift+F12 on an input lists every place its name is written, and nothing that only contains it ($locale)", async ({ locale, title }) => {
    const { wb, source } = await openScorecard(locale);
    const expected = identifierLines(source, "满意");
    expect(expected).toHaveLength(4); // declaration, twice in 满意率, the test's argument (not 满意率, 不满意 or labels)
    await cursorInside(wb, source, 5, "满意 /");
    await wb.page.keyboard.press("Shift+F12");
    // One file: the peek view lists the occurrences themselves, one row each, with their lines of text.
    const rows = wb.page.locator(".reference-zone-widget .ref-tree .monaco-list-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(expected.length);
    const lines = source.split("\n");
    const rowTexts = await rows.evaluateAll((r) => r.map((row) => row.textContent?.trim() ?? ""));
    for (const line of expected) expect(rowTexts.some((text) => lines[line - 1]!.includes(text)), `a row for line ${line}`).toBe(true);
    expect(await wb.page.locator(".reference-zone-widget .peekview-title").textContent()).toContain(title(expected.length));
    await wb.screenshot(screenshotPath(`find-references-${locale}.png`));
  });

  it("F2 renames an input in the rule, its let and its test at once, leaving longer names and labels alone", async () => {
    const { wb, source } = await openScorecard();
    await cursorInside(wb, source, 2, "满意:");
    await wb.page.keyboard.press("F2");
    const box = wb.page.locator(".rename-box input");
    await box.waitFor();
    expect(await box.inputValue()).toBe("满意");
    await box.fill("赞同");
    await wb.screenshot(screenshotPath("rename-en.png"));
    await box.press("Enter");
    const want = renamedIndependently(source, "满意", "赞同");
    expect(want).not.toBe(source);
    await expect.poll(() => wb.editorText(), { timeout: 15_000 }).toBe(want);
    // The renamed file still checks clean: no problems in the status bar.
    await expect.poll(() => wb.statusCounts(), { timeout: 15_000 }).toEqual({ errors: 0, warnings: 0 });
  });

  it("refuses a reserved word and a place with no name, saying why in Chinese in the zh-CN UI", async () => {
    const { wb, source } = await openScorecard("zh-CN");
    await cursorInside(wb, source, 5, "满意率");
    await wb.page.keyboard.press("F2");
    const box = wb.page.locator(".rename-box input");
    await box.waitFor();
    await box.fill("score");
    await box.press("Enter");
    const message = wb.page.locator(".monaco-editor-overlaymessage");
    await message.filter({ hasText: "“score” 是语言的保留字，不能用作名称。" }).waitFor();
    expect(await wb.editorText()).toBe(source);
    await wb.screenshot(screenshotPath("rename-refused-zh.png"));

    await cursorInside(wb, source, 7, "max 10", 1);
    await wb.page.keyboard.press("F2");
    await message.filter({ hasText: "这里没有可以重命名的规则、输入项、let 或评分项名称。" }).waitFor();
    expect(await wb.page.locator(".rename-box input").isVisible()).toBe(false);
  });
});
