/**
 * VS Code habits (issue #13, part A), driven in Chromium against the real service: quick open (Ctrl+P), search across
 * files (Ctrl+Shift+F), the welcome page's shortcuts inside and outside the editor, upload and download of rule
 * files. Every test starts its own browser with a fresh profile and its own rule files, so any one runs alone (`-t`)
 * or in any order. Pictures go to a temporary folder (see screenshotPath).
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../packages/editor/src/i18n";
import type { Preferences } from "./browser";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import { WorkbenchPage } from "./workbench-page";

const suite = fileWorkbench();
/** A new browser (fresh profile) on the workbench, in English and light unless told otherwise, with the admin token. */
const freshWorkbench = (preferences?: Preferences) => suite.freshWorkbench(preferences);

let counter = 0;
/** A name only this test uses: `prefix` then a unique tail (letters only, so names stay valid in any script). */
function uniqueName(prefix: string): string {
  return `${prefix}_${++counter}_${Date.now().toString(36)}`;
}

/** A valid vote rule whose comment line carries `marker`. */
function voteSource(name: string, marker = ""): string {
  return `# ${name} ${marker}\nvote ${name} "A test vote" {\n  quorum: present > 2/3 of entitled\n  passes: yes > 1/2 of present\n}\n`;
}

async function storedRule(prefix: string, marker = ""): Promise<{ name: string; source: string }> {
  const name = uniqueName(prefix);
  const source = voteSource(name, marker);
  await suite.service.putRule(name, source);
  return { name, source };
}

/** expect.poll with the page's patience: a search reads the registry first, which takes more than a second under load. */
function poll<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 15_000, ...(message === undefined ? {} : { message }) });
}

/** Waits until the editor's text is `expected`. */
function editorTextIs(wb: WorkbenchPage, expected: string) {
  return wb.page.waitForFunction(
    (text) => (document.querySelector("gavel-code-editor") as unknown as { editor: { getValue(): string } | null }).editor?.getValue() === text,
    expected,
  );
}

/** Waits for Monaco to exist (the welcome screen has no file but the palette needs the editor). */
function monacoLoaded(wb: WorkbenchPage) {
  return wb.page.waitForFunction(() => (document.querySelector("gavel-code-editor") as unknown as { editor: unknown }).editor !== null);
}

/** The editor's selection as "line:column-line:column". */
function selection(wb: WorkbenchPage): Promise<string> {
  return wb.page.evaluate(() => {
    const s = (document.querySelector("gavel-code-editor") as unknown as {
      editor: { getSelection(): { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } };
    }).editor.getSelection();
    return `${s.startLineNumber}:${s.startColumn}-${s.endLineNumber}:${s.endColumn}`;
  });
}

/** Whether Monaco's text area has the focus. */
function editorFocused(wb: WorkbenchPage): Promise<boolean> {
  return wb.page.evaluate(() => (document.querySelector("gavel-code-editor") as unknown as { editor: { hasTextFocus(): boolean } }).editor.hasTextFocus());
}

