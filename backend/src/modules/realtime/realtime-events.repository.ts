import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { RealtimeEventRow } from './entities/realtime-event.entity';

/** The realtime_events table: what each user was sent, for replay after a dropped connection. */
@Injectable()
export class RealtimeEventsRepository {
  constructor(@InjectRepository(RealtimeEventRow) private readonly events: Repository<RealtimeEventRow>) {}

  /** Stores one event per user; each gets its own id (one insert each, so every dialect returns it). */
  async insertForUsers(
    userIds: readonly string[],
    type: string,
    payload: string,
    at: Date,
  ): Promise<RealtimeEventRow[]> {
    const rows: RealtimeEventRow[] = [];
    for (const userId of userIds) {
      const row = Object.assign(new RealtimeEventRow(), { userId, type, payload, createdAt: at });
      await this.events.insert(row);
      rows.push(row);
    }
    return rows;
  }

  /** A user's events after `afterId`, oldest first, at most `limit`, and not older than `since`. */
  findForUserAfter(userId: string, afterId: number, since: Date, limit: number): Promise<RealtimeEventRow[]> {
    return this.events.find({
      where: { userId, id: MoreThan(afterId), createdAt: MoreThan(since) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** The newest event's id, 0 when there is none (the primary key's maximum: an index lookup). */
  async latestId(): Promise<number> {
    const row = await this.events
      .createQueryBuilder('event')
      .select('MAX(event.id)', 'latest')
      .getRawOne<{ latest: number | string | null }>();
    return Number(row?.latest ?? 0);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const result = await this.events.delete({ createdAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
