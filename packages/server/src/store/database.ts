/**
 * The SQL database behind the service: PGlite in a local folder by default, PostgreSQL when a URL is given.
 * Both run the same SQL through one small interface (query, transaction).
 */

import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { migrate } from "./migrations.ts";
import { makePrivate } from "./private-files.ts";

/** A result row: column name to value. */
export type Row = object;

/** What a query gives back: the rows, and how many rows it returned or changed. */
export interface QueryResult<R extends Row = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

/** Anything that runs a parameterised query: the database, or one transaction. Without values, text may hold several statements. */
export interface Queryable {
  query<R extends Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export type DatabaseKind = "embedded" | "postgres";

/** A channel being listened to; `live` is false while its notifications may be missed. */
export interface ChangeWatch {
  readonly live: boolean;
}

/** An open, migrated database. */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `changed` on every notification on `channel` (a lower-case SQL name), and whenever notifications may have
   * been missed (the listening connection was lost) or start arriving again. Stops at close().
   */
  watch(channel: string, changed: () => void): Promise<ChangeWatch>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded store in `dataDir` is used. */
  databaseUrl?: string;
  /** The embedded store's folder (default `./.gavel-data`). */
  dataDir?: string;
  /** Connections to PostgreSQL per service instance (default 10). */
  poolSize?: number;
  /** Apply pending migrations on open (default true); restore turns this off to build the backup's schema version. */
  migrate?: boolean;
}

/** A channel is written into LISTEN as it is, so only plain lower-case SQL names are taken. */
function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new RangeError(`not a channel name: ${channel}`);
}

/** How long a lost listening connection waits before it connects again. */
const LISTEN_RETRY_MS = 1_000;

/** PostgreSQL through a `pg` pool: each transaction on its own pooled connection. */
class PostgresDatabase implements Database {
  readonly kind = "postgres";
  private readonly pool: pg.Pool;
  /** The connections that LISTEN (outside the pool, which hands connections out per query). */
  private readonly listeners = new Set<pg.Client>();
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    poolSize: number,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on("error", () => undefined);
  }

  async query<R extends Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    const result = await this.pool.query<R>(text, values);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Queryable = {
      async query<R extends Row = Record<string, unknown>>(text: string, values?: unknown[]) {
        const result = await client.query<R>(text, values);
        return { rows: result.rows, rowCount: result.rowCount ?? 0 };
      },
    };
    try {
      await client.query("BEGIN");
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async watch(channel: string, changed: () => void): Promise<ChangeWatch> {
    const state = { live: false };
    const listen = async (): Promise<void> => {
      if (this.closed) return;
      // Keep-alive probes (on the system's timers) notice a connection that died silently and would otherwise look live;
      // until then the token store's one-minute limit bounds what is trusted.
      const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true });
      const lost = (): void => {
        if (!this.listeners.delete(client)) return;
        state.live = false;
        changed();
        client.end().catch(() => undefined);
        retryLater();
      };
      client.on("error", lost);
      client.on("end", lost);
      client.on("notification", (message) => {
        if (message.channel === channel) changed();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) return void (await client.end().catch(() => undefined));
      this.listeners.add(client);
      state.live = true;
      changed();
    };
    const retryLater = (): void => {
      if (!this.closed) setTimeout(() => listen().catch(retryLater), LISTEN_RETRY_MS).unref();
    };
    assertChannelName(channel);
    // A store that cannot listen still serves; it only reports the watch as not live until it can.
    await listen().catch(retryLater);
    return state;
  }

  async close(): Promise<void> {
    this.closed = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    await Promise.all(listeners.map((client) => client.end().catch(() => undefined)));
    await this.pool.end();
  }
}

type PGliteRunner = Pick<PGlite | Transaction, "query" | "exec">;

async function runOnPGlite<R extends Row>(runner: PGliteRunner, text: string, values?: unknown[]): Promise<QueryResult<R>> {
  if (!values || values.length === 0) {
    // The simple protocol: allows several statements (migrations); the last statement's result is returned.
    const results = await runner.exec(text);
    const last = results.at(-1);
    return { rows: (last?.rows ?? []) as R[], rowCount: last ? (last.rows.length || (last.affectedRows ?? 0)) : 0 };
  }
  const result = await runner.query<R>(text, values);
  return { rows: result.rows, rowCount: result.rows.length || (result.affectedRows ?? 0) };
}

/**
 * PGlite (Postgres in WASM) in a local folder, called through its own API. Not through `pg` with
 * createPgConfig: measured here, any SQL error (a unique violation, a trigger refusal) desynchronises that
 * adapter's protocol and the next queries fail with "Connection terminated unexpectedly".
 * PGlite runs one statement at a time, so transactions are serialised.
 */
class EmbeddedDatabase implements Database {
  readonly kind = "embedded";

  constructor(
    private readonly pglite: PGlite,
    private readonly release: () => void,
  ) {}

  query<R extends Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    return runOnPGlite<R>(this.pglite, text, values);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => work({ query: (text, values) => runOnPGlite(tx, text, values) }));
  }

  async watch(channel: string, changed: () => void): Promise<ChangeWatch> {
    assertChannelName(channel);
    // In the process itself: no connection to lose.
    await this.pglite.listen(channel, () => changed());
    return { live: true };
  }

  async close(): Promise<void> {
    try {
      await this.pglite.close();
    } finally {
      this.release();
    }
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const folder = resolve(dataDir);
  // A folder we create is private; an existing one (a mounted volume, a folder the operator chose) keeps its mode,
  // and only what gavel writes in it is made private: pgdata (0700 itself, so nothing inside is reachable) and the lock.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(folder);
  try {
    // PGlite's files live in a subfolder so initdb sees an empty directory next to our lock file.
    const pgdata = join(folder, "pgdata");
    const pglite = await PGlite.create(pgdata);
    makePrivate(pgdata);
    return new EmbeddedDatabase(pglite, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Opens the store (PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`) and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.databaseUrl ? new PostgresDatabase(options.databaseUrl, options.poolSize ?? 10) : await openEmbedded(options.dataDir ?? ".gavel-data");
  if (options.migrate === false) return db;
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
