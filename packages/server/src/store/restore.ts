/**
 * Restores a backup (see backup.ts) into an EMPTY store of either kind. The target is migrated to the backup's
 * schema version, every row is inserted in one transaction (so the immutability triggers and constraints stay on and
 * a refused or cut backup leaves the target empty), then the remaining migrations bring it up to date.
 */

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, useCanonicalTextForms, type BackupHeader, type BackupSummary, type BackupTableLine, type BackupTrailer, type BackupValue } from "./backup.ts";
import { openDatabase, type Database, type DatabaseOptions, type Queryable } from "./database.ts";
import { loadMigrations, migrate, type Migration } from "./migrations.ts";
import { quoteIdentifier, readAppliedMigrations, readTableShapes, type TableShape } from "./schema-catalog.ts";

/** Why a restore was refused. */
export type RestoreRefusal = "NOT_A_BACKUP" | "NEWER_SCHEMA" | "UNKNOWN_MIGRATION" | "TARGET_NOT_EMPTY" | "INCOMPLETE_BACKUP" | "SCHEMA_MISMATCH";

/** A restore refused before or instead of changing the target (the target keeps no restored row). */
export class RestoreRefusedError extends Error {
  constructor(
    readonly code: RestoreRefusal,
    message: string,
  ) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

// Bind parameters per INSERT stay well under PostgreSQL's 65,535.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 500;

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new RestoreRefusedError("NOT_A_BACKUP", `Line ${lineNumber} of the backup is not JSON.`);
  }
}

/** The header, checked against the migrations this code knows; returns the migrations to build before loading. */
function checkHeader(value: unknown, known: Migration[]): { header: BackupHeader; migrations: Migration[] } {
  const header = value as Partial<BackupHeader> | null;
  if (!header || header.format !== BACKUP_FORMAT || !Number.isInteger(header.schemaVersion) || !Array.isArray(header.migrations)) {
    throw new RestoreRefusedError("NOT_A_BACKUP", "This file is not a gavel backup (no gavel-backup header on its first line).");
  }
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new RestoreRefusedError("NEWER_SCHEMA", `This backup uses format ${String(header.formatVersion)}; this gavel reads format ${BACKUP_FORMAT_VERSION}. Use the gavel version that wrote it.`);
  }
  const newest = known.at(-1)?.version ?? 0;
  if (header.schemaVersion! > newest) {
    throw new RestoreRefusedError("NEWER_SCHEMA", `This backup has schema version ${header.schemaVersion}, newer than this gavel knows (${newest}). Upgrade gavel, then restore.`);
  }
  for (const applied of header.migrations) {
    const mine = known.find((m) => m.version === applied.version);
    if (!mine || mine.name !== applied.name) {
      throw new RestoreRefusedError("UNKNOWN_MIGRATION", `The backup's migration ${applied.version} (${applied.name}) is not this gavel's ${mine ? `${mine.version} (${mine.name})` : `(none)`}.`);
    }
  }
  return { header: header as BackupHeader, migrations: known.filter((m) => m.version <= header.schemaVersion!) };
}

async function refuseUnlessEmpty(tx: Queryable, tables: TableShape[]): Promise<void> {
  for (const table of tables) {
    const { rowCount } = await tx.query(`SELECT 1 FROM ${quoteIdentifier(table.name)} LIMIT 1`);
    if (rowCount) throw new RestoreRefusedError("TARGET_NOT_EMPTY", `The target store is not empty (table ${table.name} has rows). Restore into a new data folder or an empty database.`);
  }
}

/** Inserts rows of one table in multi-row statements, every value cast from its text form to the column's type. */
async function insertRows(tx: Queryable, table: TableShape, columns: string[], rows: BackupValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const types = columns.map((c) => table.types[table.columns.indexOf(c)]!);
  const head = `INSERT INTO ${quoteIdentifier(table.name)} (${columns.map(quoteIdentifier).join(", ")}) OVERRIDING SYSTEM VALUE VALUES `;
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values: BackupValue[] = [];
    const tuples = batch.map((row) => `(${types.map((type, i) => (values.push(row[i] ?? null), `CAST($${values.length}::text AS ${type})`)).join(", ")})`);
    await tx.query(head + tuples.join(", "), values);
  }
}

/** Moves every serial or identity sequence past the restored values, so new rows do not collide. */
async function advanceSequences(tx: Queryable, tables: TableShape[]): Promise<void> {
  for (const table of tables) {
    for (const [column, sequence] of Object.entries(table.sequences)) {
      await tx.query(`SELECT setval($1, max(${quoteIdentifier(column)})) FROM ${quoteIdentifier(table.name)} HAVING max(${quoteIdentifier(column)}) IS NOT NULL`, [sequence]);
    }
  }
}

