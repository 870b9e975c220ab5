import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

export enum PaymentStatus {
  Paid = 'paid',
  Failed = 'failed',
  PartiallyRefunded = 'partially_refunded',
  Refunded = 'refunded',
}

/** One invoice of a subscription: what was charged, whether it was paid, what was refunded. */
@Entity('payment_records')
@Index('UQ_payment_records_invoice', ['stripeInvoiceId'], { unique: true })
@Index('IDX_payment_records_user_created', ['userId', 'createdAt'])
@Index('IDX_payment_records_payment_intent', ['stripePaymentIntentId'])
@Index('IDX_payment_records_charge', ['stripeChargeId'])
export class PaymentRecord extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  stripeSubscriptionId: string | null;

  @Column({ type: 'varchar', length: 255 })
  stripeInvoiceId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  stripePaymentIntentId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  stripeChargeId: string | null;

  /** Pence charged (or attempted). */
  @Column({ type: 'int' })
  amountPence: number;

  @Column({ type: 'int', default: 0 })
  amountRefundedPence: number;

  @Column({ type: 'varchar', length: 3, default: 'gbp' })
  currency: string;

  @Column({ type: 'varchar', length: 20 })
  status: PaymentStatus;

  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
