import { Role } from '@app/common/auth/role';
import { User } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../factories/given';
import { ChatSocket } from '../api/chat/support';
import { Account, call, registerAndSignIn } from './support/clients';
import { AppInstance, Cluster } from './support/cluster';

interface ChatMessagePayload {
  sessionId: string;
  message: { text: string; sender: string };
}

/**
 * Live chat across two app processes sharing MariaDB and Redis: the parent is on instance one,
 * the agents on instance two. Messages and typing cross by the socket.io Redis adapter;
 * assignment holds when both instances hand out chats at once (the lock is in the database).
 */
describe('Live chat on a cluster of two app processes', () => {
  const cluster = new Cluster();
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    await cluster.start();
  }, 240_000);
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await cluster.stop();
  });

  /** A support agent: registered as a parent, promoted in the database, signed in, and available. */
  const agentOn = async (instance: AppInstance, name: string): Promise<Account> => {
    const { dataSource } = cluster.require();
    const registered = await registerAndSignIn(instance.baseUrl, dataSource, 'parent', name);
    await dataSource.getRepository(User).update({ id: registered.id }, { role: Role.SupportAgent });
    const login = await call<{ accessToken: string }>(instance.baseUrl, 'POST', '/api/auth/login', {
      body: { email: registered.email, password: 'a long cluster password' },
    });
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const status = await call(instance.baseUrl, 'PATCH', '/api/auth/chat-status', {
      headers: auth,
      body: { status: 'available' },
    });
    expect(status.status).toBe(200);
    return { ...registered, accessToken: login.body.accessToken, auth };
  };
  const connect = async (instance: AppInstance, who: Account) => {
    const socket = await ChatSocket.connect(instance.baseUrl, { accessToken: who.accessToken } as SignedInUser);
    sockets.push(socket);
    return socket;
  };

  it('a parent on instance one and an agent on instance two chat live, through Redis', async () => {
    const { one, two, dataSource } = cluster.require();
    const agent = await agentOn(two, 'Agnes');
    const parent = await registerAndSignIn(one.baseUrl, dataSource, 'parent', 'Priya');
    const agentSocket = await connect(two, agent);
    const parentSocket = await connect(one, parent);

    const started = await call<{ id: string; state: string; agent: { id: string } | null }>(
      one.baseUrl,
      'POST',
      '/api/chat/sessions',
      { headers: parent.auth, body: { message: 'Hello from instance one' } },
    );
    expect(started.body).toMatchObject({ state: 'active', agent: { id: agent.id } });
    const sessionId = started.body.id;
    await agentSocket.waitFor('chat.session', (e) => (e.data as { sessionId?: string }).sessionId === sessionId);

    const sent = await parentSocket.ask('chat:send', { sessionId, text: 'Are you there?' });
    expect(sent.ok).toBe(true);
    await agentSocket.waitFor(
      'chat.message',
      (e) => (e.data as unknown as ChatMessagePayload).message.text === 'Are you there?',
    );

    expect((await agentSocket.ask('chat:typing', { sessionId, typing: true })).ok).toBe(true);
    await parentSocket.waitFor('chat.typing');
    expect((await agentSocket.ask('chat:send', { sessionId, text: 'Yes, from instance two' })).ok).toBe(true);
    const answer = await parentSocket.waitFor(
      'chat.message',
      (e) => (e.data as unknown as ChatMessagePayload).message.text === 'Yes, from instance two',
    );
    expect((answer.data as unknown as ChatMessagePayload).message.sender).toBe('agent');

    // Both instances read the same stored conversation.
    const stored = await call<{ items: { text: string }[] }>(
      one.baseUrl,
      'GET',
      `/api/chat/messages?sessionId=${sessionId}`,
      {
        headers: parent.auth,
      },
    );
    expect(stored.body.items.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Hello from instance one', 'Are you there?', 'Yes, from instance two']),
    );
    await call(two.baseUrl, 'PATCH', `/api/chat/sessions/${sessionId}`, {
      headers: agent.auth,
      body: { action: 'close' },
    });
  });

  it('chats started on both instances at once: no agent above capacity, no chat given twice', async () => {
    const { one, two, dataSource } = cluster.require();
    // Two more agents (with Agnes, who has no open chat now): 3 agents x capacity 3 = 9 places.
    await agentOn(one, 'Bea');
    await agentOn(two, 'Cal');
    // Registered one after another (registration itself is not what is raced here).
    const parents: Account[] = [];
    for (let i = 0; i < 12; i++) {
      parents.push(await registerAndSignIn(i % 2 ? one.baseUrl : two.baseUrl, dataSource, 'parent', `P${i}`));
    }
    const chats = await Promise.all(
      parents.map((parent, i) =>
        call<{ id: string }>(i % 2 ? one.baseUrl : two.baseUrl, 'POST', '/api/chat/sessions', {
          headers: parent.auth,
          body: { message: 'Help' },
        }),
      ),
    );
    expect(chats.map((c) => c.status)).toEqual(parents.map(() => 201));
    const rows: { agentId: string | null; state: string }[] = await dataSource.query(
      `SELECT agentId, state FROM chat_sessions WHERE id IN (${chats.map(() => '?').join(',')})`,
      chats.map((c) => c.body.id),
    );
    const perAgent = new Map<string, number>();
    for (const row of rows.filter((r) => r.state === 'active'))
      perAgent.set(row.agentId!, (perAgent.get(row.agentId!) ?? 0) + 1);
    expect([...perAgent.values()].sort()).toEqual([3, 3, 3]);
    expect(rows.filter((r) => r.state === 'waiting')).toHaveLength(3);
    const assignments: { sessionId: string; n: number }[] = await dataSource.query(
      `SELECT sessionId, COUNT(*) AS n FROM chat_session_events WHERE type = 'assigned' GROUP BY sessionId HAVING COUNT(*) > 1`,
    );
    expect(assignments).toEqual([]);
  });
});
