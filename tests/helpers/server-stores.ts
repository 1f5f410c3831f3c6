/** Real stores for server tests: a fresh PGlite folder, or a uniquely named PostgreSQL database dropped afterwards. */

import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
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

/**
 * An initialised, empty PGlite data folder kept in the temp dir: initdb costs 5–15 s here, copying it ~1 s.
 * Built once per machine (atomically renamed into place, so concurrent test files never see half of one).
 */
async function pgliteTemplate(): Promise<string> {
  const manifest = join(dirname(fileURLToPath(import.meta.url)), "../../node_modules/@electric-sql/pglite/package.json");
  const version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  const template = join(tmpdir(), `gavel-pglite-template-${version}`);
  if (existsSync(join(template, "ready"))) return template;
  const build = `${template}.build-${process.pid}-${randomBytes(4).toString("hex")}`;
  mkdirSync(build, { recursive: true });
  const pglite = await PGlite.create(join(build, "pgdata"));
  await pglite.close();
  writeFileSync(join(build, "ready"), "");
  try {
    renameSync(build, template);
  } catch {
    rmSync(build, { recursive: true, force: true }); // another test file finished first
  }
  return template;
}

/** A fresh folder for the embedded store, laid out as the service expects (`<dataDir>/pgdata`), copied from the template. */
export async function createEmbeddedStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "gavel-test-"));
  cpSync(join(await pgliteTemplate(), "pgdata"), join(dataDir, "pgdata"), { recursive: true });
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
  return kind === "postgres" ? createPostgresStore() : await createEmbeddedStore();
}
