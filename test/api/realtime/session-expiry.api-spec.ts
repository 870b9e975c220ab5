import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { Role } from '@app/common/auth/role';
import { AuthSession } from '@app/modules/auth/entities/auth-session.entity';
import { SESSION_RECHECK_MS } from '@app/modules/realtime/session-watch';
import { SettingsService } from '@app/modules/settings/settings.service';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { SseClient } from './sse-client';

jest.setTimeout(60_000);

/** Polls `condition` until it holds or the deadline passes (no fixed sleeps). */
async function eventually(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Realtime: a session that ends by itself closes its live connections', () => {
  let api: TestApp;
  let base: string;
  const sockets: Socket[] = [];
  const streams: SseClient[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => api.close());

  async function openBoth(who: SignedInUser) {
    const ticket = await api.http().post('/api/messages/sse/ticket').set(who.auth);
    const stream = await SseClient.open(`${base}/api/messages/sse?ticket=${ticket.body.ticket}`);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.waitForComment('ready');
    const socket = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: who.accessToken },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('ready', () => resolve());
      socket.on('connect_error', reject);
    });
    const told: string[] = [];
    socket.on('unauthorized', (body: { message: string }) => told.push(body.message));
    return { stream, socket, told };
  }

  /** The session was last used longer ago than the idle timeout allows, or began before the lifetime. */
  async function age(who: SignedInUser, changes: Partial<AuthSession>) {
    const sessions = api.dataSource.getRepository(AuthSession);
    const [session] = await sessions.find({ where: { userId: who.user.id } });
    await sessions.update(session!.id, changes);
  }

  it('idle past the timeout: the stream and the socket close, the session is ended; another user stays connected', async () => {
    const minutes = await api.app.get(SettingsService).get('session.idleTimeoutMinutes');
    const idle = await api.given.signedIn(Role.Parent);
    const busy = await api.given.signedIn(Role.Parent);
    const idleLive = await openBoth(idle);
    const busyLive = await openBoth(busy);

    await age(idle, { lastUsedAt: new Date(Date.now() - (minutes + 1) * 60_000) });

    await eventually(
      () => idleLive.stream.ended && idleLive.socket.disconnected,
      SESSION_RECHECK_MS * 3,
      'the idle session’s connections to close',
    );
    expect(idleLive.told).toEqual(['Your session has ended: sign in again']);
    expect(busyLive.stream.ended).toBe(false);
    expect(busyLive.socket.connected).toBe(true);
    // Ended for good: its access and refresh tokens are refused too.
    expect((await api.http().get('/api/users/me').set(idle.auth)).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').set('Cookie', idle.refreshCookie)).status).toBe(401);
    expect((await api.http().get('/api/users/me').set(busy.auth)).status).toBe(200);
  });

  it('past the absolute lifetime: the same', async () => {
    const days = await api.app.get(SettingsService).get('session.absoluteLifetimeDays');
    const old = await api.given.signedIn(Role.Childminder);
    const live = await openBoth(old);

    await age(old, { createdAt: new Date(Date.now() - (days + 1) * 24 * 3600_000) });

    await eventually(
      () => live.stream.ended && live.socket.disconnected,
      SESSION_RECHECK_MS * 3,
      'the outlived session’s connections to close',
    );
    expect((await api.http().get('/api/users/me').set(old.auth)).status).toBe(401);
  });
});
