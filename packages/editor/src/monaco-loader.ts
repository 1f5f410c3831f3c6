/** Loads Monaco after the first screen, with its own UI (palette, menus, find) in the workbench's language. */

import { getLocale } from "./i18n";

export type MonacoSetup = typeof import("./monaco-setup");

/**
 * Monaco reads its messages when its modules load, so Chinese must be installed first; switching the UI language
 * later changes the workbench at once and Monaco's own strings on the next page load.
 */
export async function loadMonaco(): Promise<MonacoSetup> {
  if (getLocale() === "zh-CN") await import("monaco-editor/nls/lang/zh-cn");
  return import("./monaco-setup");
}
