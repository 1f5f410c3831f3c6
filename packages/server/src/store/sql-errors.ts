/** Recognises PostgreSQL error codes (the same on PGlite) that the service turns into domain answers. */

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** 23505: a unique or primary key refused a second row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== "23505") return false;
  return constraint === undefined || (error as { constraint?: unknown }).constraint === constraint;
}

/** 23503: a foreign key found no parent row. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === "23503";
}

/** 22021 / 22P05: text the database cannot store (PostgreSQL refuses the NUL character in text). */
export function isUnstorableText(error: unknown): boolean {
  const state = sqlState(error);
  return state === "22021" || state === "22P05";
}
