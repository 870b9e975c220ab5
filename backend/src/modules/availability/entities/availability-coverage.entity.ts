import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * Open time per childminder, week and weekday, kept from the availability blocks (care-coverage.ts,
 * `coverageRows`) so that the search by days and times is a SQL condition. Rewritten for a
 * childminder in the same transaction as every change to her blocks, and rolled forward daily.
 * The primary key is the search's lookup: childminder, week, weekday, then the minutes.
 */
@Entity('availability_coverage')
// The daily roll-forward drops the weeks that have gone by.
@Index('IDX_availability_coverage_week', ['weekStart'])
export class AvailabilityCoverage {
  /** The childminder's user id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  /** The Monday (`YYYY-MM-DD`, UK) of the week. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  weekStart: string;

  /** 0 = Monday ... 6 = Sunday. */
  @PrimaryColumn({ type: 'smallint' })
  weekday: number;

  /** Minutes of real time since the day's UK midnight when the open stretch starts (0 if before). */
  @PrimaryColumn({ type: 'smallint' })
  openFrom: number;

  /** ... and when it ends (the day's length in minutes if it runs past midnight). */
  @PrimaryColumn({ type: 'smallint' })
  openTo: number;
}

/**
 * One row per childminder whose coverage has been computed, with the last week computed. Every
 * rewrite of her coverage first writes this row (a row lock), so that two rewrites for one
 * childminder (her edit and a calendar sync) take turns instead of one overwriting the other's
 * newer answer with an older one.
 */
@Entity('availability_coverage_stamps')
export class AvailabilityCoverageStamp {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  /** The last week (its Monday) the coverage rows reach: the daily job extends those behind. */
  @Column({ type: 'varchar', length: 10 })
  throughWeek: string;
}
