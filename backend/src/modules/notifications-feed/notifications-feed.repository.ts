import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Notification } from './entities/notification.entity';

/** The notifications table, by the questions the feed asks. */
@Injectable()
export class NotificationsFeedRepository {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  private repo(manager?: EntityManager): Repository<Notification> {
    return manager ? manager.getRepository(Notification) : this.notifications;
  }

  findById(id: string): Promise<Notification | null> {
    return this.notifications.findOne({ where: { id } });
  }

  /** Newest first. */
  pageForUser(
    userId: string,
    page: { skip: number; take: number },
    unreadOnly: boolean,
  ): Promise<[Notification[], number]> {
    return this.notifications.findAndCount({
      where: unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.skip,
      take: page.take,
    });
  }

  countUnread(userId: string): Promise<number> {
    return this.notifications.count({ where: { userId, readAt: IsNull() } });
  }

  async insert(notification: Notification, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(notification);
  }

  /** The user's unread entries about one subject (a conversation). */
  async unreadIdsAbout(userId: string, subjectId: string): Promise<string[]> {
    const rows = await this.notifications.find({
      select: { id: true },
      where: { userId, subjectId, readAt: IsNull() },
    });
    return rows.map((row) => row.id);
  }

  async markManyRead(userId: string, ids: string[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.notifications.update({ id: In(ids), userId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }

  async markRead(userId: string, id: string | undefined, at: Date): Promise<number> {
    const result = await this.notifications.update(
      id ? { id, userId, readAt: IsNull() } : { userId, readAt: IsNull() },
      { readAt: at },
    );
    return result.affected ?? 0;
  }
}
