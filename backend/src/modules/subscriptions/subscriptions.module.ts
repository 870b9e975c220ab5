import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config/app-config';
import { UsersModule } from '@app/modules/users/users.module';
import { AdminSubscriptionsController } from './admin-subscriptions.controller';
import { AdminSubscriptionsService } from './admin-subscriptions.service';
import { BillingJobs } from './billing-jobs';
import { BillingCustomer } from './entities/billing-customer.entity';
import { PaymentRecord } from './entities/payment-record.entity';
import { ProcessedWebhookEvent } from './entities/processed-webhook-event.entity';
import { Subscription } from './entities/subscription.entity';
import { EntitlementsService } from './entitlements/entitlements.service';
import { EntitlementGuard } from './entitlements/requires-entitlement';
import { BillingGateway } from './gateway/billing-gateway';
import { ConfiguredBillingGateway } from './gateway/configured-billing-gateway';
import { createStripeClient, StripeBillingGateway } from './gateway/stripe-billing-gateway';
import { StripeConfig } from './stripe.config';
import { StripeWebhookController, SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { StripeWebhookService } from './webhook/stripe-webhook.service';
import { SubscriptionsPersonalData } from './subscriptions.personal-data';

/**
 * Plans, entitlements, Stripe Checkout and webhooks, admin billing and honest-billing jobs.
 * Without a Stripe key, payments are "not set up" (503) unless the payment simulator registers
 * itself (backend/src/demo/payment-simulator, never in production). Global so that any module's
 * routes can use @RequiresEntitlement (its guard needs EntitlementsService).
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
    { provide: StripeConfig, inject: [AppConfig], useFactory: StripeConfig.fromAppConfig },
    {
      provide: ConfiguredBillingGateway,
      inject: [StripeConfig],
      useFactory: (config: StripeConfig) =>
        new ConfiguredBillingGateway(
          config.mode === 'stripe' ? new StripeBillingGateway(createStripeClient(config)) : null,
        ),
    },
    { provide: BillingGateway, useExisting: ConfiguredBillingGateway },
    SubscriptionsRepository,
    StripeWebhookService,
    SubscriptionsService,
    AdminSubscriptionsService,
    EntitlementsService,
    EntitlementGuard,
    BillingJobs,
  ],
  exports: [
    AdminSubscriptionsService,
    EntitlementsService,
    EntitlementGuard,
    StripeConfig,
    SubscriptionsService,
    StripeWebhookService,
    ConfiguredBillingGateway,
  ],
})
export class SubscriptionsModule {}
