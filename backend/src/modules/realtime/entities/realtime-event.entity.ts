import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event delivered to one user, kept (at least 24 hours, see RealtimePruneJob) so a client
 * reconnecting with `Last-Event-ID` receives what it missed. The auto-increment id is the SSE
 * event id: it grows across the whole cluster, so "after id N" is well defined.
 */
@Entity('realtime_events')
@Index('IDX_realtime_events_user_id', ['userId', 'id'])
@Index('IDX_realtime_events_created', ['createdAt'])
export class RealtimeEventRow {
  /**
   * `int` because SQLite allows AUTOINCREMENT only on INTEGER; 2^31 events is years of traffic
   * (a later migration can widen it to BIGINT on MySQL if ever needed).
   */
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 50 })
  type: string;

  /** The event's JSON payload. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
