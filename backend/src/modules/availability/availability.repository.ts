import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AvailabilityBlock, AvailabilitySource, AvailabilityType } from './entities/availability-block.entity';

type PageWindow = { skip: number; take: number };
/** Ids per `IN (...)`: well inside every dialect's limit on bound parameters. */
const IN_CHUNK = 500;
export interface BlockRange {
  from?: Date;
  to?: Date;
}

/** The availability_blocks table, by the questions the product asks of it. */
@Injectable()
export class AvailabilityRepository {
  constructor(@InjectRepository(AvailabilityBlock) private readonly blocks: Repository<AvailabilityBlock>) {}

  private repo(manager?: EntityManager): Repository<AvailabilityBlock> {
    return manager ? manager.getRepository(AvailabilityBlock) : this.blocks;
  }

  findById(id: string, manager?: EntityManager): Promise<AvailabilityBlock | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /**
   * A childminder's blocks that may have an occurrence in [from, to): first start before `to`
   * and last end (if any) after `from`. Occurrences themselves are computed by the caller.
   */
  findTouching(
    childminderId: string,
    range: BlockRange,
    manager?: EntityManager,
    type?: AvailabilityType,
  ): Promise<AvailabilityBlock[]> {
    const query = this.repo(manager)
      .createQueryBuilder('block')
      .where('block.childminderId = :childminderId', { childminderId });
    if (type) query.andWhere('block.type = :type', { type });
    if (range.to) query.andWhere('block.startsAt < :to', { to: range.to });
    if (range.from) {
      query.andWhere(
        new Brackets((q) =>
          q.where('block.lastEndsAt IS NULL').orWhere('block.lastEndsAt > :from', { from: range.from }),
        ),
      );
    }
    return query.orderBy('block.startsAt', 'ASC').addOrderBy('block.id', 'ASC').getMany();
  }

  /**
   * The blocks of many childminders that may have an occurrence in [from, to), in one query per
   * IN_CHUNK childminders rather than one per childminder (the coverage table is rewritten for
   * many at once). Only the columns expansion needs are read.
   */
  async findTouchingForChildminders(
    childminderIds: readonly string[],
    range: Required<BlockRange>,
    manager?: EntityManager,
  ): Promise<AvailabilityBlock[]> {
    const found: AvailabilityBlock[] = [];
    for (let i = 0; i < childminderIds.length; i += IN_CHUNK) {
      const chunk = childminderIds.slice(i, i + IN_CHUNK);
      const rows = await this.repo(manager)
        .createQueryBuilder('block')
        .select([
          'block.id',
          'block.childminderId',
          'block.type',
          'block.startsAt',
          'block.endsAt',
          'block.recurrence',
          'block.exceptionDates',
        ])
        .where('block.childminderId IN (:...ids)', { ids: chunk })
        .andWhere('block.startsAt < :to', { to: range.to })
        .andWhere(
          new Brackets((q) =>
            q.where('block.lastEndsAt IS NULL').orWhere('block.lastEndsAt > :from', { from: range.from }),
          ),
        )
        .getMany();
      found.push(...rows);
    }
    return found;
  }

  /** One page of a childminder's blocks (optionally only those touching a range), earliest first. */
  pageForChildminder(
    childminderId: string,
    range: BlockRange,
    page: PageWindow,
  ): Promise<[AvailabilityBlock[], number]> {
    const query = this.blocks
      .createQueryBuilder('block')
      .where('block.childminderId = :childminderId', { childminderId });
    if (range.to) query.andWhere('block.startsAt < :to', { to: range.to });
    if (range.from) {
      query.andWhere(
        new Brackets((q) =>
          q.where('block.lastEndsAt IS NULL').orWhere('block.lastEndsAt > :from', { from: range.from }),
        ),
      );
    }
    return query
      .orderBy('block.startsAt', 'ASC')
      .addOrderBy('block.id', 'ASC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
  }

  /** The blocks she keeps herself (imported busy time does not count against her limit). */
  countForChildminder(childminderId: string): Promise<number> {
    return this.blocks.count({ where: { childminderId, source: AvailabilitySource.Own } });
  }

  /** Replaces every block a source imported for this childminder with `blocks`, in one transaction. */
  async replaceImported(
    childminderId: string,
    source: AvailabilitySource,
    blocks: AvailabilityBlock[],
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(AvailabilityBlock);
    await repo.delete({ childminderId, source });
    if (blocks.length) await repo.insert(blocks);
  }

  async insert(block: AvailabilityBlock, manager?: EntityManager): Promise<AvailabilityBlock> {
    await this.repo(manager).insert(block);
    return block;
  }

  async insertMany(blocks: AvailabilityBlock[], manager: EntityManager): Promise<void> {
    if (blocks.length) await manager.getRepository(AvailabilityBlock).insert(blocks);
  }

  async update(id: string, changes: Partial<AvailabilityBlock>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update(id, changes);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete(id);
  }
}
