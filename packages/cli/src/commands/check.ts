/** `gavel check`: every diagnostic of every rule file, one per line; exit 1 on any error. */
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { codeFrame } from "../code-frame.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { compileRuleFile, readRuleFile } from "../rule-file.ts";
import { findRuleFiles } from "./rule-files.ts";

/** Checks the rule files under `paths`; diagnostics go to stdout, the summary to stderr. */
export function runCheck(paths: readonly string[], ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const { files, missingPaths } = findRuleFiles(paths, ctx);
  let errors = 0;
  let warnings = 0;
  for (const path of files) {
    const read = readRuleFile(path, io.cwd);
    if (!read.ok) {
      errors += 1;
      io.stdout(`${read.display}:1:1: error READ_ERROR ${messages.cannotRead(read.display, read.error)}\n`);
      continue;
    }
    const module = compileRuleFile(read.file, ctx.resolveImport, ctx.language, ctx.calendar);
    for (const diagnostic of module.diagnostics) {
      if (diagnostic.severity === "error") errors += 1;
      else warnings += 1;
      io.stdout(`${formatDiagnostic(diagnostic, read.file.display, style)}\n`);
      // The source line helps a person; piped output stays one parseable line per diagnostic.
      if (io.isTTY) for (const line of codeFrame(read.file.source, diagnostic.span, style)) io.stdout(`  ${line}\n`);
    }
  }
  if (files.length > 0) {
    const summary = messages.checkSummary(files.length, errors, warnings);
    io.stderr(`${errors > 0 ? style.red(summary) : style.green(summary)}\n`);
  }
  if (missingPaths) return ExitCode.usage;
  return errors > 0 || files.length === 0 ? ExitCode.failure : ExitCode.ok;
}
