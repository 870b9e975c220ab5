import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { ListNotificationsQuery } from './dto/notification-query';
import {
  NotificationPageResponse,
  NotificationResponse,
  toNotificationResponse,
  UnreadCountResponse,
} from './dto/notification.response';
import { Notification } from './entities/notification.entity';
import { notificationNotFound } from './notification-feed.exception';
import { NotificationsFeedRepository } from './notifications-feed.repository';

export interface NewNotification {
  type: string;
  title: string;
  body: string;
  link?: string | null;
  /** What it is about (a conversation's id): see `markReadAbout`. */
  subjectId?: string | null;
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * The in-app notification feed. Other modules call `create` (inside their transaction when they
 * have one, then `announce` after commit) or `notify` (both at once, outside a transaction).
 */
@Injectable()
export class NotificationsFeedService {
  private readonly logger = new Logger(NotificationsFeedService.name);

  constructor(
    private readonly notifications: NotificationsFeedRepository,
    private readonly realtime: RealtimeService,
  ) {}

  /** Writes the notification (with `manager`, in the caller's transaction). Call `announce` after commit. */
  async create(userId: string, input: NewNotification, manager?: EntityManager): Promise<Notification> {
    const notification = Object.assign(new Notification(), {
      userId,
      type: clip(input.type, 50),
      title: clip(input.title, 200),
      body: clip(input.body, 1000),
      link: input.link ? clip(input.link, 500) : null,
      subjectId: input.subjectId ?? null,
      readAt: null,
      createdAt: new Date(),
    });
    await this.notifications.insert(notification, manager);
    return notification;
  }

  /** Pushes `notification.created` with the new unread count to the user's live clients. */
  async announce(notification: Notification): Promise<void> {
    try {
      const unreadCount = await this.notifications.countUnread(notification.userId);
      await this.realtime.publish([notification.userId], {
        type: 'notification.created',
        data: { notification: toNotificationResponse(notification), unreadCount },
      });
    } catch (error) {
      // The row is stored: the bell shows it on the next load even if the push failed.
      this.logger.warn(`Could not announce notification ${notification.id}: ${(error as Error).message}`);
    }
  }

  async notify(userId: string, input: NewNotification): Promise<NotificationResponse> {
    const notification = await this.create(userId, input);
    await this.announce(notification);
    return toNotificationResponse(notification);
  }

  async list(auth: AuthContext, query: ListNotificationsQuery): Promise<NotificationPageResponse> {
    const [rows, total] = await this.notifications.pageForUser(
      auth.userId,
      { skip: query.skip, take: query.pageSize },
      query.unreadOnly,
    );
    const unreadCount = await this.notifications.countUnread(auth.userId);
    return { items: rows.map(toNotificationResponse), total, page: query.page, pageSize: query.pageSize, unreadCount };
  }

  /** The caller's notification, or the same 404 as for an id that does not exist. */
  async requireNotificationAccess(auth: AuthContext, id: string): Promise<Notification> {
    const notification = await this.notifications.findById(id);
    if (!notification || notification.userId !== auth.userId) throw notificationNotFound();
    return notification;
  }

  async markRead(auth: AuthContext, id: string): Promise<NotificationResponse> {
    const notification = await this.requireNotificationAccess(auth, id);
    if (!notification.readAt) {
      const at = new Date();
      const changed = await this.notifications.markRead(auth.userId, notification.id, at);
      notification.readAt = at;
      if (changed > 0) await this.announceRead(auth.userId, { notificationIds: [notification.id], all: false, at });
    }
    return toNotificationResponse(notification);
  }

  async markAllRead(auth: AuthContext): Promise<UnreadCountResponse> {
    const at = new Date();
    const changed = await this.notifications.markRead(auth.userId, undefined, at);
    const unreadCount = await this.notifications.countUnread(auth.userId);
    if (changed > 0) await this.announceRead(auth.userId, { notificationIds: [], all: true, at }, unreadCount);
    return { unreadCount };
  }

  /**
   * Marks the user's entries about `subjectId` read: the user has dealt with the thing itself
   * (opened the conversation), so the bell should not keep asking. Never fails the caller.
   */
  async markReadAbout(userId: string, subjectId: string): Promise<void> {
    try {
      const ids = await this.notifications.unreadIdsAbout(userId, subjectId);
      if (ids.length === 0) return;
      const at = new Date();
      if ((await this.notifications.markManyRead(userId, ids, at)) > 0) {
        await this.announceRead(userId, { notificationIds: ids, all: false, at });
      }
    } catch (error) {
      this.logger.warn(`Could not clear notifications about ${subjectId}: ${(error as Error).message}`);
    }
  }

  /** Tells the user's other tabs and devices, so every bell shows the same count. */
  private async announceRead(
    userId: string,
    read: { notificationIds: string[]; all: boolean; at: Date },
    knownUnreadCount?: number,
  ): Promise<void> {
    try {
      const unreadCount = knownUnreadCount ?? (await this.notifications.countUnread(userId));
      await this.realtime.publish([userId], {
        type: 'notifications.read',
        data: { notificationIds: read.notificationIds, all: read.all, readAt: read.at.toISOString(), unreadCount },
      });
    } catch (error) {
      this.logger.warn(`Could not announce read notifications: ${(error as Error).message}`);
    }
  }
}
