import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '@app/modules/auth/auth.module';
import { CareAvailabilityModule } from '@app/modules/availability/care-availability.module';
import { ComplianceModule } from '@app/modules/compliance/compliance.module';
import { GeoModule } from '@app/modules/geo/geo.module';
import { ReviewsModule } from '@app/modules/reviews/reviews.module';
import { StorageModule } from '@app/modules/storage/storage.module';
import { DemoAccountsController } from './accounts/demo-accounts.controller';
import { DemoAccountsSeeder } from './accounts/demo-accounts.seeder';
import { AvailabilityDemoSeeder } from './availability/availability-demo.seeder';
import { ChatDemoSeeder } from './chat/chat-demo.seeder';
import { BookingsDemoSeeder } from './bookings/bookings-demo.seeder';
import { ChildmindersDemoSeeder } from './childminders/childminders-demo.seeder';
import { ChildrenDemoSeeder } from './children/children-demo.seeder';
import { DemoSeeder } from './demo-seeder';
import { PaymentSimulatorModule } from './payment-simulator/payment-simulator.module';
import { ComplianceStandingsDemoSeeder } from './documents/compliance-standings-demo.seeder';
import { DocumentsDemoSeeder } from './documents/documents-demo.seeder';
import { LastMinuteDemoSeeder } from './last-minute/last-minute-demo.seeder';
import { ReviewHistoryDemoSeeder } from './reviews/review-history-demo.seeder';
import { ReviewsDemoSeeder } from './reviews/reviews-demo.seeder';
import { SubscriptionsDemoSeeder } from './subscriptions/subscriptions-demo.seeder';
import { SupportDemoSeeder } from './support/support-demo.seeder';
import { SupportSamples } from './support/support-samples';
import { TestTicketsController } from './support/test-tickets.controller';
import { SupportModule } from '@app/modules/support/support.module';
import { UsersModule } from '@app/modules/users/users.module';

/**
 * Everything that exists only for a demo: the demo database's seeders, the listed demo logins
 * (GET /api/auth/demo-accounts) and the payment simulator. AppModule imports this module only
 * outside production, so a production server has none of them (their routes answer 404).
 *
 * A seeder is a provider here, in `backend/src/demo/<feature>/<feature>-demo.seeder.ts`, marked
 * `@DemoData(order)`; DemoSeeder runs every such provider of this module in ascending order in one
 * transaction on the first start of an empty database. Seeders write their rows through the
 * transaction's `context.manager` (a fixture loader, like a migration) and call modules' exported
 * services for rules (password hashing, geocoding, ratings); they never import a repository.
 */
@Module({
  imports: [
    DiscoveryModule,
    AuthModule,
    CareAvailabilityModule,
    ComplianceModule,
    GeoModule,
    StorageModule,
    ReviewsModule,
    PaymentSimulatorModule,
    SupportModule,
    UsersModule,
  ],
  controllers: [DemoAccountsController, TestTicketsController],
  providers: [
    DemoSeeder,
    DemoAccountsSeeder,
    ChildmindersDemoSeeder,
    ChildrenDemoSeeder,
    AvailabilityDemoSeeder,
    DocumentsDemoSeeder,
    ComplianceStandingsDemoSeeder,
    SubscriptionsDemoSeeder,
    BookingsDemoSeeder,
    ReviewsDemoSeeder,
    ReviewHistoryDemoSeeder,
    LastMinuteDemoSeeder,
    SupportDemoSeeder,
    ChatDemoSeeder,
    SupportSamples,
  ],
  exports: [DemoSeeder],
})
export class DemoModule {}
