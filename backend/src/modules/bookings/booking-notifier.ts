import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import type { Child } from '@app/modules/children/entities/child.entity';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { EmailTemplateName, EmailVariables } from '@app/modules/notifications/email/email-templates';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { describeSchedule } from './booking-rules';
import { sessionsOf } from './dto/booking.mapper';
import { Booking } from './entities/booking.entity';
import { formatPence } from '@app/common/money';

export type BookingEvent = 'requested' | 'changed' | 'confirmed' | 'rejected' | 'cancelled' | 'expired' | 'reminder';
export type CancelledBy = 'parent' | 'childminder' | 'admin';

/** What to do once the transaction has committed. */
export interface AfterCommit {
  notifications: Notification[];
  booking: Booking;
}

const fullName = (user: User | undefined) => `${user?.firstName ?? ''} ${user?.lastName ?? ''}`.trim();

/** "Maya and Leo" */
export function namesOf(children: readonly Child[]): string {
  const names = children.map((c) => c.firstName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Tells the people concerned about a booking: an email (outbox) and an in-app notification,
 * each only if the person's preferences allow it, written in the caller's transaction; then,
 * after commit, `announce` pushes the notifications and a `booking.updated` event.
 */
@Injectable()
export class BookingNotifier {
  private readonly logger = new Logger(BookingNotifier.name);

  constructor(
    private readonly outbox: EmailOutboxService,
    private readonly feed: NotificationsFeedService,
    private readonly preferences: NotificationPreferencesService,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues what `event` means for `booking` (loaded with parent, childminder and profile).
   * `children` are the booking's children, for names. `automatic` marks a confirmation made by
   * the childminder's auto-accept rule: the childminder, who did not answer by hand, is told too.
   */
  async queue(
    manager: EntityManager,
    event: BookingEvent,
    booking: Booking,
    children: readonly Child[],
    extra: { cancelledBy?: CancelledBy; automatic?: boolean } = {},
  ): Promise<AfterCommit> {
    const parent = booking.parent!;
    const minder = booking.childminder!;
    const minderName = booking.profile?.displayName || fullName(minder);
    const parentName = fullName(parent);
    const schedule = describeSchedule(sessionsOf(booking));
    const names = namesOf(children);
    const parentLink = `${this.config.publicUrl}/parent/bookings/${booking.id}`;
    const minderLink = `${this.config.publicUrl}/childminder/bookings/${booking.id}`;
    const reason = booking.statusReason ?? '';
    const notifications: Notification[] = [];

    const send = async <T extends EmailTemplateName>(
      user: User,
      type: NotificationType,
      template: T,
      variables: EmailVariables<T>,
      inApp: { title: string; body: string; link: string },
    ) => {
      if (await this.preferences.allows(user.id, type, NotificationChannel.Email, manager)) {
        await this.outbox.enqueue(manager, {
          to: user.email,
          toName: fullName(user),
          userId: user.id,
          template,
          variables,
        });
      }
      if (await this.preferences.allows(user.id, type, NotificationChannel.InApp, manager)) {
        const path = inApp.link.slice(this.config.publicUrl.length);
        notifications.push(
          await this.feed.create(user.id, { type: `booking.${event}`, ...inApp, link: path }, manager),
        );
      }
    };
    const bookings = NotificationType.Bookings;

    switch (event) {
      case 'requested':
        await send(
          minder,
          bookings,
          'booking-requested',
          {
            firstName: minder.firstName,
            parentName,
            children: names,
            schedule,
            price: formatPence(booking.priceEstimatePence),
            link: minderLink,
          },
          { title: `Booking request from ${parentName}`, body: `${names}: ${schedule}`, link: minderLink },
        );
        break;
      case 'changed':
        await send(
          minder,
          bookings,
          'booking-changed',
          { firstName: minder.firstName, parentName, schedule, link: minderLink },
          { title: `${parentName} changed a request`, body: schedule, link: minderLink },
        );
        break;
      case 'confirmed':
        await send(
          parent,
          bookings,
          'booking-confirmed',
          { firstName: parent.firstName, childminderName: minderName, children: names, schedule, link: parentLink },
          { title: `${minderName} confirmed your booking`, body: schedule, link: parentLink },
        );
        if (extra.automatic) {
          await send(
            minder,
            bookings,
            'booking-auto-confirmed',
            { firstName: minder.firstName, parentName, children: names, schedule, link: minderLink },
            {
              title: `Booking from ${parentName} confirmed automatically`,
              body: `${names}: ${schedule}`,
              link: minderLink,
            },
          );
        }
        break;
      case 'rejected':
        await send(
          parent,
          bookings,
          'booking-rejected',
          {
            firstName: parent.firstName,
            childminderName: minderName,
            schedule,
            reason,
            link: `${this.config.publicUrl}/search`,
          },
          { title: `${minderName} could not accept your booking`, body: `${schedule}. ${reason}`, link: parentLink },
        );
        break;
      case 'cancelled': {
        const by = extra.cancelledBy ?? 'admin';
        const label = by === 'parent' ? parentName : by === 'childminder' ? minderName : 'the Childminder Connect team';
        const recipients: [User, string][] =
          by === 'parent'
            ? [[minder, minderLink]]
            : by === 'childminder'
              ? [[parent, parentLink]]
              : [
                  [parent, parentLink],
                  [minder, minderLink],
                ];
        for (const [user, link] of recipients) {
          await send(
            user,
            bookings,
            'booking-cancelled',
            { firstName: user.firstName, cancelledBy: label, schedule, reason, link },
            { title: `Booking cancelled by ${label}`, body: `${schedule}. ${reason}`, link },
          );
        }
        break;
      }
      case 'expired':
        await send(
          parent,
          bookings,
          'booking-expired',
          { firstName: parent.firstName, childminderName: minderName, schedule, link: parentLink },
          {
            title: 'Your booking request expired',
            body: `${minderName} did not answer in time: ${schedule}`,
            link: parentLink,
          },
        );
        break;
      case 'reminder':
        await send(
          parent,
          NotificationType.Reminders,
          'booking-reminder',
          { firstName: parent.firstName, otherName: minderName, children: names, schedule, link: parentLink },
          { title: 'Care tomorrow', body: `${minderName}: ${schedule}`, link: parentLink },
        );
        await send(
          minder,
          NotificationType.Reminders,
          'booking-reminder',
          { firstName: minder.firstName, otherName: parentName, children: names, schedule, link: minderLink },
          { title: 'Care tomorrow', body: `${parentName} (${names}): ${schedule}`, link: minderLink },
        );
        break;
    }
    return { notifications, booking };
  }

  /**
   * After commit: push the notifications and (unless `publish` is false, for a reminder that
   * changes nothing on screen) tell both sides' live clients the booking changed.
   */
  async announce(after: AfterCommit, options: { publish?: boolean } = {}): Promise<void> {
    for (const notification of after.notifications) await this.feed.announce(notification);
    if (options.publish === false) return;
    const { booking } = after;
    try {
      await this.realtime.publish([booking.parentId, booking.childminderId], {
        type: 'booking.updated',
        data: {
          booking: {
            id: booking.id,
            status: booking.status,
            startsAt: booking.startsAt.toISOString(),
            endsAt: booking.endsAt.toISOString(),
          },
        },
      });
    } catch (error) {
      // Committed already: clients see the change on their next load.
      this.logger.warn(`Could not publish booking ${booking.id}: ${(error as Error).message}`);
    }
  }
}
