/** The SQL database behind the service: PGlite in a local folder by default, PostgreSQL when a URL is given; one `pg` API for both. */

import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./data-dir-lock";
import { migrate } from "./migrations";

/** Anything that runs a parameterised query: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export type DatabaseKind = "embedded" | "postgres";

/** An open, migrated database. */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded store in `dataDir` is used. */
  databaseUrl?: string;
  /** The embedded store's folder (default `./.gavel-data`). */
  dataDir?: string;
  /** Connections to PostgreSQL per service instance. */
  poolSize?: number;
}

class PoolDatabase implements Database {
  constructor(
    readonly kind: DatabaseKind,
    private readonly pool: pg.Pool,
    private readonly onClose: () => Promise<void>,
  ) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose();
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const lock: DataDirLock = lockDataDir(folder);
  try {
    // PGlite's files live in a subfolder so initdb sees an empty directory next to our lock file.
    const pglite = await PGlite.create(join(folder, "pgdata"));
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    return new PoolDatabase("embedded", pool, async () => {
      await pglite.close();
      lock.release();
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}

function openPostgres(databaseUrl: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return new PoolDatabase("postgres", pool, async () => undefined);
}

/** Opens the store (PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`) and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : await openEmbedded(options.dataDir ?? ".gavel-data");
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
