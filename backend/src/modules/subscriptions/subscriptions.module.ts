import { Global, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config/app-config';
import { UsersModule } from '@app/modules/users/users.module';
import { AdminSubscriptionsController } from './admin-subscriptions.controller';
import { AdminSubscriptionsService } from './admin-subscriptions.service';
import { BillingJobs } from './billing-jobs';
import { SubscriptionsDemoSeeder } from './demo/subscriptions-demo.seeder';
import { BillingCustomer } from './entities/billing-customer.entity';
import { PaymentRecord } from './entities/payment-record.entity';
import { ProcessedWebhookEvent } from './entities/processed-webhook-event.entity';
import { Subscription } from './entities/subscription.entity';
import { EntitlementsService } from './entitlements/entitlements.service';
import { EntitlementGuard } from './entitlements/requires-entitlement';
import { BillingGateway } from './gateway/billing-gateway';
import { SimulatedBillingGateway } from './gateway/simulated-billing-gateway';
import { createStripeClient, StripeBillingGateway } from './gateway/stripe-billing-gateway';
import { StripeConfig } from './stripe.config';
import { StripeWebhookController, SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { StripeWebhookService } from './webhook/stripe-webhook.service';
import { SubscriptionsPersonalData } from './subscriptions.personal-data';

/**
 * Plans, entitlements, Stripe Checkout and webhooks, admin billing, honest-billing jobs, and the
 * payment simulator used when no Stripe key is configured. Global so that any module's routes
 * can use @RequiresEntitlement (its guard needs EntitlementsService).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Subscription, PaymentRecord, BillingCustomer, ProcessedWebhookEvent]),
    UsersModule,
  ],
  controllers: [SubscriptionsController, StripeWebhookController, AdminSubscriptionsController],
  providers: [
    SubscriptionsPersonalData,
    { provide: StripeConfig, useFactory: () => StripeConfig.fromEnvironment() },
    {
      provide: BillingGateway,
      inject: [StripeConfig, AppConfig, ModuleRef],
      useFactory: (config: StripeConfig, appConfig: AppConfig, moduleRef: ModuleRef) =>
        config.mode === 'stripe'
          ? new StripeBillingGateway(createStripeClient(config))
          : new SimulatedBillingGateway(config, appConfig, moduleRef),
    },
    SubscriptionsRepository,
    StripeWebhookService,
    SubscriptionsService,
    AdminSubscriptionsService,
    EntitlementsService,
    EntitlementGuard,
    BillingJobs,
    SubscriptionsDemoSeeder,
  ],
  exports: [AdminSubscriptionsService, EntitlementsService, EntitlementGuard, StripeConfig],
})
export class SubscriptionsModule {}
