import { randomUUID } from 'node:crypto';
import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { Message } from '@app/modules/messaging/entities/message.entity';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

/** Starting a conversation needs the Plus plan. */
const PLUS = { plan: PlanKey.ParentPlus };

jest.setTimeout(60_000);

const PARENT = '/api/dashboard/parent/messages';
const MINDER = '/api/dashboard/childminder/messages';
const ADMIN = '/api/admin/messages';
const conversationPath = (id: string, action: 'block' | 'unblock') => `/api/messages/conversations/${id}/${action}`;

describe('Parents and childminders message each other', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const send = (base: string, who: SignedInUser, body: object) =>
    api.http().post(`${base}/send`).set(who.auth).send(body);
  const open = (base: string, who: SignedInUser, query: Record<string, string | number>) =>
    api.http().get(`${base}/conversation`).query(query).set(who.auth);

  it('a parent writes to a childminder, who sees it unread, opens the thread (now read) and replies', async () => {
    const parent = await api.given.signedIn(Role.Parent, { ...PLUS, firstName: 'Amira', lastName: 'Khan' });
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Sarah', lastName: 'Jones' });

    const first = await send(PARENT, parent, {
      recipientId: minder.user.id,
      text: '  Hello, do you have space on Tuesdays?  ',
    });
    expect(first.status).toBe(201);
    expect(first.body.message).toEqual({
      id: expect.any(String),
      conversationId: expect.any(String),
      senderId: parent.user.id,
      text: 'Hello, do you have space on Tuesdays?',
      createdAt: expect.stringMatching(/\.\d{3}Z$/),
    });
    const conversationId = first.body.message.conversationId as string;
    expect(first.body.conversation).toMatchObject({
      id: conversationId,
      otherParty: { id: minder.user.id, name: 'Sarah Jones', role: 'childminder' },
      unreadCount: 0,
      blocked: false,
    });
    // Writing again to the same childminder goes into the same conversation.
    const second = await send(PARENT, parent, { recipientId: minder.user.id, text: 'And Thursdays?' });
    expect(second.body.message.conversationId).toBe(conversationId);

    const inbox = await api.http().get(MINDER).set(minder.auth);
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 1, page: 1, pageSize: 20, unreadTotal: 2 });
    expect(inbox.body.items[0]).toMatchObject({
      id: conversationId,
      otherParty: { id: parent.user.id, name: 'Amira Khan', role: 'parent' },
      lastMessage: { text: 'And Thursdays?', senderId: parent.user.id },
      unreadCount: 2,
    });

    const thread = await open(MINDER, minder, { conversationId });
    expect(thread.status).toBe(200);
    expect(thread.body.items.map((m: { text: string }) => m.text)).toEqual([
      'And Thursdays?',
      'Hello, do you have space on Tuesdays?',
    ]);
    expect(thread.body.nextCursor).toBeNull();
    expect(thread.body.conversation.unreadCount).toBe(0);
    expect((await api.http().get(MINDER).set(minder.auth)).body).toMatchObject({
      unreadTotal: 0,
      items: [{ unreadCount: 0 }],
    });

    const reply = await send(MINDER, minder, { conversationId, text: 'Yes, both days from 8am.' });
    expect(reply.status).toBe(201);
    const replyByRecipient = await send(MINDER, minder, {
      recipientId: parent.user.id,
      text: 'Would you like to visit?',
    });
    expect(replyByRecipient.body.message.conversationId).toBe(conversationId);

    const parentInbox = await api.http().get(PARENT).set(parent.auth);
    expect(parentInbox.body).toMatchObject({
      total: 1,
      unreadTotal: 2,
      items: [{ id: conversationId, unreadCount: 2, lastMessage: { text: 'Would you like to visit?' } }],
    });
    const parentThread = await open(PARENT, parent, { conversationId });
    expect(parentThread.body.items.map((m: { senderId: string }) => m.senderId)).toEqual([
      minder.user.id,
      minder.user.id,
      parent.user.id,
      parent.user.id,
    ]);
    expect((await api.http().get(PARENT).set(parent.auth)).body.unreadTotal).toBe(0);
  });

  it('a long thread pages by cursor, newest first, without gaps or repeats', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    const first = await send(PARENT, parent, { recipientId: minder.user.id, text: 'message 0' });
    const conversationId = first.body.message.conversationId as string;
    for (let i = 1; i < 7; i++) {
      const sender = i % 2 ? minder : parent;
      expect((await send(i % 2 ? MINDER : PARENT, sender, { conversationId, text: `message ${i}` })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await open(PARENT, parent, { conversationId, limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m: { text: string }) => m.text));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `message ${i}`));

    const bad = await open(PARENT, parent, { conversationId, cursor: 'bm90LWEtY3Vyc29y' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MESSAGE_CURSOR_INVALID');
    expect((await open(PARENT, parent, { conversationId, limit: 101 })).status).toBe(400);
  });

  it('starting a conversation needs the Plus plan: a Free parent gets 402, upgrades, writes, and may always reply', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const minder = await api.given.signedIn(Role.Childminder);
    const refused = await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello' });
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({
      code: 'ENTITLEMENT_REQUIRED',
      message: 'This needs the Plus plan. Upgrade to Plus to unlock it.',
    });
    expect(await api.dataSource.getRepository(Message).count({ where: { senderId: parent.user.id } })).toBe(0);

    // Upgrade through the payment simulator (no Stripe key in tests), as a user would.
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    expect(checkout.body.mode).toBe('simulator');
    const paid = await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(parent.auth);
    expect(paid.status).toBe(200);
    const started = await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello' });
    expect(started.status).toBe(201);
    const conversationId = started.body.message.conversationId as string;

    // Back on the free plan, the parent still replies in the conversation that exists...
    await api.dataSource
      .getRepository(Subscription)
      .update({ userId: parent.user.id }, { status: SubscriptionStatus.Canceled });
    expect((await send(PARENT, parent, { conversationId, text: 'Still here' })).status).toBe(201);
    expect((await send(PARENT, parent, { recipientId: minder.user.id, text: 'And again' })).status).toBe(201);
    // ...but cannot start a new one.
    const another = await api.given.childminder();
    expect((await send(PARENT, parent, { recipientId: another.user.id, text: 'Hi' })).status).toBe(402);
    // Childminders reply without any paid plan.
    expect((await send(MINDER, minder, { conversationId, text: 'Welcome!' })).status).toBe(201);
  });

  it('a childminder cannot start a conversation with a parent who has not written to them', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    const cold = await send(MINDER, minder, { recipientId: parent.user.id, text: 'Hi, I have places free!' });
    expect(cold.status).toBe(403);
    expect(cold.body).toMatchObject({
      code: 'CONVERSATION_START_NOT_ALLOWED',
      message: expect.stringContaining('contacted them first'),
    });
    expect((await api.http().get(PARENT).set(parent.auth)).body.total).toBe(0);

    // A parent can only write to an active childminder.
    const otherParent = await api.given.parent();
    const toParent = await send(PARENT, parent, { recipientId: otherParent.user.id, text: 'Hello' });
    expect(toParent.status).toBe(404);
    expect(toParent.body.code).toBe('MESSAGE_RECIPIENT_NOT_FOUND');

    const both = await send(PARENT, parent, { recipientId: minder.user.id, conversationId: randomUUID(), text: 'x' });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('MESSAGE_TARGET_REQUIRED');
    const tooLong = await send(PARENT, parent, { recipientId: minder.user.id, text: 'x'.repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0].field).toBe('text');
    const blank = await send(PARENT, parent, { recipientId: minder.user.id, text: '   ' });
    expect(blank.status).toBe(400);
    expect((await send(PARENT, parent, { recipientId: minder.user.id, text: 'x'.repeat(5000) })).status).toBe(201);
  });

  it('blocking a conversation stops both sides sending, with a clear 403, until the blocker unblocks', async () => {
    const parent = await api.given.signedIn(Role.Parent, PLUS);
    const minder = await api.given.signedIn(Role.Childminder);
    const first = await send(PARENT, parent, { recipientId: minder.user.id, text: 'Hello' });
    const conversationId = first.body.message.conversationId as string;

    const blocked = await api.http().post(conversationPath(conversationId, 'block')).set(minder.auth);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toEqual({ conversationId, blocked: true, blockedByMe: true });

    const refused = await send(PARENT, parent, { conversationId, text: 'Are you there?' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'CONVERSATION_BLOCKED',
      message: 'This conversation has been blocked. You cannot send messages in it.',
    });
    expect((await send(PARENT, parent, { recipientId: minder.user.id, text: 'Again' })).status).toBe(403);
    const blockerSends = await send(MINDER, minder, { conversationId, text: 'x' });
    expect(blockerSends.body.message).toBe('You blocked this conversation. Unblock it to send messages.');

    const parentUnblocks = await api.http().post(conversationPath(conversationId, 'unblock')).set(parent.auth);
    expect(parentUnblocks.status).toBe(403);
    expect(parentUnblocks.body.code).toBe('CONVERSATION_NOT_BLOCKED_BY_YOU');
    expect((await api.http().get(PARENT).set(parent.auth)).body.items[0]).toMatchObject({
      blocked: true,
      blockedByMe: false,
    });

    const unblocked = await api.http().post(conversationPath(conversationId, 'unblock')).set(minder.auth);
    expect(unblocked.body).toEqual({ conversationId, blocked: false, blockedByMe: false });
    expect((await send(PARENT, parent, { conversationId, text: 'Thanks' })).status).toBe(201);
    const texts = (await api.dataSource.getRepository(Message).find({ where: { conversationId } })).map((m) => m.text);
    expect(texts.sort()).toEqual(['Hello', 'Thanks']);
  });

  it("another parent gets 404 for parent A's conversation, everywhere, and learns nothing", async () => {
    const parentA = await api.given.signedIn(Role.Parent, PLUS);
    const parentB = await api.given.signedIn(Role.Parent);
    const minder = await api.given.signedIn(Role.Childminder);
    const outsiderMinder = await api.given.signedIn(Role.Childminder);
    const first = await send(PARENT, parentA, { recipientId: minder.user.id, text: 'Private: my son has epilepsy' });
    const conversationId = first.body.message.conversationId as string;

    const attempts = [
      await open(PARENT, parentB, { conversationId }),
      await send(PARENT, parentB, { conversationId, text: 'Hi' }),
      await api.http().post(conversationPath(conversationId, 'block')).set(parentB.auth),
      await api.http().post(conversationPath(conversationId, 'unblock')).set(parentB.auth),
      await open(MINDER, outsiderMinder, { conversationId }),
      await send(MINDER, outsiderMinder, { conversationId, text: 'Hi' }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', message: 'Conversation not found' });
      expect(JSON.stringify(response.body)).not.toContain('epilepsy');
    }
    const missing = await open(PARENT, parentB, { conversationId: randomUUID() });
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 404,
      code: 'CONVERSATION_NOT_FOUND',
    });
    expect((await api.http().get(PARENT).set(parentB.auth)).body).toMatchObject({ total: 0, items: [] });
    // Roles: a childminder cannot use the parent routes, nor a parent the admin ones.
    expect((await api.http().get(PARENT).set(minder.auth)).status).toBe(403);
    expect((await api.http().get(ADMIN).set(parentA.auth)).status).toBe(403);
  });

  it('an admin lists, reads (audited) and searches conversations', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const parent = await api.given.signedIn(Role.Parent, { ...PLUS, firstName: 'Olu', lastName: 'Ade' });
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Jo', lastName: 'Bloggs' });
    const word = `zebracrossing${Date.now().toString(36)}`;
    const first = await send(PARENT, parent, {
      recipientId: minder.user.id,
      text: `Pick-up is by the ${word} on Elm Road`,
    });
    const conversationId = first.body.message.conversationId as string;
    await send(MINDER, minder, { conversationId, text: 'Noted, see you then' });

    const list = await api.http().get(ADMIN).query({ userId: parent.user.id }).set(admin.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items[0]).toMatchObject({
      id: conversationId,
      parent: { id: parent.user.id, name: 'Olu Ade' },
      childminder: { id: minder.user.id, name: 'Jo Bloggs' },
      messageCount: 2,
    });
    expect(JSON.stringify(list.body)).not.toContain(word);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await api.http().get(ADMIN).query({ userId: parent.user.id, from: future }).set(admin.auth)).body.total,
    ).toBe(0);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(
      (await api.http().get(ADMIN).query({ userId: parent.user.id, from: past, to: future }).set(admin.auth)).body
        .total,
    ).toBe(1);
    expect((await api.http().get(ADMIN).query({ from: 'yesterday' }).set(admin.auth)).status).toBe(400);

    const read = await api.http().get(`${ADMIN}/conversation`).query({ conversationId }).set(admin.auth);
    expect(read.status).toBe(200);
    expect(read.body.items.map((m: { text: string; senderName: string }) => [m.senderName, m.text])).toEqual([
      ['Jo Bloggs', 'Noted, see you then'],
      ['Olu Ade', `Pick-up is by the ${word} on Elm Road`],
    ]);
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { actorId: admin.user.id, action: 'messages.conversation.read' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subjectType: 'conversation',
      subjectId: conversationId,
      ownerId: parent.user.id,
      actorRole: 'admin',
    });
    // Reading as admin does not mark anything read for the participants.
    expect((await api.http().get(PARENT).set(parent.auth)).body.unreadTotal).toBe(1);

    const search = await api.http().get(`${ADMIN}/search`).query({ q: word }).set(admin.auth);
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(1);
    expect(search.body.items[0]).toMatchObject({ conversationId, senderId: parent.user.id, senderName: 'Olu Ade' });
    const prefix = await api
      .http()
      .get(`${ADMIN}/search`)
      .query({ q: `${word.slice(0, 12)} elm` })
      .set(admin.auth);
    expect(prefix.body.items.map((m: { conversationId: string }) => m.conversationId)).toContain(conversationId);
    const searches = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { actorId: admin.user.id, action: 'messages.search' } });
    expect(searches.length).toBe(2);
    const tooShort = await api.http().get(`${ADMIN}/search`).query({ q: 'a b' }).set(admin.auth);
    expect(tooShort.status).toBe(400);

    expect(
      (await api.http().get(`${ADMIN}/conversation`).query({ conversationId: randomUUID() }).set(admin.auth)).status,
    ).toBe(404);
  });
});
