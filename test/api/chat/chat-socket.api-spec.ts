import { AddressInfo } from 'node:net';
import { Role } from '@app/common/auth/role';
import { ChatStatus } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';
import { ChatSocket, getSession, givenAgent, quietHelpDesk } from './support';

jest.setTimeout(90_000);

interface MessageEnvelope {
  sessionId: string;
  message: { id: number; text: string; sender: string; senderId: string | null };
}

describe('Live chat: a parent and a support agent talk over socket.io', () => {
  let api: TestApp;
  let base: string;
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  beforeEach(() => quietHelpDesk(api));
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => api.close());

  const connect = async (who: Parameters<typeof ChatSocket.connect>[1]) => {
    const socket = await ChatSocket.connect(base, who);
    sockets.push(socket);
    return socket;
  };
  const isMessage = (text: string) => (payload: { data: unknown }) =>
    (payload.data as MessageEnvelope).message?.text === text;

  it('the chat is assigned, messages go both ways live, are stored, and a reconnecting parent gets what it missed', async () => {
    // A parent registers from nothing and confirms the email from the outbox.
    const email = `chat.parent.${Date.now()}@example.com`;
    const password = 'a long family password';
    const registered = await api
      .http()
      .post('/api/auth/register')
      .send({ email, password, firstName: 'Nadia', lastName: 'Brooks', role: Role.Parent, acceptPrivacyNotice: true });
    expect(registered.status).toBe(201);
    const token = Outbox.tokenFrom(await api.outbox.latest(email, 'verify-email'), '/verify-email');
    expect((await api.http().post('/api/auth/verify-email').send({ token })).status).toBe(200);
    const parent: SignedInUser = {
      user: registered.body.user,
      email,
      password,
      ...(await api.given.login(email, password)),
    };

    const agent = await givenAgent(api, ChatStatus.Available);
    const agentSocket = await connect(agent);
    const parentSocket = await connect(parent);

    // The parent starts a chat from the widget: it opens with a system message and goes to the agent.
    const started = await api
      .http()
      .post('/api/chat/sessions')
      .set(parent.auth)
      .send({ message: 'Hello, I need help' });
    expect(started.status).toBe(201);
    const sessionId = started.body.id as string;
    expect(started.body).toMatchObject({ state: 'active', agent: { id: agent.user.id } });
    await agentSocket.waitFor('chat.session', (e) => (e.data as { sessionId: string }).sessionId === sessionId);

    // Parent writes over the socket; the agent receives it live.
    const sent = await parentSocket.ask<{ id: number }>('chat:send', {
      sessionId,
      text: 'Can I book two children at once?',
    });
    expect(sent.ok).toBe(true);
    await agentSocket.waitFor('chat.message', isMessage('Can I book two children at once?'));

    // Typing travels over the socket only, to the other side.
    expect((await agentSocket.ask('chat:typing', { sessionId, typing: true })).ok).toBe(true);
    const typing = (await parentSocket.waitFor('chat.typing')) as unknown as { sessionId: string; typing: boolean };
    expect(typing).toMatchObject({ sessionId, typing: true });

    // The agent answers over the socket; the parent sees it live.
    const answer = await agentSocket.ask<{ id: number }>('chat:send', {
      sessionId,
      text: 'Yes: tick both on the form.',
    });
    expect(answer.ok).toBe(true);
    const delivered = await parentSocket.waitFor('chat.message', isMessage('Yes: tick both on the form.'));
    expect((delivered.data as unknown as MessageEnvelope).message).toMatchObject({
      sender: 'agent',
      senderId: agent.user.id,
    });

    // The parent reads it: the read mark reaches the agent and the unread count drops to 0.
    expect((await parentSocket.ask('chat:read', { sessionId, upTo: answer.data!.id })).ok).toBe(true);
    await agentSocket.waitFor('chat.read');
    expect((await getSession(api, parent, sessionId)).body.unread).toBe(0);

    // The parent drops off; the agent writes meanwhile (over REST this time).
    parentSocket.close();
    const whileAway = await api
      .http()
      .post('/api/chat/messages')
      .set(agent.auth)
      .send({ sessionId, text: 'Anything else?' });
    expect(whileAway.status).toBe(201);
    const back = await connect(parent);
    const missed = await back.ask<{ items: { text: string }[] }>('chat:sync', { sessionId, after: answer.data!.id });
    expect(missed.data!.items.map((m) => m.text)).toEqual(['Anything else?']);

    // Everything is stored, in order, whichever way it came.
    const stored = await api.http().get('/api/chat/messages').query({ sessionId }).set(agent.auth);
    expect(stored.status).toBe(200);
    expect(stored.body.items.map((m: { sender: string; text: string }) => `${m.sender}: ${m.text}`)).toEqual([
      'system: Thanks for getting in touch. An adviser will join you shortly.',
      'requester: Hello, I need help',
      expect.stringMatching(/^system: .+ from support joined the chat\.$/),
      'requester: Can I book two children at once?',
      'agent: Yes: tick both on the form.',
      'agent: Anything else?',
    ]);

    // The agent closes the chat; a message to it is refused with 409 and a code, by REST and socket.
    const closed = await api.http().patch(`/api/chat/sessions/${sessionId}`).set(agent.auth).send({ action: 'close' });
    expect(closed.body).toMatchObject({ state: 'closed' });
    const refused = await api
      .http()
      .post('/api/chat/messages')
      .set(parent.auth)
      .send({ sessionId, text: 'One more thing' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CHAT_SESSION_CLOSED');
    const refusedOnSocket = await back.ask('chat:send', { sessionId, text: 'One more thing' });
    expect(refusedOnSocket).toMatchObject({ ok: false, error: { statusCode: 409, code: 'CHAT_SESSION_CLOSED' } });

    // The parent rates it once; an agent cannot rate.
    const byAgent = await api
      .http()
      .patch(`/api/chat/sessions/${sessionId}`)
      .set(agent.auth)
      .send({ action: 'rate', rating: 5 });
    expect(byAgent.status).toBe(409);
    const rated = await api
      .http()
      .patch(`/api/chat/sessions/${sessionId}`)
      .set(parent.auth)
      .send({ action: 'rate', rating: 4, comment: 'Quick answer' });
    expect(rated.body).toMatchObject({ rating: 4, ratingComment: 'Quick answer' });
    const again = await api
      .http()
      .patch(`/api/chat/sessions/${sessionId}`)
      .set(parent.auth)
      .send({ action: 'rate', rating: 1 });
    expect(again.body.code).toBe('CHAT_ALREADY_RATED');

    // Within 24 hours the parent may reopen it: it goes back to an available agent.
    const reopened = await api
      .http()
      .patch(`/api/chat/sessions/${sessionId}`)
      .set(parent.auth)
      .send({ action: 'reopen' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'active', agent: { id: agent.user.id }, rating: null });
    expect(reopened.body.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['created', 'assigned', 'closed', 'rated', 'reopened']),
    );
  });

  it('a socket that is not signed in, or not in the chat, is refused', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const stranger = await api.given.signedIn(Role.Parent);
    const started = await api.http().post('/api/chat/sessions').set(parent.auth).send({});
    const strangerSocket = await connect(stranger);
    const refused = await strangerSocket.ask('chat:send', { sessionId: started.body.id, text: 'Hi' });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 404, code: 'CHAT_SESSION_NOT_FOUND' } });
    const invalid = await strangerSocket.ask('chat:send', { sessionId: 'nope', text: '' });
    expect(invalid).toMatchObject({ ok: false, error: { statusCode: 400 } });
  });

  it('nobody available: the chat waits, offers to leave a message after the setting, and the message closes it', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const started = await api.http().post('/api/chat/sessions').set(parent.auth).send({ message: 'Is anyone there?' });
    expect(started.body.state).toBe('waiting');
    const offeredAt = new Date(started.body.leaveMessageOfferedAt as string).getTime();
    expect(offeredAt - new Date(started.body.queuedAt as string).getTime()).toBe(5 * 60_000);

    const left = await api
      .http()
      .patch(`/api/chat/sessions/${started.body.id}`)
      .set(parent.auth)
      .send({ action: 'leave_message', message: 'Please email me about my invoice' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ state: 'closed', leftMessage: true, reopenableUntil: null });
    expect(left.body.lastMessage).toMatchObject({ sender: 'requester', text: 'Please email me about my invoice' });

    // The message became a support ticket carrying the chat, which the parent finds under Help.
    expect(left.body.ticketNumber).toMatch(/^CC-\d+$/);
    const help = await api.http().get('/api/dashboard/parent/support').set(parent.auth);
    const ticket = help.body.items.find((t: { number: string }) => t.number === left.body.ticketNumber);
    expect(ticket.subject).toMatch(/Please email me about my invoice/);
    expect(ticket.body).toMatch(/Is anyone there\?/);

    // An agent coming online later does not get it: it is no longer waiting.
    const agent = await givenAgent(api, ChatStatus.Available);
    const notifications = await api.http().get('/api/chat/notifications').set(agent.auth);
    expect(notifications.body.sessions.map((s: { id: string }) => s.id)).not.toContain(started.body.id);
  });
});
