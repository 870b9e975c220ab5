import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Child } from '@app/modules/children/entities/child.entity';
import { Booking } from './booking.entity';

/** A child a booking is for. */
@Entity('booking_children')
// "Active bookings of these children": double-booking checks start from the child.
@Index('IDX_booking_children_child', ['childId'])
export class BookingChild {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  bookingId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  childId: string;

  @ManyToOne(() => Booking, (booking) => booking.children, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bookingId' })
  // Relation<>: the two entity files import each other; the wrapper keeps the decorator metadata from reading Booking too early.
  booking?: Relation<Booking>;

  @ManyToOne(() => Child, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childId' })
  child?: Child;
}
