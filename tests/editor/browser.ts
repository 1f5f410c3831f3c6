/** Debian's Chromium driven by playwright-core, with a fresh profile per launch (STACK.md: launch() refuses --user-data-dir). */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Errors thrown in the page (uncaught exceptions) and console errors (its workers' too), for asserting that none happened. */
  pageErrors: string[];
  /** Content-Security-Policy violations reported in any page of the session: `directive: blocked URI`. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** The workbench's browser-local preferences, set before its first page loads (kept across reloads once changed). */
export interface Preferences {
  locale?: "en" | "zh-CN";
  theme?: "light" | "dark";
  token?: string;
  /**
   * Without a token the workbench opens its sign-in dialog at load; unless this is set, the profile starts as a visitor
   * who chose "Read without signing in" before, so tests of other things see the workbench itself.
   */
  askSignIn?: boolean;
}

/** Starts headless Chromium at 1280×800 with a fresh profile, optionally with the workbench's preferences already stored. */
export async function launchBrowser(preferences: Preferences = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "gavel-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
  });
  page.on("worker", (worker) => {
    worker.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`worker console (${worker.url()}): ${message.text()}`);
    });
  });
  // The browser reports each blocked load or eval as a securitypolicyviolation event: collect them all, not only those logged.
  const cspViolations: string[] = [];
  await context.exposeBinding("__gavelCspViolation", (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __gavelCspViolation(text: string): void }).__gavelCspViolation(`${event.effectiveDirective}: ${event.blockedURI}`);
    });
  });
  const stored: Record<string, string> = {};
  if (preferences.locale) stored["gavel.locale"] = preferences.locale;
  if (preferences.theme) stored["gavel.theme"] = preferences.theme;
  if (preferences.token) stored["gavel.token"] = preferences.token;
  else if (!preferences.askSignIn) stored["gavel.signInLater"] = "1";
  if (Object.keys(stored).length > 0) {
    // Only where nothing is stored yet: a reload must keep what the page itself changed since.
    await context.addInitScript((stored: Record<string, string>) => {
      try {
        if (localStorage.getItem("gavel.preferences-seeded")) return;
        for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
        localStorage.setItem("gavel.preferences-seeded", "1");
      } catch {
        // about:blank has no storage
      }
    }, stored);
  }
  return {
    context,
    page,
    pageErrors,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
