/** What `gavel lsp` says to the author through the editor, in English and Chinese (diagnostics come localized from lang). */
import type { Locale } from "@gavel-rules/lang";

export interface LspText {
  runTest: string;
  replaceWith(name: string): string;
  testPassed(name: string): string;
  testFailed(name: string, why: string): string;
  cannotRun(name: string, error: string): string;
  noSuchTest(name: string): string;
  declaredElsewhere(name: string): string;
  /** `reason` is lang's English explanation; a known refusal code gets its own words in Chinese. */
  renameRefused(code: string, reason: string, newName: string): string;
}

const en: LspText = {
  runTest: "Run test",
  replaceWith: (name) => `Replace with '${name}'`,
  testPassed: (name) => `✓ Test "${name}" passed.`,
  testFailed: (name, why) => `✗ Test "${name}" failed: ${why}`,
  cannotRun: (name, error) => `✗ Test "${name}" cannot run: the file has errors (${error}).`,
  noSuchTest: (name) => `✗ There is no test "${name}" in this file.`,
  declaredElsewhere: (name) => `'${name}' is declared in an imported file; rename it there.`,
  renameRefused: (_code, reason) => reason,
};

const zhRefusals: Record<string, (newName: string) => string> = {
  NO_NAME: () => "这里没有可以重命名的规则、输入项、let 或评分项名称。",
  NOT_IN_FILE: () => "这个名称定义在导入的文件中，请到那里重命名。",
  INVALID_NAME: (n) => `“${n}” 不是合法的名称：名称以字母或 _ 开头，只含字母、数字和 _。`,
  RESERVED_NAME: (n) => `“${n}” 是语言的保留字，不能用作名称。`,
  NAME_TAKEN: (n) => `“${n}” 已经是另一个名称。`,
  WOULD_BREAK: (n) => `改名为 “${n}” 会使文件无效。`,
};

const zh: LspText = {
  runTest: "运行测试",
  replaceWith: (name) => `改为 “${name}”`,
  testPassed: (name) => `✓ 测试 “${name}” 通过。`,
  testFailed: (name, why) => `✗ 测试 “${name}” 失败：${why}`,
  cannotRun: (name, error) => `✗ 测试 “${name}” 无法运行：文件有错误（${error}）。`,
  noSuchTest: (name) => `✗ 此文件中没有测试 “${name}”。`,
  declaredElsewhere: (name) => `“${name}” 定义在导入的文件中，请到那里重命名。`,
  renameRefused: (code, reason, newName) => zhRefusals[code]?.(newName) ?? reason,
};

/** The texts in one language. */
export function lspText(locale: Locale): LspText {
  return locale === "zh" ? zh : en;
}
