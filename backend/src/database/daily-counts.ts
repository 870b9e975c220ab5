import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Rows per UTC day and per value of one column: a dashboard series. */
export interface DailyCount {
  /** `2026-12-07` */
  day: string;
  key: string;
  count: number;
}

const dayOf = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/**
 * Groups `query` (already filtered, aliased `alias`) by the UTC day of `dateColumn` in [from, to)
 * and by `keyColumn`. DATE() means the same on MySQL/MariaDB and SQLite for our UTC datetimes;
 * callers index (keyColumn, dateColumn) or dateColumn so the range is an index scan.
 */
export async function countByDay<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  dateColumn: string,
  keyColumn: string,
  range: { from: Date; to: Date },
): Promise<DailyCount[]> {
  const rows = await query
    .select(`DATE(${alias}.${dateColumn})`, 'day')
    .addSelect(`${alias}.${keyColumn}`, 'key')
    .addSelect('COUNT(*)', 'count')
    .andWhere(`${alias}.${dateColumn} >= :dailyFrom AND ${alias}.${dateColumn} < :dailyTo`, {
      dailyFrom: range.from,
      dailyTo: range.to,
    })
    .groupBy(`DATE(${alias}.${dateColumn})`)
    .addGroupBy(`${alias}.${keyColumn}`)
    .getRawMany<{ day: unknown; key: unknown; count: string | number }>();
  return rows.map((row) => ({ day: dayOf(row.day), key: String(row.key), count: Number(row.count) }));
}

/** Rows per value of one column: `{ pending: 3, sent: 120 }`. */
export async function countBy<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  keyColumn: string,
): Promise<Record<string, number>> {
  const rows = await query
    .select(`${alias}.${keyColumn}`, 'key')
    .addSelect('COUNT(*)', 'count')
    .groupBy(`${alias}.${keyColumn}`)
    .getRawMany<{ key: unknown; count: string | number }>();
  return Object.fromEntries(rows.map((row) => [String(row.key), Number(row.count)]));
}
