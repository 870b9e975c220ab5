import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * One signed-in device: the family of refresh tokens that descend from one login.
 * Revoking it (logout, reuse detected, password reset) ends every token of the family,
 * and access tokens carry its id so they stop working too.
 */
@Entity('auth_sessions')
@Index('IDX_auth_sessions_user', ['userId', 'revokedAt'])
export class AuthSession extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
