import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { AccountTokensService, TOKEN_LIFETIME_MINUTES } from './account-tokens.service';
import { AccountTokenPurpose } from './entities/account-token.entity';

/**
 * Password links sent on someone else's initiative: an admin asks for a reset, or creates an
 * account and the new user chooses their own password. Queued in the caller's transaction.
 */
@Injectable()
export class AccountLinks {
  constructor(
    private readonly tokens: AccountTokensService,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
  ) {}

  async sendPasswordLink(user: User, kind: 'reset' | 'welcome', manager: EntityManager): Promise<void> {
    const token = await this.tokens.issue(user.id, AccountTokenPurpose.PasswordReset, manager);
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const base = { to: user.email, toName: user.displayName, userId: user.id };
    if (kind === 'welcome') {
      await this.outbox.enqueue(manager, {
        ...base,
        template: 'account-created',
        variables: { firstName: user.firstName, link, forgotLink: `${this.config.publicUrl}/forgot-password` },
      });
      return;
    }
    await this.outbox.enqueue(manager, {
      ...base,
      template: 'password-reset',
      variables: {
        firstName: user.firstName,
        link,
        expiresInMinutes: TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.PasswordReset],
      },
    });
  }
}
