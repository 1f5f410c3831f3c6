/**
 * Which store an operator command works on, and opening it: --database-url, else --data, else DATABASE_URL, else
 * GAVEL_DATA, else ./.gavel-data (the same defaults as `gavel serve`). Explicit flags win over the environment.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { operatorMessagesFor } from "../operator-messages.ts";
import { loadServerPackage, type ServerPackage } from "./server-package.ts";

export interface StoreOptions {
  data?: string;
  databaseUrl?: string;
}

/** A store to open: a PostgreSQL URL or an embedded folder (absolute). */
export type StoreTarget = { databaseUrl: string } | { dataDir: string };

/** The store the options and environment name, or a message when they contradict each other. */
export function resolveStoreTarget(options: StoreOptions, ctx: CommandContext): StoreTarget | { usage: string } {
  const { io } = ctx;
  if (options.data !== undefined && options.databaseUrl !== undefined) return { usage: operatorMessagesFor(ctx.language).bothStores };
  if (options.databaseUrl) return { databaseUrl: options.databaseUrl };
  if (options.data !== undefined) return { dataDir: resolve(io.cwd, options.data) };
  if (io.env.DATABASE_URL) return { databaseUrl: io.env.DATABASE_URL };
  return { dataDir: resolve(io.cwd, io.env.GAVEL_DATA || ".gavel-data") };
}

/** True when `dataDir` holds an embedded store (PGlite's files), so a typo does not create a new one. */
export function holdsEmbeddedStore(dataDir: string): boolean {
  return existsSync(join(dataDir, "pgdata", "PG_VERSION"));
}

/** Prints why a store command failed, in the operator's words, and returns the exit code. */
export function reportStoreError(error: unknown, target: StoreTarget, ctx: CommandContext): number {
  const { io, style } = ctx;
  const m = operatorMessagesFor(ctx.language);
  const failure = error as { name?: unknown; code?: unknown; holderPid?: unknown; message?: unknown } | null;
  if (failure?.name === "DataDirLockedError" && "dataDir" in target) {
    io.stderr(`${style.red(m.storeLocked(target.dataDir, Number(failure.holderPid)))}\n`);
  } else if ((failure?.name === "Refusal" || failure?.name === "RestoreRefusedError") && typeof failure.code === "string") {
    io.stderr(`${style.red(m.refused(failure.code, String(failure.message)))}\n`);
  } else {
    io.stderr(`${style.red(m.failed(error instanceof Error ? error.message : String(error)))}\n`);
  }
  return ExitCode.failure;
}

/** How an operator command opens its store. */
export interface OpenMode {
  /** Refuse an embedded folder that holds no store yet (a typo must not create one). */
  mustExist: boolean;
  /** Apply pending migrations on open, as a service start would (a backup must not change the store it copies). */
  migrate: boolean;
}

/**
 * Runs `work` with the server package and the open store named by `options` (closed afterwards, releasing the data
 * folder's lock). Returns the exit code.
 */
export async function withStore(
  options: StoreOptions,
  ctx: CommandContext,
  mode: OpenMode,
  work: (server: typeof ServerPackage, db: ServerPackage.Database, target: StoreTarget) => Promise<number>,
): Promise<number> {
  const { io, style } = ctx;
  const target = resolveStoreTarget(options, ctx);
  if ("usage" in target) {
    io.stderr(`${style.red(target.usage)}\n`);
    return ExitCode.usage;
  }
  if (mode.mustExist && "dataDir" in target && !holdsEmbeddedStore(target.dataDir)) {
    io.stderr(`${style.red(operatorMessagesFor(ctx.language).storeMissing(target.dataDir))}\n`);
    return ExitCode.usage;
  }
  const server = await loadServerPackage();
  if (!server) {
    io.stderr(`${style.red(operatorMessagesFor(ctx.language).serverMissing)}\n`);
    return ExitCode.failure;
  }
  let db: ServerPackage.Database;
  try {
    db = await server.openDatabase({ ...target, poolSize: 2, migrate: mode.migrate });
  } catch (error) {
    return reportStoreError(error, target, ctx);
  }
  try {
    return await work(server, db, target);
  } catch (error) {
    return reportStoreError(error, target, ctx);
  } finally {
    await db.close();
  }
}
