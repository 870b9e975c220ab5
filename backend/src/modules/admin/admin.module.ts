import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/modules/auth/auth.module';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { ComplianceModule } from '@app/modules/compliance/compliance.module';
import { DocumentsModule } from '@app/modules/documents/documents.module';
import { SubscriptionsModule } from '@app/modules/subscriptions/subscriptions.module';
import { UsersModule } from '@app/modules/users/users.module';
import { AdminAccountController } from './account/admin-account.controller';
import { AdminAccountService } from './account/admin-account.service';
import { AdminPersonalData } from './admin.personal-data';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { SupportFiguresPort } from './dashboard/figures.port';
import { AdminEmailController } from './email/admin-email.controller';
import { AdminEmailService } from './email/admin-email.service';
import { AdminPreferences } from './entities/admin-preferences.entity';
import { SecuritySettingsController } from './security/security-settings.controller';
import { SecuritySettingsService } from './security/security-settings.service';
import { AdminUsersController } from './users/admin-users.controller';
import { AdminUsersService } from './users/admin-users.service';

/**
 * Running the platform's people side: the dashboard, user management (with erasure through the
 * privacy module), security settings, admins' own settings and profile, and email to users.
 * Global so that later modules (support, chat) can feed the dashboard through SupportFiguresPort
 * and ask AdminAccountService which admins want an admin event.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([AdminPreferences]),
    UsersModule,
    AuthModule,
    BookingsModule,
    ComplianceModule,
    DocumentsModule,
    SubscriptionsModule,
  ],
  controllers: [
    DashboardController,
    AdminUsersController,
    SecuritySettingsController,
    AdminAccountController,
    AdminEmailController,
  ],
  providers: [
    SupportFiguresPort,
    DashboardService,
    AdminUsersService,
    SecuritySettingsService,
    AdminAccountService,
    AdminEmailService,
    AdminPersonalData,
  ],
  exports: [SupportFiguresPort, AdminAccountService],
})
export class AdminModule {}
