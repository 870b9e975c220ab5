import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { Booking } from './booking.entity';

/** One period of care of a booking. Capacity and double-booking checks read these. */
@Entity('booking_sessions')
// "Sessions of this childminder overlapping a range": childminder, then start (end filters the rest).
@Index('IDX_booking_sessions_childminder_start', ['childminderId', 'startsAt', 'endsAt'])
@Index('IDX_booking_sessions_booking', ['bookingId', 'startsAt'])
export class BookingSession extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  bookingId: string;

  @ManyToOne(() => Booking, (booking) => booking.sessions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bookingId' })
  // Relation<>: the two entity files import each other; the wrapper keeps the decorator metadata from reading Booking too early.
  booking?: Relation<Booking>;

  /** Copied from the booking so that the overlap query needs one index. */
  @Column({ type: 'varchar', length: 36 })
  childminderId: string;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;
}
