/** `gavel fmt`: rewrites rule files in canonical form, or with --check lists the ones that are not, or with --diff shows the changes. */
import { writeFileSync } from "node:fs";
import { format, localizeDiagnostic } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { readRuleSource, STDIN } from "../rule-file.ts";
import { unifiedDiff } from "../unified-diff.ts";
import { findRuleFiles } from "./rule-files.ts";

export interface FmtOptions {
  /** Write nothing; list unformatted files on stdout and exit 1 if there are any. */
  check?: boolean;
  /** Write nothing; print a unified diff of each unformatted file and exit 1 if there are any. */
  diff?: boolean;
}

/**
 * Formats the rule files under `paths`; exit 1 when a file cannot be formatted (or, with --check or --diff,
 * is not formatted). `-` formats standard input to standard output.
 */
export function runFmt(paths: readonly string[], options: FmtOptions, ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const { files, usageError } = findRuleFiles(paths, ctx);
  const dryRun = options.check === true || options.diff === true;
  let unformatted = 0;
  let broken = 0;
  for (const path of files) {
    const read = readRuleSource(path, io.cwd, io.readStdin);
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
    const changed = formatted.text !== read.file.source;
    if (changed) unformatted += 1;
    if (options.diff) {
      io.stdout(unifiedDiff(read.file.source, formatted.text, read.file.display));
    } else if (options.check) {
      if (changed) io.stdout(`${read.file.display}\n`);
    } else if (path === STDIN) {
      // A filter, as editors and `prettier --stdin` use it: the whole text out, changed or not.
      io.stdout(formatted.text);
    } else if (changed) {
      writeFileSync(path, formatted.text);
      io.stdout(`${messages.formatted(read.file.display)}\n`);
    }
  }
  if (dryRun && files.length > 0) {
    io.stderr(`${unformatted > 0 ? style.yellow(messages.notFormatted(unformatted)) : style.green(messages.allFormatted(files.length - broken))}\n`);
  }
  if (usageError) return ExitCode.usage;
  if (broken > 0) return ExitCode.failure;
  return dryRun && unformatted > 0 ? ExitCode.failure : ExitCode.ok;
}
