import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import { AppConfig } from '@app/config/app-config';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { SupportTicketReply } from './entities/support-ticket-reply.entity';
import { SupportTicket } from './entities/support-ticket.entity';
import { formatTicketNumber } from './ticket-rules';

/** The in-app notification type of ticket news (the bell's icon and filter). */
export const TICKET_NOTIFICATION_TYPE = 'support.ticket';

/** What happened to a ticket, as the console's live inbox hears it. */
export enum TicketChange {
  Created = 'created',
  RequesterReplied = 'requester-replied',
  AgentReplied = 'agent-replied',
  Note = 'note',
  Updated = 'updated',
  Deleted = 'deleted',
}
const PREVIEW_LENGTH = 140;

const firstNameOf = (fullName: string) => fullName.trim().split(/\s+/)[0] || 'there';
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
};

/**
 * Tells people about tickets: emails through the outbox and in-app notifications, written in the
 * caller's transaction (announce the returned notifications after commit). It is only ever given
 * public replies: an internal note is never passed here, so it cannot reach a requester.
 */
@Injectable()
export class SupportNotifier {
  private readonly logger = new Logger(SupportNotifier.name);

  constructor(
    private readonly outbox: EmailOutboxService,
    private readonly feed: NotificationsFeedService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly realtime: RealtimeService,
  ) {}

  /** Where the requester reads the ticket in the app; null for a visitor without an account. */
  requesterPath(ticket: SupportTicket): string | null {
    if (!ticket.requesterId) return null;
    if (ticket.requesterRole === Role.Parent) return `/parent/help/${ticket.id}`;
    if (ticket.requesterRole === Role.Childminder) return `/childminder/help/${ticket.id}`;
    return null;
  }

  private url(path: string | null): string | null {
    return path ? `${this.config.publicUrl}${path}` : null;
  }

  private consolePath(ticket: SupportTicket): string {
    return `/support/tickets/${ticket.id}`;
  }

  /** The confirmation with the ticket number, to the requester. */
  async received(manager: EntityManager, ticket: SupportTicket): Promise<void> {
    await this.outbox.enqueue(manager, {
      to: ticket.requesterEmail,
      toName: ticket.requesterName,
      userId: ticket.requesterId,
      template: 'ticket-received',
      variables: {
        firstName: firstNameOf(ticket.requesterName),
        ticketNumber: formatTicketNumber(ticket.number),
        subject: ticket.subject,
        link: this.url(this.requesterPath(ticket)),
      },
    });
  }

  /** A safeguarding ticket: every active admin hears at once, in the app and by email. */
  async safeguarding(manager: EntityManager, ticket: SupportTicket): Promise<Notification[]> {
    const admins = await this.users.findActiveByRoles(ADMIN_ROLES, manager);
    const path = this.consolePath(ticket);
    const number = formatTicketNumber(ticket.number);
    const notifications: Notification[] = [];
    for (const admin of admins) {
      await this.outbox.enqueue(manager, {
        to: admin.email,
        toName: admin.displayName,
        userId: admin.id,
        template: 'ticket-safeguarding',
        variables: {
          firstName: admin.firstName,
          ticketNumber: number,
          subject: ticket.subject,
          requesterName: ticket.requesterName,
          link: this.url(path)!,
        },
      });
      notifications.push(
        await this.feed.create(
          admin.id,
          {
            type: TICKET_NOTIFICATION_TYPE,
            title: `Urgent safeguarding concern ${number}`,
            body: `${ticket.requesterName}: ${preview(ticket.subject)}`,
            link: path,
            subjectId: ticket.id,
          },
          manager,
        ),
      );
    }
    return notifications;
  }

  /** An agent's public reply: the requester gets it by email and, with an account, in the app. */
  async agentReplied(
    manager: EntityManager,
    ticket: SupportTicket,
    reply: SupportTicketReply,
  ): Promise<Notification[]> {
    if (reply.internal) return [];
    const path = this.requesterPath(ticket);
    const number = formatTicketNumber(ticket.number);
    await this.outbox.enqueue(manager, {
      to: ticket.requesterEmail,
      toName: ticket.requesterName,
      userId: ticket.requesterId,
      template: 'ticket-reply',
      variables: {
        firstName: firstNameOf(ticket.requesterName),
        ticketNumber: number,
        subject: ticket.subject,
        reply: reply.body,
        link: this.url(path),
      },
    });
    if (!ticket.requesterId || !path) return [];
    return [
      await this.feed.create(
        ticket.requesterId,
        {
          type: TICKET_NOTIFICATION_TYPE,
          title: `Support replied on ${number}`,
          body: preview(reply.body),
          link: path,
          subjectId: ticket.id,
        },
        manager,
      ),
    ];
  }

  /** The requester replied: the assignee hears (an unassigned ticket waits in the inbox). */
  async requesterReplied(
    manager: EntityManager,
    ticket: SupportTicket,
    reply: SupportTicketReply,
    assignee: User | null,
  ): Promise<Notification[]> {
    if (!assignee) return [];
    const path = this.consolePath(ticket);
    const number = formatTicketNumber(ticket.number);
    await this.outbox.enqueue(manager, {
      to: assignee.email,
      toName: assignee.displayName,
      userId: assignee.id,
      template: 'ticket-requester-reply',
      variables: {
        firstName: assignee.firstName,
        ticketNumber: number,
        requesterName: ticket.requesterName,
        reply: reply.body,
        link: this.url(path)!,
      },
    });
    return [
      await this.feed.create(
        assignee.id,
        {
          type: TICKET_NOTIFICATION_TYPE,
          title: `${ticket.requesterName} replied on ${number}`,
          body: preview(reply.body),
          link: path,
          subjectId: ticket.id,
        },
        manager,
      ),
    ];
  }

  /**
   * Tells every active support agent and admin, live, that `ticket` changed (after commit): the
   * console's inbox and ticket page refresh. Never the requester (not even a requester who is
   * staff), and no text at all, so an internal note cannot travel this way.
   */
  async ticketChanged(ticket: SupportTicket, change: TicketChange, actorId: string | null): Promise<void> {
    try {
      const staff = await this.users.findActiveByRoles(STAFF_ROLES);
      const recipients = staff.map((user) => user.id).filter((id) => id !== ticket.requesterId);
      await this.realtime.publish(recipients, {
        type: 'support.ticket',
        data: {
          ticketId: ticket.id,
          number: formatTicketNumber(ticket.number),
          status: ticket.status,
          change,
          actorId,
        },
      });
    } catch (error) {
      // The change is committed; the console still shows it on its next load.
      this.logger.error({ err: error, ticketId: ticket.id }, 'Telling the console about a ticket failed');
    }
  }

  /** Pushes the stored notifications after commit (never throws). */
  async announce(notifications: readonly Notification[]): Promise<void> {
    for (const notification of notifications) await this.feed.announce(notification);
  }
}
