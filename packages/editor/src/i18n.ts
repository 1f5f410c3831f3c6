/** UI strings in English and zh-CN, and the current locale (persisted, observable). */

export type Locale = "en" | "zh-CN";

const en = {
  "app.title": "gavel rules workbench",
  "activity.explorer": "Explorer",
  "activity.outline": "Outline",
  "activity.history": "Version history",
  "activity.settings": "Settings",
  "explorer.title": "Rule files",
  "explorer.new": "New rule file",
  "explorer.rename": "Rename",
  "explorer.delete": "Remove",
  "explorer.refresh": "Refresh",
  "explorer.empty": "No rule files in the registry yet. Create one with +.",
  "explorer.offline": "The service is unreachable: showing local files only.",
  "explorer.loadFailed": "Could not load the rule files: {message}",
  "explorer.unsaved": "not saved yet",
  "explorer.localOnly": "Removing or renaming a stored rule only changes this browser's list: the service keeps every version.",
  "prompt.newName": "Name of the new rule file (letters, digits, _ or -):",
  "prompt.rename": "New name:",
  "confirm.delete": "Remove {name} from the list?",
  "confirm.closeDirty": "{name} has unsaved changes. Close anyway?",
  "outline.title": "Outline",
  "outline.empty": "No symbols.",
  "history.title": "Version history",
  "history.none": "Open a saved rule file to see its versions.",
  "history.version": "Version {v}",
  "history.compare": "Compare with the editor",
  "history.diffTitle": "{name}: version {v} ↔ editor",
  "history.comparePrevious": "What changed in version {v} (against version {p})",
  "history.diffVersions": "{name}: version {p} ↔ version {v}",
  "history.close": "Close diff",
  "history.latest": "latest",
  "tabs.close": "Close",
  "tabs.unsaved": "unsaved changes",
  "welcome.title": "gavel",
  "welcome.body": "Open a rule file from the explorer, or create a new one.",
  "welcome.shortcuts": "Ctrl+S saves a version · F1 or Ctrl+Shift+P opens the command palette · Ctrl+` toggles the panel",
  "panel.problems": "Problems",
  "panel.tests": "Tests",
  "panel.try": "Try it",
  "panel.resize": "Resize the panel (arrow keys)",
  "problems.none": "No problems in this file.",
  "tests.run": "Run tests",
  "tests.none": "This file has no test blocks.",
  "tests.summary": "{passed} passed, {failed} failed",
  "tests.expected": "expected",
  "tests.coverage": "coverage: {covered} of {total} outcomes, bands and grades exercised",
  "tests.uncovered": "{n} not exercised by any test",
  "tests.actual": "actual",
  "tests.notRun": "Press “Run tests” to run this file's test blocks in the browser.",
  "tests.cannotRun": "Fix the errors in the Problems panel before running the tests.",
  "try.rule": "Rule",
  "try.evaluate": "Evaluate",
  "try.noRules": "This file defines no rule yet.",
  "try.outcome": "Outcome",
  "try.score": "Score",
  "try.grade": "Grade",
  "try.explanation": "Explanation",
  "try.error": "Evaluation error",
  "try.cannot": "Fix the errors in the Problems panel to try this rule.",
  "try.present": "present",
  "try.yes": "yes",
  "try.quorumLine": "quorum line",
  "try.passLine": "pass line",
  "try.points": "points",
  "outcome.passed": "passed",
  "outcome.rejected": "rejected",
  "outcome.no_quorum": "no quorum",
  "status.ln": "Ln {line}, Col {column}",
  "status.errors": "{n} errors",
  "status.warnings": "{n} warnings",
  "status.saved": "saved v{v}",
  "status.unsaved": "not saved",
  "status.modified": "modified since v{v}",
  "status.theme": "Toggle light/dark theme",
  "status.locale": "中文",
  "settings.title": "Settings",
  "settings.token": "API token (bearer)",
  "settings.tokenHelp": "Paste the service's token once; it is kept in this browser only.",
  "settings.locale": "Language",
  "settings.theme": "Theme",
  "settings.light": "Light",
  "settings.dark": "Dark",
  "settings.save": "Save",
  "settings.cancel": "Cancel",
  "save.ok": "Saved {name} as version {v}.",
  "save.failed": "Saving failed: {message}",
  "save.invalid": "The service refused the file: it does not compile.",
  "save.needToken": "The service needs a token: paste it in Settings.",
  "quickfix.replace": "Change to '{name}'",
  "lens.runTest": "Run test",
  "lens.try": "Try it",
  "cmd.save": "gavel: Save a new version",
  "cmd.runTests": "gavel: Run the tests of this file",
  "cmd.try": "gavel: Try this rule",
  "cmd.problems": "gavel: Show problems",
  "cmd.new": "gavel: New rule file",
  "cmd.history": "gavel: Show version history",
  "cmd.theme": "gavel: Toggle light/dark theme",
  "cmd.locale": "gavel: Switch UI language (English / 中文)",
  "cmd.settings": "gavel: Open settings",
  "cmd.togglePanel": "gavel: Toggle bottom panel",
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "app.title": "gavel 规则工作台",
  "activity.explorer": "资源管理器",
  "activity.outline": "大纲",
  "activity.history": "版本历史",
  "activity.settings": "设置",
  "explorer.title": "规则文件",
  "explorer.new": "新建规则文件",
  "explorer.rename": "重命名",
  "explorer.delete": "移除",
  "explorer.refresh": "刷新",
  "explorer.empty": "规则库中还没有文件。点击 + 新建。",
  "explorer.offline": "无法连接服务：仅显示本地文件。",
  "explorer.loadFailed": "无法加载规则文件：{message}",
  "explorer.unsaved": "尚未保存",
  "explorer.localOnly": "移除或重命名已保存的规则只改变本浏览器中的列表：服务会保留所有版本。",
  "prompt.newName": "新规则文件的名称（字母、数字、_ 或 -）：",
  "prompt.rename": "新名称：",
  "confirm.delete": "从列表中移除 {name}？",
  "confirm.closeDirty": "{name} 有未保存的修改。仍然关闭？",
  "outline.title": "大纲",
  "outline.empty": "没有符号。",
  "history.title": "版本历史",
  "history.none": "打开一个已保存的规则文件以查看其版本。",
  "history.version": "第 {v} 版",
  "history.compare": "与编辑器内容比较",
  "history.diffTitle": "{name}：第 {v} 版 ↔ 编辑器",
  "history.comparePrevious": "第 {v} 版改了什么（与第 {p} 版比较）",
  "history.diffVersions": "{name}：第 {p} 版 ↔ 第 {v} 版",
  "history.close": "关闭比较",
  "history.latest": "最新",
  "tabs.close": "关闭",
  "tabs.unsaved": "有未保存的修改",
  "welcome.title": "gavel",
  "welcome.body": "从资源管理器打开一个规则文件，或新建一个。",
  "welcome.shortcuts": "Ctrl+S 保存新版本 · F1 或 Ctrl+Shift+P 打开命令面板 · Ctrl+` 切换面板",
  "panel.problems": "问题",
  "panel.tests": "测试",
  "panel.try": "试算",
  "panel.resize": "调整面板高度（方向键）",
  "problems.none": "此文件没有问题。",
  "tests.run": "运行测试",
  "tests.none": "此文件没有测试块。",
  "tests.summary": "{passed} 个通过，{failed} 个失败",
  "tests.expected": "期望",
  "tests.coverage": "覆盖：{total} 个结果、分档和等级中有 {covered} 个被测试到",
  "tests.uncovered": "{n} 个未被任何测试覆盖",
  "tests.actual": "实际",
  "tests.notRun": "点击“运行测试”在浏览器中运行此文件的测试块。",
  "tests.cannotRun": "请先修正“问题”面板中的错误，再运行测试。",
  "try.rule": "规则",
  "try.evaluate": "计算",
  "try.noRules": "此文件还没有定义规则。",
  "try.outcome": "结果",
  "try.score": "得分",
  "try.grade": "等级",
  "try.explanation": "说明",
  "try.error": "计算出错",
  "try.cannot": "请先修正“问题”面板中的错误，再试算此规则。",
  "try.present": "实到",
  "try.yes": "赞成",
  "try.quorumLine": "法定人数线",
  "try.passLine": "通过线",
  "try.points": "分",
  "outcome.passed": "通过",
  "outcome.rejected": "未通过",
  "outcome.no_quorum": "未达法定人数",
  "status.ln": "行 {line}，列 {column}",
  "status.errors": "{n} 个错误",
  "status.warnings": "{n} 个警告",
  "status.saved": "已保存 第{v}版",
  "status.unsaved": "未保存",
  "status.modified": "自第{v}版后已修改",
  "status.theme": "切换浅色/深色主题",
  "status.locale": "English",
  "settings.title": "设置",
  "settings.token": "API 令牌（Bearer）",
  "settings.tokenHelp": "粘贴服务的令牌一次即可；它只保存在本浏览器中。",
  "settings.locale": "界面语言",
  "settings.theme": "主题",
  "settings.light": "浅色",
  "settings.dark": "深色",
  "settings.save": "保存",
  "settings.cancel": "取消",
  "save.ok": "已将 {name} 保存为第 {v} 版。",
  "save.failed": "保存失败：{message}",
  "save.invalid": "服务拒绝了此文件：它无法编译。",
  "save.needToken": "服务需要令牌：请在“设置”中粘贴。",
  "quickfix.replace": "改为“{name}”",
  "lens.runTest": "运行测试",
  "lens.try": "试算",
  "cmd.save": "gavel：保存新版本",
  "cmd.runTests": "gavel：运行此文件的测试",
  "cmd.try": "gavel：试算此规则",
  "cmd.problems": "gavel：显示问题",
  "cmd.new": "gavel：新建规则文件",
  "cmd.history": "gavel：显示版本历史",
  "cmd.theme": "gavel：切换浅色/深色主题",
  "cmd.locale": "gavel：切换界面语言（English / 中文）",
  "cmd.settings": "gavel：打开设置",
  "cmd.togglePanel": "gavel：切换底部面板",
};

/** Every UI message in every locale. */
export const catalogs: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, "zh-CN": zh };
const STORAGE_KEY = "gavel.locale";
const listeners = new Set<() => void>();

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "zh-CN") return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

let current: Locale = initialLocale();

/** The current UI locale. */
export function getLocale(): Locale {
  return current;
}

/** Switches the UI locale, remembers it, and notifies every subscriber. */
export function setLocale(locale: Locale): void {
  current = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the locale changes; returns the unsubscribe function. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for `key` in the current locale, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
