/** @gavel-rules/server: the gavel HTTP service (Fastify) over the embedded PGlite store or PostgreSQL. */

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { TokenStore } from "./access/token-store.ts";
import { buildApp } from "./app.ts";
import { Lifecycle } from "./http/lifecycle.ts";
import { operationsFromEnv, type OperationsOptions } from "./http/operations-options.ts";
import { AssessmentService } from "./assessments/assessment-service.ts";
import { BallotService } from "./ballots/ballot-service.ts";
import { BodyService } from "./meetings/body-service.ts";
import { ItemService } from "./meetings/item-service.ts";
import { MeetingService } from "./meetings/meeting-service.ts";
import type { Services } from "./routes/context.ts";
import { RuleRegistry, serverCalendar } from "./rules/rule-registry.ts";
import { EvaluationPool } from "./workers/evaluation-pool.ts";
import { DEFAULT_STD_DIR } from "./rules/std-imports.ts";
import { openDatabase, type Database } from "./store/database.ts";

export { ApiError, REFUSAL_STATUS } from "./http/api-error.ts";
export { Refusal, type RefusalKind } from "./refusal.ts";
export { openApiDocument } from "./openapi-document.ts";
export { operationsFromEnv, DEFAULT_OPERATIONS, type OperationsOptions } from "./http/operations-options.ts";
export { DataDirLockedError } from "./store/data-dir-lock.ts";
export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from "./store/database.ts";
export { TokenStore, type TokenInfo } from "./access/token-store.ts";
export { ROLES } from "./access/roles.ts";
export { writeBackupFile, type BackupSummary } from "./store/backup.ts";
export { restoreBackupFile, RestoreRefusedError, type RestoreRefusal } from "./store/restore.ts";
export type { Role, Permission, Actor } from "./access/roles.ts";
export type { BallotView, Tally, Choice } from "./ballots/ballot-types.ts";
export type { BallotVerification, IntegrityProblem, IntegrityCode } from "./ballots/ballot-verification.ts";
export type { MeetingView, ItemView, BodyView } from "./meetings/meeting-types.ts";

const moduleDir = dirname(fileURLToPath(import.meta.url));
/** The built editor: editor/ inside this package when installed (copied at build); packages/editor/dist from the monorepo's sources. */
export const DEFAULT_EDITOR_DIR = import.meta.url.endsWith(".ts") ? resolve(moduleDir, "../../editor/dist") : resolve(moduleDir, "../editor");

export interface ServerOptions {
  /** PostgreSQL connection string; when absent, the embedded store in `dataDir` is used. */
  databaseUrl?: string;
  /** The embedded store's folder (default `./.gavel-data`), locked against a second process. */
  dataDir?: string;
  /** Structured request logs (pino); off by default, on in `startServer`. */
  logger?: boolean;
  /** Where log lines go (default stdout). */
  logStream?: { write(line: string): void };
  /** The built editor to serve at / (default packages/editor/dist, when built). */
  editorDir?: string;
  /** The standard library folder for `import "std/…"` (default dsl/std). */
  stdDir?: string;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Store the std rules (major_matter, …) in an empty registry under their names (default true). */
  seedStandardLibrary?: boolean;
  /** PostgreSQL connections per instance (default 10). */
  poolSize?: number;
  /**
   * Issue the first admin token of an empty store in createServer, returned as `adminToken` (default true).
   * startServer turns this off and issues it only once listening, printing it before it is committed.
   */
  issueAdminToken?: boolean;
  /** Overrides of the operator settings, which otherwise come from the environment (operationsFromEnv). */
  operations?: Partial<OperationsOptions>;
  /** Worker threads for assessments and rule compiles (default: cores − 1, at least 1; or GAVEL_WORKER_THREADS). */
  workerThreads?: number;
}

export interface GavelServer {
  app: FastifyInstance;
  db: Database;
  services: Services;
  /** The admin token created on the first start of an empty store (undefined on later starts). */
  adminToken?: string;
  /** Shared drain state: `draining` turns true when close() begins. */
  lifecycle: Lifecycle;
  /**
   * Graceful stop: /ready answers 503 and new requests are refused, the listener closes, requests in flight get up to
   * the drain timeout to finish (then their connections are closed), and the store (and its lock) is closed last.
   */
  close(): Promise<void>;
}

