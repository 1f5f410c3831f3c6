/**
 * The editor end to end: the built workbench (packages/editor/dist) served by the real service, driven in Debian's
 * Chromium. A policy author opens a rule, breaks and fixes it, completes a name, formats, saves a version, runs the
 * tests, tries inputs and compares versions. Every test has its own browser profile and opens the file it needs; the
 * registry is either the seeded one, major_matter with a version 2 stored through the API (both shared by tests that
 * only read them), or the test's own (the save), so any test runs alone (`-t`) or in any order (fresh-workbench.ts).
 * Screenshots of each main view go to a temporary folder, or with `npm run screenshots` to docs/screenshots/.
 */

import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, format, localizeError, runTests } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { ownService, sharedService, workbenchOn, type FreshWorkbench, type WorkbenchOptions } from "./fresh-workbench";
import type { EditorService } from "./editor-service";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

const ROOT = join(import.meta.dirname, "../..");
const RULE = "major_matter";
const source = readFileSync(join(ROOT, "dsl/std/major-matter.gavel"), "utf8");
const lines = source.split("\n");
/** 1-based line of the quorum clause, and the column just after its `present`. */
const quorumLine = lines.findIndex((l) => l.includes("quorum: present")) + 1;
const afterPresent = lines[quorumLine - 1]!.indexOf("present") + "present".length + 1;
/** Version 2 of major_matter as an author saves it in "saves a new version": one comment line added on top. */
const EDITED_LINE = "# edited in the workbench\n";
const edited = EDITED_LINE + source;

async function shot(wb: WorkbenchPage, name: string): Promise<void> {
  await wb.screenshot(screenshotPath(`${name}.png`));
}

async function setLook(wb: WorkbenchPage, locale: "en" | "zh-CN", theme: "light" | "dark"): Promise<void> {
  const current = await wb.page.evaluate(() => ({ lang: document.documentElement.lang, theme: document.documentElement.dataset["theme"] }));
  if (current.lang !== locale) await wb.page.click("gavel-status-bar [data-status=locale]");
  if (current.theme !== theme) await wb.page.click("gavel-status-bar [data-status=theme]");
  await wb.page.waitForFunction(
    ([l, t]) => document.documentElement.lang === l && document.documentElement.dataset["theme"] === t,
    [locale, theme] as const,
  );
}

/** Waits until the editor's text is `expected`. */
function editorTextIs(wb: WorkbenchPage, expected: string) {
  return wb.page.waitForFunction(
    (text) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } | null }).editor?.getValue() === text,
    expected,
  );
}

/** Waits until the status bar names the saved version, e.g. "saved v2". */
function statusSays(wb: WorkbenchPage, text: string) {
  return wb.page.waitForFunction((text) => document.querySelector("gavel-status-bar")?.shadowRoot?.textContent?.includes(text), text);
}

/** The registry as on a first start: major_matter is version 1 of dsl/std/major-matter.gavel. Only read. */
const seeded = sharedService();
/** The same with `edited` stored as major_matter's version 2, as "saves a new version" leaves it. Only read. */
const withVersion2 = sharedService(async (service) => {
  expect(await service.putRule(RULE, edited)).toEqual({ version: 2 });
});

/** A new browser with major_matter version 1 open in the editor, on the seeded registry unless given another. */
async function withMajorMatter(options: WorkbenchOptions = {}, service?: EditorService): Promise<FreshWorkbench> {
  const fresh = await workbenchOn(service ?? (await seeded()), options);
  await fresh.wb.open(RULE);
  await editorTextIs(fresh.wb, source);
  await statusSays(fresh.wb, "saved v1");
  return fresh;
}

/** A new browser holding the admin token, with major_matter version 2 (`edited`) open in the editor. */
async function withEditedMajorMatter(options: WorkbenchOptions = {}): Promise<FreshWorkbench> {
  const fresh = await workbenchOn(await withVersion2(), { withToken: true, ...options });
  await fresh.wb.open(RULE);
  await editorTextIs(fresh.wb, edited);
  await statusSays(fresh.wb, "saved v2");
  return fresh;
}

