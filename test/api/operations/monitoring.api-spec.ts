import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { Role } from '@app/common/auth/role';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually } from '../../cluster/support/processes';
import { SseClient } from '../realtime/sse-client';

jest.setTimeout(60_000);

const METRICS_TOKEN = 'metrics-token-for-the-api-story-0123456789abcdef';
/** One line of the Prometheus text format: a comment, or `name{labels} value`. */
const PROMETHEUS_LINE =
  /^(#\s(HELP|TYPE)\s[a-zA-Z_:][a-zA-Z0-9_:]*(\s.*)?|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})?\s(-?[0-9.]+(e[+-]?\d+)?|NaN|[+-]Inf)(\s-?\d+)?)$/;

describe('Monitoring, metrics and logs: what the people who run the platform see', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp({ METRICS_TOKEN });
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api?.close());

  it('monitoring reflects the traffic this story generated, per route, with percentiles and this instance', async () => {
    for (let i = 0; i < 7; i++) expect((await api.http().get('/api/system/maintenance')).status).toBe(200);
    await api.http().get(`/api/no-such-route-${randomUUID()}`);

    const response = await api.http().get('/api/admin/monitoring').set(admin.auth);
    expect(response.status).toBe(200);
    const minute = response.body.windows.find((w: { window: string }) => w.window === 'minute');
    const route = minute.routes.find(
      (r: { method: string; route: string }) => r.method === 'GET' && r.route === '/api/system/maintenance',
    );
    expect(route.requests).toBeGreaterThanOrEqual(7);
    expect(route.errors).toBe(0);
    expect(route.errorRate).toBe(0);
    expect(route.p50).toEqual(expect.any(Number));
    expect(route.p99).toBeGreaterThanOrEqual(route.p50);
    expect(minute.total.requests).toBeGreaterThanOrEqual(8);
    expect(minute.routes.some((r: { route: string }) => r.route === 'unmatched')).toBe(true);
    const hour = response.body.windows.find((w: { window: string }) => w.window === 'hour');
    expect(hour.total.requests).toBeGreaterThanOrEqual(minute.total.requests);
    expect(response.body.lastHour.at(-1).requests).toBeGreaterThan(0);
    expect(response.body.instances).toContainEqual(
      expect.objectContaining({ current: true, live: true, pid: process.pid }),
    );
  });

  it('/metrics answers Prometheus text with the token and refuses without it', async () => {
    const refused = await api.http().get('/metrics');
    expect(refused.status).toBe(401);
    expect((await api.http().get('/metrics').set('Authorization', 'Bearer wrong-token')).status).toBe(401);
    const { status, headers, text } = await api.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.filter((line) => !PROMETHEUS_LINE.test(line))).toEqual([]);
    const names = new Set(lines.filter((l) => !l.startsWith('#')).map((l) => l.split(/[{ ]/)[0]));
    for (const metric of [
      'http_request_duration_seconds_bucket',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'process_resident_memory_bytes',
      'db_pool_connections',
      'realtime_connected_users',
      'realtime_open_connections',
      'job_runs_last_day',
      'email_outbox_messages',
    ]) {
      expect(names).toContain(metric);
    }
    expect(text).toContain('route="/api/system/maintenance"');
  });

  it('/metrics counts the open SSE streams and socket.io connections, and forgets them once closed', async () => {
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const openConnections = async () => {
      const { text } = await api.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      const value = (transport: string) =>
        Number(new RegExp(`^realtime_open_connections\\{transport="${transport}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
      return { sse: value('sse'), socketio: value('socketio') };
    };
    expect(await openConnections()).toEqual({ sse: 0, socketio: 0 });

    const parent = await api.given.signedIn(Role.Parent);
    const ticket = (await api.http().post('/api/messages/sse/ticket').set(parent.auth)).body.ticket as string;
    const streams = [
      await SseClient.open(`${base}/api/messages/sse?ticket=${ticket}`),
      await SseClient.open(
        `${base}/api/messages/sse?ticket=${(await api.http().post('/api/messages/sse/ticket').set(parent.auth)).body.ticket}`,
      ),
    ];
    const socket = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: parent.accessToken },
      reconnection: false,
      forceNew: true,
    });
    const ready = new Promise<void>((resolve) => socket.once('ready', () => resolve()));
    // A socket without a valid token is refused and never counted.
    const stranger = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: 'not-a-token' },
      reconnection: false,
      forceNew: true,
    });
    const refused = new Promise<void>((resolve) => stranger.once('disconnect', () => resolve()));
    try {
      await Promise.all([...streams.map((stream) => stream.waitForComment('ready')), ready, refused]);
      expect(await openConnections()).toEqual({ sse: 2, socketio: 1 });

      streams[0]!.close();
      socket.disconnect();
      await eventually('the closed connections to leave the gauge', async () => {
        const now = await openConnections();
        return now.sse === 1 && now.socketio === 0 ? now : undefined;
      });
    } finally {
      for (const stream of streams) stream.close();
      socket.disconnect();
      stranger.disconnect();
    }
    await eventually('every connection to be gone', async () => {
      const now = await openConnections();
      return now.sse === 0 && now.socketio === 0 ? now : undefined;
    });
  });

  it('the log viewer filters warnings, errors and audit events by severity, source, user, request id, text and dates', async () => {
    const requestId = `story-${randomUUID()}`;
    const source = `LogStory${randomUUID().slice(0, 6)}`;
    new Logger(source).warn({ requestId }, 'The payment provider answered slowly');
    // Log times are kept to the millisecond: the second line must be later for "newest first" to say which.
    await new Promise((resolve) => setTimeout(resolve, 5));
    new Logger(source).error({ requestId }, 'The payment provider is down');
    await api.http().patch('/api/system/maintenance').set(admin.auth).send({ enabled: false, message: 'audited' });

    const logs = (query: Record<string, string>) => api.http().get('/api/admin/logs').query(query).set(admin.auth);

    const bySource = await logs({ source });
    expect(bySource.status).toBe(200);
    expect(bySource.body.total).toBe(2);
    expect(bySource.body.items.map((i: { severity: string }) => i.severity)).toEqual(['error', 'warn']);
    expect(bySource.body.retentionDays).toBe(30);

    const warnings = await logs({ source, severity: 'warn' });
    expect(warnings.body.items).toEqual([
      expect.objectContaining({ message: 'The payment provider answered slowly', requestId, source }),
    ]);
    expect((await logs({ requestId })).body.total).toBe(2);
    expect((await logs({ source, q: 'IS DOWN' })).body.items.map((i: { message: string }) => i.message)).toEqual([
      'The payment provider is down',
    ]);
    expect((await logs({ source, from: new Date(Date.now() + 60_000).toISOString() })).body.total).toBe(0);
    expect((await logs({ source, to: new Date(Date.now() - 3_600_000).toISOString() })).body.total).toBe(0);

    const audit = await logs({ severity: 'audit', userId: admin.user.id });
    expect(audit.body.items[0]).toMatchObject({
      source: 'maintenance',
      message: 'maintenance.disabled',
      userId: admin.user.id,
    });

    const paged = await logs({ source, pageSize: '1', page: '2' });
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items[0].severity).toBe('warn');
    expect((await logs({ severity: 'loud' })).status).toBe(400);
  });

  // Last: a second app replaces the first's sign-in strategy for the rest of the process.
  it('/metrics is open to an allowed address without a token', async () => {
    const open = await startTestApp({ METRICS_ALLOW_FROM: '127.0.0.1,::1' });
    try {
      expect((await open.http().get('/metrics')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
