import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { AuthSession } from './auth-session.entity';

/** A refresh token, stored as its SHA-256 only. Each is used once: using it issues its successor. */
@Entity('refresh_tokens')
export class RefreshToken extends UuidEntity {
  @Index('IDX_refresh_tokens_session')
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: AuthSession;

  @Index('UQ_refresh_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Set when the token was exchanged; presenting it again means it was stolen. */
  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
