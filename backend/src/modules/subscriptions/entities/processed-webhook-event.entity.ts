import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/**
 * A Stripe event that has been applied. Inserted in the same transaction as its effect, so an
 * event is applied at most once however often Stripe delivers it.
 */
@Entity('processed_webhook_events')
@Index('UQ_processed_webhook_events_event', ['eventId'], { unique: true })
@Index('IDX_processed_webhook_events_received', ['receivedAt'])
export class ProcessedWebhookEvent extends UuidEntity {
  @Column({ type: 'varchar', length: 255 })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  @CreateDateColumn({ type: 'datetime' })
  receivedAt: Date;
}
