/**
 * Where the browser tests write their pictures. A normal test run writes to a temporary folder, so running the tests
 * never changes the tracked docs/screenshots; `npm run screenshots` sets GAVEL_SCREENSHOTS_DIR to docs/screenshots to
 * refresh them on purpose.
 */

import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

let folder: string | undefined;

/** The folder for this run's screenshots: $GAVEL_SCREENSHOTS_DIR when set, else a new temporary folder. */
export function screenshotDir(): string {
  if (folder) return folder;
  const chosen = process.env["GAVEL_SCREENSHOTS_DIR"];
  folder = chosen ? (isAbsolute(chosen) ? chosen : resolve(process.cwd(), chosen)) : mkdtempSync(join(tmpdir(), "gavel-screenshots-"));
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The path for one screenshot file (e.g. "try-en-dark.png") in this run's folder. */
export function screenshotPath(file: string): string {
  return join(screenshotDir(), file);
}
