/**
 * Accessibility (issue #13): axe-core finds no critical or serious violation in any view of the workbench, in light
 * and in dark. Each theme gets its own browser and its own rule file, so either test runs alone (`-t`).
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import { WorkbenchPage } from "./workbench-page";

const axeSource = (createRequire(import.meta.url)("axe-core") as { source: string }).source;
const starCommunity = readFileSync(join(import.meta.dirname, "../../examples/star-community.gavel"), "utf8");

/**
 * Selectors axe skips: only Monaco's own internals may go here, each with its reason. None is needed today: Monaco's
 * inputs are named through our options and its colours come from our themes (monaco-setup.ts), so both count as ours.
 */
const MONACO_INTERNALS: string[] = [];

const suite = fileWorkbench();

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** Why the first element fails, as axe words it (colours and ratio for contrast), and its opening tag. */
  why: string;
}

/** Runs axe-core on the whole page (it pierces open shadow roots) and keeps the critical and serious findings. */
async function seriousFindings(wb: WorkbenchPage): Promise<Finding[]> {
  await wb.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return wb.page.evaluate(async (exclude) => {
    const axe = (window as unknown as {
      axe: {
        run(context: object, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }>;
      };
    }).axe;
    const result = await axe.run({ exclude: exclude.map((selector) => [selector]) }, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)),
        why: `${(v.nodes[0]?.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)} in ${(v.nodes[0]?.html ?? "").slice(0, 300)}`,
      }));
  }, MONACO_INTERNALS);
}

