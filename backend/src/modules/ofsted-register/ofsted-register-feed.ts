import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { AppConfig } from '@app/config/app-config';
import { OFSTED_STATUSES_TO_FLAG } from '@app/modules/childminders/childminder-vocabulary';
import { ChildmindersService, OfstedRegisterChange } from '@app/modules/childminders/childminders.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { UsersService } from '@app/modules/users/users.service';
import {
  InboundWebhook,
  InboundWebhookHandlers,
  InboundWebhookOutcome,
} from '@app/modules/webhooks/inbound-webhook-handlers';
import { OFSTED_REGISTER_EVENT, OfstedRegisterEntryDto } from './ofsted-register-entry.dto';

/** The integration name in INBOUND_WEBHOOK_SECRETS and the `x-webhook-integration` header. */
export const OFSTED_INTEGRATION = 'ofsted';
/** The in-app notification type of register alerts (the bell's filter). */
export const OFSTED_NOTIFICATION_TYPE = 'compliance.ofsted';
const ADMIN_PATH = '/admin/compliance';

const messagesOf = (errors: ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...messagesOf(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);

/**
 * The `ofsted` webhook integration: Ofsted's register of childminders, as the operator's bridge
 * reports it. Each delivery updates the registration status, registration date and latest
 * inspection of every profile giving that URN; a registration that becomes suspended or
 * cancelled is flagged to every active admin at once (in the app and by email, in the same
 * transaction as the change). A URN no profile gives is ignored.
 */
@Injectable()
export class OfstedRegisterFeed implements OnModuleInit {
  private readonly logger = new Logger(OfstedRegisterFeed.name);

  constructor(
    private readonly handlers: InboundWebhookHandlers,
    private readonly childminders: ChildmindersService,
    private readonly users: UsersService,
    private readonly outbox: EmailOutboxService,
    private readonly feed: NotificationsFeedService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register(OFSTED_INTEGRATION, (delivery) => this.receive(delivery));
  }

  async receive(delivery: InboundWebhook): Promise<InboundWebhookOutcome> {
    if (delivery.eventType && delivery.eventType !== OFSTED_REGISTER_EVENT) return 'ignored';
    const entry = await parseEntry(delivery.body);
    const notifications: Notification[] = [];
    const changes = await this.dataSource.transaction(async (manager) => {
      const changed = await this.childminders.applyOfstedRegisterEntry(
        {
          urn: entry.urn,
          registrationStatus: entry.registrationStatus,
          reportedAt: new Date(entry.reportedAt),
          registeredOn: entry.registeredOn ?? null,
          inspection: entry.latestInspection ?? null,
        },
        manager,
      );
      const flag = OFSTED_STATUSES_TO_FLAG.includes(entry.registrationStatus);
      for (const change of changed) {
        if (flag && change.previousStatus !== entry.registrationStatus) {
          notifications.push(...(await this.flagToAdmins(manager, change, entry)));
        }
      }
      return changed;
    });
    await Promise.all(notifications.map((n) => this.feed.announce(n)));
    if (changes.length === 0) {
      this.logger.log({ urn: entry.urn, deliveryId: delivery.deliveryId }, 'Ofsted register: no profile to update');
      return 'ignored';
    }
    return 'processed';
  }

  private async flagToAdmins(
    manager: EntityManager,
    change: OfstedRegisterChange,
    entry: OfstedRegisterEntryDto,
  ): Promise<Notification[]> {
    const admins = await this.users.findActiveByRoles(ADMIN_ROLES, manager);
    const notifications: Notification[] = [];
    for (const admin of admins) {
      await this.outbox.enqueue(manager, {
        to: admin.email,
        toName: admin.displayName,
        userId: admin.id,
        template: 'ofsted-registration-flagged',
        variables: {
          firstName: admin.firstName,
          childminderName: change.displayName,
          urn: entry.urn,
          status: entry.registrationStatus,
          link: `${this.config.publicUrl}${ADMIN_PATH}`,
        },
      });
      notifications.push(
        await this.feed.create(
          admin.id,
          {
            type: OFSTED_NOTIFICATION_TYPE,
            title: `Ofsted registration ${entry.registrationStatus}: ${change.displayName}`,
            body: `Ofsted's register shows URN ${entry.urn} as ${entry.registrationStatus}. Check her profile and bookings now.`,
            link: ADMIN_PATH,
            subjectId: change.userId,
          },
          manager,
        ),
      );
    }
    return notifications;
  }
}

/** The validated entry, or an error naming every problem (the delivery is then stored as failed). */
async function parseEntry(body: unknown): Promise<OfstedRegisterEntryDto> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new Error('An ofsted delivery must be a JSON object (see docs/ofsted-register-feed.md)');
  }
  const entry = plainToInstance(OfstedRegisterEntryDto, body);
  const errors = await validate(entry, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) throw new Error(messagesOf(errors).join('; '));
  return entry;
}
