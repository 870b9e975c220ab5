import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { User } from '@app/modules/users/entities/user.entity';

/** A childminder's last-minute opening: free places for a time range on one UK day. */
@Entity('last_minute_openings')
// "My current openings" and the Listed plan's count of them.
@Index('IDX_last_minute_openings_minder_ends', ['childminderId', 'endsAt'])
// Parents' "current openings", soonest first.
@Index('IDX_last_minute_openings_ends', ['endsAt'])
export class LastMinuteOpening extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  @Column({ type: 'varchar', length: 36 })
  profileId: string;

  @ManyToOne(() => ChildminderProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profileId' })
  profile?: ChildminderProfile;

  /** The start, an instant (UTC), from a UK local date and time. */
  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  /** 1-6 free places. */
  @Column({ type: 'int' })
  places: number;

  @Column({ type: 'simple-json' })
  ageGroups: AgeGroup[];

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