/** Opens the store (migrating it), seeds the std rules, issues the first admin token if needed, and builds the app. */
export async function createServer(options: ServerOptions = {}): Promise<GavelServer> {
  // A calendar file that cannot be read stops the start, not the first evaluation that counts working days.
  serverCalendar();
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, poolSize: options.poolSize });
  const workers = new EvaluationPool(options.workerThreads);
  try {
    const stdDir = options.stdDir ?? DEFAULT_STD_DIR;
    const rules = new RuleRegistry(db, stdDir, (name, source, pinned) => workers.checkRuleFile(name, source, stdDir, pinned));
    const tokens = new TokenStore(db);
    await tokens.rememberAuthentications();
    const ballots = new BallotService(db, rules);
    const bodies = new BodyService(db);
    const services: Services = {
      db,
      rules,
      tokens,
      ballots,
      assessments: new AssessmentService(rules, workers),
      bodies,
      meetings: new MeetingService(db, bodies, ballots),
      items: new ItemService(db, rules, ballots),
    };
    if (options.seedStandardLibrary ?? true) await rules.seedStandardLibrary();
    await rules.pinLegacyImports();
    const adminToken = (options.issueAdminToken ?? true) ? await tokens.bootstrapAdmin() : undefined;
    const operations: OperationsOptions = { ...operationsFromEnv(), ...options.operations };
    const lifecycle = new Lifecycle();
    const app = await buildApp(services, { logger: options.logger, logStream: options.logStream, editorDir: options.editorDir ?? DEFAULT_EDITOR_DIR, bodyLimit: options.bodyLimit, operations, lifecycle });
    // Every caller (signal handlers, tests) waits for the same single shutdown.
    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      services,
      adminToken,
      lifecycle,
      close() {
        closing ??= drainAndClose(app, db, lifecycle, operations.drainTimeoutMs).finally(() => workers.close());
        return closing;
      },
    };
  } catch (error) {
    await workers.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** Stops accepting, waits up to `drainTimeoutMs` for requests in flight, closes what is still open, then the store. */
async function drainAndClose(app: FastifyInstance, db: Database, lifecycle: Lifecycle, drainTimeoutMs: number): Promise<void> {
  lifecycle.draining = true;
  const appClosed = app.close();
  const timer = new AbortController();
  const drained = await Promise.race([appClosed.then(() => true), sleep(drainTimeoutMs, false, { signal: timer.signal }).catch(() => false)]);
  timer.abort();
  if (!drained) {
    app.log.warn({ drainTimeoutMs }, "requests still in flight after the drain timeout; closing their connections");
    app.server.closeAllConnections();
    await appClosed;
  }
  await db.close();
}

export interface StartOptions extends ServerOptions {
  port?: number;
  host?: string;
  /** Where the one-time admin token notice goes (default stdout). */
  print?: (line: string) => void;
  /** Drain and close (store, lock) on SIGTERM, SIGINT and other fatal signals or an uncaught error, then exit (default true). */
  handleSignals?: boolean;
}

/** Prints the one-time admin token notice, line by line. */
function announceAdminToken(print: (line: string) => void, token: string, url: string): void {
  print("");
  print("gavel: first start — an admin token was created. It is shown only this once; keep it safe:");
  print(`  GAVEL_ADMIN_TOKEN=${token}`);
  print(`Editor: ${url}/  (paste the token under Settings)   API docs: ${url}/docs`);
  print("");
}

/**
 * Creates the server and listens; on the first start of an empty store, then issues the admin token and prints it
 * with the editor URL. The token is committed only after listening succeeded and after it was printed, so no start
 * can leave a store whose token nobody saw (a failed start commits none; the next start prints one).
 */
export async function startServer(options: StartOptions = {}): Promise<GavelServer & { url: string; port: number }> {
  const server = await createServer({ logger: true, ...options, issueAdminToken: false });
  try {
    const host = options.host ?? "127.0.0.1";
    const address = await server.app.listen({ port: options.port ?? 3000, host });
    const port = Number(new URL(address).port);
    // An address a browser on this machine can open: a wildcard host is reached through localhost.
    const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
    // process.stdout.write is synchronous for files and pipes on Linux: the line is out before the commit.
    const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
    const adminToken = await server.services.tokens.bootstrapAdmin((token) => announceAdminToken(print, token, url));
    if (!adminToken && !(await server.services.tokens.hasActiveAdmin())) {
      print("gavel: this store has no active admin token. An operator on this machine can create one with the service stopped:");
      print(`  gavel token create --role admin --name NAME ${server.db.kind === "postgres" ? "--database-url URL" : "--data FOLDER"}`);
    }
    if (options.handleSignals ?? true) {
      // The drain timeout plus time for the store to close; a second signal exits at once.
      const drainTimeoutMs = { ...operationsFromEnv(), ...options.operations }.drainTimeoutMs;
      closeWithGrace({ delay: drainTimeoutMs + 5000, logger: { error: (message: unknown) => server.app.log.error(message) } }, async ({ signal, err }) => {
        if (err) server.app.log.error({ err }, "uncaught error: shutting down");
        else server.app.log.info({ signal }, "shutting down: draining requests in flight");
        await server.close();
      });
    }
    return { ...server, ...(adminToken ? { adminToken } : {}), url, port };
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}
