import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CareNeed, SqlCondition } from '@app/modules/childminders/search/care-availability.port';
import { coverageAsks, CoverageRow } from './care-coverage';
import { AvailabilityBlock } from './entities/availability-block.entity';
import { AvailabilityCoverage, AvailabilityCoverageStamp } from './entities/availability-coverage.entity';

/** Rows per INSERT and ids per `IN (...)`: well inside every dialect's limit on bound parameters. */
const CHUNK = 500;

/**
 * The care needed as SQL over coverage rows: the first needed weekday's row `c0` (the week found)
 * and, for every other needed weekday, an EXISTS of a row in the same week. Each is a lookup by
 * the primary key (childminder, week, weekday, then the minutes), and stops at the first match:
 * cheaper per candidate than grouping the rows of every week. Normally each weekday asks the
 * same minutes in every week; across a clock change one week may ask others (coverageAsks).
 * Parameter names start with `care`, clear of the search's own.
 */
function coverageSql(need: CareNeed, now: Date): { first: string; others: string[]; params: Record<string, unknown> } {
  const byWeekday = new Map<number, { weekStarts: string[]; from: number; to: number }[]>();
  for (const { week, asks } of coverageAsks(need, now)) {
    for (const ask of asks) {
      for (const weekday of ask.weekdays) {
        const variants = byWeekday.get(weekday) ?? [];
        const same = variants.find((v) => v.from === ask.from && v.to === ask.to);
        if (same) same.weekStarts.push(week);
        else variants.push({ weekStarts: [week], from: ask.from, to: ask.to });
        byWeekday.set(weekday, variants);
      }
    }
  }
  const params: Record<string, unknown> = {};
  const conditions = [...byWeekday.entries()].map(([weekday, variants], d) => {
    const alias = `c${d}`;
    const alternatives = variants.map((variant, v) => {
      const name = `care${d}v${v}`;
      Object.assign(params, {
        [`${name}Weeks`]: variant.weekStarts,
        [`${name}From`]: variant.from,
        [`${name}To`]: variant.to,
      });
      return `${alias}.weekStart IN (:...${name}Weeks) AND ${alias}.openFrom <= :${name}From AND ${alias}.openTo >= :${name}To`;
    });
    const minutes =
      alternatives.length === 1 ? alternatives[0]! : `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
    return `${alias}.weekday = ${weekday} AND ${minutes}`;
  });
  return {
    first: conditions[0]!,
    others: conditions
      .slice(1)
      .map(
        (condition, i) =>
          `EXISTS (SELECT 1 FROM availability_coverage c${i + 1} WHERE c${i + 1}.childminderId = c0.childminderId ` +
          `AND c${i + 1}.weekStart = c0.weekStart AND ${condition})`,
      ),
    params,
  };
}

/** The availability_coverage tables (coverage rows and their stamps), by the questions asked of them. */
@Injectable()
export class AvailabilityCoverageRepository {
  constructor(@InjectRepository(AvailabilityCoverage) private readonly coverage: Repository<AvailabilityCoverage>) {}

  /**
   * The search's condition on `userIdColumn` (a childminder's user id in the outer query): her
   * coverage has a week in which every needed day holds the hours needed. Correlated EXISTS on
   * the table's primary key, so each candidate costs a few index lookups.
   */
  coveringClause(need: CareNeed, userIdColumn: string, now: Date): SqlCondition {
    const { first, others, params } = coverageSql(need, now);
    return {
      sql: `EXISTS (SELECT 1 FROM availability_coverage c0 WHERE c0.childminderId = ${userIdColumn} AND ${[first, ...others].join(' AND ')})`,
      params,
    };
  }

  /** Of these childminders, the ones whose coverage answers `need` (see coveringClause). */
  async usersCovering(childminderIds: readonly string[], need: CareNeed, now: Date): Promise<Set<string>> {
    const { first, others, params } = coverageSql(need, now);
    const found = new Set<string>();
    for (let i = 0; i < childminderIds.length; i += CHUNK) {
      const rows = await this.coverage
        .createQueryBuilder('c0')
        .select('DISTINCT c0.childminderId', 'childminderId')
        .where('c0.childminderId IN (:...careIds)', { careIds: childminderIds.slice(i, i + CHUNK) })
        .andWhere([first, ...others].join(' AND '), params)
        .getRawMany<{ childminderId: string }>();
      for (const row of rows) found.add(String(row.childminderId));
    }
    return found;
  }

  /**
   * Takes the coverage lock of these childminders for the rest of `manager`'s transaction, by
   * writing their stamps (insert or update; sorted, so two callers lock in the same order). Call
   * it before reading the blocks: on MariaDB the transaction's snapshot then starts after the
   * previous holder committed.
   */
  async lock(childminderIds: readonly string[], throughWeek: string, manager: EntityManager): Promise<void> {
    const sorted = [...new Set(childminderIds)].sort();
    for (let i = 0; i < sorted.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AvailabilityCoverageStamp)
        .values(sorted.slice(i, i + CHUNK).map((childminderId) => ({ childminderId, throughWeek })))
        .orUpdate(['throughWeek'], ['childminderId'])
        .execute();
    }
  }

  /** Replaces every coverage row of these childminders with `rows` (their stamps locked by the caller). */
  async replace(
    childminderIds: readonly string[],
    rows: readonly (CoverageRow & { childminderId: string })[],
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(AvailabilityCoverage);
    for (let i = 0; i < childminderIds.length; i += CHUNK) {
      await repo
        .createQueryBuilder()
        .delete()
        .where('childminderId IN (:...ids)', { ids: childminderIds.slice(i, i + CHUNK) })
        .execute();
    }
    for (let i = 0; i < rows.length; i += CHUNK) await repo.insert(rows.slice(i, i + CHUNK) as AvailabilityCoverage[]);
  }

  /** Drops the rows of weeks before `weekStart`: they are never searched again. */
  async dropWeeksBefore(weekStart: string): Promise<number> {
    const result = await this.coverage
      .createQueryBuilder()
      .delete()
      .where('weekStart < :weekStart', { weekStart })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Up to `limit` childminders with blocks, after `after` in id order, whose coverage does not
   * reach `throughWeek` (or was never computed: blocks copied in by SQL, a backup restore).
   */
  async behind(throughWeek: string, after: string, limit: number): Promise<string[]> {
    const rows = await this.coverage.manager
      .createQueryBuilder()
      .select('DISTINCT block.childminderId', 'childminderId')
      .from(AvailabilityBlock, 'block')
      .leftJoin(AvailabilityCoverageStamp, 'stamp', 'stamp.childminderId = block.childminderId')
      .where('block.childminderId > :after', { after })
      .andWhere('(stamp.childminderId IS NULL OR stamp.throughWeek < :throughWeek)', { throughWeek })
      .orderBy('block.childminderId', 'ASC')
      .limit(limit)
      .getRawMany<{ childminderId: string }>();
    return rows.map((row) => String(row.childminderId));
  }
}
