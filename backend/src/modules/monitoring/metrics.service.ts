import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { bearerMatchesSecret } from '@app/common/auth/cron-secret';
import { AppConfig } from '@app/config/app-config';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { PresenceService } from '@app/modules/realtime/presence.service';
import { LATENCY_BUCKETS_MS } from './entities/request-stat.entity';

export const METRICS_PATH = '/metrics';
/** Requests that matched no route share one label, so unknown URLs cannot grow the label set. */
export const UNMATCHED_ROUTE = 'unmatched';

/** What the pool of a mysql2 connection pool exposes (not typed by TypeORM). */
interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The process's Prometheus metrics. The per-request cost is one histogram observation (plus one
 * counter increment for a 5xx), done in Fastify's onResponse hook; everything else is read when
 * `/metrics` is scraped.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS_MS.map((ms) => ms / 1000),
    registers: [this.registry],
  });
  private readonly requestErrors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP requests answered with a 5xx status, by route template and method',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly outbox: EmailOutboxService,
    private readonly presence: PresenceService,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    this.defineGauges();
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      const status = reply.statusCode;
      this.requestDuration.observe({ method: request.method, route, status_code: status }, reply.elapsedTime / 1000);
      if (status >= 500) this.requestErrors.inc({ method: request.method, route });
      done();
    });
    fastify.get(METRICS_PATH, { logLevel: 'warn' }, (request, reply) => this.scrape(request, reply));
  }

  /** `/metrics`: from an allowed address or with the bearer token only. */
  private async scrape(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
    const fromAllowedAddress = this.config.metrics.allowFrom.includes(request.ip.replace(/^::ffff:/, ''));
    if (!fromAllowedAddress && !bearerMatchesSecret(request.headers.authorization, this.config.metrics.token)) {
      await reply.status(401).header('www-authenticate', 'Bearer').send({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        message: 'Metrics need METRICS_TOKEN as a bearer token, or a request from a METRICS_ALLOW_FROM address',
        requestId: request.id,
      });
      return;
    }
    await reply.header('content-type', this.registry.contentType).send(await this.registry.metrics());
  }

  private defineGauges(): void {
    const registers = [this.registry];
    const dataSource = this.dataSource;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database connections by state (MySQL/MariaDB pool; SQLite has one connection)',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const pool = (dataSource.driver as unknown as { pool?: PoolInternals }).pool;
        if (!pool) {
          this.set({ state: 'open' }, dataSource.isInitialized ? 1 : 0);
          return;
        }
        const all = pool._allConnections?.length ?? 0;
        const free = pool._freeConnections?.length ?? 0;
        this.set({ state: 'open' }, all);
        this.set({ state: 'idle' }, free);
        this.set({ state: 'in_use' }, all - free);
        this.set({ state: 'waiting' }, pool._connectionQueue?.length ?? 0);
      },
    });
    const presence = this.presence;
    new Gauge({
      name: 'realtime_connected_users',
      help: 'Users with an open SSE stream or socket.io connection on this instance',
      registers,
      collect() {
        this.set(presence.localUserCount);
      },
    });
    new Gauge({
      name: 'realtime_open_connections',
      help: 'Open SSE streams and signed-in socket.io connections on this instance, by transport',
      labelNames: ['transport'] as const,
      registers,
      collect() {
        this.set({ transport: 'sse' }, presence.openConnections('sse'));
        this.set({ transport: 'socketio' }, presence.openConnections('socketio'));
      },
    });
    const jobs = this.jobs;
    new Gauge({
      name: 'job_runs_last_day',
      help: 'Scheduled job runs started in the last 24 hours across the cluster, by outcome',
      labelNames: ['outcome'] as const,
      registers,
      async collect() {
        for (const [outcome, count] of Object.entries(await jobs.countRunsSince(new Date(Date.now() - 86_400_000)))) {
          this.set({ outcome }, count);
        }
      },
    });
    const outbox = this.outbox;
    new Gauge({
      name: 'email_outbox_messages',
      help: 'Emails in the outbox by status (pending is the backlog; dead gave up)',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        for (const [status, count] of Object.entries(await outbox.countByStatus())) this.set({ status }, count);
      },
    });
  }
}
