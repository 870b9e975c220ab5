import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/** Upper bounds (ms) of the latency buckets; the last bucket is everything slower. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;
export const BUCKET_COLUMNS = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11'] as const;
export type BucketColumn = (typeof BUCKET_COLUMNS)[number];

/**
 * One instance's requests to one route during one minute: counts per latency bucket, so that
 * percentiles can be merged across instances and minutes with plain SUMs.
 */
@Entity('request_stats')
@Index('IDX_request_stats_minute', ['minute'])
export class RequestStat extends UuidEntity {
  @Column({ type: 'varchar', length: 100 })
  instanceId: string;

  /** The start of the minute (UTC). */
  @Column({ type: 'datetime' })
  minute: Date;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 200 })
  route: string;

  @Column({ type: 'int' })
  count: number;

  /** Answers with a 5xx status. */
  @Column({ type: 'int' })
  errors: number;

  @Column({ type: 'int' })
  totalMs: number;

  @Column({ type: 'int', default: 0 }) b0: number;
  @Column({ type: 'int', default: 0 }) b1: number;
  @Column({ type: 'int', default: 0 }) b2: number;
  @Column({ type: 'int', default: 0 }) b3: number;
  @Column({ type: 'int', default: 0 }) b4: number;
  @Column({ type: 'int', default: 0 }) b5: number;
  @Column({ type: 'int', default: 0 }) b6: number;
  @Column({ type: 'int', default: 0 }) b7: number;
  @Column({ type: 'int', default: 0 }) b8: number;
  @Column({ type: 'int', default: 0 }) b9: number;
  @Column({ type: 'int', default: 0 }) b10: number;
  @Column({ type: 'int', default: 0 }) b11: number;
}