/** Reads the backup body (after the header) and inserts it; checks the trailer's counts. */
async function loadRows(tx: Queryable, lines: AsyncIterator<string>, firstLineNumber: number): Promise<Record<string, number>> {
  const tables = await readTableShapes(tx);
  await refuseUnlessEmpty(tx, tables);
  const counts: Record<string, number> = {};
  let current: { table: TableShape; columns: string[]; pending: BackupValue[][] } | undefined;
  const flush = async () => {
    if (!current) return;
    await insertRows(tx, current.table, current.columns, current.pending);
    current.pending = [];
  };
  let lineNumber = firstLineNumber;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    lineNumber++;
    if (next.value.trim() === "") continue;
    const value = parseLine(next.value, lineNumber);
    if (Array.isArray(value)) {
      if (!current || value.length !== current.columns.length || !value.every((v) => v === null || typeof v === "string")) {
        throw new RestoreRefusedError("NOT_A_BACKUP", `Line ${lineNumber} is not a row of the table before it.`);
      }
      current.pending.push(value as BackupValue[]);
      counts[current.table.name] = (counts[current.table.name] ?? 0) + 1;
      if (current.pending.length >= MAX_ROWS_PER_INSERT) await flush();
      continue;
    }
    await flush();
    if ((value as Partial<BackupTrailer>).end === true) {
      const expected = (value as BackupTrailer).rows ?? {};
      for (const name of new Set([...Object.keys(expected), ...Object.keys(counts)])) {
        if ((expected[name] ?? 0) !== (counts[name] ?? 0)) throw new RestoreRefusedError("INCOMPLETE_BACKUP", `The backup lists ${expected[name] ?? 0} rows of ${name} but holds ${counts[name] ?? 0}.`);
      }
      await advanceSequences(tx, tables);
      return counts;
    }
    const start = value as Partial<BackupTableLine>;
    const table = tables.find((t) => t.name === start.table);
    if (!table || !Array.isArray(start.columns)) throw new RestoreRefusedError("SCHEMA_MISMATCH", `Line ${lineNumber}: the backup's table ${String(start.table)} does not exist in this schema.`);
    const missing = start.columns.filter((c) => !table.columns.includes(c));
    if (missing.length > 0) throw new RestoreRefusedError("SCHEMA_MISMATCH", `Table ${table.name} has no column ${missing.join(", ")} in this schema.`);
    current = { table, columns: start.columns, pending: [] };
    counts[table.name] ??= 0;
  }
  throw new RestoreRefusedError("INCOMPLETE_BACKUP", "The backup ends before its trailer line: it was cut short. Nothing was restored.");
}

/**
 * Restores the backup in `file` into the empty store `target` (a data folder or a PostgreSQL URL) and brings it to
 * the current schema. Refuses (RestoreRefusedError, target left without restored rows) a foreign or cut file, a
 * backup of a newer schema, or a target that already holds data.
 */
export async function restoreBackupFile(target: DatabaseOptions, file: string): Promise<BackupSummary> {
  const reader = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  try {
    const first = await lines.next();
    if (first.done) throw new RestoreRefusedError("NOT_A_BACKUP", "The backup file is empty.");
    const known = loadMigrations();
    const { header, migrations } = checkHeader(parseLine(first.value, 1), known);
    const db: Database = await openDatabase({ ...target, poolSize: 1, migrate: false });
    try {
      const applied = await readAppliedMigrations(db);
      const ahead = applied.filter((m) => m.version > header.schemaVersion);
      if (ahead.length > 0) {
        throw new RestoreRefusedError("TARGET_NOT_EMPTY", `The target store already has schema version ${applied.at(-1)!.version}, newer than the backup's ${header.schemaVersion}. Restore into a new data folder or an empty database.`);
      }
      await migrate(db, migrations);
      const rows = await db.transaction(async (tx) => {
        await useCanonicalTextForms(tx);
        // The insert guards of ballot rows (migration 003) stand aside for this transaction only; immutability stays on.
        await tx.query("SET LOCAL gavel.restore = 'on'");
        return loadRows(tx, lines, 1);
      });
      await migrate(db, known);
      return { schemaVersion: header.schemaVersion, rows };
    } finally {
      await db.close();
    }
  } finally {
    reader.close();
  }
}
