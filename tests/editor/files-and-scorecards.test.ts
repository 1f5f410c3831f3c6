/**
 * The editor end to end, second part: a new rule file from the explorer, saved; go to definition into the standard
 * library; the command palette; a scorecard tried with its criteria drawn; rename and remove in the explorer.
 * Every test has its own browser profile; the registry is either its own (the tests that save) or one of two shared
 * scenarios set up through the API and only read, so any test runs alone (`-t`) or in any order (fresh-workbench.ts).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, runTests } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { newRuleFileSource } from "../../packages/editor/src/rule-templates";
import type { EditorService } from "./editor-service";
import { ownService, sharedService, workbenchOn, type FreshWorkbench, type WorkbenchOptions } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

const ROOT = join(import.meta.dirname, "../..");
const marketPlan = readFileSync(join(ROOT, "examples/market-rebuilding.gavel"), "utf8");
const cadreReview = readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8");
const stdMajorMatter = readFileSync(join(ROOT, "dsl/std/major-matter.gavel"), "utf8");

/** Waits until the editor's text is `expected`. */
function editorValueIs(wb: WorkbenchPage, expected: string) {
  return wb.page.waitForFunction(
    (text) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } | null }).editor?.getValue() === text,
    expected,
  );
}

/** Stores the market plan as market_plan and the cadre review, each version 1, as "creates a new rule file" leaves them. */
async function storePlanAndReview(service: EditorService): Promise<void> {
  expect(await service.putRule("market_plan", marketPlan)).toEqual({ version: 1 });
  expect(await service.putRule("cadre_review", cadreReview)).toEqual({ version: 1 });
}

/** market_plan and cadre_review stored. Only read. */
const planAndReview = sharedService(storePlanAndReview);
/** The plan stored as market_plan_2026 only, as the explorer shows after "renames and removes files". Only read. */
const renamedPlan = sharedService(async (service) => {
  expect(await service.putRule("market_plan_2026", marketPlan)).toEqual({ version: 1 });
});

/** A new browser holding the admin token (English, light unless told) on `service`, confirming every dialog. */
async function browserOn(service: EditorService, options: WorkbenchOptions = {}): Promise<FreshWorkbench> {
  const fresh = await workbenchOn(service, { withToken: true, ...options });
  fresh.browser.page.on("dialog", (dialog) => void dialog.accept());
  return fresh;
}

/** Opens a rule file by its explorer row and waits until its tab is the selected one. */
async function clickOpen(wb: WorkbenchPage, name: string): Promise<void> {
  await wb.page.click(`gavel-explorer li[data-name=${name}]`);
  await wb.page.waitForFunction((name) => document.querySelector("gavel-tabs")?.shadowRoot?.querySelector(`[data-name="${name}"][aria-selected=true]`), name);
}

/** market_plan open in a new browser on the shared scenario. */
async function withMarketPlan(): Promise<FreshWorkbench> {
  const fresh = await browserOn(await planAndReview());
  await fresh.wb.open("market_plan");
  await editorValueIs(fresh.wb, marketPlan);
  return fresh;
}

/** market_plan_2026 open in a new browser in Chinese and dark, as the tests before it in the story left the page. */
async function withRenamedPlan(): Promise<FreshWorkbench> {
  const fresh = await browserOn(await renamedPlan(), { locale: "zh-CN", theme: "dark" });
  await fresh.wb.open("market_plan_2026");
  await editorValueIs(fresh.wb, marketPlan);
  return fresh;
}

