/**
 * What one browser test starts from, so that each passes alone (`-t`) and in any order:
 * - its own Chromium profile on the workbench (localStorage, IndexedDB, tabs, removed files: nothing carries over),
 *   closed when the test finishes;
 * - a service that is either its own (for a test that saves, creates or signs in: it changes the registry), or shared
 *   by the tests of one scenario, set up completely before the first of them runs and only read by them, so every
 *   test of the scenario sees the same registry whatever ran before (its screenshots too).
 * A service costs seconds of both cores to start (a store, migrations, the std rules), hence the sharing.
 */

import { afterAll, afterEach, beforeAll, expect, onTestFinished } from "vitest";
import { launchBrowser, type BrowserSession, type Preferences } from "./browser";
import { startEditorService, type EditorService } from "./editor-service";
import { WorkbenchPage } from "./workbench-page";

export interface WorkbenchOptions {
  locale?: "en" | "zh-CN";
  theme?: "light" | "dark";
  /** Store the service's admin token in the browser before the first page load (a visitor who pasted it in Settings). */
  withToken?: boolean;
  /** Fail the test if the page threw, logged a console error or broke the CSP at any point (default true). */
  expectClean?: boolean;
}

export interface FreshWorkbench {
  service: EditorService;
  browser: BrowserSession;
  wb: WorkbenchPage;
}

/** A service started for the current test only, closed when it finishes. */
export async function ownService(): Promise<EditorService> {
  const service = await startEditorService();
  onTestFinished(() => service.close());
  return service;
}

/**
 * A service for the tests of one scenario: started and set up by `prepare` on first use, closed after the file.
 * The tests given it must not change its registry (they may change anything in their own browser).
 */
export function sharedService(prepare: (service: EditorService) => Promise<void> = async () => {}): () => Promise<EditorService> {
  let started: Promise<EditorService> | undefined;
  afterAll(async () => {
    const service = await started?.catch(() => undefined);
    await service?.close();
  });
  return () =>
    (started ??= startEditorService().then(async (service) => {
      try {
        await prepare(service);
        return service;
      } catch (error) {
        await service.close();
        throw error;
      }
    }));
}

/** A new browser profile on `service`'s workbench (English, light, no token unless told), closed when the test finishes. */
export async function workbenchOn(service: EditorService, options: WorkbenchOptions = {}): Promise<FreshWorkbench> {
  const browser = await launchBrowser({
    locale: options.locale ?? "en",
    theme: options.theme ?? "light",
    ...(options.withToken ? { token: service.token } : {}),
  });
  // Registered after ownService's close, so it runs first (vitest calls onTestFinished callbacks last-in, first-out).
  onTestFinished(async () => {
    try {
      if (options.expectClean ?? true) {
        expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
        expect(browser.cspViolations).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
  // Far shorter than the test's own timeout, so a missing state is reported by the step that waited for it.
  browser.page.setDefaultTimeout(30_000);
  return { service, browser, wb: new WorkbenchPage(browser.page, service.baseUrl) };
}

/** A service and a browser of the current test's own. */
export async function freshWorkbench(options: WorkbenchOptions = {}): Promise<FreshWorkbench> {
  return workbenchOn(await ownService(), options);
}

/** One service for a file and a browser per test: for files whose tests each store rule files under names of their own. */
export interface FileWorkbench {
  /** The file's service, started before its first test and closed after its last. */
  readonly service: EditorService;
  /** A new browser profile on the file's service (English, light, the admin token unless told), closed after the test. */
  freshWorkbench(preferences?: Preferences): Promise<{ browser: BrowserSession; wb: WorkbenchPage }>;
}

/** Registers the file's hooks and returns its service and browsers (see FileWorkbench). */
export function fileWorkbench(): FileWorkbench {
  let started: EditorService | undefined;
  const sessions: BrowserSession[] = [];
  beforeAll(async () => {
    started = await startEditorService();
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });
  afterAll(async () => {
    await started?.close();
  });
  const serviceOf = (): EditorService => {
    if (!started) throw new Error("the file's service starts in beforeAll: use it inside a test");
    return started;
  };
  return {
    get service() {
      return serviceOf();
    },
    async freshWorkbench(preferences: Preferences = {}) {
      const service = serviceOf();
      const browser = await launchBrowser({ locale: "en", theme: "light", token: service.token, ...preferences });
      sessions.push(browser);
      // As workbenchOn: far shorter than the test's own timeout, yet long enough for two Chromiums and two services on two loaded cores.
      browser.page.setDefaultTimeout(30_000);
      return { browser, wb: new WorkbenchPage(browser.page, service.baseUrl) };
    },
  };
}
