/**
 * What tables the store holds, read from the database's own catalog: names in foreign-key order, their columns and
 * primary keys. Backup and restore iterate this instead of a hand-kept list, so a table or column added by a later
 * migration is carried without touching them.
 */

import type { Queryable } from "./database.ts";

/** One table as backup and restore see it. */
export interface TableShape {
  name: string;
  /** Columns in their declared order, without generated columns (which cannot be written). */
  columns: string[];
  /** Each column's SQL type (as format_type() spells it), parallel to `columns`. */
  types: string[];
  /** The sequence behind each serial or identity column: column name to sequence name. */
  sequences: Record<string, string>;
  /** Primary key columns (empty when the table has none). */
  primaryKey: string[];
}

/** The migrations bookkeeping table: carried in the backup header, not as rows. */
export const MIGRATIONS_TABLE = "schema_migrations";

/** A SQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Orders `tables` so every table comes after the tables its foreign keys point to; ties by name. */
function dependencyOrder(tables: string[], references: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => [...parents.get(t)!].every((p) => !remaining.has(p)));
    if (ready === undefined) throw new Error(`foreign keys form a cycle among: ${[...remaining].join(", ")}`);
    ordered.push(ready);
    remaining.delete(ready);
  }
  return ordered;
}

/** Every table of the current schema except schema_migrations, parents before children. */
export async function readTableShapes(db: Queryable): Promise<TableShape[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const columns = await db.query<{ table_name: string; column_name: string; type: string; sequence: string | null }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
            pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS sequence
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const keys = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = current_schema() ORDER BY c.relname, k.position`,
  );
  const columnsOf = <R extends { table_name: string }>(table: string, rows: R[]) => rows.filter((r) => r.table_name === table);
  return dependencyOrder(
    tables.rows.map((t) => t.name),
    references.rows,
  ).map((name) => {
    const own = columnsOf(name, columns.rows);
    return {
      name,
      columns: own.map((c) => c.column_name),
      types: own.map((c) => c.type),
      sequences: Object.fromEntries(own.filter((c) => c.sequence !== null).map((c) => [c.column_name, c.sequence!])),
      primaryKey: columnsOf(name, keys.rows).map((k) => k.column_name),
    };
  });
}

/** The applied migrations, in order (empty when the store was never migrated). */
export async function readAppliedMigrations(db: Queryable): Promise<{ version: number; name: string }[]> {
  const exists = await db.query("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = $1", [MIGRATIONS_TABLE]);
  if (!exists.rowCount) return [];
  const { rows } = await db.query<{ version: number; name: string }>(`SELECT version, name FROM ${MIGRATIONS_TABLE} ORDER BY version`);
  return rows;
}
