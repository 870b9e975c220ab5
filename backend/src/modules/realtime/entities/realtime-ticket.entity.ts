import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/**
 * A short-lived, single-use ticket that opens one SSE stream (EventSource cannot send an
 * Authorization header). Only its SHA-256 is stored; kept in the database so a ticket issued by
 * one instance opens a stream on another.
 */
@Entity('realtime_tickets')
@Index('IDX_realtime_tickets_expires', ['expiresAt'])
export class RealtimeTicket extends UuidEntity {
  @Index('UQ_realtime_tickets_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}
