import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A pending "connect Google Calendar": the OAuth state handed to Google, bound to the user who
 * asked and usable once, shortly. Stored as its SHA-256.
 */
@Entity('calendar_oauth_states')
export class CalendarOAuthState extends UuidEntity {
  @Index('UQ_calendar_oauth_states_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** The user's role when they asked: what the connection syncs. */
  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