describe("rule files, definitions, the palette and scorecards in the workbench", { timeout: 180_000 }, () => {
  it("creates a new rule file from the explorer and saves it as version 1", async () => {
    const { service, wb } = await browserOn(await ownService()); // it saves: its own registry
    await wb.open();
    await wb.page.click("gavel-explorer [data-action=new]");
    await wb.page.fill("gavel-explorer input.inline", "market_plan");
    await wb.page.press("gavel-explorer input.inline", "Enter");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-name=market_plan][data-dirty=true]");
    expect(await wb.editorText()).toBe(newRuleFileSource("market_plan"));
    expect(compile(newRuleFileSource("market_plan")).ok).toBe(true);
    await wb.replaceAll(marketPlan);
    await wb.page.keyboard.press("Control+s");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-name=market_plan][data-dirty=false]");
    expect(await service.getRule("market_plan")).toEqual({ version: 1, source: marketPlan });
    expect(await wb.page.textContent("gavel-explorer li[data-name=market_plan] .version")).toBe("v1");
  });

  it("runs the tests from the command palette (F1)", async () => {
    const { wb } = await withMarketPlan();
    await wb.moveCursor(1, 1);
    await wb.runCommand("gavel: Run the tests");
    await wb.page.waitForSelector("gavel-tests .summary");
    const expected = runTests(compile(marketPlan, { file: "market_plan.gavel", resolveImport: (path) => (path === "std/major-matter.gavel" ? { file: path, source: stdMajorMatter } : undefined) }));
    expect(expected.failed).toBe(0);
    expect(await wb.page.textContent("gavel-tests .summary")).toBe(`${expected.passed} passed, 0 failed`);
  });

  it("goes to the definition of an imported rule in the standard library (F12), read-only", async () => {
    const { wb } = await withMarketPlan();
    const line = marketPlan.split("\n").findIndex((l) => l.includes("major_matter(entitled")) + 1;
    await wb.moveCursor(line, 5);
    await wb.page.keyboard.press("F12");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-name='std/major-matter']");
    expect(await wb.activeTab()).toBe("std/major-matter");
    await editorValueIs(wb, stdMajorMatter);
    expect(await wb.cursorLine()).toBe(stdMajorMatter.split("\n").findIndex((l) => l.startsWith("vote major_matter")) + 1);
    await wb.page.keyboard.type("x");
    expect(await wb.editorText()).toBe(stdMajorMatter); // read-only
    await wb.page.click("gavel-tabs [role=tab][data-name='std/major-matter'] .close");
    expect(await wb.activeTab()).toBe("market_plan");
  });

  it("tries a scorecard: score, grade, and each criterion's points against its maximum", async () => {
    const { wb } = await withMarketPlan();
    await clickOpen(wb, "cadre_review");
    await wb.showPanel("try");
    const input = { training_days: 12, talk_half_years: 1, leader_visit_months: 10, rep_visit_quarters: 4, satisfied: 30, basically: 10, unsatisfied: 5 };
    await wb.page.waitForSelector("gavel-try input[name=training_days]");
    for (const [name, value] of Object.entries(input)) await wb.page.fill(`gavel-try input[name=${name}]`, String(value));
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try .outcome");

    const outcome = compile(cadreReview).scope.get("cadre_review")!.evaluate(input);
    if (!outcome.ok || outcome.result.kind !== "scorecard") throw new Error("cadre_review should evaluate");
    const result = outcome.result;
    expect(await wb.page.textContent("gavel-try .score")).toBe(`${result.score} / ${result.max}`);
    expect(await wb.page.textContent("gavel-try .badge.grade")).toBe(result.grade);
    expect(await wb.page.locator("gavel-scorecard-chart rect.bar").count()).toBe(result.criteria.length + 1);
    const reasons = await wb.page.locator("gavel-try tr.criterion td.reason").allTextContents();
    expect(reasons).toEqual(result.criteria.map((c) => c.reason));
    await wb.screenshot(screenshotPath("try-scorecard-en-light.png"));
    await wb.page.click("gavel-status-bar [data-status=locale]");
    await wb.page.click("gavel-status-bar [data-status=theme]");
    await wb.page.waitForFunction(() => document.documentElement.dataset["theme"] === "dark" && document.documentElement.lang === "zh-CN");
    await wb.page.click("gavel-activity-bar [data-view=outline]");
    await wb.page.waitForSelector("gavel-outline [role=tree]");
    expect(await wb.page.locator("gavel-outline li").count()).toBeGreaterThan(result.criteria.length);
    await wb.screenshot(screenshotPath("try-scorecard-outline-zh-CN-dark.png"));
    await wb.page.click("gavel-activity-bar [data-view=explorer]");
  });

  it("renames and removes files in the explorer (in this browser only: the registry keeps every version)", async () => {
    const service = await ownService(); // it saves: its own registry
    await storePlanAndReview(service);
    const { wb } = await browserOn(service);
    await wb.open("market_plan");
    await editorValueIs(wb, marketPlan);
    await clickOpen(wb, "cadre_review"); // the file renamed is not the one in view
    const row = wb.page.locator("gavel-explorer li[data-name=market_plan]");
    await row.focus();
    await wb.page.keyboard.press("F2");
    await wb.page.fill("gavel-explorer input.inline", "market_plan_2026");
    await wb.page.press("gavel-explorer input.inline", "Enter");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-name=market_plan_2026][data-dirty=true]");
    await editorValueIs(wb, marketPlan);
    expect(await wb.page.locator("gavel-explorer li[data-name=market_plan]").count()).toBe(0);
    await wb.page.keyboard.press("Control+s");
    await wb.page.waitForSelector("gavel-tabs [role=tab][data-name=market_plan_2026][data-dirty=false]");
    expect(await service.getRule("market_plan_2026")).toEqual({ version: 1, source: marketPlan });

    await wb.page.locator("gavel-explorer li[data-name=cadre_review]").focus();
    await wb.page.keyboard.press("Delete");
    await wb.page.waitForSelector("gavel-explorer li[data-name=cadre_review]", { state: "detached" });
    expect((await service.getRule("cadre_review")).version).toBe(1);
    // Still hidden after a reload: the list of removed files is kept in this browser.
    await wb.open();
    await wb.page.waitForSelector("gavel-explorer li[data-name=market_plan_2026]");
    expect(await wb.page.locator("gavel-explorer li[data-name=cadre_review]").count()).toBe(0);
  });

  it("offers the workbench commands in the palette, in Chinese after a reload in zh-CN", async () => {
    const { browser, wb } = await browserOn(await renamedPlan(), { theme: "dark" });
    await wb.open("market_plan_2026");
    await editorValueIs(wb, marketPlan);
    await wb.page.click("gavel-status-bar [data-status=locale]");
    await wb.page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await wb.page.reload();
    await wb.page.waitForSelector(".monaco-editor .view-lines .view-line");
    await editorValueIs(wb, marketPlan);
    expect(await wb.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("F1");
    await wb.page.keyboard.type("gavel");
    const rows = wb.page.locator(".quick-input-list .monaco-list-row");
    await rows.first().waitFor();
    const labels = await rows.allTextContents(); // the list is virtual: only the rows in view
    expect(labels.some((l) => l.includes("gavel：保存新版本"))).toBe(true);
    await wb.screenshot(screenshotPath("palette-zh-CN-dark.png"));
    // More commands than rows in view: narrow the list to find one further down (sorted by label).
    await wb.page.keyboard.type("：试算");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "gavel：试算此规则" }).first().waitFor();
    await wb.page.keyboard.press("Escape");
    // Monaco's own commands are in Chinese too (its messages are loaded before it).
    await wb.page.keyboard.press("F1");
    await wb.page.keyboard.type("格式化文档");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "格式化文档" }).first().waitFor();
    await wb.page.keyboard.press("Escape");
    expect(browser.pageErrors).toEqual([]);
  });

  it("moves the focus between the workbench's parts with F6 and opens a file from the keyboard", async () => {
    const { wb } = await withRenamedPlan();
    const focused = () => wb.page.evaluate(() => {
      const active = document.activeElement;
      return active?.closest("gavel-code-editor") ? "editor" : (active?.tagName.toLowerCase() ?? "");
    });
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("F6");
    expect(await focused()).toBe("gavel-bottom-panel");
    await wb.page.keyboard.press("F6");
    expect(await focused()).toBe("gavel-status-bar");
    await wb.page.keyboard.press("F6");
    expect(await focused()).toBe("gavel-activity-bar");
    await wb.page.keyboard.press("F6");
    expect(await focused()).toBe("gavel-explorer");
    // The open file's row has the focus; ArrowUp and Enter open the file above it.
    const rows = await wb.page.locator("gavel-explorer li[data-name]").evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
    const above = rows[rows.indexOf("market_plan_2026") - 1]!;
    await wb.page.keyboard.press("ArrowUp");
    await wb.page.keyboard.press("Enter");
    await wb.page.waitForFunction((name) => document.querySelector("gavel-tabs")?.shadowRoot?.querySelector(`[data-name="${name}"][aria-selected=true]`), above);
    expect(await focused()).toBe("editor");
    await wb.page.keyboard.press("Shift+F6");
    expect(await focused()).toBe("gavel-explorer");
  });

  it("fits a small laptop screen: nothing overflows, the status bar and the panel stay in view", async () => {
    const { wb } = await withRenamedPlan();
    await clickOpen(wb, "major_matter"); // a second tab, as the F6 test leaves the page
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await wb.page.setViewportSize({ width, height });
      // The new size has reached the page and the layout (resize observers, Monaco) has drawn two frames since.
      await wb.page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [width, height] as const);
      await wb.painted();
      const box = await wb.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        status: document.querySelector("gavel-status-bar")!.getBoundingClientRect().bottom,
        panel: document.querySelector("gavel-bottom-panel")!.getBoundingClientRect().height,
        editor: document.querySelector("gavel-code-editor")!.getBoundingClientRect().height,
      }));
      expect(box.scrollWidth).toBeLessThanOrEqual(width);
      expect(box.scrollHeight).toBeLessThanOrEqual(height);
      expect(box.status).toBeLessThanOrEqual(height);
      expect(box.panel).toBeGreaterThanOrEqual(150);
      expect(box.editor).toBeGreaterThan(box.panel);
    }
    await wb.screenshot(screenshotPath("laptop-1024x640-zh-CN-dark.png"));
  });
});
