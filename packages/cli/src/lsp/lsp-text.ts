/** What `gavel lsp` says to the author through the editor, in English and Chinese (diagnostics and rename refusals come localized from lang). */
import type { Locale } from "@gavel-rules/lang";

export interface LspText {
  runTest: string;
  replaceWith(name: string): string;
  testPassed(name: string): string;
  testFailed(name: string, why: string): string;
  cannotRun(name: string, error: string): string;
  noSuchTest(name: string): string;
}

const en: LspText = {
  runTest: "Run test",
  replaceWith: (name) => `Replace with '${name}'`,
  testPassed: (name) => `✓ Test "${name}" passed.`,
  testFailed: (name, why) => `✗ Test "${name}" failed: ${why}`,
  cannotRun: (name, error) => `✗ Test "${name}" cannot run: the file has errors (${error}).`,
  noSuchTest: (name) => `✗ There is no test "${name}" in this file.`,
};

const zh: LspText = {
  runTest: "运行测试",
  replaceWith: (name) => `改为 “${name}”`,
  testPassed: (name) => `✓ 测试 “${name}” 通过。`,
  testFailed: (name, why) => `✗ 测试 “${name}” 失败：${why}`,
  cannotRun: (name, error) => `✗ 测试 “${name}” 无法运行：文件有错误（${error}）。`,
  noSuchTest: (name) => `✗ 此文件中没有测试 “${name}”。`,
};

/** The texts in one language. */
export function lspText(locale: Locale): LspText {
  return locale === "zh" ? zh : en;
}
