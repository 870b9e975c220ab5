import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A verified Google account waiting for one more step, behind a single-use token (stored as its
 * SHA-256): a new person choosing parent or childminder (`userId` null), or the owner of the
 * existing account with that address proving it with its password before the link is made.
 */
@Entity('google_pending_sign_ins')
export class GooglePendingSignIn extends UuidEntity {
  @Index('UQ_google_pending_sign_ins_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 255 })
  googleSub: string;

  @Column({ type: 'varchar', length: 254 })
  googleEmail: string;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  /** The existing account to link; null: a new account. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index('IDX_google_pending_sign_ins_expires')
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
