import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CareAvailabilityPort, CareNeed, SqlCondition } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityCoverageRepository } from './availability-coverage.repository';
import { AvailabilityRepository } from './availability.repository';
import { coverageRows, coverageWeekStarts } from './care-coverage';
import { AvailabilityBlock } from './entities/availability-block.entity';

/** Childminders rewritten per transaction by the roll-forward. */
const ROLL_CHUNK = 200;

/**
 * The search's "who can give this care?" (CareAvailabilityPort), answered in SQL from the
 * coverage table, and the keeper of that table: every change to a childminder's blocks goes
 * through `changing`, which rewrites her coverage in the same transaction, and `rollForward`
 * (a daily job) adds the week coming into the window. It needs the blocks and coverage tables
 * alone, so that the childminders module can import it without this module's service (which
 * itself needs ChildmindersService).
 */
@Injectable()
export class CareAvailability implements CareAvailabilityPort {
  constructor(
    private readonly blocks: AvailabilityRepository,
    private readonly coverage: AvailabilityCoverageRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  coveringClause(need: CareNeed, userIdColumn: string, now: Date = new Date()): SqlCondition {
    return this.coverage.coveringClause(need, userIdColumn, now);
  }

  /** Of these childminders, the ones whose availability gives the care needed (care-coverage.ts). */
  usersCovering(childminderUserIds: readonly string[], need: CareNeed, now = new Date()): Promise<ReadonlySet<string>> {
    if (childminderUserIds.length === 0) return Promise.resolve(new Set());
    return this.coverage.usersCovering(childminderUserIds, need, now);
  }

  /**
   * Runs `change` (writes to a childminder's blocks) in a transaction that then rewrites her
   * coverage, so that a search sees the change as soon as it is committed, and never half of it.
   */
  async changing<T>(childminderId: string, change: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const weeks = coverageWeekStarts();
      await this.coverage.lock([childminderId], weeks[weeks.length - 1]!, manager);
      const result = await change(manager);
      await this.rewrite([childminderId], weeks, manager);
      return result;
    });
  }

  /** Rewrites these childminders' coverage from their blocks, in `manager`'s transaction (stamps locked). */
  private async rewrite(childminderIds: readonly string[], weeks: readonly string[], manager: EntityManager) {
    const monday = new Date(`${weeks[0]!}T00:00:00Z`);
    // From a day before the first Monday to a day after the last Sunday: UK midnight is within a
    // day of UTC midnight, and the rows are computed exactly from what this returns.
    const blocks = await this.blocks.findTouchingForChildminders(
      childminderIds,
      {
        from: new Date(+monday - 86_400_000),
        to: new Date(+monday + (weeks.length * 7 + 1) * 86_400_000),
      },
      manager,
    );
    const byUser = new Map<string, AvailabilityBlock[]>();
    for (const block of blocks) {
      const own = byUser.get(block.childminderId);
      if (own) own.push(block);
      else byUser.set(block.childminderId, [block]);
    }
    const rows = childminderIds.flatMap((childminderId) =>
      coverageRows(byUser.get(childminderId) ?? [], weeks).map((row) => ({ ...row, childminderId })),
    );
    await this.coverage.replace(childminderIds, rows, manager);
  }

  /** Rewrites these childminders' coverage now (after blocks were written without `changing`). */
  async refresh(childminderIds: readonly string[], manager?: EntityManager, now = new Date()): Promise<void> {
    const weeks = coverageWeekStarts(now);
    const work = async (ids: readonly string[], m: EntityManager) => {
      await this.coverage.lock(ids, weeks[weeks.length - 1]!, m);
      await this.rewrite(ids, weeks, m);
    };
    if (manager) return work(childminderIds, manager);
    for (let i = 0; i < childminderIds.length; i += ROLL_CHUNK) {
      await this.dataSource.transaction((m) => work(childminderIds.slice(i, i + ROLL_CHUNK), m));
    }
  }

  /**
   * The daily roll-forward: drops weeks gone by, and computes the coverage of every childminder
   * whose rows do not reach the window's last week (the week coming in, or never computed),
   * ROLL_CHUNK childminders per transaction.
   */
  async rollForward(now: Date = new Date()): Promise<{ dropped: number; rewritten: number }> {
    const weeks = coverageWeekStarts(now);
    const dropped = await this.coverage.dropWeeksBefore(weeks[0]!);
    let rewritten = 0;
    // In id order from where the last chunk ended: each chunk reads on from there in the index.
    for (let after = ''; ;) {
      const behind = await this.coverage.behind(weeks[weeks.length - 1]!, after, ROLL_CHUNK);
      if (behind.length === 0) break;
      await this.refresh(behind, undefined, now);
      rewritten += behind.length;
      after = behind[behind.length - 1]!;
    }
    return { dropped, rewritten };
  }
}
