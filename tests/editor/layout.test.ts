/**
 * Layout for daily use (issue #13): the bottom panel keeps the height its sash was dragged to while it has content
 * (across tab, view and panel switches, and a reload), collapses to its tab row and expands again, and gives its room
 * to the welcome page when no file is open; Try it puts each label above its field in a narrow column; the charts
 * keep text of at least 11 px at a 4.5:1 contrast at 1024 and 1366 px, light and dark. Each test has its own browser.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

const files = fileWorkbench();
const ROOT = join(import.meta.dirname, "../..");
const majorMatter = readFileSync(join(ROOT, "dsl/std/major-matter.gavel"), "utf8");
const starCommunity = readFileSync(join(ROOT, "examples/star-community.gavel"), "utf8");
const villageElection = readFileSync(join(ROOT, "dsl/std/village-committee-election.gavel"), "utf8");
const democraticRating = readFileSync(join(ROOT, "examples/democratic-rating.gavel"), "utf8");

/** Try it's fields for the election and rating charts: a round with a tie for the last seat, and a rating's counts. */
const ELECTION_FIELDS = { registered: "1000", voters: "600", ballots: "600", invalid: "4", seats: "3", round: "1", candidates: JSON.stringify({ 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320, 陈敏: 100 }) };
const RATING_FIELDS = { 满意: "20", 基本满意: "6", 不满意: "4" };
let counter = 0;

/** Stores `source` under a name of this test's own and returns the name. */
async function stored(prefix: string, source: string): Promise<string> {
  const name = `${prefix}_${++counter}_${Date.now().toString(36)}`;
  await files.service.putRule(name, source);
  return name;
}

function panelHeight(wb: WorkbenchPage): Promise<number> {
  return wb.page.locator("gavel-bottom-panel").evaluate((panel) => Math.round(panel.getBoundingClientRect().height));
}

/** Waits until the panel is `height` px high (±1: the grid rounds). */
async function panelIs(wb: WorkbenchPage, height: number, what: string): Promise<void> {
  await expect.poll(async () => Math.abs((await panelHeight(wb)) - height), { message: what }).toBeLessThanOrEqual(1);
}

