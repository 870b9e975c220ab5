import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { Booking } from '@app/modules/bookings/entities/booking.entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { User } from '@app/modules/users/entities/user.entity';

/** A parent's review of a completed booking (one per booking), and the childminder's one reply. */
@Entity('reviews')
@Index('UQ_reviews_booking', ['bookingId'], { unique: true })
// The profile's reviews page, newest first.
@Index('IDX_reviews_profile_created', ['profileId', 'createdAt'])
export class Review extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  bookingId: string;

  @ManyToOne(() => Booking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bookingId' })
  booking?: Booking;

  @Column({ type: 'varchar', length: 36 })
  profileId: string;

  @ManyToOne(() => ChildminderProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profileId' })
  profile?: ChildminderProfile;

  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: User;

  /** 1-5 stars. */
  @Column({ type: 'int' })
  rating: number;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  @Column({ type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
