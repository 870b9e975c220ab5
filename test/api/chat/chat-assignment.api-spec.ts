import { Role } from '@app/common/auth/role';
import { SettingsService } from '@app/modules/settings/settings.service';
import { ChatStatus } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { getSession, givenAgent, quietHelpDesk, startChat } from './support';

jest.setTimeout(120_000);

describe('Live chat: auto-assignment, the queue and transfers', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  beforeEach(async () => {
    await quietHelpDesk(api);
    await api.app.get(SettingsService).set('chat.agentCapacity', 3, null);
  });
  afterAll(async () => {
    // The stories share one database: leave the default capacity for the next spec file.
    await api.app.get(SettingsService).set('chat.agentCapacity', 3, null);
    await api.close();
  });

  const setStatus = (agent: SignedInUser, status: ChatStatus) =>
    api.http().patch('/api/auth/chat-status').set(agent.auth).send({ status });
  const parents = (n: number) => Promise.all(Array.from({ length: n }, () => api.given.signedIn(Role.Parent)));
  const agentsView = async (who: SignedInUser) =>
    (await api.http().get('/api/chat/agents').set(who.auth)).body as {
      capacity: number;
      items: { id: string; activeChats: number; status: string; canTakeTransfer: boolean }[];
    };

  it('gives a new chat to the available agent with the fewest active chats, never above capacity', async () => {
    await api.app.get(SettingsService).set('chat.agentCapacity', 2, null);
    const busyOne = await givenAgent(api, ChatStatus.Available);
    const requesters = await parents(5);
    // Two chats for the first agent (capacity 2)...
    const first = await startChat(api, requesters[0]!);
    const second = await startChat(api, requesters[1]!);
    expect([first.agent?.id, second.agent?.id]).toEqual([busyOne.user.id, busyOne.user.id]);
    // ...so the third waits, and goes to the next agent who comes online.
    const third = await startChat(api, requesters[2]!);
    expect(third).toMatchObject({ state: 'waiting', agent: null });
    const fresh = await givenAgent(api, ChatStatus.Available);
    expect((await getSession(api, requesters[2]!, third.id)).body).toMatchObject({
      state: 'active',
      agent: { id: fresh.user.id },
    });
    // The next goes to the one with fewer chats (fresh has 1, busyOne 2 = full).
    const fourth = await startChat(api, requesters[3]!);
    expect(fourth.agent?.id).toBe(fresh.user.id);
    // A busy agent keeps chats but gets no new ones.
    expect((await setStatus(fresh, ChatStatus.Busy)).status).toBe(200);
    expect((await startChat(api, requesters[4]!)).state).toBe('waiting');

    const view = await agentsView(busyOne);
    expect(view.capacity).toBe(2);
    expect(view.items.find((a) => a.id === busyOne.user.id)).toMatchObject({ activeChats: 2, canTakeTransfer: false });
    expect(view.items.find((a) => a.id === fresh.user.id)).toMatchObject({ activeChats: 2, status: 'busy' });
  });

  it('drains the queue oldest first when an agent comes online or frees up', async () => {
    await api.app.get(SettingsService).set('chat.agentCapacity', 2, null);
    const requesters = await parents(3);
    const waiting: string[] = [];
    for (const parent of requesters) waiting.push((await startChat(api, parent)).id);

    const agent = await givenAgent(api, ChatStatus.Available);
    const state = async (i: number) => (await getSession(api, requesters[i]!, waiting[i]!)).body;
    expect(await state(0)).toMatchObject({ state: 'active', agent: { id: agent.user.id } });
    expect(await state(1)).toMatchObject({ state: 'active', agent: { id: agent.user.id } });
    expect(await state(2)).toMatchObject({ state: 'waiting' });

    // The staff notifications show the one still waiting.
    const notifications = await api.http().get('/api/chat/notifications').set(agent.auth);
    expect(notifications.body).toMatchObject({ waiting: 1 });
    expect(notifications.body.sessions[0].id).toBe(waiting[2]);

    // The agent closes one: the oldest waiting chat takes its place at once.
    await api.http().patch(`/api/chat/sessions/${waiting[0]}`).set(agent.auth).send({ action: 'close' });
    expect(await state(2)).toMatchObject({ state: 'active', agent: { id: agent.user.id } });
  });

  it('an agent who goes offline keeps no chats: they go back to the queue and to the next agent', async () => {
    const leaving = await givenAgent(api, ChatStatus.Available);
    const [parent] = await parents(1);
    const chat = await startChat(api, parent!);
    expect(chat.agent?.id).toBe(leaving.user.id);
    await setStatus(leaving, ChatStatus.Offline);
    expect((await getSession(api, parent!, chat.id)).body).toMatchObject({ state: 'waiting', agent: null });
    // The agent who left can no longer read it.
    expect((await getSession(api, leaving, chat.id)).status).toBe(404);
    const next = await givenAgent(api, ChatStatus.Available);
    const taken = await getSession(api, parent!, chat.id);
    expect(taken.body).toMatchObject({ state: 'active', agent: { id: next.user.id } });
    expect(taken.body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assigned',
      'requeued',
      'assigned',
    ]);
  });

  it('20 chats started at once: no agent above capacity, no chat given twice', async () => {
    const agents = await Promise.all([1, 2, 3].map(() => givenAgent(api, ChatStatus.Available)));
    const requesters = await parents(20);
    const started = Date.now();
    const chats = await Promise.all(requesters.map((parent) => startChat(api, parent)));
    const elapsed = Date.now() - started;

    const sessions = await Promise.all(chats.map((chat, i) => getSession(api, requesters[i]!, chat.id)));
    const assigned = sessions.map((s) => s.body).filter((s) => s.state === 'active');
    const perAgent = new Map<string, number>();
    for (const s of assigned) perAgent.set(s.agent.id, (perAgent.get(s.agent.id) ?? 0) + 1);
    // 3 agents x capacity 3: exactly 9 assigned, each agent at 3, 11 waiting.
    expect(assigned).toHaveLength(9);
    expect([...perAgent.values()]).toEqual([3, 3, 3]);
    expect(sessions.filter((s) => s.body.state === 'waiting')).toHaveLength(11);
    // Each assigned chat has exactly one assignment in its history.
    for (const s of assigned) {
      expect(s.events.filter((e: { type: string }) => e.type === 'assigned')).toHaveLength(1);
    }
    const view = await agentsView(agents[0]!);
    for (const agent of agents) {
      expect(view.items.find((a) => a.id === agent.user.id)?.activeChats).toBe(3);
    }
    // What was measured, for the report (not asserted: timings vary by machine).
    console.log(
      `20 concurrent chat starts took ${elapsed} ms; assigned per agent: ${[...perAgent.values()].join(', ')}`,
    );
  });

  it('transfers only to an online agent with free capacity, and records it', async () => {
    await api.app.get(SettingsService).set('chat.agentCapacity', 1, null);
    const from = await givenAgent(api, ChatStatus.Available);
    const requesters = await parents(2);
    const chat = await startChat(api, requesters[0]!);
    expect(chat.agent?.id).toBe(from.user.id);

    const offline = await givenAgent(api, ChatStatus.Offline);
    const full = await givenAgent(api, ChatStatus.Available);
    const fullChat = await startChat(api, requesters[1]!);
    expect(fullChat.agent?.id).toBe(full.user.id);
    const transfer = (to: string) =>
      api
        .http()
        .post('/api/chat/transfer')
        .set(from.auth)
        .send({ sessionId: chat.id, agentId: to, note: 'Billing question' });

    for (const target of [offline, full]) {
      const refused = await transfer(target.user.id);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CHAT_AGENT_UNAVAILABLE');
    }
    const parentTarget = await transfer(requesters[1]!.user.id);
    expect(parentTarget.body.code).toBe('CHAT_AGENT_UNAVAILABLE');

    // A busy agent is online: a transfer (a person's choice) may go to them when they have room.
    const busy = await givenAgent(api, ChatStatus.Busy);
    const moved = await transfer(busy.user.id);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ state: 'active', agent: { id: busy.user.id } });
    expect(moved.body.events.at(-1)).toMatchObject({
      type: 'transferred',
      fromAgentId: from.user.id,
      toAgentId: busy.user.id,
      note: 'Billing question',
    });
    // The previous agent can no longer read it; the new one can, and the requester sees who took over.
    expect((await getSession(api, from, chat.id)).status).toBe(404);
    const messages = await api.http().get('/api/chat/messages').query({ sessionId: chat.id }).set(requesters[0]!.auth);
    expect(messages.body.items.at(-1).text).toMatch(/has taken over the chat/);
  });
});
