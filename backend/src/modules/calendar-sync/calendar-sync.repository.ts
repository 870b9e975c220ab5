import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { CalendarConnection, ConnectionStatus } from './entities/calendar-connection.entity';
import { CalendarEventLink } from './entities/calendar-event-link.entity';
import { CalendarOAuthState } from './entities/calendar-oauth-state.entity';

/** Google Calendar connections with their pushed-event links and pending OAuth states. */
@Injectable()
export class CalendarSyncRepository {
  constructor(
    @InjectRepository(CalendarConnection) private readonly connections: Repository<CalendarConnection>,
    @InjectRepository(CalendarEventLink) private readonly links: Repository<CalendarEventLink>,
    @InjectRepository(CalendarOAuthState) private readonly states: Repository<CalendarOAuthState>,
  ) {}

  findConnection(userId: string): Promise<CalendarConnection | null> {
    return this.connections.findOne({ where: { userId } });
  }

  /** Connected calendars whose push is due, the longest waiting first. */
  findDueForPush(now: Date, limit: number): Promise<CalendarConnection[]> {
    return this.connections.find({
      where: { status: ConnectionStatus.Connected, nextPushAt: LessThanOrEqual(now) },
      order: { nextPushAt: 'ASC' },
      take: limit,
    });
  }

  /** Connected childminders whose busy time was not read since `before`, the oldest first. */
  findDueForPull(before: Date, limit: number): Promise<CalendarConnection[]> {
    return this.connections.find({
      where: [
        { status: ConnectionStatus.Connected, role: Role.Childminder, lastPullAt: IsNull() },
        { status: ConnectionStatus.Connected, role: Role.Childminder, lastPullAt: LessThanOrEqual(before) },
      ],
      order: { lastPullAt: 'ASC' },
      take: limit,
    });
  }

  /** Inserts or replaces the user's connection (a reconnect keeps nothing of the old grant). */
  async saveConnection(connection: CalendarConnection): Promise<void> {
    await this.connections.save(connection);
  }

  async updateConnection(id: string, changes: Partial<CalendarConnection>): Promise<void> {
    await this.connections.update(id, changes);
  }

  async deleteConnection(userId: string): Promise<void> {
    await this.links.delete({ userId });
    await this.connections.delete({ userId });
  }

  linksFor(userId: string): Promise<CalendarEventLink[]> {
    return this.links.find({ where: { userId } });
  }

  /** Records a pushed event; a link left by an interrupted push for the same entry is replaced. */
  async insertLink(link: CalendarEventLink): Promise<void> {
    await this.links.delete({ userId: link.userId, entryKey: link.entryKey });
    await this.links.insert(link);
  }

  async updateLink(id: string, changes: Partial<CalendarEventLink>): Promise<void> {
    await this.links.update(id, changes);
  }

  async deleteLink(id: string): Promise<void> {
    await this.links.delete({ id });
  }

  async insertState(state: CalendarOAuthState): Promise<void> {
    await this.states.insert(state);
  }

  /**
   * Uses a state once: true only for the one caller that marks an unused, unexpired state as
   * used (a replay, or two racing callbacks, get false).
   */
  async consumeState(stateHash: string, now: Date): Promise<CalendarOAuthState | null> {
    const result = await this.states.update({ stateHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    if (!result.affected) return null;
    return this.states.findOne({ where: { stateHash } });
  }

  async deleteStatesBefore(before: Date): Promise<void> {
    await this.states.delete({ expiresAt: LessThanOrEqual(before) });
  }
}
