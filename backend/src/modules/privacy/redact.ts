import { Brackets, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ErasureSubject } from './personal-data';

export const REDACTED = '[removed]';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const usable = (terms: string[]) => [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))];

/** Whether `text` mentions one of the subject's identifiers (case-insensitively). */
export function mentions(text: string, subject: ErasureSubject): boolean {
  const lower = text.toLowerCase();
  return usable(subject.identifiers).some((term) => lower.includes(term.toLowerCase()));
}

/**
 * `text` with the subject's identifiers replaced, and their related terms too when an identifier
 * was there. Longest terms first, so a full name goes before the first name inside it.
 */
export function redact(text: string, subject: ErasureSubject): string {
  return mentions(text, subject) ? replaceTerms(text, subject) : text;
}

/** Every identifier and related term replaced, whether or not an identifier is in `text` itself. */
function replaceTerms(text: string, subject: ErasureSubject): string {
  const terms = usable([...subject.identifiers, ...subject.related]).sort((a, b) => b.length - a.length);
  return terms.reduce(
    (result, term) => result.replace(new RegExp(`(?<!\\w)${escapeRegExp(term)}(?!\\w)`, 'gi'), REDACTED),
    text,
  );
}

/**
 * Rewrites the text columns of a module's own table wherever they mention the subject. Used for
 * what other people's rows say about them (a booking email to the childminder naming the parent).
 * Column values may be JSON (simple-json), compared and rewritten as their stored text.
 */
export async function redactColumns<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  columns: (keyof T & string)[],
  subject: ErasureSubject,
): Promise<number> {
  const identifiers = usable(subject.identifiers);
  if (identifiers.length === 0) return 0;
  const repository = manager.getRepository(entity);
  const metadata = repository.metadata;
  const query = repository.createQueryBuilder('row').select('row.id', 'id');
  for (const column of columns) query.addSelect(`row.${column}`, column);
  query.where(
    new Brackets((or) => {
      columns.forEach((column, c) =>
        identifiers.forEach((term, t) =>
          or.orWhere(`LOWER(row.${column}) LIKE :term_${c}_${t}`, { [`term_${c}_${t}`]: `%${term.toLowerCase()}%` }),
        ),
      );
    }),
  );
  const rows = await query.getRawMany<Record<string, unknown>>();
  for (const row of rows) {
    // The row is about the subject: related terms go from every column (a link naming a child, say).
    const changes: Record<string, unknown> = {};
    for (const column of columns) {
      const stored = row[column];
      if (typeof stored !== 'string') continue;
      const cleaned = replaceTerms(stored, subject);
      if (cleaned === stored) continue;
      const isJson = metadata.findColumnWithPropertyName(column)?.type === 'simple-json';
      changes[column] = isJson ? JSON.parse(cleaned) : cleaned;
    }
    if (Object.keys(changes).length > 0) {
      await repository.update(row.id as never, changes as never);
    }
  }
  return rows.length;
}