describe("the bottom panel", () => {
  it("keeps the height dragged to across tabs, views, panels, collapse and a reload; without a file it is its tab row", async () => {
    const first = await stored("panel_a", majorMatter);
    const second = await stored("panel_b", majorMatter);
    const { wb } = await files.freshWorkbench();
    await wb.open(first);
    await wb.page.click(`gavel-explorer li[data-name=${second}]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name=${second}][aria-selected=true]`);
    const before = await panelHeight(wb);

    // Drag the sash 150 px up.
    const sash = (await wb.page.locator("gavel-workbench .panel-sash").boundingBox())!;
    await wb.page.mouse.move(sash.x + sash.width / 2, sash.y + sash.height / 2);
    await wb.page.mouse.down();
    await wb.page.mouse.move(sash.x + sash.width / 2, sash.y + sash.height / 2 - 150, { steps: 6 });
    await wb.page.mouse.up();
    const dragged = before + 150;
    await panelIs(wb, dragged, "after the drag");
    expect(Number(await wb.page.getAttribute("gavel-workbench .panel-sash", "aria-valuenow"))).toBe(dragged);

    await wb.page.click(`gavel-tabs [role=tab][data-name=${first}]`);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name=${first}][aria-selected=true]`);
    await panelIs(wb, dragged, "after a tab switch");
    for (const view of ["search", "outline", "history", "explorer"]) {
      await wb.page.click(`gavel-activity-bar [data-view=${view}]`);
      await panelIs(wb, dragged, `with the ${view} view`);
    }
    for (const panel of ["tests", "try", "problems"] as const) {
      await wb.showPanel(panel);
      await panelIs(wb, dragged, `on the ${panel} panel`);
    }

    // Collapse to the tab row with its button; a panel tab expands it again, at the same height.
    await wb.page.click("gavel-bottom-panel [data-action=toggle-panel]");
    await wb.page.waitForSelector("gavel-bottom-panel[collapsed]");
    expect(await panelHeight(wb)).toBeLessThanOrEqual(36);
    expect(await wb.page.locator("gavel-workbench .panel-sash").count()).toBe(0);
    expect(await wb.page.getAttribute("gavel-bottom-panel [data-action=toggle-panel]", "aria-expanded")).toBe("false");
    await wb.showPanel("try");
    await panelIs(wb, dragged, "expanded by a panel tab");
    // Ctrl+` from the editor does the same.
    await wb.page.click(".monaco-editor .view-lines");
    await wb.page.keyboard.press("Control+Backquote");
    await wb.page.waitForSelector("gavel-bottom-panel[collapsed]");
    await wb.page.keyboard.press("Control+Backquote");
    await panelIs(wb, dragged, "expanded by Ctrl+`");
    await wb.screenshot(screenshotPath("panel-resized-en-light.png"));

    // No file open: nothing to show, so the panel is its tab row and the welcome page has the room.
    for (const name of [first, second]) {
      await wb.page.focus(`gavel-tabs [role=tab][data-name=${name}]`);
      await wb.page.keyboard.press("Delete");
      await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name=${name}]`, { state: "detached" });
    }
    await wb.page.waitForSelector("gavel-code-editor .welcome h1");
    expect(await panelHeight(wb)).toBeLessThanOrEqual(36);
    const welcome = await wb.page.locator("gavel-code-editor .welcome").boundingBox();
    expect(welcome!.height).toBeGreaterThan(500);
    expect(await wb.page.locator("gavel-bottom-panel [data-action=toggle-panel]").count()).toBe(0);
    await wb.page.click(`gavel-explorer li[data-name=${first}]`);
    await panelIs(wb, dragged, "with a file again");

    await wb.page.reload();
    await wb.page.waitForSelector(".monaco-editor .view-lines .view-line");
    await panelIs(wb, dragged, "after a reload");
  });
});

describe("Try it in a narrow column", () => {
  for (const width of [1024, 900]) {
    it(`puts every label above its field at ${width} px, in Chinese`, async () => {
      const name = await stored("narrow_try", starCommunity);
      const { browser, wb } = await files.freshWorkbench({ locale: "zh-CN" });
      await browser.page.setViewportSize({ width, height: 768 });
      await wb.open(name);
      await wb.showPanel("try");
      await wb.page.waitForSelector("gavel-try input[name=干部人数]");
      const form = await wb.page.locator("gavel-try form").boundingBox();
      expect(form!.width).toBeLessThanOrEqual(340);
      const boxes = await wb.page.locator("gavel-try form label[for]").evaluateAll((labels) =>
        labels.map((label) => {
          const field = (label.getRootNode() as ShadowRoot).getElementById(label.getAttribute("for") ?? "")!;
          const l = label.getBoundingClientRect();
          const f = field.getBoundingClientRect();
          return { label: label.textContent?.trim() ?? "", type: field.getAttribute("type"), l: { left: l.left, bottom: l.bottom, right: l.right }, f: { left: f.left, top: f.top, right: f.right } };
        }),
      );
      expect(boxes.length).toBeGreaterThan(5);
      for (const { label, type, l, f } of boxes) {
        if (type === "checkbox") continue; // a checkbox sits before its label, as everywhere
        expect(l.bottom, `${label}: above its field`).toBeLessThanOrEqual(f.top + 1);
        expect(Math.abs(l.left - f.left), `${label}: starts where its field starts`).toBeLessThanOrEqual(2);
        expect(l.right, `${label}: no wider than the column`).toBeLessThanOrEqual(form!.x + form!.width + 1);
      }
      await wb.screenshot(screenshotPath(`try-narrow-${width}-zh-CN-light.png`));
    });
  }
});

/** Every text of the charts in Try it: its drawn size and its contrast against what is under it. */
async function chartText(wb: WorkbenchPage, chart: string): Promise<{ text: string; px: number; contrast: number }[]> {
  return wb.page.locator(chart).evaluate((host) => {
    const rgb = (colour: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(colour);
      if (!m) throw new Error(`not a colour: ${colour}`);
      const [r, g, b, a] = m[1]!.split(",").map((part) => Number(part.trim()));
      return [r!, g!, b!, a ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background up the tree, through shadow roots. */
    const pageBackground = (start: Element): number[] => {
      for (let node: Node | null = start; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
        if (!(node instanceof Element)) continue;
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour[3] === 1) return colour;
      }
      return [255, 255, 255, 1];
    };
    const root = host.shadowRoot!;
    const svg = root.querySelector("svg")!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const rects = [...svg.querySelectorAll("rect")];
    return [...svg.querySelectorAll("text")].filter((text) => (text.textContent ?? "").trim() !== "").map((text) => {
      const box = text.getBoundingClientRect();
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      // What is drawn under the text's middle: the last rect there (a bar over its track), else the page.
      const under = rects.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.width > 0 && cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
      }).at(-1);
      const background = under ? rgb(getComputedStyle(under).fill) : pageBackground(host);
      return {
        text: (text.firstChild?.textContent ?? text.textContent ?? "").trim(),
        px: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
        contrast: Math.round(ratio(rgb(getComputedStyle(text).fill), background) * 100) / 100,
      };
    });
  });
}

describe("charts in Try it", () => {
  for (const width of [1024, 1366]) {
    for (const theme of ["light", "dark"] as const) {
      it(`keep text ≥ 11 px at 4.5:1 at ${width} px in ${theme}: votes, scorecards, elections and ratings`, async () => {
        const charts: [name: string, chart: string, rule: string | null, fields: Record<string, string>][] = [
          [await stored("chart_vote", majorMatter), "gavel-vote-chart", null, {}],
          [await stored("chart_scorecard", starCommunity), "gavel-scorecard-chart", null, {}],
          [await stored("chart_election", villageElection), "gavel-election-chart", "village_committee", ELECTION_FIELDS],
          [await stored("chart_rating", democraticRating), "gavel-rating-chart", "cadre_rating", RATING_FIELDS],
        ];
        const { browser, wb } = await files.freshWorkbench({ theme });
        await browser.page.setViewportSize({ width, height: 800 });
        const bad: string[] = [];
        for (const [name, chart, rule, fields] of charts) {
          await wb.open(name);
          await wb.showPanel("try");
          if (rule) {
            await wb.page.locator(`gavel-try #rule-select option[value="${rule}"]`).waitFor({ state: "attached" });
            await wb.page.selectOption("gavel-try #rule-select", rule);
          }
          for (const [field, value] of Object.entries(fields)) await wb.page.fill(`gavel-try [name='${field}']`, value);
          await wb.page.click("gavel-try [data-action=evaluate]");
          await wb.page.waitForSelector(`${chart} svg text`);
          const texts = await chartText(wb, chart);
          expect(texts.length, chart).toBeGreaterThan(3);
          for (const t of texts) {
            if (t.px < 11) bad.push(`${chart} "${t.text}": ${t.px.toFixed(1)} px`);
            if (t.contrast < 4.5) bad.push(`${chart} "${t.text}": contrast ${t.contrast}`);
          }
          if (theme === "dark" || width === 1024) await wb.screenshot(screenshotPath(`chart-${chart.replace("gavel-", "")}-${width}-en-${theme}.png`));
        }
        expect(bad).toEqual([]);
      });
    }
  }
});
