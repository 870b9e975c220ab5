import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A Google account linked to a user for "Sign in with Google": Google's stable subject id (`sub`,
 * never the email, which can change hands). One Google account per user and per Google account.
 */
@Entity('google_identities')
export class GoogleIdentity extends UuidEntity {
  @Index('UQ_google_identities_user', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index('UQ_google_identities_sub', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  googleSub: string;

  /** The Google account's address when it was linked or last used (shown to the user). */
  @Column({ type: 'varchar', length: 254 })
  googleEmail: string;

  @Column({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null;

  /**
   * Whether the account's owner knows its password: false for an account created through Google
   * (its password is random) until a password reset sets one. Unlinking Google from an account
   * whose password nobody knows would lock its owner out, so it is refused.
   */
  @Column({ type: 'boolean', default: true })
  passwordChosen: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
