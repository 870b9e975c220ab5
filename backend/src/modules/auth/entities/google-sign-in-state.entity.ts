import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/**
 * A "Sign in with Google" in progress: the OAuth state handed to Google (stored as its SHA-256),
 * usable once and shortly, and the OpenID Connect nonce the ID token must carry back.
 */
@Entity('google_sign_in_states')
export class GoogleSignInState extends UuidEntity {
  @Index('UQ_google_sign_in_states_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ type: 'varchar', length: 64 })
  nonce: string;

  @Index('IDX_google_sign_in_states_expires')
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
