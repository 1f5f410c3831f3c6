/** Real stores for server tests: a fresh PGlite folder, or a uniquely named PostgreSQL database dropped afterwards. */

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The machine's PostgreSQL (trust auth); tests never touch its `test` database, only their own. */
export const POSTGRES_ADMIN_URL = process.env.GAVEL_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

export type StoreKind = "embedded" | "postgres";

/** A place to keep one test file's data, and how to remove it. */
export interface TestStore {
  kind: StoreKind;
  /** Options for createServer: `databaseUrl` or `dataDir`. */
  options: { databaseUrl?: string; dataDir?: string };
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates an empty PostgreSQL database with a unique name. */
export async function createPostgresStore(): Promise<TestStore> {
  const name = `gavel_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    kind: "postgres",
    options: { databaseUrl: withDatabase(POSTGRES_ADMIN_URL, name) },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh folder for the embedded store (PGlite initdb runs on first open: ~5 s, so one per test file). */
export function createEmbeddedStore(): TestStore {
  const dataDir = mkdtempSync(join(tmpdir(), "gavel-test-"));
  return {
    kind: "embedded",
    options: { dataDir },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store of the given kind. */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  return kind === "postgres" ? createPostgresStore() : createEmbeddedStore();
}