/** Opens every view in turn, in one theme, and returns each view's serious findings. */
async function auditEveryView(theme: "light" | "dark"): Promise<Record<string, Finding[]>> {
  const { wb } = await suite.freshWorkbench({ theme });
  const name = `a11y_${theme}_${Date.now().toString(36)}`;
  await suite.service.putRule(name, starCommunity);
  await suite.service.putRule(name, `# second version\n${starCommunity}`);
  const page = wb.page;
  const found: Record<string, Finding[]> = {};
  const audit = async (view: string) => {
    // Through the DevTools protocol, so the page's Content-Security-Policy does not apply to the injected script.
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
    found[view] = await seriousFindings(wb);
    await wb.screenshot(screenshotPath(`a11y-${view}-${theme}.png`));
  };

  await wb.open(name);
  await page.waitForFunction((theme) => document.documentElement.dataset["theme"] === theme, theme);
  await page.waitForSelector(`gavel-explorer li[data-name=${name}]`);
  await audit("explorer");
  await expectOneTabStop(page, "gavel-explorer");

  await page.keyboard.press("Control+KeyP");
  await page.waitForSelector("gavel-quick-open [role=option]");
  await audit("quick-open");
  await page.keyboard.press("Escape");
  await page.waitForSelector("gavel-quick-open .box", { state: "detached" });

  await page.click("gavel-activity-bar [data-view=search]");
  await page.fill("gavel-search input[type=search]", "criterion");
  await page.waitForSelector("gavel-search [role=treeitem].match");
  await audit("search");
  await expectOneTabStop(page, "gavel-search");

  await page.click("gavel-activity-bar [data-view=outline]");
  await page.waitForSelector("gavel-outline [role=tree]");
  await audit("editor"); // the editor with the outline beside it
  await expectOneTabStop(page, "gavel-outline");

  // The split editor, with breadcrumbs down to a criterion (issue #13: split and breadcrumbs are views too).
  await wb.moveCursor(starCommunity.split("\n").findIndex((l) => /^\s*criterion /.test(l)) + 2, 5);
  await page.waitForSelector("gavel-breadcrumbs li[data-crumb=criterion]");
  await page.keyboard.press("Control+Backslash");
  await page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor .view-lines .view-line");
  await audit("split");
  await page.click("gavel-tabs [data-action=split]");
  await page.waitForSelector("gavel-code-editor.split", { state: "detached" });

  await wb.showPanel("problems");
  await page.waitForSelector("gavel-bottom-panel [data-panel=problems][aria-selected=true]");
  await audit("problems");

  await wb.showPanel("tests");
  await page.waitForSelector("gavel-tests [data-action=run-tests]");
  await audit("tests");

  await wb.showPanel("try");
  await page.waitForSelector("gavel-try [data-action=evaluate]");
  await page.click("gavel-try [data-action=evaluate]");
  await page.waitForSelector("gavel-try .outcome");
  await audit("try");

  await page.click("gavel-activity-bar [data-view=history]");
  await page.waitForSelector("gavel-history [data-version='1']");
  await audit("history");

  await page.click("gavel-history [data-version='1']");
  await page.waitForSelector(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert");
  await audit("diff");
  // What version 2 changed, with "What changes" beside the diff once it has compared.
  await page.click("gavel-history [data-previous='2']");
  await page.waitForSelector("gavel-semantic-diff section[data-state=done]");
  await audit("what-changes");
  await page.click("gavel-code-editor [data-action=close-diff]");
  await page.waitForSelector("gavel-code-editor .diff-bar", { state: "detached" });

  await page.click("gavel-activity-bar [data-view=settings]");
  await page.waitForSelector("gavel-settings-dialog #theme");
  await audit("settings");

  // The sign-in dialog, showing a refused token (its alert and the field marked invalid).
  await page.click("gavel-settings-dialog [data-action=settings-sign-out]");
  await page.click("gavel-status-bar [data-action=sign-in]");
  await page.fill("gavel-sign-in-dialog #sign-in-token", "gvl_not-a-token");
  await page.click("gavel-sign-in-dialog [data-action=sign-in]");
  await page.waitForSelector("gavel-sign-in-dialog [role=alert]");
  await audit("sign-in");
  return found;
}

/**
 * A tree is one Tab stop (roving tabindex): exactly one of its rows is tabbable, and Home then ArrowDown hand the
 * stop to the first and then the second row and focus it.
 */
async function expectOneTabStop(page: WorkbenchPage["page"], host: string): Promise<void> {
  const rows = page.locator(`${host} [role=treeitem]`);
  expect(await rows.count(), host).toBeGreaterThan(1);
  const tabbable = page.locator(`${host} [role=treeitem][tabindex="0"]`);
  expect(await tabbable.count(), host).toBe(1);
  const stop = () => rows.evaluateAll((items) => items.map((item) => item.getAttribute("tabindex")).indexOf("0"));
  const focused = (index: number) => rows.nth(index).evaluate((row) => (row.getRootNode() as ShadowRoot).activeElement === row);
  await tabbable.focus();
  await page.keyboard.press("Home");
  await expect.poll(stop, { message: host }).toBe(0);
  expect(await focused(0), host).toBe(true);
  await page.keyboard.press("ArrowDown");
  await expect.poll(stop, { message: host }).toBe(1);
  expect(await focused(1), host).toBe(true);
  expect(await tabbable.count(), host).toBe(1);
}

/** One line per finding: view, rule id, help and the elements it names. */
function describeFindings(found: Record<string, Finding[]>): string {
  return Object.entries(found)
    .flatMap(([view, findings]) => findings.map((f) => {
      const shown = f.targets.slice(0, 3).join(", ");
      const more = f.targets.length > 3 ? ` and ${f.targets.length - 3} more` : "";
      return `${view}: ${f.id} (${f.impact}) ${f.help}: ${shown}${more} — ${f.why}`;
    }))
    .join("\n");
}

describe("axe-core in every view", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`finds no critical or serious violation in ${theme}`, async () => {
      const found = await auditEveryView(theme);
      expect(Object.keys(found)).toEqual(["explorer", "quick-open", "search", "editor", "split", "problems", "tests", "try", "history", "diff", "what-changes", "settings", "sign-in"]);
      const count = Object.values(found).reduce((n, findings) => n + findings.length, 0);
      expect(count, `axe-core findings in ${theme}:\n${describeFindings(found)}`).toBe(0);
    }, 180_000); // twelve views, each audited by axe-core, on a shared 2-core machine
  }
});
