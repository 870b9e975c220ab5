import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { RedisConnection } from '@app/common/redis/redis.module';
import { AppConfig } from '@app/config/app-config';
import { AuditService } from '@app/modules/audit/audit.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { renderEmail } from '@app/modules/notifications/email/email-templates';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import { AdminSubscriptionsService } from '@app/modules/subscriptions/admin-subscriptions.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { AdminErrorCode, AdminException } from '../admin.exception';
import { EmailKind, SendEmailDto, SendEmailResponse } from './admin-email.dto';

/** At most this many recipients per send: larger campaigns are split by segment. */
export const MAX_RECIPIENTS = 5000;
/** Sends (not previews) per admin per hour. */
export const SENDS_PER_HOUR = 10;

/** The admin's text as paragraphs, with `{{firstName}}` filled in. */
export function personalise(body: string, firstName: string): string[] {
  return body
    .replace(/\{\{\s*firstName\s*\}\}/g, firstName)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Admins' emails to users: one user or a segment (role, paid plan, postcode prefix), previewed
 * before sending, queued in the outbox in one transaction, rate limited per admin, audited. News
 * goes only to users whose "Product news" email preference is on; account messages go to all.
 */
@Injectable()
export class AdminEmailService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly subscriptions: AdminSubscriptionsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly outbox: EmailOutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    redis: RedisConnection,
  ) {
    const options = { keyPrefix: 'admin-email', points: SENDS_PER_HOUR, duration: 3600 };
    const memory = new RateLimiterMemory(options);
    this.limiter = redis.client
      ? new RateLimiterRedis({ ...options, storeClient: redis.client, insuranceLimiter: memory })
      : memory;
  }

  async send(auth: AuthContext, dto: SendEmailDto, meta: RequestMeta): Promise<SendEmailResponse> {
    const audience = await this.audienceOf(dto);
    const recipients: User[] = [];
    for (const user of audience) {
      if (dto.kind === EmailKind.Account) recipients.push(user);
      else if (await this.preferences.allows(user.id, NotificationType.ProductNews, NotificationChannel.Email)) {
        recipients.push(user);
      }
    }
    const first = recipients[0] ?? audience[0];
    const preview = renderEmail('announcement', this.variables(dto, first?.firstName ?? 'Alex'));
    const outcome = {
      recipients: recipients.length,
      skippedByPreference: audience.length - recipients.length,
      preview,
    };
    if (dto.preview) return { sent: false, ...outcome };
    if (recipients.length === 0) {
      throw new AdminException(AdminErrorCode.NoRecipients, 'Nobody in this audience can receive this email', [
        { field: 'audience', message: 'Nobody in this audience can receive this email' },
      ]);
    }
    await this.consumeAllowance(auth);
    await this.dataSource.transaction(async (manager) => {
      for (const user of recipients) {
        await this.outbox.enqueue(manager, {
          to: user.email,
          toName: user.displayName,
          userId: user.id,
          template: 'announcement',
          variables: this.variables(dto, user.firstName),
        });
      }
      await this.audit.record(
        auth,
        {
          action: 'admin.email.send',
          subjectType: 'email',
          subjectId: dto.audience.userId ?? null,
          ownerId: dto.audience.userId ?? null,
          metadata: {
            subject: dto.subject,
            kind: dto.kind,
            role: dto.audience.role ?? null,
            plan: dto.audience.plan ?? null,
            postcodePrefix: dto.audience.postcodePrefix ?? null,
            recipients: recipients.length,
          },
          ip: meta.ip,
        },
        manager,
      );
    });
    return { sent: true, ...outcome };
  }

  private variables(dto: SendEmailDto, firstName: string) {
    return {
      firstName,
      subject: dto.subject,
      paragraphs: personalise(dto.body, firstName),
      preferencesLink: dto.kind === EmailKind.News ? `${this.config.publicUrl}/account/notifications` : null,
    };
  }

  private async audienceOf(dto: SendEmailDto): Promise<User[]> {
    const { userId, role, plan, postcodePrefix } = dto.audience;
    if (userId) {
      if (role || plan || postcodePrefix) {
        throw new AdminException(AdminErrorCode.NoRecipients, 'Choose one user or a segment, not both', [
          { field: 'audience', message: 'Choose one user or a segment, not both' },
        ]);
      }
      return this.users.findActiveInSegment({ userIds: [userId] }, 1);
    }
    const userIds = plan ? await this.subscriptions.subscriberIds(plan, MAX_RECIPIENTS) : undefined;
    return this.users.findActiveInSegment(
      { role, userIds, postcodePrefix: postcodePrefix?.toUpperCase() },
      MAX_RECIPIENTS,
    );
  }

  private async consumeAllowance(auth: AuthContext): Promise<void> {
    try {
      await this.limiter.consume(auth.userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = Math.ceil(rejection.msBeforeNext / 1000);
      const error = new AdminException(
        AdminErrorCode.EmailRateLimited,
        `You have sent ${SENDS_PER_HOUR} emails in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
      );
      error.headers['Retry-After'] = String(wait);
      throw error;
    }
  }
}
