import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/** The Stripe customer of a user: created at their first checkout and reused after. */
@Entity('billing_customers')
@Index('UQ_billing_customers_user', ['userId'], { unique: true })
@Index('UQ_billing_customers_stripe', ['stripeCustomerId'], { unique: true })
export class BillingCustomer extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 255 })
  stripeCustomerId: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
