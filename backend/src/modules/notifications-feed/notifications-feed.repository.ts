import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
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

  async markRead(userId: string, id: string | undefined, at: Date): Promise<number> {
    const result = await this.notifications.update(
      id ? { id, userId, readAt: IsNull() } : { userId, readAt: IsNull() },
      { readAt: at },
    );
    return result.affected ?? 0;
  }
}
