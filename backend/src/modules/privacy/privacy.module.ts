import { Global, Module } from '@nestjs/common';
import { AuthModule } from '@app/modules/auth/auth.module';
import { UsersModule } from '@app/modules/users/users.module';
import { AccountDataController } from './account-data.controller';
import { PersonalDataRegistry } from './personal-data.registry';
import { PrivacyService } from './privacy.service';

/**
 * UK GDPR in one place: every module registers what it holds about a user with
 * PersonalDataRegistry; PrivacyService exports it all (articles 15 and 20) and erases it all
 * (article 17), for a user's own request and for an admin's "delete user".
 */
@Global()
@Module({
  imports: [UsersModule, AuthModule],
  controllers: [AccountDataController],
  providers: [PersonalDataRegistry, PrivacyService],
  exports: [PersonalDataRegistry, PrivacyService],
})
export class PrivacyModule {}
