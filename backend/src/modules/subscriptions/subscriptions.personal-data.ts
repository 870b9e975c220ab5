import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { PaymentRecord } from './entities/payment-record.entity';
import { Subscription } from './entities/subscription.entity';
import { SubscriptionsService } from './subscriptions.service';

/**
 * Subscriptions and payments are accounting records kept for the period the law requires. They
 * hold no name, address or card details (those stay with Stripe), only ids and amounts, so they
 * stay as they are, tied to the anonymised account. Before an erasure, any subscription still
 * running is cancelled with Stripe: an erased account is never charged again.
 */
@Injectable()
export class SubscriptionsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'billing',
      beforeErasure: (userId) => this.subscriptions.cancelAllBeforeErasure(userId),
      export: async (userId) => ({
        subscriptions: (await this.dataSource.getRepository(Subscription).find({ where: { userId } })).map(
          ({
            id,
            planKey,
            interval,
            status,
            currentPeriodEnd,
            trialEnd,
            cancelAtPeriodEnd,
            canceledAt,
            createdAt,
          }) => ({
            id,
            planKey,
            interval,
            status,
            currentPeriodEnd,
            trialEnd,
            cancelAtPeriodEnd,
            canceledAt,
            createdAt,
          }),
        ),
        payments: (await this.dataSource.getRepository(PaymentRecord).find({ where: { userId } })).map(
          ({ id, amountPence, amountRefundedPence, currency, status, paidAt, createdAt }) => ({
            id,
            amountPence,
            amountRefundedPence,
            currency,
            status,
            paidAt,
            createdAt,
          }),
        ),
      }),
      erase: async () => undefined,
    });
  }
}