describe("quick open (Ctrl+P)", () => {
  it("lists the registry's files, filters by a fuzzy match on Chinese and Latin names, moves with arrows, opens with Enter, closes with Esc", async () => {
    const { wb } = await freshWorkbench();
    const tail = uniqueName("x");
    const latin = await suite.service.putRule(`quorum_rule_${tail}`, voteSource(`quorum_rule_${tail}`)).then(() => `quorum_rule_${tail}`);
    const chinese = `星级社区考核_${tail}`;
    await suite.service.putRule(chinese, voteSource(chinese));
    const other = `社区_其他_${tail}`;
    await suite.service.putRule(other, voteSource(other));
    await wb.open();
    await wb.page.waitForSelector(`gavel-explorer li[data-name="${chinese}"]`);

    // Outside the editor (the welcome screen).
    await wb.page.keyboard.press("Control+KeyP");
    const input = wb.page.locator("gavel-quick-open input[role=combobox]");
    await input.waitFor();
    expect(await input.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    const options = wb.page.locator("gavel-quick-open [role=option]");
    expect(await options.count()).toBeGreaterThanOrEqual(3);

    // "星考" is a subsequence of 星级社区考核 only (not of 社区_其他).
    await input.fill(`星考${tail}`);
    await poll(() => options.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).toEqual([chinese]);
    expect(await wb.page.locator("gavel-quick-open [role=option] mark").allTextContents()).toEqual(expect.arrayContaining(["星", "考"]));
    await wb.screenshot(screenshotPath("quick-open-en.png"));

    // "社区" matches both Chinese names; arrows move the selection and Enter opens the selected one.
    await input.fill(`社区${tail}`);
    await poll(() => options.count()).toBe(2);
    const first = await options.nth(0).getAttribute("data-name");
    const second = await options.nth(1).getAttribute("data-name");
    expect(new Set([first, second])).toEqual(new Set([chinese, other]));
    await wb.page.keyboard.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await input.getAttribute("aria-activedescendant")).toBe("quick-open-1");
    await wb.page.keyboard.press("Enter");
    await wb.page.waitForSelector("gavel-quick-open .box", { state: "detached" });
    await poll(() => wb.activeTab()).toBe(second);
    await editorTextIs(wb, voteSource(second!));

    // Inside the editor: Monaco must not swallow Ctrl+P; a Latin fuzzy query ("qrr" → quorum_rule_…).
    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("Control+KeyP");
    await input.waitFor();
    await input.fill(`qrr${tail}`);
    await poll(() => options.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).toEqual([latin]);
    await wb.page.keyboard.press("Escape");
    await wb.page.waitForSelector("gavel-quick-open .box", { state: "detached" });
    expect(await wb.activeTab()).toBe(second);
    await poll(() => editorFocused(wb)).toBe(true);

    // From the command palette.
    await wb.page.keyboard.press("F1");
    await wb.page.waitForSelector(".quick-input-widget .quick-input-list .monaco-list-row");
    await wb.page.keyboard.type("Go to rule file");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "Go to rule file" }).first().waitFor();
    await wb.page.keyboard.press("Enter");
    await input.waitFor();
    await input.fill(`qrr${tail}`);
    await wb.page.keyboard.press("Enter");
    await poll(() => wb.activeTab()).toBe(latin);
  });

  it("speaks Chinese in the zh-CN UI", async () => {
    const { wb } = await freshWorkbench({ locale: "zh-CN" });
    const rule = await storedRule("议事规则");
    await wb.open(rule.name);
    await wb.page.keyboard.press("Control+KeyP");
    const input = wb.page.locator("gavel-quick-open input[role=combobox]");
    await input.waitFor();
    expect(await input.getAttribute("placeholder")).toBe(catalogs["zh-CN"]["quickOpen.placeholder"]);
    expect(await input.getAttribute("aria-label")).toBe(catalogs["zh-CN"]["quickOpen.label"]);
    await input.fill(rule.name);
    await wb.page.locator(`gavel-quick-open [role=option][data-name="${rule.name}"]`).waitFor();
    expect(await wb.page.textContent("gavel-quick-open [role=option] .detail")).toContain("已打开");
    await wb.screenshot(screenshotPath("quick-open-zh-CN.png"));
    await input.fill(`${rule.name}无此文件`);
    expect(await wb.page.textContent("gavel-quick-open .note")).toBe(catalogs["zh-CN"]["quickOpen.none"]);
  });
});

