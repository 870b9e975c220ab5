import { Injectable } from '@nestjs/common';
import { MonitoringInstance } from './entities/monitoring-instance.entity';
import {
  InstanceResponse,
  MinutePointResponse,
  MonitoringResponse,
  RouteStatsResponse,
  WindowStatsResponse,
} from './dto/monitoring.response';
import { quantileFromBuckets } from './latency';
import { RequestStatsRecorder } from './request-stats.recorder';
import { RequestStatsRepository, RouteTraffic } from './request-stats.repository';

const WINDOWS = [
  { window: 'minute', ms: 60_000 },
  { window: 'hour', ms: 3_600_000 },
  { window: 'day', ms: 86_400_000 },
] as const;
const LIVE_MS = 2 * 60_000;

/** `/api/admin/monitoring`: latency percentiles and error rates per route, merged over every instance. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly recorder: RequestStatsRecorder,
    private readonly stats: RequestStatsRepository,
  ) {}

  async summary(now = new Date()): Promise<MonitoringResponse> {
    // This instance's latest traffic first, so the answer includes the requests just made.
    await this.recorder.flush(now);
    const minuteStart = (at: number) => new Date(Math.floor(at / 60_000) * 60_000);
    const windows: WindowStatsResponse[] = [];
    for (const { window, ms } of WINDOWS) {
      // Rows are per started minute: "the last minute" is the current minute and the one before.
      const since = minuteStart(now.getTime() - ms);
      const routes = await this.stats.trafficSince(since);
      windows.push({
        window,
        since: since.toISOString(),
        total: toRouteStats(sumTraffic(routes)),
        routes: routes.map(toRouteStats).sort((a, b) => b.requests - a.requests),
      });
    }
    const lastHour: MinutePointResponse[] = (
      await this.stats.perMinuteSince(minuteStart(now.getTime() - 3_600_000))
    ).map((point) => ({
      minute: point.minute.toISOString(),
      requests: point.count,
      errors: point.errors,
      p95: quantileFromBuckets(point.buckets, 0.95),
    }));
    const instances = (await this.stats.instancesSeenSince(new Date(now.getTime() - 86_400_000))).map((instance) =>
      this.toInstance(instance, now),
    );
    const memory = process.memoryUsage();
    return {
      generatedAt: now.toISOString(),
      windows,
      lastHour,
      instances,
      process: {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        uptimeSeconds: Math.round(process.uptime()),
      },
    };
  }

  private toInstance(instance: MonitoringInstance, now: Date): InstanceResponse {
    return {
      id: instance.id,
      hostname: instance.hostname,
      pid: instance.pid,
      startedAt: instance.startedAt.toISOString(),
      lastSeenAt: instance.lastSeenAt.toISOString(),
      uptimeSeconds: Math.max(0, Math.round((instance.lastSeenAt.getTime() - instance.startedAt.getTime()) / 1000)),
      live: now.getTime() - instance.lastSeenAt.getTime() <= LIVE_MS,
      current: instance.id === this.recorder.instanceId,
    };
  }
}

function sumTraffic(routes: RouteTraffic[]): RouteTraffic {
  return routes.reduce<RouteTraffic>(
    (sum, route) => ({
      method: '*',
      route: '*',
      count: sum.count + route.count,
      errors: sum.errors + route.errors,
      totalMs: sum.totalMs + route.totalMs,
      buckets: sum.buckets.map((n, i) => n + (route.buckets[i] ?? 0)),
    }),
    { method: '*', route: '*', count: 0, errors: 0, totalMs: 0, buckets: new Array<number>(12).fill(0) },
  );
}

export function toRouteStats(traffic: RouteTraffic): RouteStatsResponse {
  return {
    method: traffic.method,
    route: traffic.route,
    requests: traffic.count,
    errors: traffic.errors,
    errorRate: traffic.count ? Math.round((traffic.errors / traffic.count) * 10_000) / 10_000 : 0,
    p50: quantileFromBuckets(traffic.buckets, 0.5),
    p95: quantileFromBuckets(traffic.buckets, 0.95),
    p99: quantileFromBuckets(traffic.buckets, 0.99),
    meanMs: traffic.count ? Math.round((traffic.totalMs / traffic.count) * 10) / 10 : null,
  };
}
