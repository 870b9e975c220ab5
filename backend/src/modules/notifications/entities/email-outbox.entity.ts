import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

export enum OutboxStatus {
  Pending = 'pending',
  Sent = 'sent',
  Dead = 'dead',
}

/**
 * An email waiting to be sent, written in the same transaction as the change that caused it.
 * The dispatcher sends due rows and retries failures with exponential backoff; nothing is lost
 * while the mail service is down.
 */
@Entity('email_outbox')
@Index('IDX_email_outbox_due', ['status', 'nextAttemptAt'])
export class EmailOutbox extends UuidEntity {
  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  toName: string | null;

  @Index('IDX_email_outbox_user')
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10, default: OutboxStatus.Pending })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
