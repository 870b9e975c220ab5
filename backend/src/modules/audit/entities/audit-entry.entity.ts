import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { UuidEntity } from '@app/database/uuid-entity';

/**
 * Who did what to whose data, and when: every admin read of private data (children,
 * messages, documents) and every admin action. Never updated or deleted by the product.
 */
@Entity('audit_log')
@Index('IDX_audit_log_actor_created', ['actorId', 'createdAt'])
@Index('IDX_audit_log_subject', ['subjectType', 'subjectId'])
export class AuditEntry extends UuidEntity {
  /** The user's id, or the name of a system caller (`cron-secret`). */
  @Column({ type: 'varchar', length: 36 })
  actorId: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 50 })
  subjectType: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectId: string | null;

  /** The user whose data was touched, when there is one. */
  @Index('IDX_audit_log_owner')
  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  metadata: FlatJson | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
