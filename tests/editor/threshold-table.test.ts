/**
 * The threshold table in the editor's Try panel: evaluating a vote shows its cheat sheet (rosters 0..60, the
 * evaluated roster in bold), computed in the language worker from the rule as written, and checked here against
 * plain integer arithmetic for the major-matter vote.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "./browser";
import { startEditorService, type EditorService } from "./editor-service";
import { WorkbenchPage } from "./workbench-page";

let service: EditorService;
let browser: BrowserSession;
let wb: WorkbenchPage;

beforeAll(async () => {
  service = await startEditorService();
  browser = await launchBrowser();
  wb = new WorkbenchPage(browser.page, service.baseUrl);
  await browser.page.goto(`${service.baseUrl}/`);
  await browser.page.evaluate(() => {
    localStorage.setItem("gavel.locale", "en");
    localStorage.setItem("gavel.theme", "light");
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe("threshold table in the Try panel", () => {
  it("shows the major matter's least present and least yes for every roster up to 60", async () => {
    await wb.open("major_matter");
    await wb.page.click("gavel-bottom-panel [data-panel=try]");
    for (const [name, value] of Object.entries({ entitled: "31", present: "25", yes: "15", no: "6", abstain: "4" })) await wb.page.fill(`gavel-try input[name=${name}]`, value);
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-threshold-table table[data-table=thresholds] tbody tr", { state: "attached" });
    await wb.page.click("gavel-threshold-table summary");
    const rows = await wb.page.locator("gavel-threshold-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    const expected = Array.from({ length: 61 }, (_, e) => {
      const q = Math.floor((2 * e) / 3) + 1; // least p with 3p > 2e
      const y = Math.floor(e / 2) + 1; // least y with 2y > e
      return [String(e), q <= e ? String(q) : "—", y <= e ? String(y) : "—"];
    });
    expect(rows).toEqual(expected);
    expect(await wb.page.locator("gavel-threshold-table tr.current td").allTextContents()).toEqual(["31", "21", "16"]);
  });
});
