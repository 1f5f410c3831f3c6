/** The rule files a command was given; paths that do not exist are reported on stderr. */
import { collectGavelFiles } from "../files.ts";
import type { CommandContext } from "../context.ts";

export interface GivenFiles {
  files: string[];
  /** Whether some given path does not exist (the command then exits 2). */
  missingPaths: boolean;
}

/** Collects *.gavel files under the given paths, telling the user about missing ones and about finding none. */
export function findRuleFiles(paths: readonly string[], ctx: CommandContext): GivenFiles {
  const { files, missing } = collectGavelFiles(paths, ctx.io.cwd);
  for (const path of missing) ctx.io.stderr(`${ctx.style.red(ctx.messages.pathNotFound(path))}\n`);
  if (files.length === 0 && missing.length < paths.length) ctx.io.stderr(`${ctx.messages.noRuleFiles([...paths])}\n`);
  return { files, missingPaths: missing.length > 0 };
}
