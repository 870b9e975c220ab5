import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { Role } from '@app/common/auth/role';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { SseClient } from './sse-client';

/** Starting a conversation needs the Plus plan. */
const PLUS = { plan: PlanKey.ParentPlus };

jest.setTimeout(60_000);

const PARENT = '/api/dashboard/parent/messages';
const MINDER = '/api/dashboard/childminder/messages';

describe('Live delivery: SSE with replay, and socket.io', () => {
  let api: TestApp;
  let base: string;
  const clients: SseClient[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => api.close());

  const ticketFor = async (who: SignedInUser): Promise<string> => {
    const response = await api.http().post('/api/messages/sse/ticket').set(who.auth);
    expect(response.status).toBe(201);
    return response.body.ticket as string;
  };
  const connect = async (who: SignedInUser, extra = '', headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${base}/api/messages/sse?ticket=${await ticketFor(who)}${extra}`, headers);
    clients.push(client);
    return client;
  };
  const conversationBetween = async (parent: SignedInUser, minder: SignedInUser) => {
    const sent = await api
      .http()
      .post(`${PARENT}/send`)
      .set(parent.auth)
      .send({ recipientId: minder.user.id, text: 'Hello' });
    return sent.body.message.conversationId as string;
  };
  const payload = (event: { data: string }) =>
    JSON.parse(event.data) as { id: string; type: string; data: Record<string, unknown> };

  it('an SSE client receives message.created, with an id, within a second of the send', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    const conversationId = await conversationBetween(parent, minder);
    const stream = await connect(minder);
    expect(stream.status).toBe(200);
    await stream.waitForComment('ready');

    const sentAt = Date.now();
    await api.http().post(`${PARENT}/send`).set(parent.auth).send({ conversationId, text: 'Are you free on Monday?' });
    const [event] = await stream.waitFor((events) => events.length >= 1, 1000);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(event!.event).toBe('message.created');
    expect(event!.id).toMatch(/^\d+$/);
    expect(payload(event!)).toMatchObject({
      id: event!.id,
      type: 'message.created',
      data: { conversationId, message: { text: 'Are you free on Monday?', senderId: parent.user.id } },
    });

    // Opening the thread tells both sides it was read.
    await api.http().get(`${MINDER}/conversation`).query({ conversationId }).set(minder.auth);
    const events = await stream.waitFor((all) => all.some((e) => e.event === 'conversation.read'));
    expect(payload(events.find((e) => e.event === 'conversation.read')!).data).toMatchObject({
      conversationId,
      readerId: minder.user.id,
    });
  });

  it('a reconnecting client with Last-Event-ID receives exactly the events it missed', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    // This story counts message events: keep the bell's notification.created out of the stream.
    await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(minder.auth)
      .send({ preferences: [{ type: 'messages', inApp: false }] })
      .expect(200);
    const conversationId = await conversationBetween(parent, minder);
    const first = await connect(minder);
    await first.waitForComment('ready');
    await api.http().post(`${PARENT}/send`).set(parent.auth).send({ conversationId, text: 'one' });
    const [seen] = await first.waitFor((events) => events.length === 1);
    first.close();

    for (const text of ['two', 'three', 'four']) {
      await api.http().post(`${PARENT}/send`).set(parent.auth).send({ conversationId, text });
    }
    const resumed = await connect(minder, '', { 'last-event-id': seen!.id! });
    await resumed.waitForComment('ready');
    const replayed = await resumed.waitFor((events) => events.length >= 3);
    expect(replayed.map((e) => (payload(e).data.message as { text: string }).text)).toEqual(['two', 'three', 'four']);
    const ids = replayed.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(ids[0]).toBeGreaterThan(Number(seen!.id));

    // Live events continue after the replay, and the query parameter works like the header.
    await api.http().post(`${PARENT}/send`).set(parent.auth).send({ conversationId, text: 'five' });
    await resumed.waitFor((events) => events.length === 4);
    const byQuery = await connect(minder, `&lastEventId=${replayed[1]!.id}`);
    const fromQuery = await byQuery.waitFor((events) => events.length >= 2);
    expect(fromQuery.map((e) => (payload(e).data.message as { text: string }).text)).toEqual(['four', 'five']);
    await new Promise((r) => setTimeout(r, 200));
    expect(byQuery.events).toHaveLength(2);
  });

  it('a ticket is single-use and required; another user never receives my events', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    const stranger = await api.given.signedIn(Role.Parent);
    const ticket = await ticketFor(minder);
    const ok = await SseClient.open(`${base}/api/messages/sse?ticket=${ticket}`);
    clients.push(ok);
    expect(ok.status).toBe(200);
    const again = await api.http().get('/api/messages/sse').query({ ticket });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('SSE_TICKET_INVALID');
    expect((await api.http().get('/api/messages/sse')).status).toBe(401);
    expect((await api.http().post('/api/messages/sse/ticket')).status).toBe(401);

    const strangerStream = await connect(stranger);
    await strangerStream.waitForComment('ready');
    const conversationId = await conversationBetween(parent, minder);
    await ok.waitFor((events) => events.some((e) => e.event === 'message.created'));
    await new Promise((r) => setTimeout(r, 200));
    expect(strangerStream.events).toEqual([]);
    expect(conversationId).toBeTruthy();
  });

  it('a notification created by another module reaches the bell live and is listed, then read', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const stream = await connect(parent);
    await stream.waitForComment('ready');
    const created = await api.app.get(NotificationsFeedService).notify(parent.user.id, {
      type: 'booking',
      title: 'Booking confirmed',
      body: 'Sarah confirmed Monday',
      link: '/parent/bookings',
    });
    const [event] = await stream.waitFor((events) => events.length === 1);
    expect(payload(event!)).toMatchObject({
      type: 'notification.created',
      data: { notification: { id: created.id, title: 'Booking confirmed' }, unreadCount: 1 },
    });

    const list = await api.http().get('/api/notifications').set(parent.auth);
    expect(list.body).toMatchObject({
      total: 1,
      unreadCount: 1,
      items: [{ id: created.id, readAt: null, link: '/parent/bookings' }],
    });
    const other = await api.given.signedIn(Role.Parent);
    expect((await api.http().post(`/api/notifications/${created.id}/read`).set(other.auth)).status).toBe(404);
    const read = await api.http().post(`/api/notifications/${created.id}/read`).set(parent.auth);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    await api.app.get(NotificationsFeedService).notify(parent.user.id, { type: 'message', title: 'Two', body: 'b' });
    expect(
      (await api.http().get('/api/notifications').query({ unreadOnly: true }).set(parent.auth)).body,
    ).toMatchObject({ total: 1, unreadCount: 1 });
    expect((await api.http().post('/api/notifications/read-all').set(parent.auth)).body).toEqual({ unreadCount: 0 });
  });

  describe('socket.io at /api/socketio', () => {
    const connectSocket = (auth?: { token: string }) => {
      const socket = io(base, {
        path: '/api/socketio',
        transports: ['websocket'],
        auth,
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      return socket;
    };

    it('disconnects a client without a valid token', async () => {
      for (const auth of [undefined, { token: 'not-a-jwt' }]) {
        const socket = connectSocket(auth);
        const outcome = await new Promise<string>((resolve) => {
          socket.on('ready', () => resolve('ready'));
          socket.on('disconnect', (reason) => resolve(`disconnect:${reason}`));
          socket.on('connect_error', (error) => resolve(`error:${error.message}`));
        });
        expect(outcome).toBe('disconnect:io server disconnect');
      }
    });

    it('delivers message.created to the authenticated user’s room', async () => {
      const parent = await api.given.signedIn(Role.Parent, PLUS);
      const minder = await api.given.signedIn(Role.Childminder);
      const socket = connectSocket({ token: minder.accessToken });
      await new Promise<void>((resolve, reject) => {
        socket.on('ready', () => resolve());
        socket.on('disconnect', (reason) => reject(new Error(reason)));
      });
      const received = new Promise<{ id: string; type: string; data: { message: { text: string } } }>((resolve) =>
        socket.on('message.created', resolve),
      );
      await api
        .http()
        .post(`${PARENT}/send`)
        .set(parent.auth)
        .send({ recipientId: minder.user.id, text: 'Over the socket' });
      const envelope = await received;
      expect(envelope).toMatchObject({
        type: 'message.created',
        id: expect.stringMatching(/^\d+$/),
        data: { message: { text: 'Over the socket' } },
      });
    });
  });
});
