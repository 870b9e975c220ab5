import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum AccountTokenPurpose {
  EmailVerification = 'email_verification',
  PasswordReset = 'password_reset',
}

/** A single-use emailed token (verify email, reset password), stored as its SHA-256 only. */
@Entity('account_tokens')
@Index('IDX_account_tokens_user', ['userId', 'purpose'])
export class AccountToken extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  purpose: AccountTokenPurpose;

  @Index('UQ_account_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
