/** `gavel backup` and `gavel restore`: a logical backup of either store that restores into either store. */
import { resolve } from "node:path";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { operatorMessagesFor } from "../operator-messages.ts";
import { loadServerPackage } from "./server-package.ts";
import { reportStoreError, resolveStoreTarget, withStore, type StoreOptions } from "./store-target.ts";

function totals(rows: Record<string, number>): { rows: number; tables: number } {
  return { rows: Object.values(rows).reduce((sum, n) => sum + n, 0), tables: Object.keys(rows).length };
}

/** Writes a backup of the store to `--out`. */
export async function runBackup(options: StoreOptions & { out: string }, ctx: CommandContext): Promise<number> {
  const file = resolve(ctx.io.cwd, options.out);
  // Never migrates: a backup taken before an upgrade must hold the store exactly as it was.
  return withStore(options, ctx, { mustExist: true, migrate: false }, async (server, db) => {
    const summary = await server.writeBackupFile(db, file);
    const { rows, tables } = totals(summary.rows);
    ctx.io.stderr(`${operatorMessagesFor(ctx.language).backupWritten(file, rows, tables, summary.schemaVersion)}\n`);
    return ExitCode.ok;
  });
}

/** Restores `file` into the empty store named by the options (a new folder is created). */
export async function runRestore(fileArgument: string, options: StoreOptions, ctx: CommandContext): Promise<number> {
  const { io, style } = ctx;
  const m = operatorMessagesFor(ctx.language);
  const target = resolveStoreTarget(options, ctx);
  if ("usage" in target) {
    io.stderr(`${style.red(target.usage)}\n`);
    return ExitCode.usage;
  }
  const server = await loadServerPackage();
  if (!server) {
    io.stderr(`${style.red(m.serverMissing)}\n`);
    return ExitCode.failure;
  }
  const file = resolve(io.cwd, fileArgument);
  try {
    const summary = await server.restoreBackupFile(target, file);
    const { rows, tables } = totals(summary.rows);
    io.stderr(`${m.restored(file, rows, tables, summary.schemaVersion)}\n`);
    return ExitCode.ok;
  } catch (error) {
    return reportStoreError(error, target, ctx);
  }
}
