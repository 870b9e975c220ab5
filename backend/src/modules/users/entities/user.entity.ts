import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { Role } from '@app/common/auth/role';

export enum UserStatus {
  Active = 'active',
  Suspended = 'suspended',
  /** Deleted at the person's or an admin's request: an anonymised shell kept for bookings and payments. */
  Erased = 'erased',
}

export enum ChatStatus {
  Available = 'available',
  Busy = 'busy',
  Offline = 'offline',
}

@Entity('users')
export class User extends UuidEntity {
  /** Stored lower-cased: the unique index makes addresses unique case-insensitively on both dialects. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Index('IDX_users_role')
  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('IDX_users_status')
  @Column({ type: 'varchar', length: 20, default: UserStatus.Active })
  status: UserStatus;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode: string | null;

  @Column({ type: 'datetime', nullable: true })
  emailVerifiedAt: Date | null;

  /** TOTP secret, encrypted with the application key (AES-256-GCM). Set at setup, kept once enabled. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  twoFactorSecretEncrypted: string | null;

  @Column({ type: 'datetime', nullable: true })
  twoFactorEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code from this step or earlier is a replay. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  twoFactorLastStep: number | null;

  /** Live chat availability; only support agents and admins have one. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  chatStatus: ChatStatus | null;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  /**
   * When the person agreed to the privacy notice at registration, and which version they saw
   * (PRIVACY_NOTICE_VERSION). Null for accounts made by admins or before consent was asked.
   */
  @Column({ type: 'datetime', nullable: true })
  privacyConsentAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  privacyNoticeVersion: string | null;

  /** `/api/profile-images/:id` of the person's current photo, shown as their avatar; null without one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  avatarUrl: string | null;

  @Index('IDX_users_created_at')
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;

  get displayName(): string {
    return `${this.firstName} ${this.lastName}`.trim();
  }

  get emailVerified(): boolean {
    return this.emailVerifiedAt !== null;
  }

  get twoFactorEnabled(): boolean {
    return this.twoFactorEnabledAt !== null;
  }
}
