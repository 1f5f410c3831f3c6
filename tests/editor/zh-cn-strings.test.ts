/**
 * The zh-CN UI speaks Chinese everywhere (issue #13): a person switches the language from the status bar with an
 * unsaved edit, reloads for Monaco's own menus (the edit and the tabs are kept), and visits every view; every
 * visible text, aria-label, title and placeholder in the workbench (its shadow roots and Monaco's widgets) must be
 * free of English words. What may stay Latin is named here: identifiers and names from the rule files and tokens,
 * codes such as VERSION_CONFLICT, `gavel`, key names and units, and code marked translate="no".
 */

import { describe, expect, it } from "vitest";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

const files = fileWorkbench();

/** A vote written in Chinese, with a test, so that everything the rule itself says is Chinese too. */
const VOTE = `# 村务表决：过半数到会，到会过半数赞成
vote 村务表决 "村务表决" {
  quorum: present > 1/2 of entitled  "到会人数超过应到人数的一半"
  passes: yes > 1/2 of present       "赞成票超过到会人数的一半"
}

test "多数赞成即通过" {
  村务表决(entitled: 10, present: 8, yes: 5, no: 3, abstain: 0)
    expect outcome = passed
}
`;
const VOTE_V2 = VOTE.replace("yes > 1/2 of present", "yes >= 2/3 of present");

/** Latin words allowed in the Chinese UI, beyond identifiers of the rule files and the names of tokens. */
const ALLOWED = new Set([
  "gavel", "UTF", "Ctrl", "Shift", "Alt", "PageUp", "PageDown", "Delete", "Enter", "Esc", "Tab", "Backspace",
  "MiB", "KB", "px", "API", "Bearer", "JSON", "CSV", "v",
  // The language switch names the other language in that language, as language pickers do.
  "English",
]);

/**
 * The rule language's keywords and built-in names (facts and functions): the completion list offers them as they are
 * typed (allowed there only).
 */
const KEYWORDS = new Set([
  "vote", "scorecard", "election", "rating", "test", "import", "quorum", "passes", "proxies", "let", "require", "of",
  "and", "or", "not", "true", "false", "input", "criterion", "grade", "when", "otherwise", "where", "max", "min",
  "expect", "error", "outcome", "levels", "void", "turnout", "elected", "runoff", "write_ins", "score",
  "entitled", "present", "yes", "no", "abstain", "cast", "registered", "voters", "ballots", "invalid", "valid", "seats",
  "round", "votes", "count", "sum", "share", "distinct_months", "add_workdays", "workdays_between", "add_days",
  "days_between", "year", "quarter", "month", "day", "weekday", "absent",
].flatMap((word) => word.split("_"))); // as englishWords splits them

/** Every visible text node and every aria-label, title and placeholder, through shadow roots, with where it is. */
function collectStrings(wb: WorkbenchPage): Promise<{ where: string; text: string }[]> {
  return wb.page.evaluate(() => {
    const found: { where: string; text: string }[] = [];
    const describe = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].slice(0, 2).join(".")}` : ""}`;
    const skip = (el: Element) =>
      el.closest("[translate=no]") !== null ||
      // The text of the rule files themselves (the user's code), Monaco's line numbers and its hidden textarea.
      el.closest(".view-lines, .margin-view-overlays, .minimap, textarea.inputarea, .monaco-mouse-cursor-text") !== null;
    const visit = (root: ParentNode, host: string) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          const text = node.textContent?.trim() ?? "";
          if (text && parent && !skip(parent) && parent.checkVisibility() && parent.localName !== "style" && parent.localName !== "script") {
            found.push({ where: `${host} ${describe(parent)}`, text });
          }
        } else if (node instanceof Element) {
          if (node.localName === "style" || node.localName === "script" || skip(node)) continue;
          if (node.checkVisibility()) {
            for (const attribute of ["aria-label", "title", "placeholder", "aria-roledescription"]) {
              const value = node.getAttribute(attribute)?.trim();
              if (value) found.push({ where: `${host} ${describe(node)}[${attribute}]`, text: value });
            }
          }
          if (node.shadowRoot) visit(node.shadowRoot, `${host} ${node.localName}`);
          visit(node, host);
        }
      }
    };
    visit(document.body, "");
    return found;
  });
}

