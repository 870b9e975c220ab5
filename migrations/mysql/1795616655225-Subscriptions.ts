import { MigrationInterface, QueryRunner } from 'typeorm';

export class Subscriptions1795616655225 implements MigrationInterface {
  name = 'Subscriptions1795616655225';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `billing_customers` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `stripeCustomerId` varchar(255) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_billing_customers_stripe` (`stripeCustomerId`), UNIQUE INDEX `UQ_billing_customers_user` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `payment_records` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `stripeSubscriptionId` varchar(255) NULL, `stripeInvoiceId` varchar(255) NOT NULL, `stripePaymentIntentId` varchar(255) NULL, `stripeChargeId` varchar(255) NULL, `amountPence` int NOT NULL, `amountRefundedPence` int NOT NULL DEFAULT '0', `currency` varchar(3) NOT NULL DEFAULT 'gbp', `status` varchar(20) NOT NULL, `paidAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_payment_records_charge` (`stripeChargeId`), INDEX `IDX_payment_records_payment_intent` (`stripePaymentIntentId`), INDEX `IDX_payment_records_user_created` (`userId`, `createdAt`), UNIQUE INDEX `UQ_payment_records_invoice` (`stripeInvoiceId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `subscriptions` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `planKey` varchar(40) NOT NULL, `interval` varchar(10) NOT NULL, `status` varchar(30) NOT NULL, `stripeCustomerId` varchar(255) NOT NULL, `stripeSubscriptionId` varchar(255) NOT NULL, `stripePriceId` varchar(255) NOT NULL, `currentPeriodEnd` datetime NULL, `trialEnd` datetime NULL, `cancelAtPeriodEnd` tinyint NOT NULL DEFAULT 0, `canceledAt` datetime NULL, `hasPaymentMethod` tinyint NOT NULL DEFAULT 0, `lastEventCreated` bigint NOT NULL DEFAULT '0', `renewalReminderFor` datetime NULL, `trialReminderFor` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_subscriptions_plan_status` (`planKey`, `status`), INDEX `IDX_subscriptions_status_trial_end` (`status`, `trialEnd`), INDEX `IDX_subscriptions_status_period_end` (`status`, `currentPeriodEnd`), INDEX `IDX_subscriptions_user_created` (`userId`, `createdAt`), UNIQUE INDEX `UQ_subscriptions_stripe_subscription` (`stripeSubscriptionId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `processed_webhook_events` (`id` varchar(36) NOT NULL, `eventId` varchar(255) NOT NULL, `type` varchar(100) NOT NULL, `receivedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_processed_webhook_events_received` (`receivedAt`), UNIQUE INDEX `UQ_processed_webhook_events_event` (`eventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `inbound_webhook_deliveries` (`id` varchar(36) NOT NULL, `integration` varchar(40) NOT NULL, `deliveryId` varchar(200) NOT NULL, `eventType` varchar(100) NULL, `payload` text NOT NULL, `status` varchar(20) NOT NULL, `error` varchar(1000) NULL, `receivedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `processedAt` datetime NULL, INDEX `IDX_inbound_webhook_deliveries_received` (`receivedAt`), UNIQUE INDEX `UQ_inbound_webhook_deliveries_delivery` (`integration`, `deliveryId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `subscriptions` ADD CONSTRAINT `FK_fbdba4e2ac694cf8c9cecf4dc84` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `subscriptions` DROP FOREIGN KEY `FK_fbdba4e2ac694cf8c9cecf4dc84`");
    await queryRunner.query("DROP INDEX `UQ_inbound_webhook_deliveries_delivery` ON `inbound_webhook_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_inbound_webhook_deliveries_received` ON `inbound_webhook_deliveries`");
    await queryRunner.query("DROP TABLE `inbound_webhook_deliveries`");
    await queryRunner.query("DROP INDEX `UQ_processed_webhook_events_event` ON `processed_webhook_events`");
    await queryRunner.query("DROP INDEX `IDX_processed_webhook_events_received` ON `processed_webhook_events`");
    await queryRunner.query("DROP TABLE `processed_webhook_events`");
    await queryRunner.query("DROP INDEX `UQ_subscriptions_stripe_subscription` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `IDX_subscriptions_user_created` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `IDX_subscriptions_status_period_end` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `IDX_subscriptions_status_trial_end` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `IDX_subscriptions_plan_status` ON `subscriptions`");
    await queryRunner.query("DROP TABLE `subscriptions`");
    await queryRunner.query("DROP INDEX `UQ_payment_records_invoice` ON `payment_records`");
    await queryRunner.query("DROP INDEX `IDX_payment_records_user_created` ON `payment_records`");
    await queryRunner.query("DROP INDEX `IDX_payment_records_payment_intent` ON `payment_records`");
    await queryRunner.query("DROP INDEX `IDX_payment_records_charge` ON `payment_records`");
    await queryRunner.query("DROP TABLE `payment_records`");
    await queryRunner.query("DROP INDEX `UQ_billing_customers_user` ON `billing_customers`");
    await queryRunner.query("DROP INDEX `UQ_billing_customers_stripe` ON `billing_customers`");
    await queryRunner.query("DROP TABLE `billing_customers`");
  }
}