describe("the editor workbench against the real service", { timeout: 180_000 }, () => {
  it("lists the registry's rule files and opens one in a tab, with its saved version", async () => {
    const { wb } = await workbenchOn(await seeded()); // a first-time visitor: English, light theme, no token yet
    await wb.open();
    await wb.page.waitForSelector(`gavel-explorer li[data-name=${RULE}]`);
    await wb.page.click(`gavel-explorer li[data-name=${RULE}]`);
    await wb.page.waitForSelector(".monaco-editor .view-lines .view-line");
    expect(await wb.editorText()).toBe(source);
    expect(await wb.page.textContent(`gavel-tabs [role=tab][data-name=${RULE}]`)).toContain(`${RULE}.gavel`);
    expect(await wb.page.getAttribute(`gavel-tabs [role=tab][data-name=${RULE}]`, "data-dirty")).toBe("false");
    await wb.page.waitForFunction(() => document.querySelector("gavel-status-bar")?.shadowRoot?.textContent?.includes("saved v1"));
    // Highlighting: keywords and the vote's facts get their own token colours.
    expect(await wb.page.locator(".monaco-editor .view-line span.mtk1").count()).toBeGreaterThan(0);
    expect(await wb.statusCounts()).toEqual({ errors: 0, warnings: 0 });
    await shot(wb, "workbench-en-light");
  });

  it("shows a squiggle and a Problems entry for an error typed in, and clears both when it is fixed", async () => {
    const { wb } = await withMajorMatter();
    await wb.moveCursor(quorumLine, afterPresent);
    await wb.page.keyboard.press("Backspace"); // present → presen: an undefined name
    await wb.page.waitForSelector(".monaco-editor .squiggly-error");
    await wb.page.waitForSelector("gavel-problems li.problem");
    const problems = await wb.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^UNDEFINED_NAME .*presen/);
    expect(await wb.statusCounts()).toEqual({ errors: 1, warnings: 0 });
    expect(await wb.page.getAttribute(`gavel-tabs [role=tab][data-name=${RULE}]`, "data-dirty")).toBe("true");
    await shot(wb, "problems-en-light");

    await wb.moveCursor(quorumLine, afterPresent - 1); // the Problems tab took the focus
    await wb.page.keyboard.type("t");
    await wb.page.waitForSelector(".monaco-editor .squiggly-error", { state: "detached" });
    await wb.page.waitForSelector("gavel-problems li.problem", { state: "detached" });
    expect(await wb.statusCounts()).toEqual({ errors: 0, warnings: 0 });
    expect(await wb.editorText()).toBe(source);
  });

  it("completes a name from the language service", async () => {
    const { wb } = await withMajorMatter();
    await wb.moveCursor(quorumLine, afterPresent);
    for (let i = 0; i < "sent".length; i++) await wb.page.keyboard.press("Backspace");
    await wb.page.keyboard.press("Control+Space");
    const row = wb.page.locator(".suggest-widget .monaco-list-row", { hasText: "present" }).first();
    await row.waitFor();
    await row.click();
    await wb.page.waitForFunction(
      (expected) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } }).editor.getValue() === expected,
      source,
    );
  });

  it("offers the compiler's \"did you mean\" as a quick fix (Ctrl+.)", async () => {
    const { wb } = await withMajorMatter();
    await wb.moveCursor(quorumLine, afterPresent);
    await wb.page.keyboard.press("Backspace");
    await wb.page.waitForSelector(".monaco-editor .squiggly-error");
    await wb.moveCursor(quorumLine, afterPresent - 2);
    await wb.page.keyboard.press("Control+Period");
    const fix = wb.page.locator(".action-widget .monaco-list-row", { hasText: "'present'" }).first();
    await fix.waitFor();
    await fix.click();
    await wb.page.waitForFunction(
      (expected) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } }).editor.getValue() === expected,
      source,
    );
    await wb.page.waitForSelector(".monaco-editor .squiggly-error", { state: "detached" });
  });

  it("formats the document with the same formatter as the CLI", async () => {
    const { wb } = await withMajorMatter();
    await wb.moveCursor(quorumLine, 1);
    await wb.page.keyboard.insertText("      ");
    const messy = await wb.editorText();
    const expected = format(messy);
    expect(expected.ok).toBe(true);
    expect(messy).not.toBe(expected.ok ? expected.text : "");
    await wb.page.keyboard.press("Control+Shift+KeyI"); // Format Document on Linux, as in VS Code
    await wb.page.waitForFunction(
      (text) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } }).editor.getValue() === text,
      expected.ok ? expected.text : "",
    );
  });

  it("toggles a # comment with Ctrl+/ and matches brackets", async () => {
    const { wb } = await withMajorMatter();
    const before = await wb.editorText();
    await wb.moveCursor(quorumLine, 5);
    await wb.page.keyboard.press("Control+Slash");
    await wb.page.waitForFunction(
      (line) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } }).editor.getValue().split("\n")[line - 1]!.trimStart().startsWith("# quorum:"),
      quorumLine,
    );
    await wb.page.keyboard.press("Control+Slash");
    await wb.page.waitForFunction(
      (text) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } }).editor.getValue() === text,
      before,
    );
    // The cursor next to the vote's opening brace highlights the pair.
    const voteLine = lines.findIndex((l) => l.startsWith("vote major_matter")) + 1;
    await wb.moveCursor(voteLine, lines[voteLine - 1]!.length + 1);
    await wb.page.waitForSelector(".monaco-editor .bracket-match");
    expect(await wb.page.locator(".monaco-editor .bracket-match").count()).toBe(2);
  });

  it("saves a new version with Ctrl+S after signing in from the status bar", async () => {
    const { service, wb } = await withMajorMatter({}, await ownService()); // it saves: its own registry; no token yet
    await wb.page.click("gavel-status-bar [data-action=sign-in]");
    await wb.page.fill("gavel-sign-in-dialog #sign-in-token", service.token);
    await wb.page.click("gavel-sign-in-dialog [data-action=sign-in]");
    await wb.page.waitForSelector("gavel-status-bar [data-status=user]");
    expect(await wb.page.evaluate(() => localStorage.getItem("gavel.token"))).toBe(service.token);

    // One visible edit, so the new version differs from the first.
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.insertText(EDITED_LINE);
    const text = await wb.editorText();
    expect(text).toBe(edited); // the version 2 the later tests store through the API
    await wb.page.keyboard.press("Control+s");
    await wb.page.waitForFunction(() => document.querySelector("gavel-status-bar")?.shadowRoot?.textContent?.includes("saved v2"));
    expect(await wb.page.getAttribute(`gavel-tabs [role=tab][data-name=${RULE}]`, "data-dirty")).toBe("false");
    const stored = await service.getRule(RULE);
    expect(stored).toEqual({ version: 2, source: text });
  });

  it("runs the file's tests in the browser, shows a failure with expected vs actual, and jumps to it", async () => {
    const { wb } = await withEditedMajorMatter();
    const text = await wb.editorText();
    const module = compile(text, { file: `${RULE}.gavel` });
    const expected = runTests(module);
    const covered = module.coverageUnits.filter((u) => expected.covered.has(u.id)).length;
    await wb.showPanel("tests");
    await wb.page.click("gavel-tests [data-action=run-tests]");
    await wb.page.waitForSelector("gavel-tests .summary");
    expect(await wb.page.textContent("gavel-tests .summary")).toBe(`${expected.passed} passed, 0 failed`);
    expect(await wb.page.locator("gavel-tests li.test[data-passed=true]").count()).toBe(expected.results.length);
    expect(await wb.page.textContent("gavel-tests .coverage")).toContain(`${covered} of ${module.coverageUnits.length}`);
    await setLook(wb, "en", "dark");
    await shot(wb, "tests-en-dark");

    // A wrong expectation: exactly two-thirds present is no quorum, not a pass.
    const wrong = `\ntest "deliberately wrong" {\n  ${RULE}(entitled: 30, present: 20, yes: 20, no: 0, abstain: 0)\n    expect outcome = passed\n}\n`;
    await wb.appendText(wrong);
    const testLine = (await wb.editorText()).split("\n").indexOf('test "deliberately wrong" {') + 1;
    await wb.page.click("gavel-tests [data-action=run-tests]");
    const failed = wb.page.locator("gavel-tests li.test[data-passed=false]");
    await failed.waitFor();
    expect(await failed.count()).toBe(1);
    expect(await failed.locator(".name").textContent()).toBe("deliberately wrong");
    expect(await failed.locator(".expected").textContent()).toBe("passed");
    expect(await failed.locator(".actual").textContent()).toBe("no_quorum");
    expect(await wb.page.textContent("gavel-tests .summary")).toBe(`${expected.passed} passed, 1 failed`);
    await wb.moveCursor(1, 1);
    await failed.click();
    const position = await wb.page.evaluate(
      () => (document.querySelector("gavel-code-editor") as unknown as { editor: { getPosition(): { lineNumber: number } } }).editor.getPosition().lineNumber,
    );
    expect(position).toBe(testLine);
    await shot(wb, "tests-failure-en-dark");

    // The "Run test" lens of that block runs it alone; from the keyboard: F1 → "Show CodeLens commands for current line".
    await wb.moveCursor(testLine, 1);
    // Wait for the lens drawn right above the new block (lenses follow the check of the current text).
    await wb.page.waitForFunction(() => {
      const line = [...document.querySelectorAll(".monaco-editor .view-line")].find((l) => l.textContent?.includes("deliberately"));
      if (!line) return false;
      const top = line.getBoundingClientRect().top;
      return [...document.querySelectorAll(".codelens-decoration")].some((lens) => {
        const bottom = lens.getBoundingClientRect().bottom;
        return lens.textContent?.includes("Run test") && bottom <= top + 1 && bottom > top - 30;
      });
    });
    await wb.page.keyboard.press("F1");
    await wb.page.keyboard.type("CodeLens");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "CodeLens" }).first().waitFor();
    await wb.page.keyboard.press("Enter");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "Run test" }).first().waitFor();
    await wb.page.keyboard.press("Enter");
    await wb.page.waitForFunction(() => document.querySelector("gavel-tests")?.shadowRoot?.querySelector(".summary")?.textContent === "0 passed, 1 failed");
    expect(await wb.page.locator("gavel-tests li.test").count()).toBe(1);
  });

  it("tries inputs and explains every clause, with bars against the quorum and pass lines", async () => {
    const { wb } = await withEditedMajorMatter();
    await setLook(wb, "zh-CN", "light");
    // The "试算" (Try it) lens above the vote opens the panel on it.
    await wb.moveCursor(1, 1);
    const tryLens = wb.page.locator(".codelens-decoration a", { hasText: "试算" }).first();
    await tryLens.waitFor();
    await tryLens.click();
    await wb.page.waitForSelector("gavel-bottom-panel [data-panel=try][aria-selected=true]");
    expect(await wb.page.locator("gavel-try #rule-select").inputValue()).toBe(RULE);
    await wb.page.fill("gavel-try input[name=entitled]", "30");
    await wb.page.fill("gavel-try input[name=present]", "20");
    await wb.page.fill("gavel-try input[name=yes]", "20");
    await wb.page.fill("gavel-try input[name=no]", "0");
    await wb.page.fill("gavel-try input[name=abstain]", "0");
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try .outcome");
    expect(await wb.page.getAttribute("gavel-try .outcome", "data-outcome")).toBe("no_quorum");
    expect(await wb.page.textContent("gavel-try .badge")).toBe("未达法定人数");

    const rule = compile(await wb.editorText()).scope.get(RULE)!;
    const outcome = rule.evaluate({ entitled: 30, present: 20, yes: 20, no: 0, abstain: 0 });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const details = await wb.page.locator("gavel-try tr.step td.detail").allTextContents();
    // The worked arithmetic as lang explains it, its truth value in the UI's language.
    const zhTruth = (detail: string) => detail.replace(/\btrue\b/g, "成立").replace(/\bfalse\b/g, "不成立");
    expect(details).toEqual(outcome.result.explanation.map((step) => zhTruth(step.detail)));

    // Roster 30: the quorum needs 21 present (20 is exactly two-thirds), approval 16 yes.
    await wb.page.waitForSelector("gavel-vote-chart line.threshold", { state: "attached" });
    const lines = await wb.page.locator("gavel-vote-chart line.threshold").evaluateAll((els) => els.map((e) => e.getAttribute("data-value")));
    expect(lines).toEqual(["21", "16"]);
    await shot(wb, "try-zh-CN-light");
    await setLook(wb, "zh-CN", "dark");
    await shot(wb, "try-zh-CN-dark");

    await wb.page.fill("gavel-try input[name=present]", "21");
    await wb.page.fill("gavel-try input[name=yes]", "16");
    await wb.page.fill("gavel-try input[name=no]", "5");
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try .outcome[data-outcome=passed]");
    await setLook(wb, "en", "light");
    await shot(wb, "try-en-light");
    await setLook(wb, "en", "dark");
    await shot(wb, "try-en-dark");

    // Impossible counts are an evaluation error, named, never a silent outcome.
    await wb.page.fill("gavel-try input[name=present]", "31");
    await wb.page.click("gavel-try [data-action=evaluate]");
    const impossible = rule.evaluate({ entitled: 30, present: 31, yes: 16, no: 5, abstain: 0 });
    expect(impossible.ok).toBe(false);
    if (impossible.ok) return;
    await wb.page.waitForSelector("gavel-try [role=alert]");
    expect(await wb.page.textContent("gavel-try [role=alert]")).toContain(impossible.error.code);
    expect(await wb.page.textContent("gavel-try [role=alert]")).toContain(impossible.error.message);
    expect(await wb.page.locator("gavel-try .outcome").count()).toBe(0);
    // …in the UI's language.
    await setLook(wb, "zh-CN", "dark");
    await wb.page.click("gavel-try [data-action=evaluate]");
    const zhMessage = localizeError(impossible.error, "zh").message;
    expect(zhMessage).not.toBe(impossible.error.message);
    await wb.page.waitForFunction(
      (text) => document.querySelector("gavel-try")?.shadowRoot?.querySelector("[role=alert]")?.textContent?.includes(text),
      zhMessage,
    );
  });

  it("compares a stored version with the editor in a diff view", async () => {
    const { wb } = await withEditedMajorMatter();
    await setLook(wb, "zh-CN", "light");
    await wb.page.click("gavel-status-bar [data-status=version]"); // the saved version opens the history
    await wb.page.waitForSelector("gavel-history [data-version='1']");
    expect(await wb.page.locator("gavel-history [data-version]").count()).toBe(2);
    await wb.page.click("gavel-history [data-version='1']");
    await wb.page.waitForSelector(".monaco-diff-editor");
    await wb.page.waitForSelector(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert");
    await shot(wb, "history-diff-zh-CN-light");
    // What version 2 changed against version 1: both stored texts, read-only.
    await wb.page.click("gavel-history [data-previous='2']");
    await wb.page.waitForFunction(() => document.querySelector("gavel-code-editor .diff-bar")?.textContent?.includes("第 1 版 ↔ 第 2 版"));
    await wb.page.waitForSelector(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert");
    await wb.page.click("gavel-code-editor [data-action=close-diff]");
    await wb.page.waitForSelector(".monaco-diff-editor", { state: "hidden" });
    await wb.page.click("gavel-activity-bar [data-view=explorer]");
  });

  it("shows hover help and the Problems panel in Chinese", async () => {
    const { browser, wb } = await withEditedMajorMatter();
    await setLook(wb, "zh-CN", "dark");
    await wb.showPanel("problems");
    await wb.moveCursor(quorumLine + 1, 1); // the quorum line moved down by the comment version 2 added
    await wb.page.keyboard.press("End");
    await wb.page.keyboard.type(" +");
    await wb.page.waitForSelector("gavel-problems li.problem");
    expect(await wb.page.textContent("gavel-status-bar [data-count=errors]")).not.toBe("0");
    // The messages are the compiler's own, in the UI's language.
    const zh = compile(await wb.editorText(), { file: `${RULE}.gavel`, locale: "zh" }).diagnostics;
    expect(await wb.page.locator("gavel-problems li.problem .message").allTextContents()).toEqual(zh.map((d) => d.message));
    const word = wb.page.locator(".monaco-editor .view-line span", { hasText: /^entitled$/ }).first();
    await word.hover();
    const hover = wb.page.locator(".monaco-hover-content").first();
    await hover.waitFor();
    expect(await hover.textContent()).toContain("entitled");
    await shot(wb, "problems-hover-zh-CN-dark");
    expect(browser.pageErrors).toEqual([]);
  });

  it("serves the workbench under a Content-Security-Policy without unsafe-inline or unsafe-eval, and Swagger UI at /docs runs under it without a violation", async () => {
    // Every test here fails on a CSP violation or a page error (freshWorkbench); this one also checks the header and /docs.
    const { browser, service, wb } = await withMajorMatter();
    expect(browser.cspViolations).toEqual([]);
    const page = await wb.page.request.get(`${service.baseUrl}/`);
    const csp = page.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    await wb.page.goto(`${service.baseUrl}/docs`);
    await wb.page.waitForSelector(".swagger-ui .opblock-summary-path");
    expect(await wb.page.locator(".swagger-ui .opblock-summary-path").allTextContents()).toContain("/v1/ballots");
    await wb.page.screenshot({ path: join(tmpdir(), "gavel-swagger-ui-under-csp.png") });
    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
