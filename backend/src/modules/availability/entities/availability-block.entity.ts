import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum AvailabilityType {
  /** Time the childminder offers care: bookings must fall inside it. */
  Available = 'available',
  /** Time off (holiday, appointment): it overrides available time, and no booking may touch it. */
  Unavailable = 'unavailable',
}

/** Where a block comes from: the childminder herself, or busy time read from her Google Calendar. */
export enum AvailabilitySource {
  Own = 'own',
  /** Unavailable time copied from Google Calendar's free/busy (calendar-sync); read-only here. */
  Google = 'google',
}

/**
 * A childminder's available or unavailable time: one span, or a series when `recurrence` holds
 * an RFC 5545 RRULE, interpreted in Europe/London from the local time of `startsAt`.
 */
@Entity('availability_blocks')
// "This childminder's blocks that may overlap a range": childminder, then the first start.
@Index('IDX_availability_blocks_childminder_start', ['childminderId', 'startsAt'])
export class AvailabilityBlock extends UuidEntity {
  /** The childminder's user id. */
  @Column({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  @Column({ type: 'varchar', length: 20 })
  type: AvailabilityType;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** Imported blocks are replaced wholesale by their importer and cannot be edited here. */
  @Column({ type: 'varchar', length: 20, default: AvailabilitySource.Own })
  source: AvailabilitySource;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The first (or only) occurrence. */
  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  /** RRULE value without DTSTART (`FREQ=WEEKLY;BYDAY=MO`); null for a one-off block. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  recurrence: string | null;

  /** Local dates (`YYYY-MM-DD`) whose occurrence is skipped. */
  @Column({ type: 'simple-json' })
  exceptionDates: string[];

  /** When the last occurrence ends; null while the series repeats for ever. Lets queries skip finished blocks. */
  @Column({ type: 'datetime', nullable: true })
  lastEndsAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
