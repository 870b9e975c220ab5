import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { Role } from '@app/common/auth/role';
import { RedisConnection } from '@app/common/redis/redis.module';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { describeOnMariaDbOnly, startTestApp, TestApp } from '../../support/test-app';
import { SseClient } from './sse-client';

/** Starting a conversation needs the Plus plan. */
const PLUS = { plan: PlanKey.ParentPlus };

jest.setTimeout(60_000);

const PARENT = '/api/dashboard/parent/messages';

async function listening(api: TestApp): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
}

async function sseFor(api: TestApp, base: string, who: SignedInUser): Promise<SseClient> {
  const ticket = (await api.http().post('/api/messages/sse/ticket').set(who.auth)).body.ticket as string;
  const client = await SseClient.open(`${base}/api/messages/sse?ticket=${ticket}`);
  expect(client.status).toBe(200);
  await client.waitForComment('ready');
  return client;
}

const textOf = (event: { data: string }) =>
  (JSON.parse(event.data) as { data: { message: { text: string } } }).data.message.text;

describeOnMariaDbOnly(
  'several instances share one server database; the embedded SQLite file serves a single instance (DESIGN, Runtime)',
)('Fan-out across instances through Redis', () => {
  let one: TestApp;
  let two: TestApp;
  let baseTwo: string;
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    // Two instances of one cluster share their secrets (each test app would otherwise generate its own).
    const shared = { JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    one = await startTestApp(shared);
    two = await startTestApp(shared);
    await listening(one);
    baseTwo = await listening(two);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await Promise.all([one.close(), two.close()]);
  });

  it('a message sent through instance 1 reaches an SSE client and a socket.io client on instance 2', async () => {
    const parent = await one.given.signedIn(Role.Parent, PLUS);
    const minder = await one.given.signedIn(Role.Childminder);
    const minderOnTwo = { ...minder, ...(await two.given.login(minder.email, minder.password)) };
    const sse = await sseFor(two, baseTwo, minderOnTwo);
    open.push(sse);
    const socket: Socket = io(baseTwo, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: minderOnTwo.accessToken },
      reconnection: false,
    });
    open.push({ close: () => socket.disconnect() });
    await new Promise<void>((resolve) => socket.on('ready', () => resolve()));
    const overSocket = new Promise<string>((resolve) =>
      socket.on('message.created', (e: { data: { message: { text: string } } }) => resolve(e.data.message.text)),
    );

    const sent = await one
      .http()
      .post(`${PARENT}/send`)
      .set(parent.auth)
      .send({ recipientId: minder.user.id, text: 'Across instances' });
    expect(sent.status).toBe(201);
    const [event] = await sse.waitFor((events) => events.length >= 1, 2000);
    expect(textOf(event!)).toBe('Across instances');
    expect(await overSocket).toBe('Across instances');
    // Delivered once, not once per path (with the bell's notification.created after it). A second
    // message is the barrier: once it has come through, so would any copy of the first.
    const barrier = await one
      .http()
      .post(`${PARENT}/send`)
      .set(parent.auth)
      .send({ recipientId: minder.user.id, text: 'Barrier' });
    expect(barrier.status).toBe(201);
    await sse.waitFor((events) => events.some((e) => e.event === 'message.created' && textOf(e) === 'Barrier'), 2000);
    const messages = sse.events.filter((e) => e.event === 'message.created').map(textOf);
    expect(messages).toEqual(['Across instances', 'Barrier']);
    expect(sse.events.slice(0, 2).map((e) => e.event)).toEqual(['message.created', 'notification.created']);
  });
});

describe('Without a working Redis, an instance keeps serving its own clients', () => {
  it.each([
    ['Redis configured but unreachable', { REDIS_URL: 'redis://127.0.0.1:6399/0' }],
    ['no Redis configured', { REDIS_URL: undefined as unknown as string }],
  ])('%s: SSE still delivers in-process and nothing crashes', async (_label, env) => {
    const api = await startTestApp(env);
    try {
      const base = await listening(api);
      const parent = await api.given.signedIn(Role.Parent, PLUS);
      const minder = await api.given.signedIn(Role.Childminder);
      const sse = await sseFor(api, base, minder);
      const socket: Socket = io(base, {
        path: '/api/socketio',
        transports: ['websocket'],
        auth: { token: minder.accessToken },
        reconnection: false,
      });
      await new Promise<void>((resolve) => socket.on('ready', () => resolve()));
      const overSocket = new Promise<string>((resolve) =>
        socket.on('message.created', (e: { data: { message: { text: string } } }) => resolve(e.data.message.text)),
      );
      const sent = await api
        .http()
        .post(`${PARENT}/send`)
        .set(parent.auth)
        .send({ recipientId: minder.user.id, text: 'Local only' });
      expect(sent.status).toBe(201);
      const [event] = await sse.waitFor((events) => events.length >= 1, 2000);
      expect(textOf(event!)).toBe('Local only');
      expect(await overSocket).toBe('Local only');
      sse.close();
      socket.disconnect();
    } finally {
      // RedisConnection.onApplicationShutdown calls quit(), which an unreachable server never
      // answers, so ioredis would keep reconnecting and hold the test process open.
      const redis = api.app.get(RedisConnection).client;
      await api.close();
      redis?.disconnect();
    }
  });
});
