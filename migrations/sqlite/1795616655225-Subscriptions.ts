import { MigrationInterface, QueryRunner } from 'typeorm';

export class Subscriptions1795616655225 implements MigrationInterface {
  name = 'Subscriptions1795616655225';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"billing_customers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"stripeCustomerId\" varchar(255) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_billing_customers_stripe\" ON \"billing_customers\" (\"stripeCustomerId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_billing_customers_user\" ON \"billing_customers\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"payment_records\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"stripeSubscriptionId\" varchar(255), \"stripeInvoiceId\" varchar(255) NOT NULL, \"stripePaymentIntentId\" varchar(255), \"stripeChargeId\" varchar(255), \"amountPence\" integer NOT NULL, \"amountRefundedPence\" integer NOT NULL DEFAULT (0), \"currency\" varchar(3) NOT NULL DEFAULT ('gbp'), \"status\" varchar(20) NOT NULL, \"paidAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_payment_records_charge\" ON \"payment_records\" (\"stripeChargeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payment_records_payment_intent\" ON \"payment_records\" (\"stripePaymentIntentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payment_records_user_created\" ON \"payment_records\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_payment_records_invoice\" ON \"payment_records\" (\"stripeInvoiceId\") ");
    await queryRunner.query("CREATE TABLE \"subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"planKey\" varchar(40) NOT NULL, \"interval\" varchar(10) NOT NULL, \"status\" varchar(30) NOT NULL, \"stripeCustomerId\" varchar(255) NOT NULL, \"stripeSubscriptionId\" varchar(255) NOT NULL, \"stripePriceId\" varchar(255) NOT NULL, \"currentPeriodEnd\" datetime, \"trialEnd\" datetime, \"cancelAtPeriodEnd\" boolean NOT NULL DEFAULT (0), \"canceledAt\" datetime, \"hasPaymentMethod\" boolean NOT NULL DEFAULT (0), \"lastEventCreated\" bigint NOT NULL DEFAULT (0), \"renewalReminderFor\" datetime, \"trialReminderFor\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_plan_status\" ON \"subscriptions\" (\"planKey\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_trial_end\" ON \"subscriptions\" (\"status\", \"trialEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_period_end\" ON \"subscriptions\" (\"status\", \"currentPeriodEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_user_created\" ON \"subscriptions\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_subscriptions_stripe_subscription\" ON \"subscriptions\" (\"stripeSubscriptionId\") ");
    await queryRunner.query("CREATE TABLE \"processed_webhook_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"eventId\" varchar(255) NOT NULL, \"type\" varchar(100) NOT NULL, \"receivedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_processed_webhook_events_received\" ON \"processed_webhook_events\" (\"receivedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_processed_webhook_events_event\" ON \"processed_webhook_events\" (\"eventId\") ");
    await queryRunner.query("CREATE TABLE \"inbound_webhook_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"integration\" varchar(40) NOT NULL, \"deliveryId\" varchar(200) NOT NULL, \"eventType\" varchar(100), \"payload\" text NOT NULL, \"status\" varchar(20) NOT NULL, \"error\" varchar(1000), \"receivedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"processedAt\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_inbound_webhook_deliveries_received\" ON \"inbound_webhook_deliveries\" (\"receivedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_inbound_webhook_deliveries_delivery\" ON \"inbound_webhook_deliveries\" (\"integration\", \"deliveryId\") ");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_plan_status\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_trial_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_period_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_user_created\"");
    await queryRunner.query("DROP INDEX \"UQ_subscriptions_stripe_subscription\"");
    await queryRunner.query("CREATE TABLE \"temporary_subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"planKey\" varchar(40) NOT NULL, \"interval\" varchar(10) NOT NULL, \"status\" varchar(30) NOT NULL, \"stripeCustomerId\" varchar(255) NOT NULL, \"stripeSubscriptionId\" varchar(255) NOT NULL, \"stripePriceId\" varchar(255) NOT NULL, \"currentPeriodEnd\" datetime, \"trialEnd\" datetime, \"cancelAtPeriodEnd\" boolean NOT NULL DEFAULT (0), \"canceledAt\" datetime, \"hasPaymentMethod\" boolean NOT NULL DEFAULT (0), \"lastEventCreated\" bigint NOT NULL DEFAULT (0), \"renewalReminderFor\" datetime, \"trialReminderFor\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_fbdba4e2ac694cf8c9cecf4dc84\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_subscriptions\"(\"id\", \"userId\", \"planKey\", \"interval\", \"status\", \"stripeCustomerId\", \"stripeSubscriptionId\", \"stripePriceId\", \"currentPeriodEnd\", \"trialEnd\", \"cancelAtPeriodEnd\", \"canceledAt\", \"hasPaymentMethod\", \"lastEventCreated\", \"renewalReminderFor\", \"trialReminderFor\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"planKey\", \"interval\", \"status\", \"stripeCustomerId\", \"stripeSubscriptionId\", \"stripePriceId\", \"currentPeriodEnd\", \"trialEnd\", \"cancelAtPeriodEnd\", \"canceledAt\", \"hasPaymentMethod\", \"lastEventCreated\", \"renewalReminderFor\", \"trialReminderFor\", \"createdAt\", \"updatedAt\" FROM \"subscriptions\"");
    await queryRunner.query("DROP TABLE \"subscriptions\"");
    await queryRunner.query("ALTER TABLE \"temporary_subscriptions\" RENAME TO \"subscriptions\"");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_plan_status\" ON \"subscriptions\" (\"planKey\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_trial_end\" ON \"subscriptions\" (\"status\", \"trialEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_period_end\" ON \"subscriptions\" (\"status\", \"currentPeriodEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_user_created\" ON \"subscriptions\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_subscriptions_stripe_subscription\" ON \"subscriptions\" (\"stripeSubscriptionId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_subscriptions_stripe_subscription\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_period_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_trial_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_plan_status\"");
    await queryRunner.query("ALTER TABLE \"subscriptions\" RENAME TO \"temporary_subscriptions\"");
    await queryRunner.query("CREATE TABLE \"subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"planKey\" varchar(40) NOT NULL, \"interval\" varchar(10) NOT NULL, \"status\" varchar(30) NOT NULL, \"stripeCustomerId\" varchar(255) NOT NULL, \"stripeSubscriptionId\" varchar(255) NOT NULL, \"stripePriceId\" varchar(255) NOT NULL, \"currentPeriodEnd\" datetime, \"trialEnd\" datetime, \"cancelAtPeriodEnd\" boolean NOT NULL DEFAULT (0), \"canceledAt\" datetime, \"hasPaymentMethod\" boolean NOT NULL DEFAULT (0), \"lastEventCreated\" bigint NOT NULL DEFAULT (0), \"renewalReminderFor\" datetime, \"trialReminderFor\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"subscriptions\"(\"id\", \"userId\", \"planKey\", \"interval\", \"status\", \"stripeCustomerId\", \"stripeSubscriptionId\", \"stripePriceId\", \"currentPeriodEnd\", \"trialEnd\", \"cancelAtPeriodEnd\", \"canceledAt\", \"hasPaymentMethod\", \"lastEventCreated\", \"renewalReminderFor\", \"trialReminderFor\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"planKey\", \"interval\", \"status\", \"stripeCustomerId\", \"stripeSubscriptionId\", \"stripePriceId\", \"currentPeriodEnd\", \"trialEnd\", \"cancelAtPeriodEnd\", \"canceledAt\", \"hasPaymentMethod\", \"lastEventCreated\", \"renewalReminderFor\", \"trialReminderFor\", \"createdAt\", \"updatedAt\" FROM \"temporary_subscriptions\"");
    await queryRunner.query("DROP TABLE \"temporary_subscriptions\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_subscriptions_stripe_subscription\" ON \"subscriptions\" (\"stripeSubscriptionId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_user_created\" ON \"subscriptions\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_period_end\" ON \"subscriptions\" (\"status\", \"currentPeriodEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_status_trial_end\" ON \"subscriptions\" (\"status\", \"trialEnd\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_plan_status\" ON \"subscriptions\" (\"planKey\", \"status\") ");
    await queryRunner.query("DROP INDEX \"UQ_inbound_webhook_deliveries_delivery\"");
    await queryRunner.query("DROP INDEX \"IDX_inbound_webhook_deliveries_received\"");
    await queryRunner.query("DROP TABLE \"inbound_webhook_deliveries\"");
    await queryRunner.query("DROP INDEX \"UQ_processed_webhook_events_event\"");
    await queryRunner.query("DROP INDEX \"IDX_processed_webhook_events_received\"");
    await queryRunner.query("DROP TABLE \"processed_webhook_events\"");
    await queryRunner.query("DROP INDEX \"UQ_subscriptions_stripe_subscription\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_period_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_status_trial_end\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_plan_status\"");
    await queryRunner.query("DROP TABLE \"subscriptions\"");
    await queryRunner.query("DROP INDEX \"UQ_payment_records_invoice\"");
    await queryRunner.query("DROP INDEX \"IDX_payment_records_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_payment_records_payment_intent\"");
    await queryRunner.query("DROP INDEX \"IDX_payment_records_charge\"");
    await queryRunner.query("DROP TABLE \"payment_records\"");
    await queryRunner.query("DROP INDEX \"UQ_billing_customers_user\"");
    await queryRunner.query("DROP INDEX \"UQ_billing_customers_stripe\"");
    await queryRunner.query("DROP TABLE \"billing_customers\"");
  }
}
