/** @gavel/server: the gavel HTTP service (Fastify) over the embedded PGlite store or PostgreSQL. */

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { TokenStore } from "./access/token-store";
import { buildApp } from "./app";
import { AssessmentService } from "./assessments/assessment-service";
import { BallotService } from "./ballots/ballot-service";
import type { Services } from "./routes/context";
import { RuleRegistry } from "./rules/rule-registry";
import { EvaluationPool } from "./workers/evaluation-pool";
import { DEFAULT_STD_DIR } from "./rules/std-imports";
import { openDatabase, type Database } from "./store/database";

export { ApiError } from "./http/api-error";
export { DataDirLockedError } from "./store/data-dir-lock";
export type { Role, Permission, Actor } from "./access/roles";
export type { BallotView, Tally, Choice } from "./ballots/ballot-types";

/** packages/editor/dist of this repository. */
export const DEFAULT_EDITOR_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../editor/dist");

export interface ServerOptions {
  /** PostgreSQL connection string; when absent, the embedded store in `dataDir` is used. */
  databaseUrl?: string;
  /** The embedded store's folder (default `./.gavel-data`), locked against a second process. */
  dataDir?: string;
  /** Structured request logs (pino); off by default, on in `startServer`. */
  logger?: boolean;
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
  /** Worker threads for assessments and rule compiles (default: cores − 1, at least 1; or GAVEL_WORKER_THREADS). */
  workerThreads?: number;
}

export interface GavelServer {
  app: FastifyInstance;
  db: Database;
  services: Services;
  /** The admin token created on the first start of an empty store (undefined on later starts). */
  adminToken?: string;
  /** Stops the app and closes the store (and its lock). */
  close(): Promise<void>;
}

/** Opens the store (migrating it), seeds the std rules, issues the first admin token if needed, and builds the app. */
export async function createServer(options: ServerOptions = {}): Promise<GavelServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, poolSize: options.poolSize });
  const workers = new EvaluationPool(options.workerThreads);
  try {
    const stdDir = options.stdDir ?? DEFAULT_STD_DIR;
    const rules = new RuleRegistry(db, stdDir, (name, source) => workers.checkRuleFile(name, source, stdDir));
    const tokens = new TokenStore(db);
    const services: Services = { db, rules, tokens, ballots: new BallotService(db, rules), assessments: new AssessmentService(rules, workers) };
    if (options.seedStandardLibrary ?? true) await rules.seedStandardLibrary();
    const adminToken = await tokens.bootstrapAdmin();
    const app = await buildApp(services, { logger: options.logger, editorDir: options.editorDir ?? DEFAULT_EDITOR_DIR, bodyLimit: options.bodyLimit });
    // Every caller (signal handlers, tests) waits for the same single shutdown.
    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      services,
      adminToken,
      close() {
        closing ??= app.close().then(() => Promise.all([db.close(), workers.close()])).then(() => undefined);
        return closing;
      },
    };
  } catch (error) {
    await workers.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

export interface StartOptions extends ServerOptions {
  port?: number;
  host?: string;
  /** Where the one-time admin token notice goes (default stdout). */
  print?: (line: string) => void;
  /** Close cleanly (store, lock) on SIGINT and SIGTERM, then exit (default true). */
  handleSignals?: boolean;
}

/** Creates the server and listens; prints the first admin token once, with the editor URL. */
export async function startServer(options: StartOptions = {}): Promise<GavelServer & { url: string; port: number }> {
  const server = await createServer({ logger: true, ...options });
  try {
    const host = options.host ?? "127.0.0.1";
    const address = await server.app.listen({ port: options.port ?? 3000, host });
    const port = Number(new URL(address).port);
    // An address a browser on this machine can open: a wildcard host is reached through localhost.
    const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
    if (server.adminToken) {
      const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
      print("");
      print("gavel: first start — an admin token was created. It is shown only this once; keep it safe:");
      print(`  GAVEL_ADMIN_TOKEN=${server.adminToken}`);
      print(`Editor: ${url}/  (paste the token under Settings)   API docs: ${url}/docs`);
      print("");
    }
    if (options.handleSignals ?? true) {
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          server.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    }
    return { ...server, url, port };
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}
