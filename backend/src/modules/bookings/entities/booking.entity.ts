import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { User } from '@app/modules/users/entities/user.entity';
import { BookingChild } from './booking-child.entity';
import { BookingSession } from './booking-session.entity';

export enum BookingStatus {
  Pending = 'pending',
  Confirmed = 'confirmed',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
  Expired = 'expired',
  Completed = 'completed',
}

/** Statuses that hold a child's time (no double booking) and that can still change. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = [BookingStatus.Pending, BookingStatus.Confirmed];

/**
 * A parent's request for care with one childminder: one session, or the same session weekly for
 * `weeks` weeks (its sessions are rows of booking_sessions). Times are UTC instants.
 */
@Entity('bookings')
@Index('IDX_bookings_parent_start', ['parentId', 'startsAt'])
@Index('IDX_bookings_childminder_status_start', ['childminderId', 'status', 'startsAt'])
// The lifecycle job: pending requests by age, confirmed bookings by start (reminders) and end (completion).
@Index('IDX_bookings_status_created', ['status', 'createdAt'])
@Index('IDX_bookings_status_start', ['status', 'startsAt'])
@Index('IDX_bookings_status_end', ['status', 'endsAt'])
export class Booking extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: User;

  /** The childminder's user id: what dashboards and access checks use. */
  @Column({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  /** The childminder's profile: the row locked while capacity is checked. */
  @Column({ type: 'varchar', length: 36 })
  profileId: string;

  @ManyToOne(() => ChildminderProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profileId' })
  profile?: ChildminderProfile;

  @Column({ type: 'varchar', length: 20 })
  status: BookingStatus;

  /** Start of the first session. */
  @Column({ type: 'datetime' })
  startsAt: Date;

  /** End of the last session. */
  @Column({ type: 'datetime' })
  endsAt: Date;

  /** 1 for a single session; otherwise the number of weekly sessions. */
  @Column({ type: 'int', default: 1 })
  weeks: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The rate when the request was made, so a later change of rate does not change the estimate. */
  @Column({ type: 'int' })
  hourlyRatePence: number;

  /** hourlyRatePence x hours x children, rounded to the penny. */
  @Column({ type: 'int' })
  priceEstimatePence: number;

  /** Why it was rejected or cancelled. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** Who cancelled: parent, childminder or admin. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  cancelledBy: string | null;

  /** When the status last changed away from pending/confirmed (or was confirmed). */
  @Column({ type: 'datetime', nullable: true })
  statusChangedAt: Date | null;

  /** Set when the 24-hour reminder was queued, so it goes once. */
  @Column({ type: 'datetime', nullable: true })
  reminderSentAt: Date | null;

  @OneToMany(() => BookingSession, (session) => session.booking)
  sessions?: BookingSession[];

  @OneToMany(() => BookingChild, (child) => child.booking)
  children?: BookingChild[];

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
