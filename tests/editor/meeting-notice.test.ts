/**
 * The 公示 of the year-end meeting in Chromium: replayed with the documented command against a running service,
 * opened at its public link without a token, under the service's CSP, printed to A4. Its picture,
 * meeting-notice-zh-CN.png, goes where the other screenshots go (tests/editor/screenshots.ts).
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { gavel, repoRoot } from "../cli/run-gavel";
import { launchBrowser, type BrowserSession } from "./browser";
import { screenshotPath } from "./screenshots";
import { createPostgresStore, type TestStore } from "../helpers/server-stores";

describe("the public notice in a browser", () => {
  let store: TestStore;
  let server: GavelServer;
  let browser: BrowserSession;
  let url = "";
  beforeAll(async () => {
    store = await createPostgresStore();
    server = await createServer({ ...store.options, logger: false, workerThreads: 1 });
    url = await server.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.drop();
  });

  it("opens without a token, breaks no CSP rule and prints on A4", async () => {
    const run = await gavel(["meeting", "replay", "examples/year-end-meeting/meeting.json", "--server", url, "--token", server.adminToken!], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    const link = /公示：(\S+\/v1\/notices\/[A-Za-z0-9_-]{32})/.exec(run.stdout)![1]!;
    const { page } = browser;
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("公示：幸福社区2026年度党员和居民代表大会");
    await expect(page.locator("section").count()).resolves.toBe(5); // attendance and four items
    await page.screenshot({ path: screenshotPath("meeting-notice-zh-CN.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
  }, 180_000);
});
