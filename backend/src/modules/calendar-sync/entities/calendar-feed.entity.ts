import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * A user's ICS feed: the secret in its URL, found by its SHA-256 and kept sealed so that the
 * user can copy the link again. Regenerating replaces the secret (the old URL answers 404).
 */
@Entity('calendar_feeds')
export class CalendarFeed extends UuidEntity {
  @Index('UQ_calendar_feeds_user', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('UQ_calendar_feeds_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'text' })
  tokenSealed: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
