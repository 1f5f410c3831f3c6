/** The rule files a command was given; paths that do not exist, patterns that match nothing and finding no file at all are reported on stderr. */
import { collectGavelFiles } from "../files.ts";
import type { CommandContext } from "../context.ts";
import { STDIN } from "../rule-file.ts";

export interface GivenFiles {
  /** Absolute paths, and STDIN (`-`) where standard input was named. */
  files: string[];
  /** Whether the run cannot be trusted to cover what was asked: a missing path, an unmatched pattern, `-` twice, or no file at all (exit 2). */
  usageError: boolean;
}

/** Collects *.gavel files under the given paths (and `-` for standard input), telling the user what was not found. */
export function findRuleFiles(paths: readonly string[], ctx: CommandContext): GivenFiles {
  const { io, style, messages } = ctx;
  const named = paths.filter((path) => path !== STDIN);
  const stdinCount = paths.length - named.length;
  if (stdinCount > 1) io.stderr(`${style.red(messages.stdinOnce)}\n`);
  const { files, missing, unmatched } = collectGavelFiles(named, io.cwd, ctx.ignore);
  for (const path of missing) io.stderr(`${style.red(messages.pathNotFound(path))}\n`);
  for (const pattern of unmatched) io.stderr(`${style.red(messages.noMatch(pattern))}\n`);
  const all = stdinCount > 0 ? [STDIN, ...files] : files;
  if (all.length === 0 && missing.length + unmatched.length < named.length) io.stderr(`${messages.noRuleFiles([...named])}\n`);
  return { files: all, usageError: stdinCount > 1 || missing.length > 0 || unmatched.length > 0 || all.length === 0 };
}
