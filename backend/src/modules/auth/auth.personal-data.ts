import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { AccountToken } from './entities/account-token.entity';
import { AuthSession } from './entities/auth-session.entity';
import { GoogleIdentity } from './entities/google-identity.entity';
import { GooglePendingSignIn } from './entities/google-pending-sign-in.entity';
import { RecoveryCode } from './entities/recovery-code.entity';

/** Sessions (where and on what the user signed in), emailed tokens, recovery codes and the linked Google account. */
@Injectable()
export class AuthPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'sessions',
      order: 90,
      export: async (userId) =>
        (await this.dataSource.getRepository(AuthSession).find({ where: { userId }, order: { createdAt: 'ASC' } })).map(
          (s) => ({
            id: s.id,
            ip: s.ip,
            userAgent: s.userAgent,
            createdAt: s.createdAt,
            lastUsedAt: s.lastUsedAt,
            expiresAt: s.expiresAt,
            revokedAt: s.revokedAt,
            revokedReason: s.revokedReason,
          }),
        ),
      // Deleting the sessions (their refresh tokens cascade) ends every sign-in at once.
      erase: async ({ userId }, manager) => {
        await manager.getRepository(AuthSession).delete({ userId });
        await manager.getRepository(AccountToken).delete({ userId });
        await manager.getRepository(RecoveryCode).delete({ userId });
      },
    });
    this.registry.register({
      section: 'googleSignIn',
      order: 90,
      export: async (userId) => {
        const identity = await this.dataSource.getRepository(GoogleIdentity).findOne({ where: { userId } });
        return identity
          ? {
              googleAccountId: identity.googleSub,
              googleEmail: identity.googleEmail,
              linkedAt: identity.createdAt,
              lastSignInAt: identity.lastSignInAt,
            }
          : null;
      },
      // The link, and any Google sign-in still waiting for this account or its address.
      erase: async ({ userId, identifiers }, manager) => {
        await manager.getRepository(GoogleIdentity).delete({ userId });
        await manager.getRepository(GooglePendingSignIn).delete({ userId });
        const emails = identifiers.filter((value) => value.includes('@')).map((value) => value.toLowerCase());
        if (emails.length) await manager.getRepository(GooglePendingSignIn).delete({ googleEmail: In(emails) });
      },
    });
  }
}
