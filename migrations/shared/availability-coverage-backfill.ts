import { QueryRunner } from 'typeorm';
import { coverageRows, coverageWeekStarts, TypedBlock } from '@app/modules/availability/care-coverage';
import { AvailabilityType } from '@app/modules/availability/entities/availability-block.entity';

/**
 * Backfill for AvailabilityCoverage (both dialects): every childminder's coverage rows for the
 * weeks the table holds now, computed from the blocks already stored. Unlike other backfills this
 * one calls the product's rule (care-coverage.ts) instead of a copy: the table is a cache of that
 * rule, which the daily job recomputes anyway, so an older copy would only be wrong. Plain SQL
 * with `?` placeholders, which both drivers take; reads stream childminder by childminder.
 */
const INSERT_ROWS = 200;

interface BlockRow {
  childminderId: string;
  type: string;
  startsAt: Date | string;
  endsAt: Date | string;
  recurrence: string | null;
  exceptionDates: string | null;
}

/** MariaDB gives Date objects (UTC, as configured); SQLite the stored `YYYY-MM-DD HH:MM:SS.SSS` in UTC. */
const instant = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}`);

export async function backfillAvailabilityCoverage(queryRunner: QueryRunner, now: Date = new Date()): Promise<void> {
  const weeks = coverageWeekStarts(now);
  const rows: BlockRow[] = await queryRunner.query(
    'SELECT childminderId, type, startsAt, endsAt, recurrence, exceptionDates FROM availability_blocks ' +
      'WHERE lastEndsAt IS NULL OR lastEndsAt > ? ORDER BY childminderId',
    [new Date(`${weeks[0]!}T00:00:00Z`).toISOString().slice(0, 19).replace('T', ' ')],
  );
  const byUser = new Map<string, TypedBlock[]>();
  for (const row of rows) {
    const block: TypedBlock = {
      type: row.type as AvailabilityType,
      startsAt: instant(row.startsAt),
      endsAt: instant(row.endsAt),
      recurrence: row.recurrence,
      exceptionDates: row.exceptionDates ? (JSON.parse(row.exceptionDates) as string[]) : [],
    };
    const own = byUser.get(row.childminderId);
    if (own) own.push(block);
    else byUser.set(row.childminderId, [block]);
  }
  const values: unknown[][] = [];
  for (const [childminderId, blocks] of byUser) {
    for (const row of coverageRows(blocks, weeks)) {
      values.push([childminderId, row.weekStart, row.weekday, row.openFrom, row.openTo]);
    }
  }
  for (let i = 0; i < values.length; i += INSERT_ROWS) {
    const chunk = values.slice(i, i + INSERT_ROWS);
    await queryRunner.query(
      `INSERT INTO availability_coverage (childminderId, weekStart, weekday, openFrom, openTo) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?)')
        .join(', ')}`,
      chunk.flat(),
    );
  }
  const stamps = [...byUser.keys()];
  for (let i = 0; i < stamps.length; i += INSERT_ROWS) {
    const chunk = stamps.slice(i, i + INSERT_ROWS);
    await queryRunner.query(
      `INSERT INTO availability_coverage_stamps (childminderId, throughWeek) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
      chunk.flatMap((id) => [id, weeks[weeks.length - 1]!]),
    );
  }
}
