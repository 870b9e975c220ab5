import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * One entry of a user's calendar as pushed to Google: which Google event it became and what it
 * said then, so that a sync patches only what changed and never creates it twice.
 */
@Entity('calendar_event_links')
@Index('UQ_calendar_event_links_user_key', ['userId', 'entryKey'], { unique: true })
export class CalendarEventLink extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** `booking:<sessionId>` or `block:<blockId>:<date>`, as the calendar names its entries. */
  @Column({ type: 'varchar', length: 100 })
  entryKey: string;

  @Column({ type: 'varchar', length: 255 })
  calendarId: string;

  @Column({ type: 'varchar', length: 255 })
  googleEventId: string;

  /** SHA-256 of what was pushed (title, times, kind). */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** The entry's end: links of entries that have passed out of the sync window are left alone. */
  @Column({ type: 'datetime' })
  endsAt: Date;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
