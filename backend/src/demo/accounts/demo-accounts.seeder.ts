import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@app/common/auth/role';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { ChatStatus, User, UserStatus } from '@app/modules/users/entities/user.entity';
import { DEMO_ACCOUNTS, DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';

@Injectable()
@DemoData(0)
export class DemoAccountsSeeder implements DemoDataSeeder {
  constructor(private readonly hasher: PasswordHasher) {}

  async seed(context: DemoSeedContext): Promise<void> {
    for (const account of DEMO_ACCOUNTS) {
      const user = Object.assign(new User(), {
        email: account.email,
        passwordHash: await this.hasher.hash(account.password),
        role: account.role,
        status: UserStatus.Active,
        firstName: account.firstName,
        lastName: account.lastName,
        phone: null,
        postcode: account.role === 'parent' || account.role === 'childminder' ? 'M20 2LS' : null,
        emailVerifiedAt: new Date(),
        twoFactorSecretEncrypted: null,
        twoFactorEnabledAt: null,
        twoFactorLastStep: null,
        chatStatus: STAFF_ROLES.includes(account.role) ? ChatStatus.Offline : null,
        lastLoginAt: null,
      });
      await context.manager.getRepository(User).insert(user);
      context.users[account.role] = user.id;
    }
  }
}
