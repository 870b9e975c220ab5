import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { Role } from '@app/common/auth/role';
import { DIGEST_DELAY_MS, MessageDigestJob } from '@app/modules/messaging/message-digest.job';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { SseClient } from '../realtime/sse-client';

jest.setTimeout(60_000);

const PARENT = '/api/dashboard/parent/messages';
const MINDER = '/api/dashboard/childminder/messages';
const MINUTE = 60_000;

describe('Messages notify the recipient: a bell entry at once, one email digest when left unread', () => {
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
    for (const s of sockets.splice(0)) s.disconnect();
    for (const c of streams.splice(0)) c.close();
  });
  afterAll(() => api.close());

  const plusParent = (options: { firstName?: string; lastName?: string } = {}) =>
    api.given.signedIn(Role.Parent, { ...options, plan: PlanKey.ParentPlus });
  const send = async (base: string, who: SignedInUser, body: object) => {
    const response = await api.http().post(`${base}/send`).set(who.auth).send(body);
    expect(response.status).toBe(201);
    return response.body.message as { conversationId: string; createdAt: string };
  };
  /** Runs the digest job as if the clock read `minutesLater` minutes after now. */
  const runDigestAt = (minutesLater: number) =>
    api.app.get(MessageDigestJob).runNow(new Date(Date.now() + minutesLater * MINUTE));
  const digestsTo = async (who: SignedInUser) =>
    (await api.outbox.to(who.email)).filter((email) => email.template === 'message-digest');
  const turnOff = (who: SignedInUser, channel: 'email' | 'inApp') =>
    api
      .http()
      .patch('/api/user/notification-preferences')
      .set(who.auth)
      .send({ preferences: [{ type: 'messages', [channel]: false }] })
      .expect(200);

  it('the recipient gets a bell entry for each message, live and in the feed, linking to the conversation', async () => {
    const parent = await plusParent({ firstName: 'Amira', lastName: 'Khan' });
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Sarah', lastName: 'Jones' });
    const ticket = await api.http().post('/api/messages/sse/ticket').set(minder.auth);
    const stream = await SseClient.open(`${base}/api/messages/sse?ticket=${ticket.body.ticket as string}`);
    streams.push(stream);
    await stream.waitForComment('ready');

    const message = await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello Sarah,\n  any space?' });

    const live = await stream.waitFor((events) => events.some((e) => e.event === 'notification.created'));
    const event = live.find((e) => e.event === 'notification.created')!;
    const expectedLink = `/childminder/messages?to=${parent.user.id}&name=Amira+Khan`;
    expect(JSON.parse(event.data)).toMatchObject({
      type: 'notification.created',
      data: {
        unreadCount: 1,
        notification: { type: 'message', title: 'New message from Amira Khan', body: 'Hello Sarah, any space?' },
      },
    });
    const feed = await api.http().get('/api/notifications').set(minder.auth);
    expect(feed.body).toMatchObject({
      total: 1,
      unreadCount: 1,
      items: [{ type: 'message', title: 'New message from Amira Khan', link: expectedLink, readAt: null }],
    });
    // The sender's own feed stays empty; the reply notifies the parent, linking to her side.
    expect((await api.http().get('/api/notifications').set(parent.auth)).body.total).toBe(0);
    await send(MINDER, minder, { conversationId: message.conversationId, text: 'Yes, Tuesdays.' });
    expect((await api.http().get('/api/notifications').set(parent.auth)).body.items).toEqual([
      expect.objectContaining({
        title: 'New message from Sarah Jones',
        body: 'Yes, Tuesdays.',
        link: `/parent/messages?to=${minder.user.id}&name=Sarah+Jones`,
      }),
    ]);
  });

  it('opening the conversation clears its bell entries, live on every tab, and leaves other entries alone', async () => {
    const amira = await plusParent({ firstName: 'Amira' });
    const ben = await plusParent({ firstName: 'Ben', lastName: 'Cole' });
    const minder = await api.given.signedIn(Role.Childminder);
    const fromAmira = await send(PARENT, amira, { recipientId: minder.user.id, text: 'Hello' });
    await send(PARENT, amira, { conversationId: fromAmira.conversationId, text: 'Any space on Fridays?' });
    await send(PARENT, ben, { recipientId: minder.user.id, text: 'Hi from Ben' });
    expect((await api.http().get('/api/notifications').set(minder.auth)).body.unreadCount).toBe(3);

    // Another tab of hers is listening.
    const ticket = await api.http().post('/api/messages/sse/ticket').set(minder.auth);
    const stream = await SseClient.open(`${base}/api/messages/sse?ticket=${ticket.body.ticket as string}`);
    streams.push(stream);
    await stream.waitForComment('ready');

    await api
      .http()
      .get(`${MINDER}/conversation`)
      .query({ conversationId: fromAmira.conversationId })
      .set(minder.auth)
      .expect(200);

    const feed = await api.http().get('/api/notifications').set(minder.auth);
    expect(feed.body.unreadCount).toBe(1);
    const items = feed.body.items as { title: string; readAt: string | null; id: string }[];
    expect(items.filter((n) => n.readAt === null).map((n) => n.title)).toEqual(['New message from Ben Cole']);
    const live = await stream.waitFor((events) => events.some((e) => e.event === 'notifications.read'));
    const read = JSON.parse(live.find((e) => e.event === 'notifications.read')!.data) as {
      data: { notificationIds: string[]; all: boolean; unreadCount: number };
    };
    expect(read.data).toMatchObject({ all: false, unreadCount: 1 });
    expect(read.data.notificationIds.sort()).toEqual(
      items
        .filter((n) => n.readAt !== null)
        .map((n) => n.id)
        .sort(),
    );

    // Opening it again changes nothing and announces nothing.
    await api
      .http()
      .get(`${MINDER}/conversation`)
      .query({ conversationId: fromAmira.conversationId })
      .set(minder.auth)
      .expect(200);
    expect((await api.http().get('/api/notifications').set(minder.auth)).body.unreadCount).toBe(1);
  });

  it('no bell entry when the recipient turned in-app message notifications off', async () => {
    const parent = await plusParent();
    const minder = await api.given.signedIn(Role.Childminder);
    await turnOff(minder, 'inApp');
    await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello' });
    expect((await api.http().get('/api/notifications').set(minder.auth)).body).toMatchObject({
      total: 0,
      unreadCount: 0,
    });
  });

  it('an offline recipient gets ONE email for several unread messages, 10 minutes on, and not twice', async () => {
    const parent = await plusParent({ firstName: 'Amira', lastName: 'Khan' });
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Sarah' });
    const first = await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello Sarah' });
    const conversationId = first.conversationId;
    await send(PARENT, parent, { conversationId, text: 'Do you have space on Tuesdays?' });
    await send(PARENT, parent, { conversationId, text: 'For our two-year-old, from January.' });

    expect(DIGEST_DELAY_MS).toBe(10 * MINUTE);
    await runDigestAt(9);
    expect(await digestsTo(minder)).toHaveLength(0);

    const run = await runDigestAt(11);
    expect(run.emailed).toBeGreaterThanOrEqual(1);
    const digests = await digestsTo(minder);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      userId: minder.user.id,
      subject: 'Amira Khan sent you 3 messages',
      status: 'pending',
    });
    expect(digests[0]!.text).toContain('“Hello Sarah”');
    expect(digests[0]!.text).toContain('“For our two-year-old, from January.”');
    expect(digests[0]!.text).toContain(
      `http://localhost:4200/childminder/messages?to=${parent.user.id}&name=Amira+Khan`,
    );

    // The same unread messages are never emailed again.
    await runDigestAt(12);
    await runDigestAt(45);
    expect(await digestsTo(minder)).toHaveLength(1);
    // The sender is not emailed about their own messages.
    expect(await digestsTo(parent)).toHaveLength(0);

    // A later message starts its own ten minutes and its own email, about it alone.
    await send(PARENT, parent, { conversationId, text: 'Also, do you do school pick-ups?' });
    await runDigestAt(5);
    expect(await digestsTo(minder)).toHaveLength(1);
    await runDigestAt(11);
    const again = await digestsTo(minder);
    expect(again).toHaveLength(2);
    expect(again[1]!.subject).toBe('Amira Khan sent you a message');
    expect(again[1]!.text).toContain('“Also, do you do school pick-ups?”');
    expect(again[1]!.text).not.toContain('“Hello Sarah”');
  });

  it('no email when the recipient read the messages, or turned message emails off', async () => {
    const parent = await plusParent();
    const reader = await api.given.signedIn(Role.Childminder);
    const optedOut = await api.given.signedIn(Role.Childminder);
    await turnOff(optedOut, 'email');

    const toReader = await send(PARENT, parent, { recipientId: reader.user.id, text: 'Hello reader' });
    await send(PARENT, parent, { conversationId: toReader.conversationId, text: 'Are you there?' });
    const opened = await api
      .http()
      .get(`${MINDER}/conversation`)
      .query({ conversationId: toReader.conversationId })
      .set(reader.auth);
    expect(opened.status).toBe(200);
    await send(PARENT, parent, { recipientId: optedOut.user.id, text: 'Hello opted out' });

    await runDigestAt(11);
    await runDigestAt(30);
    expect(await digestsTo(reader)).toHaveLength(0);
    expect(await digestsTo(optedOut)).toHaveLength(0);
    // Both still see their messages in the app (the bell entry respects the in-app choice only).
    expect((await api.http().get('/api/notifications').set(optedOut.auth)).body.unreadCount).toBe(1);

    // Turning emails back on does not send a late email about messages already passed over.
    await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(optedOut.auth)
      .send({ preferences: [{ type: 'messages', email: true }] })
      .expect(200);
    await runDigestAt(40);
    expect(await digestsTo(optedOut)).toHaveLength(0);
  });

  it('a recipient who is online (socket.io connected) is not emailed while connected', async () => {
    const parent = await plusParent();
    const minder = await api.given.signedIn(Role.Childminder);
    const socket = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: minder.accessToken },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('ready', () => resolve());
      socket.on('disconnect', (reason) => reject(new Error(reason)));
    });
    await send(PARENT, parent, { recipientId: minder.user.id, text: 'Are you online?' });

    const run = await runDigestAt(11);
    expect(run.deferredOnline).toBeGreaterThanOrEqual(1);
    expect(await digestsTo(minder)).toHaveLength(0);
  });
});