/** The Latin words of `text` that the Chinese UI may not show. */
function englishWords(text: string, allowed: Set<string>): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'’]*/g)]
    .map((m) => m[0])
    // Codes (VERSION_CONFLICT) and single capitals (the C of Alt+C, the F of F1).
    .filter((word) => !allowed.has(word) && !/^[A-Z][A-Z0-9_]*$/.test(word));
}

describe("the zh-CN UI", () => {
  it("shows no English in any view after switching the language, and keeps the unsaved edit over the reload for Monaco's menus", async () => {
    const rule = `村务_${Date.now().toString(36)}`;
    await files.service.putRule(rule, VOTE);
    await files.service.putRule(rule, VOTE_V2);
    const person = await files.service.createToken("张伟", "author");
    const { wb } = await files.freshWorkbench({ token: person.token });
    await wb.open(rule);
    await wb.page.waitForSelector("gavel-status-bar [data-status=user]");
    await wb.appendText("# 未保存的修改\n");
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${rule}"][data-dirty=true]`);

    // The switch: the workbench at once, Monaco's own menus after the offered reload, which keeps the edit.
    await wb.page.click("gavel-status-bar [data-status=locale]");
    await wb.page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await wb.page.click("gavel-status-bar [data-action=reload-locale]");
    // The click starts the reload; until the new page is up the old one (dirty tab, edit, reload button) still answers.
    await expect.poll(() => wb.page.locator("gavel-status-bar [data-action=reload-locale]").count(), { timeout: 15_000 }).toBe(0);
    await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name="${rule}"][data-dirty=true]`);
    await expect.poll(() => wb.editorText()).toBe(`${VOTE_V2}# 未保存的修改\n`);
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("F1");
    await wb.page.keyboard.type("格式化文档");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "格式化文档" }).first().waitFor();
    await wb.page.keyboard.press("Escape");

    // Names of rule files and tokens, and the identifiers in them, word by word as englishWords splits them.
    const registry = (await (await fetch(`${files.service.baseUrl}/v1/rules`)).json()) as { rules: { name: string }[] };
    const names = `${VOTE_V2} ${registry.rules.map((r) => r.name).join(" ")} 张伟 admin`;
    const identifiers = new Set([...names.matchAll(/[A-Za-z]+/g)].map((m) => m[0]));
    const allowed = new Set([...ALLOWED, ...identifiers]);
    const withKeywords = new Set([...allowed, ...KEYWORDS]);
    const seen = new Map<string, string>();
    const collect = async (view: string) => {
      for (const { where, text } of await collectStrings(wb)) {
        const words = englishWords(text, view === "completion" ? withKeywords : allowed);
        if (words.length > 0 && !seen.has(text)) seen.set(text, `${view}: ${where}`);
      }
    };

    /** Clicks `control`, waits for `ready`, and collects what the view shows. */
    const visit = async (view: string, control: string, ready: string) => {
      await wb.page.click(control);
      await wb.page.waitForSelector(ready, { timeout: 120_000 }); // "What changes" compares on a loaded machine
      await collect(view);
    };

    await collect("explorer");
    await wb.page.click(`gavel-tabs [role=tab][data-name="${rule}"]`);
    await collect("editor");
    // Hover on a fact, and completion with its details.
    await wb.page.locator(".monaco-editor .view-line span", { hasText: /^entitled$/ }).first().hover();
    await wb.page.locator(".monaco-hover-content").first().waitFor();
    await collect("hover");
    await wb.moveCursor(3, 11);
    await wb.page.keyboard.press("Control+Space");
    await wb.page.waitForSelector(".suggest-widget .monaco-list-row");
    await wb.page.keyboard.press("Control+Space"); // the details of the focused item
    await collect("completion");
    await wb.page.keyboard.press("Escape");

    await wb.showPanel("problems");
    await collect("problems");
    await wb.showPanel("tests");
    await wb.page.click("gavel-tests [data-action=run-tests]");
    await wb.page.waitForSelector("gavel-tests .summary");
    await collect("tests");
    await wb.showPanel("try");
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try .outcome");
    await collect("try");
    expect((await wb.page.locator("gavel-try td.detail").allTextContents()).join(" ")).not.toMatch(/true|false/);
    await visit("outline", "gavel-activity-bar [data-view=outline]", "gavel-outline [role=tree]");
    await visit("history", "gavel-activity-bar [data-view=history]", "gavel-history [data-version='2']");
    await visit("diff", "gavel-history [data-version='1']", ".monaco-diff-editor");
    await visit("what-changes", "gavel-history [data-previous='2']", "gavel-semantic-diff section[data-state=done]");
    await wb.screenshot(screenshotPath("zh-CN-what-changes.png"));
    await wb.page.click("gavel-code-editor [data-action=close-diff]");
    await wb.page.click("gavel-activity-bar [data-view=search]");
    await wb.page.fill("gavel-search input[type=search]", "赞成");
    await wb.page.waitForSelector("gavel-search [role=treeitem]");
    await collect("search");
    await visit("meetings", "gavel-activity-bar [data-view=meetings]", "gavel-meetings .section-title");
    await wb.page.click("gavel-activity-bar [data-view=explorer]");
    await wb.page.keyboard.press("Control+KeyP");
    await wb.page.waitForSelector("gavel-quick-open .box");
    await collect("quick open");
    await wb.page.keyboard.press("Escape");
    await visit("settings", "gavel-activity-bar [data-view=settings]", "gavel-settings-dialog dialog[open]");
    await wb.page.click("gavel-settings-dialog [data-action=settings-sign-out]");
    await wb.page.click("gavel-status-bar [data-action=sign-in]");
    await wb.page.waitForSelector("gavel-sign-in-dialog dialog[open]");
    await wb.page.fill("gavel-sign-in-dialog #sign-in-token", "gvl_wrong");
    await wb.page.click("gavel-sign-in-dialog [data-action=sign-in]");
    await wb.page.waitForSelector("gavel-sign-in-dialog [role=alert]");
    await collect("sign in");
    await wb.page.fill("gavel-sign-in-dialog #sign-in-token", person.token);
    await wb.page.click("gavel-sign-in-dialog [data-action=sign-in]");
    await wb.page.waitForSelector("gavel-status-bar [data-status=user]");

    // A network error while saving.
    await wb.page.route("**/v1/rules/**", (route) => (route.request().method() === "PUT" ? route.abort("connectionrefused") : route.continue()));
    await wb.page.click(`gavel-tabs [role=tab][data-name="${rule}"]`);
    await wb.page.keyboard.press("Control+s");
    await wb.page.waitForSelector("gavel-notifications .note[data-severity=error]");
    await collect("network error");

    // A new file starts from the template in Chinese.
    await wb.page.unroute("**/v1/rules/**");
    await wb.page.click("gavel-explorer [data-action=new]");
    await wb.page.fill("gavel-explorer input.inline", "新规则");
    await wb.page.press("gavel-explorer input.inline", "Enter");
    await wb.page.waitForSelector('gavel-tabs [role=tab][data-name="新规则"]');
    const template = await wb.editorText();
    // Only the keywords and the rule's facts are Latin: the comment, the explanations and the test's name are Chinese.
    expect(englishWords(template, new Set([...withKeywords, "present", "entitled", "yes", "no", "abstain", "cast", "passed"]))).toEqual([]);
    expect(template).toContain("写明这条规则依据的制度条文");

    expect([...seen].map(([text, where]) => `${where}: ${text}`)).toEqual([]);
  });
});
