/** `gavel fmt`: rewrites rule files in canonical form, or with --check lists the ones that are not. */
import { writeFileSync } from "node:fs";
import { format, localizeDiagnostic } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { readRuleFile } from "../rule-file.ts";
import { findRuleFiles } from "./rule-files.ts";

export interface FmtOptions {
  /** Write nothing; list unformatted files on stdout and exit 1 if there are any. */
  check?: boolean;
}

/** Formats the rule files under `paths`; exit 1 when a file cannot be formatted (or, with --check, is not formatted). */
export function runFmt(paths: readonly string[], options: FmtOptions, ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const { files, missingPaths } = findRuleFiles(paths, ctx);
  let unformatted = 0;
  let broken = 0;
  for (const path of files) {
    const read = readRuleFile(path, io.cwd);
    if (!read.ok) {
      broken += 1;
      io.stderr(`${messages.cannotRead(read.display, read.error)}\n`);
      continue;
    }
    const formatted = format(read.file.source);
    if (!formatted.ok) {
      broken += 1;
      io.stderr(`${style.red(messages.cannotFormat(read.file.display))}\n`);
      for (const d of formatted.diagnostics) io.stderr(`  ${formatDiagnostic(localizeDiagnostic(d, ctx.language), read.file.display, style)}\n`);
      continue;
    }
    if (formatted.text === read.file.source) continue;
    unformatted += 1;
    if (options.check) {
      io.stdout(`${read.file.display}\n`);
    } else {
      writeFileSync(path, formatted.text);
      io.stdout(`${messages.formatted(read.file.display)}\n`);
    }
  }
  if (options.check && files.length > 0) {
    io.stderr(`${unformatted > 0 ? style.yellow(messages.notFormatted(unformatted)) : style.green(messages.allFormatted(files.length - broken))}\n`);
  }
  if (missingPaths) return ExitCode.usage;
  if (broken > 0 || files.length === 0) return ExitCode.failure;
  return options.check && unformatted > 0 ? ExitCode.failure : ExitCode.ok;
}
