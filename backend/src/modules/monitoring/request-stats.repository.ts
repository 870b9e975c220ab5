import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { MonitoringInstance } from './entities/monitoring-instance.entity';
import { BUCKET_COLUMNS, RequestStat } from './entities/request-stat.entity';

/** Traffic of one route over a window, summed over minutes and instances. */
export interface RouteTraffic {
  method: string;
  route: string;
  count: number;
  errors: number;
  totalMs: number;
  buckets: number[];
}

/** The per-minute request counters every instance writes, and the instances that wrote them. */
@Injectable()
export class RequestStatsRepository {
  constructor(
    @InjectRepository(RequestStat) private readonly stats: Repository<RequestStat>,
    @InjectRepository(MonitoringInstance) private readonly instances: Repository<MonitoringInstance>,
  ) {}

  async insert(rows: RequestStat[]): Promise<void> {
    if (rows.length > 0) await this.stats.insert(rows);
  }

  async touchInstance(instance: MonitoringInstance): Promise<void> {
    await this.instances.upsert(instance, ['id']);
  }

  /** Every route's traffic since `since` (served by IDX_request_stats_minute). */
  async trafficSince(since: Date): Promise<RouteTraffic[]> {
    const query = this.stats
      .createQueryBuilder('s')
      .select('s.method', 'method')
      .addSelect('s.route', 'route')
      .addSelect('SUM(s.count)', 'count')
      .addSelect('SUM(s.errors)', 'errors')
      .addSelect('SUM(s.totalMs)', 'totalMs')
      .where('s.minute >= :since', { since })
      .groupBy('s.method')
      .addGroupBy('s.route');
    for (const column of BUCKET_COLUMNS) query.addSelect(`SUM(s.${column})`, column);
    const rows = await query.getRawMany<Record<string, string | number>>();
    return rows.map((row) => ({
      method: String(row.method),
      route: String(row.route),
      count: Number(row.count),
      errors: Number(row.errors),
      totalMs: Number(row.totalMs),
      buckets: BUCKET_COLUMNS.map((column) => Number(row[column] ?? 0)),
    }));
  }

  /** Requests, errors and buckets per minute since `since`, all routes together. */
  async perMinuteSince(since: Date): Promise<{ minute: Date; count: number; errors: number; buckets: number[] }[]> {
    const query = this.stats
      .createQueryBuilder('s')
      .select('s.minute', 'minute')
      .addSelect('SUM(s.count)', 'count')
      .addSelect('SUM(s.errors)', 'errors')
      .where('s.minute >= :since', { since })
      .groupBy('s.minute')
      .orderBy('s.minute', 'ASC');
    for (const column of BUCKET_COLUMNS) query.addSelect(`SUM(s.${column})`, column);
    const rows = await query.getRawMany<Record<string, string | number | Date>>();
    return rows.map((row) => ({
      minute: asDate(row.minute),
      count: Number(row.count),
      errors: Number(row.errors),
      buckets: BUCKET_COLUMNS.map((column) => Number(row[column] ?? 0)),
    }));
  }

  instancesSeenSince(since: Date): Promise<MonitoringInstance[]> {
    return this.instances.find({ where: { lastSeenAt: MoreThanOrEqual(since) }, order: { startedAt: 'ASC' } });
  }

  async pruneBefore(cutoff: Date): Promise<{ stats: number; instances: number }> {
    const stats = await this.stats.delete({ minute: LessThan(cutoff) });
    const instances = await this.instances.delete({ lastSeenAt: LessThan(cutoff) });
    return { stats: stats.affected ?? 0, instances: instances.affected ?? 0 };
  }
}

/** Raw SQLite answers datetimes as text (UTC, without a zone); MySQL as Date. */
function asDate(value: string | number | Date): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
