import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { UuidEntity } from '@app/database/uuid-entity';
import { DocumentType } from '@app/modules/documents/entities/document.entity';

/** What a role must (or may) hold: a document type, how long it is valid, and when to remind. */
@Entity('compliance_requirements')
@Index('UQ_compliance_requirements_role_type', ['role', 'documentType'], { unique: true })
export class ComplianceRequirement extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 40 })
  documentType: DocumentType;

  @Column({ type: 'boolean', default: true })
  mandatory: boolean;

  /** How long a document of this type is valid from its issue date; null = it does not expire. */
  @Column({ type: 'int', nullable: true })
  validityMonths: number | null;

  /** Days before expiry at which the owner is reminded, e.g. [30, 14, 7]. */
  @Column({ type: 'simple-json' })
  reminderDays: number[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
