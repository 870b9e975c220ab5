import { io, Socket } from 'socket.io-client';
import { In, Not } from 'typeorm';
import { Role, STAFF_ROLES } from '@app/common/auth/role';
import { ChatSession, ChatSessionState } from '@app/modules/chat/entities/chat-session.entity';
import { ChatStatus, User } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';

/**
 * API test files share one database. Chat stories start from a quiet help desk: every support
 * agent or admin left available by another story goes offline and any chat still open closes,
 * so the queue and agents' loads are only what the story itself creates.
 */
export async function quietHelpDesk(api: TestApp): Promise<void> {
  await api.dataSource
    .getRepository(User)
    .update({ role: In([...STAFF_ROLES]), chatStatus: Not(ChatStatus.Offline) }, { chatStatus: ChatStatus.Offline });
  await api.dataSource
    .getRepository(ChatSession)
    .update({ state: Not(ChatSessionState.Closed) }, { state: ChatSessionState.Closed, closedAt: new Date() });
}

/** A signed-in support agent (or admin) with the given chat status. */
export async function givenAgent(
  api: TestApp,
  status: ChatStatus = ChatStatus.Available,
  role: Role = Role.SupportAgent,
): Promise<SignedInUser> {
  const agent = await api.given.signedIn(role);
  const response = await api.http().patch('/api/auth/chat-status').set(agent.auth).send({ status });
  if (response.status !== 200) throw new Error(`Could not set chat status: ${response.status}`);
  return agent;
}

export async function startChat(api: TestApp, who: SignedInUser, message?: string) {
  const response = await api
    .http()
    .post('/api/chat/sessions')
    .set(who.auth)
    .send(message ? { message } : {});
  if (response.status !== 201)
    throw new Error(`Could not start a chat: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; state: string; agent: { id: string } | null };
}

export function getSession(api: TestApp, who: SignedInUser, id: string) {
  return api.http().get(`/api/chat/sessions/${id}`).set(who.auth);
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Envelope<T = Record<string, unknown>> {
  id: string;
  type: string;
  data: T;
}

/** A socket.io client that records every event it receives, and waits for them with a deadline. */
export class ChatSocket {
  readonly received: { event: string; payload: Envelope }[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: Envelope) => this.received.push({ event, payload }));
  }

  static async connect(base: string, who: SignedInUser): Promise<ChatSocket> {
    const socket = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: who.accessToken },
      reconnection: false,
      forceNew: true,
    });
    const client = new ChatSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', reject);
      socket.once('unauthorized', (error: { message: string }) => reject(new Error(error.message)));
    });
    return client;
  }

  /** Sends a chat event and resolves with the server's acknowledgement. */
  ask<T = unknown>(
    event: string,
    body: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: { statusCode: number; code: string } }> {
    return this.socket.timeout(5000).emitWithAck(event, body);
  }

  waitFor(event: string, match: (payload: Envelope) => boolean = () => true, timeoutMs = 5000): Promise<Envelope> {
    return eventually(
      async () => this.received.find((entry) => entry.event === event && match(entry.payload))?.payload,
      `${event} on the socket`,
      timeoutMs,
    );
  }

  close(): void {
    this.socket.disconnect();
  }
}
