/**
 * Logical backup of a store as JSON lines, the same for the embedded store and PostgreSQL, so a backup of either
 * restores into either. Line 1 is a header (format, schema version and migrations); then, per table in foreign-key
 * order, a `{ table, columns }` line followed by one JSON array per row holding every value in PostgreSQL's text form
 * (lossless: microseconds, jsonb, numerics); last, a trailer with each table's row count, so a cut file is refused.
 * Rows are written in primary key order, never physical order: a backup keeps no trace of insertion order.
 */

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { Database, DatabaseKind, Queryable } from "./database.ts";
import { quoteIdentifier, readAppliedMigrations, readTableShapes, type TableShape } from "./schema-catalog.ts";

export const BACKUP_FORMAT = "gavel-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The highest applied migration: a restore needs code that knows it. */
  schemaVersion: number;
  migrations: { version: number; name: string }[];
  store: DatabaseKind;
  createdAt: string;
}

/** Starts a table's rows. */
export interface BackupTableLine {
  table: string;
  columns: string[];
}

/** The last line: rows per table, to detect a truncated file. */
export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

/** What a backup or restore carried. */
export interface BackupSummary {
  schemaVersion: number;
  rows: Record<string, number>;
}

/** A stored value in text form, or null. */
export type BackupValue = string | null;

const FETCH_SIZE = 1000;

/** Settings that make text forms the same whatever the server's configuration (time zone, date style). */
export async function useCanonicalTextForms(tx: Queryable): Promise<void> {
  await tx.query("SET LOCAL TimeZone = 'UTC'");
  await tx.query("SET LOCAL DateStyle = 'ISO, YMD'");
  await tx.query("SET LOCAL IntervalStyle = 'iso_8601'");
  await tx.query("SET LOCAL extra_float_digits = 3");
}

async function writeTable(tx: Queryable, table: TableShape, writeLine: (line: string) => void): Promise<number> {
  writeLine(JSON.stringify({ table: table.name, columns: table.columns } satisfies BackupTableLine));
  const select = table.columns.map((c, i) => `${quoteIdentifier(c)}::text AS c${i}`).join(", ");
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns).map(quoteIdentifier).join(", ");
  // A cursor keeps memory bounded by FETCH_SIZE rows whatever the table's size.
  await tx.query(`DECLARE gavel_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdentifier(table.name)} ORDER BY ${order}`);
  let count = 0;
  for (;;) {
    const { rows } = await tx.query<Record<string, BackupValue>>(`FETCH ${FETCH_SIZE} FROM gavel_backup`);
    for (const row of rows) writeLine(JSON.stringify(table.columns.map((_, i) => row[`c${i}`] ?? null)));
    count += rows.length;
    if (rows.length < FETCH_SIZE) break;
  }
  await tx.query("CLOSE gavel_backup");
  return count;
}

/** Writes a backup of `db`, line by line, from one consistent snapshot (REPEATABLE READ, read only). */
export async function writeBackup(db: Database, writeLine: (line: string) => void): Promise<BackupSummary> {
  return db.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await useCanonicalTextForms(tx);
    const migrations = await readAppliedMigrations(tx);
    const schemaVersion = migrations.at(-1)?.version ?? 0;
    const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion, migrations, store: db.kind, createdAt: new Date().toISOString() };
    writeLine(JSON.stringify(header));
    const rows: Record<string, number> = {};
    for (const table of await readTableShapes(tx)) rows[table.name] = await writeTable(tx, table, writeLine);
    writeLine(JSON.stringify({ end: true, rows } satisfies BackupTrailer));
    return { schemaVersion, rows };
  });
}

/**
 * Writes a backup of `db` to `file` (mode 0600: it holds token hashes and who voted), refusing to overwrite one.
 * `file` is reserved empty first, the backup is written and flushed next to it, then renamed over it: `file`
 * never holds half a backup (a cut run leaves it empty, which restore refuses).
 */
export async function writeBackupFile(db: Database, file: string): Promise<BackupSummary> {
  closeSync(openSync(file, "wx", 0o600));
  const partial = `${file}.partial`;
  let fd: number | undefined;
  try {
    fd = openSync(partial, "w", 0o600);
    const out = fd;
    const summary = await writeBackup(db, (line) => {
      writeSync(out, `${line}\n`);
    });
    fsyncSync(out);
    closeSync(out);
    fd = undefined;
    renameSync(partial, file);
    return summary;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    rmSync(file, { force: true });
    throw error;
  }
}
