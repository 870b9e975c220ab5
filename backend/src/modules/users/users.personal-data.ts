import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { User, UserStatus } from './entities/user.entity';

/** The account row: anonymised last, so bookings and payments keep a (nameless) party. */
@Injectable()
export class UsersPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'account',
      order: 100,
      identify: async (userId) => {
        const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
        if (!user) return {};
        return {
          identifiers: [user.email, user.displayName, ...(user.phone ? [user.phone] : [])],
          related: [user.firstName, user.lastName],
        };
      },
      export: async (userId) => {
        const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
        return {
          id: user.id,
          email: user.email,
          role: user.role,
          status: user.status,
          firstName: user.firstName,
          lastName: user.lastName,
          phone: user.phone,
          postcode: user.postcode,
          emailVerifiedAt: user.emailVerifiedAt,
          twoFactorEnabled: user.twoFactorEnabled,
          lastLoginAt: user.lastLoginAt,
          createdAt: user.createdAt,
        };
      },
      erase: async ({ userId }, manager) => {
        await manager.getRepository(User).update(userId, {
          email: `erased-${userId}@erased.invalid`,
          passwordHash: '!erased',
          firstName: 'Deleted',
          lastName: 'user',
          phone: null,
          postcode: null,
          avatarUrl: null,
          emailVerifiedAt: null,
          twoFactorSecretEncrypted: null,
          twoFactorEnabledAt: null,
          twoFactorLastStep: null,
          chatStatus: null,
          lastLoginAt: null,
          status: UserStatus.Erased,
        });
      },
    });
  }
}
