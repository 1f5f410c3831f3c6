/** A rule file read, compiled and one rule chosen from it: what eval, table and diff start from. */
import { resolve } from "node:path";
import type { CompiledModule, CompiledRule } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { compileRuleFile, readRuleFile } from "../rule-file.ts";

export type RuleSource = { ok: true; module: CompiledModule; rule: CompiledRule; display: string } | { ok: false; exitCode: number };

/** Reads and compiles `file` and picks `ruleName` (or its only rule); tells the user on stderr when it cannot. */
export function loadRule(file: string, ruleName: string | undefined, ctx: CommandContext): RuleSource {
  const { io, style, messages } = ctx;
  const fail = (message: string, exitCode: number): RuleSource => {
    io.stderr(`${style.red(message)}\n`);
    return { ok: false, exitCode };
  };
  const read = readRuleFile(resolve(io.cwd, file), io.cwd);
  if (!read.ok) return fail(messages.pathNotFound(file), ExitCode.usage);
  const module = compileRuleFile(read.file, ctx.resolveImport, ctx.language, ctx.calendar);
  if (!module.ok) {
    for (const d of module.diagnostics) io.stderr(`${formatDiagnostic(d, read.file.display, style)}\n`);
    return fail(messages.fileHasErrors(read.file.display), ExitCode.failure);
  }
  const available = [...module.scope.keys()];
  let name = ruleName;
  if (name === undefined) {
    if (module.rules.length !== 1) return fail(messages.ruleRequired(available), ExitCode.usage);
    name = module.rules[0]?.name ?? "";
  }
  const rule = module.scope.get(name);
  if (!rule) return fail(messages.ruleNotFound(name, available), ExitCode.usage);
  return { ok: true, module, rule, display: read.file.display };
}

/** Columns of a text table of some CJK text: each East Asian wide character takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A plain-text table: a header row, a rule of dashes, then the rows, columns padded to their widest cell. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + " ".repeat(widths[i]! - displayWidth(c)) : " ".repeat(widths[i]! - displayWidth(c)) + c))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
