import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AccessGuard } from './common/auth/access.guard';
import { CryptoModule } from './common/crypto/crypto.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { AdminModule } from './modules/admin/admin.module';
import { ActivityModule } from './modules/activity/activity.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { AvailabilityModule } from './modules/availability/availability.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { ChatModule } from './modules/chat/chat.module';
import { CalendarSyncModule } from './modules/calendar-sync/calendar-sync.module';
import { ChildmindersModule } from './modules/childminders/childminders.module';
import { ChildrenModule } from './modules/children/children.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { GeoModule } from './modules/geo/geo.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { NotificationsFeedModule } from './modules/notifications-feed/notifications-feed.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { RecommendationsModule } from './modules/recommendations/recommendations.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { LastMinuteModule } from './modules/last-minute/last-minute.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module';
import { SupportModule } from './modules/support/support.module';
import { UsersModule } from './modules/users/users.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { OfstedRegisterModule } from './modules/ofsted-register/ofsted-register.module';
import { BackupsModule } from './modules/backups/backups.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { SystemModule } from './modules/system/system.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        CryptoModule,
        // Without the scheduler module no @Cron/@Interval fires: JOBS_ENABLED=false turns jobs off.
        ...(config.jobsEnabled ? [ScheduleModule.forRoot()] : []),
        SettingsModule,
        AuditModule,
        ActivityModule,
        JobsModule,
        NotificationsModule,
        UsersModule,
        AuthModule,
        GeoModule,
        ChildrenModule,
        ChildmindersModule,
        RealtimeModule,
        NotificationsFeedModule,
        MessagingModule,
        DocumentsModule,
        ComplianceModule,
        AvailabilityModule,
        BookingsModule,
        SubscriptionsModule,
        WebhooksModule,
        OfstedRegisterModule,
        ReviewsModule,
        LastMinuteModule,
        RecommendationsModule,
        SupportModule,
        ChatModule,
        CalendarSyncModule,
        PrivacyModule,
        AdminModule,
        HealthModule,
        // Production is never a demo: the demo data, the demo logins' route and the payment
        // simulator are not even loaded there (backend/src/demo/, SimulatorModule).
        ...(config.isProduction ? [] : [DemoModule]),
        SystemModule,
        MonitoringModule,
        BackupsModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
