import { ValueTransformer } from 'typeorm';

/**
 * Lists that search filters on (age groups, languages, services) are stored as one normalised,
 * delimited string: `|english|polish|`. "Speaks Polish" is then `LIKE '%|Polish|%'`, which works
 * the same on MySQL/MariaDB and SQLite (both compare case-insensitively here: MariaDB through the
 * utf8mb4_unicode_ci collation, SQLite's LIKE for ASCII), without a join table per list.
 * Values never contain `|`, `%` or `_`: their validators allow letters, spaces and hyphens only.
 */
export const LIST_DELIMITER = '|';

export function encodeList(values: readonly string[] | null | undefined): string {
  const unique = [...new Set(values ?? [])];
  return unique.length ? `${LIST_DELIMITER}${unique.join(LIST_DELIMITER)}${LIST_DELIMITER}` : '';
}

/**
 * Reads a stored list in whatever shape the driver hands it back: the delimited string (both
 * dialects' SELECTs), null, a Buffer, or the array itself (TypeORM passes the entity's own value
 * through `from` when it merges the columns an INSERT generated, as it does on SQLite).
 */
export function decodeList<T extends string = string>(stored: unknown): T[] {
  if (Array.isArray(stored)) return [...new Set(stored.filter((v): v is T => typeof v === 'string' && v !== ''))];
  const text = Buffer.isBuffer(stored) ? stored.toString('utf8') : typeof stored === 'string' ? stored : '';
  return text.split(LIST_DELIMITER).filter(Boolean) as T[];
}

/** The LIKE pattern matching rows whose list holds `value`. */
export const containsPattern = (value: string) => `%${LIST_DELIMITER}${value}${LIST_DELIMITER}%`;

export const delimitedListTransformer: ValueTransformer = {
  to: (value: readonly string[] | null | undefined) => encodeList(value),
  from: (value: unknown) => decodeList(value),
};

/** "british sign language" -> "British Sign Language": one spelling per language, for matching. */
export function normaliseLanguage(value: string): string {
  return value
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
