import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum DocumentType {
  OfstedRegistration = 'ofsted_registration',
  DbsCertificate = 'dbs_certificate',
  FirstAidCertificate = 'first_aid_certificate',
  PublicLiabilityInsurance = 'public_liability_insurance',
  SafeguardingTraining = 'safeguarding_training',
  Other = 'other',
}

export enum DocumentStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

/**
 * A compliance document a childminder uploaded: its metadata and review state. The bytes live
 * in FileStorage under `storageKey`; only the documents service reads them, after its access
 * check.
 */
@Entity('documents')
// "My documents, newest first" and the foreign key.
@Index('IDX_documents_user_created', ['userId', 'createdAt'])
// The admin review queue: by status (and type), oldest first.
@Index('IDX_documents_status_type_created', ['status', 'type', 'createdAt'])
// "Expiring within N days".
@Index('IDX_documents_expiry', ['expiresOn'])
@Index('UQ_documents_storage_key', ['storageKey'], { unique: true })
export class Document extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  type: DocumentType;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Calendar dates `YYYY-MM-DD`; `utc: true` for the reason given on Child.dateOfBirth. */
  @Column({ type: 'date', utc: true, nullable: true })
  issuedOn: string | null;

  @Column({ type: 'date', utc: true, nullable: true })
  expiresOn: string | null;

  /** The uploader's file name, cleaned; shown and used for downloads, never as a path. */
  @Column({ type: 'varchar', length: 255 })
  originalFileName: string;

  /** Sniffed from the bytes at upload. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ type: 'varchar', length: 20, default: DocumentStatus.Pending })
  status: DocumentStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewedById' })
  reviewedBy?: User | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
