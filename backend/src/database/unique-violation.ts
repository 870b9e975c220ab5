/**
 * Whether a failed write broke a unique index or primary key, on MySQL/MariaDB or SQLite: the
 * sign that a concurrent request won a race the caller lets the database settle.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
