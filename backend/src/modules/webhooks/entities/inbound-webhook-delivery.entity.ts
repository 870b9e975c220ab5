import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

export enum DeliveryStatus {
  Processed = 'processed',
  /** Verified and read, but about nothing held here (e.g. a URN no childminder on the platform gives). */
  Ignored = 'ignored',
  /** No handler is registered for the integration yet; kept for replay. */
  Unhandled = 'unhandled',
  Failed = 'failed',
}

/** One verified delivery to POST /api/webhook, stored before it is dispatched. */
@Entity('inbound_webhook_deliveries')
@Index('UQ_inbound_webhook_deliveries_delivery', ['integration', 'deliveryId'], { unique: true })
@Index('IDX_inbound_webhook_deliveries_received', ['receivedAt'])
export class InboundWebhookDelivery extends UuidEntity {
  @Column({ type: 'varchar', length: 40 })
  integration: string;

  @Column({ type: 'varchar', length: 200 })
  deliveryId: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  eventType: string | null;

  /** At most MAX_INBOUND_PAYLOAD_BYTES: the route refuses larger bodies. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 20 })
  status: DeliveryStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'datetime' })
  receivedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  processedAt: Date | null;
}