describe("search across files (Ctrl+Shift+F)", () => {
  it("finds text in every stored file and in an open tab's unsaved text, grouped by file, with match case, whole word and regex; a click opens the match", async () => {
    const { wb } = await freshWorkbench();
    const token = `Needle${Date.now().toString(36)}`;
    const a = await storedRule("search_a", `${token} and ${token.toLowerCase()}`);
    const b = await storedRule("search_b", `${token}s here`);
    const c = await storedRule("搜索_丙", "nothing");
    await wb.open(c.name);
    // An unsaved edit in the open tab is searched too (as in VS Code).
    await wb.appendText(`# 未保存 ${token}\n`);

    await wb.page.keyboard.press("Control+Shift+KeyF");
    const query = wb.page.locator("gavel-search input[type=search]");
    await query.waitFor();
    expect(await query.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await wb.page.getAttribute("gavel-activity-bar [data-view=search]", "aria-pressed")).toBe("true");
    await query.fill(token);
    const files = wb.page.locator("gavel-search [role=treeitem].file");
    const resultFiles = async () =>
      (await files.evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-file")}:${r.querySelector(".count")?.textContent}`))).sort();
    await poll(resultFiles).toEqual([`${a.name}:2`, `${b.name}:1`, `${c.name}:1`].sort());
    expect(await wb.page.textContent("gavel-search [data-summary]")).toContain("4 results in 3 files");
    expect(await wb.page.locator(`gavel-search [role=treeitem].file[data-file="${c.name}"] .dot`).count()).toBe(1);
    // Each match row shows its line with the match marked.
    const marks = await wb.page.locator(`gavel-search [role=treeitem].match[data-file="${a.name}"] mark`).allTextContents();
    expect(marks).toEqual([token, token.toLowerCase()]);
    await wb.screenshot(screenshotPath("search-en.png"));

    await wb.page.click("gavel-search [data-option=matchCase]");
    await poll(resultFiles).toEqual([`${a.name}:1`, `${b.name}:1`, `${c.name}:1`].sort());
    await wb.page.click("gavel-search [data-option=wholeWord]"); // "Needle…s" is no longer a whole word
    await poll(resultFiles).toEqual([`${a.name}:1`, `${c.name}:1`].sort());
    await wb.page.click("gavel-search [data-option=matchCase]");
    await wb.page.click("gavel-search [data-option=wholeWord]");
    await wb.page.click("gavel-search [data-option=regex]");
    await query.fill(`${token}s? (here|and)`);
    await poll(resultFiles).toEqual([`${a.name}:1`, `${b.name}:1`].sort());
    await query.fill("(unclosed");
    await wb.page.waitForSelector("gavel-search .note.error[role=alert]");

    // Click a match: the file opens with the match selected.
    await query.fill(`${token}s`);
    const match = wb.page.locator(`gavel-search [role=treeitem].match[data-file="${b.name}"]`);
    await match.waitFor();
    const column = b.source.split("\n")[0]!.indexOf(`${token}s`) + 1;
    expect(await match.getAttribute("data-line")).toBe("1");
    expect(await match.getAttribute("data-column")).toBe(String(column));
    await match.click();
    await poll(() => wb.activeTab()).toBe(b.name);
    await poll(() => selection(wb)).toBe(`1:${column}-1:${column + token.length + 1}`);
  });

  it("fetches each stored version once: searching again reads nothing more, a new version is read once", async () => {
    const { wb } = await freshWorkbench();
    const token = `Cached${Date.now().toString(36)}`;
    const a = await storedRule("cache_a", token);
    const b = await storedRule("cache_b", token);
    const reads: string[] = [];
    wb.page.on("request", (request) => {
      const path = decodeURIComponent(new URL(request.url()).pathname);
      if (request.method() === "GET" && (path.endsWith(`/${a.name}`) || path.endsWith(`/${b.name}`))) reads.push(path.split("/").pop()!);
    });
    await wb.open();
    await wb.page.click("gavel-activity-bar [data-view=search]");
    const query = wb.page.locator("gavel-search input[type=search]");
    await query.fill(token);
    const summary = wb.page.locator("gavel-search [data-summary]");
    await poll(() => summary.textContent()).toContain("2 results in 2 files");
    expect(reads.sort()).toEqual([a.name, b.name].sort());

    await wb.page.click("gavel-search [data-action=search-again]");
    await wb.page.click("gavel-search [data-action=search-again]");
    await poll(() => summary.textContent()).toContain("2 results in 2 files");
    expect(reads).toHaveLength(2);

    await suite.service.putRule(b.name, `${b.source}# ${token} again\n`);
    await wb.page.click("gavel-search [data-action=search-again]");
    await poll(() => summary.textContent()).toContain("3 results in 2 files");
    expect(reads.sort()).toEqual([a.name, b.name, b.name].sort());
  });

  it("speaks Chinese in the zh-CN UI and finds Chinese text", async () => {
    const { wb } = await freshWorkbench({ locale: "zh-CN" });
    const word = `票决${Date.now().toString(36)}`;
    const rule = await storedRule("中文搜索", `本规则用于${word}。`);
    await wb.open(rule.name);
    await wb.page.keyboard.press("Control+Shift+KeyF");
    const query = wb.page.locator("gavel-search input[type=search]");
    await query.waitFor();
    expect(await query.getAttribute("aria-label")).toBe(catalogs["zh-CN"]["search.query"]);
    await query.fill(word);
    await poll(() => wb.page.textContent("gavel-search [data-summary]")).toContain("1 个文件中有 1 个结果");
    expect(await wb.page.getAttribute("gavel-search [data-option=regex]", "title")).toBe(catalogs["zh-CN"]["search.regex"]);
    await wb.screenshot(screenshotPath("search-zh-CN.png"));
  });
});

describe("the welcome page's shortcuts", () => {
  /** Every shortcut the welcome page names, read from its text in both languages. */
  const named = (text: string) => [...text.matchAll(/(?:Ctrl\+(?:Shift\+)?[A-Z`\\]|F1)/g)].map((m) => m[0]);

  it("names Ctrl+P, Ctrl+Shift+F and Ctrl+\\ in English and Chinese, the same shortcuts in both", () => {
    const en = named(catalogs.en["welcome.shortcuts"]);
    expect(en).toEqual(["Ctrl+S", "F1", "Ctrl+Shift+P", "Ctrl+P", "Ctrl+Shift+F", "Ctrl+\\", "Ctrl+`"]);
    expect(named(catalogs["zh-CN"]["welcome.shortcuts"])).toEqual(en);
  });

  it("each one works with the focus in the editor and outside it (the explorer)", async () => {
    const { wb } = await freshWorkbench();
    const rule = await storedRule("keys");
    await wb.open(rule.name);
    expect(named(catalogs.en["welcome.shortcuts"])).toHaveLength(7); // the list this test walks through
    const row = `gavel-explorer li[data-name="${rule.name}"]`;
    const where = {
      editor: async () => wb.moveCursor(1, 1),
      explorer: async () => {
        await wb.page.waitForSelector(row);
        await wb.page.focus(row);
      },
    };
    const ensureExplorer = async () => {
      if ((await wb.page.getAttribute("gavel-activity-bar [data-view=explorer]", "aria-pressed")) !== "true") await wb.page.click("gavel-activity-bar [data-view=explorer]");
    };
    let version = 1;
    for (const [place, focus] of Object.entries(where)) {
      await ensureExplorer();
      // Ctrl+S: stores a new version.
      await wb.appendText(`# saved from ${place}\n`);
      await focus();
      await wb.page.keyboard.press("Control+KeyS");
      version++;
      await poll(async () => (await suite.service.getRule(rule.name)).version, `Ctrl+S in ${place}`).toBe(version);

      // F1 and Ctrl+Shift+P: the command palette.
      for (const keys of ["F1", "Control+Shift+KeyP"]) {
        await ensureExplorer();
        await focus();
        await wb.page.keyboard.press(keys);
        await wb.page.waitForSelector(".quick-input-widget .quick-input-list .monaco-list-row", { state: "visible" });
        await wb.page.keyboard.press("Escape");
        await wb.page.waitForSelector(".quick-input-widget", { state: "hidden" });
      }

      // Ctrl+P: quick open.
      await ensureExplorer();
      await focus();
      await wb.page.keyboard.press("Control+KeyP");
      await wb.page.waitForSelector("gavel-quick-open input[role=combobox]");
      await wb.page.keyboard.press("Escape");
      await wb.page.waitForSelector("gavel-quick-open .box", { state: "detached" });

      // Ctrl+Shift+F: the Search view, its query focused.
      await ensureExplorer();
      await focus();
      await wb.page.keyboard.press("Control+Shift+KeyF");
      await wb.page.waitForFunction(() => {
        const search = document.querySelector("gavel-search");
        return search?.shadowRoot?.activeElement?.matches("input[type=search]") ?? false;
      });

      // Ctrl+\: opens the split editor, and closes it again.
      await ensureExplorer();
      await focus();
      await wb.page.keyboard.press("Control+Backslash");
      await wb.page.waitForSelector("gavel-code-editor.split .monaco-host.right .monaco-editor");
      await focus();
      await wb.page.keyboard.press("Control+Backslash");
      await wb.page.waitForSelector("gavel-code-editor.split", { state: "detached" });

      // Ctrl+`: collapses the bottom panel to its tab row and expands it again.
      await ensureExplorer();
      await focus();
      await wb.page.keyboard.press("Control+Backquote");
      await wb.page.waitForSelector("gavel-workbench .main.panel-collapsed");
      await focus();
      await wb.page.keyboard.press("Control+Backquote");
      await wb.page.waitForSelector("gavel-workbench .main.panel-collapsed", { state: "detached" });
    }
  });

  it("lists them on the welcome screen in English and in Chinese", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const { wb } = await freshWorkbench({ locale });
      await wb.open();
      await wb.page.waitForSelector("gavel-code-editor .welcome");
      expect(await wb.page.textContent("gavel-code-editor .welcome")).toContain(catalogs[locale]["welcome.shortcuts"]);
      await wb.screenshot(screenshotPath(`welcome-shortcuts-${locale}.png`));
    }
  });
});

/** Drops files on the element matched by `selector`, as a drag from the desktop does (dragenter, dragover, drop). */
async function dropFiles(wb: WorkbenchPage, selector: string, files: { name: string; bytes: number[] }[]): Promise<void> {
  const target = await wb.page.locator(selector).first().elementHandle();
  await wb.page.evaluate(({ target, files }) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
    for (const type of ["dragenter", "dragover", "drop"]) {
      target!.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
    }
  }, { target, files });
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe("upload and download", () => {
  it("opens an uploaded .gavel file (Upload action) as a new unsaved tab, which Ctrl+S stores", async () => {
    const { wb } = await freshWorkbench();
    await wb.open();
    await monacoLoaded(wb);
    const name = uniqueName("上传规则");
    const source = voteSource(name, "上传的文件");
    const chooser = wb.page.waitForEvent("filechooser");
    await wb.page.click("gavel-explorer [data-action=upload]");
    await (await chooser).setFiles({ name: `${name}.gavel`, mimeType: "text/plain", buffer: Buffer.from(source, "utf8") });
    await poll(() => wb.activeTab()).toBe(name);
    await editorTextIs(wb, source);
    expect(await wb.page.locator(`gavel-explorer li[data-name="${name}"] .dot`).count()).toBe(1);
    await wb.page.keyboard.press("Control+KeyS");
    await poll(async () => (await suite.service.getRule(name)).source).toBe(source);
  });

  it("opens .gavel files dropped on the explorer or the editor; refuses other files and non-UTF-8 text with a notification", async () => {
    const { wb } = await freshWorkbench();
    const existing = await storedRule("dropped_existing");
    await wb.open(existing.name);
    const fresh = uniqueName("dropped_new");
    await dropFiles(wb, "gavel-explorer ul[role=tree]", [{ name: `${fresh}.gavel`, bytes: utf8(voteSource(fresh)) }]);
    await poll(() => wb.activeTab()).toBe(fresh);
    await editorTextIs(wb, voteSource(fresh));

    // Dropped on the editor: Monaco must not insert it as text; an existing name asks first, then replaces the text.
    const replaced = voteSource(existing.name, "replaced by a drop");
    const asked: string[] = [];
    wb.page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await dropFiles(wb, ".monaco-editor .view-lines", [{ name: `${existing.name}.gavel`, bytes: utf8(replaced) }]);
    await poll(() => wb.activeTab()).toBe(existing.name);
    await editorTextIs(wb, replaced);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(`${existing.name}.gavel`);
    // Replacing is one undoable edit on the stored version: the tab is unsaved, the registry unchanged.
    expect((await suite.service.getRule(existing.name)).source).toBe(existing.source);
    expect(await wb.page.locator(`gavel-explorer li[data-name="${existing.name}"] .dot`).count()).toBe(1);

    await dropFiles(wb, "gavel-explorer ul[role=tree]", [
      { name: "notes.txt", bytes: utf8("hello") },
      { name: "gbk_rule.gavel", bytes: [0xb9, 0xe6, 0xd4, 0xf2] }, // "规则" in GBK
    ]);
    const notes = wb.page.locator("gavel-notifications .note[data-severity=error]");
    await poll(() => notes.count()).toBe(2);
    const texts = await notes.locator(".message").allTextContents();
    expect(texts).toEqual([
      catalogs.en["upload.notGavel"].replace("{name}", "notes.txt"),
      catalogs.en["upload.notUtf8"].replace("{name}", "gbk_rule.gavel"),
    ]);
    expect(await wb.page.locator("gavel-explorer li[data-name=gbk_rule]").count()).toBe(0);
    await wb.screenshot(screenshotPath("upload-refused-en.png"));
  });

  it("refuses in Chinese in the zh-CN UI", async () => {
    const { wb } = await freshWorkbench({ locale: "zh-CN" });
    await wb.open();
    await wb.page.waitForSelector("gavel-explorer ul[role=tree]");
    await dropFiles(wb, "gavel-explorer ul[role=tree]", [{ name: "规则.docx", bytes: utf8("x") }]);
    const note = wb.page.locator("gavel-notifications .note[data-severity=error] .message");
    await note.waitFor();
    expect(await note.textContent()).toBe("未打开 规则.docx：只能上传 .gavel 规则文件。");
    await wb.screenshot(screenshotPath("upload-refused-zh-CN.png"));
  });

  it("downloads a file as NAME.gavel from the explorer (stored text) and the active file from the command palette (as edited)", async () => {
    const { wb } = await freshWorkbench();
    const stored = await storedRule("下载_stored", "已保存");
    const edited = await storedRule("下载_edited");
    await wb.open(edited.name);
    await wb.appendText("# 未保存的修改\n");

    await wb.page.hover(`gavel-explorer li[data-name="${stored.name}"]`);
    const fromExplorer = wb.page.waitForEvent("download");
    await wb.page.click(`gavel-explorer li[data-name="${stored.name}"] [data-action=download]`);
    const first = await fromExplorer;
    expect(first.suggestedFilename()).toBe(`${stored.name}.gavel`);
    expect(readFileSync(await first.path(), "utf8")).toBe(stored.source);

    await wb.moveCursor(1, 1);
    await wb.page.keyboard.press("F1");
    await wb.page.waitForSelector(".quick-input-widget .quick-input-list .monaco-list-row");
    await wb.page.keyboard.type("Download this rule file");
    await wb.page.locator(".quick-input-list .monaco-list-row", { hasText: "Download this rule file" }).first().waitFor();
    const fromPalette = wb.page.waitForEvent("download");
    await wb.page.keyboard.press("Enter");
    const second = await fromPalette;
    expect(second.suggestedFilename()).toBe(`${edited.name}.gavel`);
    expect(readFileSync(await second.path(), "utf8")).toBe(`${edited.source}# 未保存的修改\n`);
  });
});
