import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { Document } from '@app/modules/documents/entities/document.entity';

/** One expiry reminder, sent once: the unique key makes a second send impossible. */
@Entity('compliance_reminders_sent')
@Index('UQ_compliance_reminders_sent_document_threshold', ['documentId', 'thresholdDays'], { unique: true })
export class ComplianceReminderSent extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  document?: Document;

  @Column({ type: 'int' })
  thresholdDays: number;

  @Column({ type: 'datetime' })
  sentAt: Date;
}
