import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { hostname } from 'node:os';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { BUCKET_COLUMNS, BucketColumn, RequestStat } from './entities/request-stat.entity';
import { decumulate } from './latency';
import { MetricsService } from './metrics.service';
import { RequestStatsRepository } from './request-stats.repository';

const FLUSH_MS = 30_000;

interface Cumulative {
  method: string;
  route: string;
  count: number;
  errors: number;
  sumSeconds: number;
  buckets: number[];
}

/**
 * Every half minute, writes what this instance served since the last write (read from the
 * Prometheus histogram, so requests pay nothing extra) as per-minute rows, and marks the instance
 * as seen. Every instance does the same, so `/api/admin/monitoring` can merge them with SUMs.
 */
@Injectable()
export class RequestStatsRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RequestStatsRecorder.name);
  private readonly startedAt = new Date();
  private previous = new Map<string, Cumulative>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly metrics: MetricsService,
    private readonly repository: RequestStatsRepository,
    private readonly jobs: JobsService,
  ) {}

  get instanceId(): string {
    return this.jobs.instanceId;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Writes the traffic since the last flush; concurrent calls wait for one another. */
  flush(now = new Date()): Promise<void> {
    this.flushing = this.flushing.then(() =>
      this.write(now).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Could not record request statistics');
      }),
    );
    return this.flushing;
  }

  private async write(now: Date): Promise<void> {
    const current = await this.snapshot();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const rows: RequestStat[] = [];
    for (const [key, totals] of current) {
      const before = this.previous.get(key);
      const count = totals.count - (before?.count ?? 0);
      if (count <= 0) continue;
      const earlier = before ? decumulate(before.buckets) : undefined;
      const buckets = decumulate(totals.buckets).map((n, i) => n - (earlier?.[i] ?? 0));
      const row = Object.assign(new RequestStat(), {
        instanceId: this.instanceId,
        minute,
        method: totals.method,
        route: totals.route.slice(0, 200),
        count,
        errors: totals.errors - (before?.errors ?? 0),
        totalMs: Math.round((totals.sumSeconds - (before?.sumSeconds ?? 0)) * 1000),
      });
      BUCKET_COLUMNS.forEach((column: BucketColumn, i) => (row[column] = buckets[i] ?? 0));
      rows.push(row);
    }
    await this.repository.insert(rows);
    this.previous = current;
    await this.repository.touchInstance({
      id: this.instanceId,
      hostname: hostname().slice(0, 255),
      pid: process.pid,
      startedAt: this.startedAt,
      lastSeenAt: now,
    });
  }

  /** The histogram's cumulative totals per method and route (status codes added together). */
  private async snapshot(): Promise<Map<string, Cumulative>> {
    const { values } = await this.metrics.requestDuration.get();
    const totals = new Map<string, Cumulative>();
    const bucketIndex = new Map<string, number>();
    const entry = (labels: Record<string, string | number | undefined>) => {
      const method = String(labels.method);
      const route = String(labels.route);
      const key = `${method} ${route}`;
      let found = totals.get(key);
      if (!found) {
        found = {
          method,
          route,
          count: 0,
          errors: 0,
          sumSeconds: 0,
          buckets: new Array<number>(BUCKET_COLUMNS.length).fill(0),
        };
        totals.set(key, found);
      }
      return found;
    };
    for (const value of values) {
      const labels = value.labels as Record<string, string | number | undefined>;
      const totalsOf = entry(labels);
      if (value.metricName?.endsWith('_bucket')) {
        const le = String(labels.le);
        if (!bucketIndex.has(le)) bucketIndex.set(le, bucketIndex.size);
        totalsOf.buckets[bucketIndex.get(le)!]! += value.value;
      } else if (value.metricName?.endsWith('_count')) {
        totalsOf.count += value.value;
        if (Number(labels.status_code) >= 500) totalsOf.errors += value.value;
      } else if (value.metricName?.endsWith('_sum')) {
        totalsOf.sumSeconds += value.value;
      }
    }
    return totals;
  }
}
