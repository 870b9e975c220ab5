import { DataSource } from 'typeorm';
import { io, Socket } from 'socket.io-client';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';
import { uniqueEmail } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { SseClient } from '../../api/realtime/sse-client';
import { eventually } from './processes';

export interface Account {
  id: string;
  email: string;
  accessToken: string;
  auth: { Authorization: string };
}

/** fetch with a JSON body; resolves to the status and the parsed body (or the text). */
export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body: parsed as T };
}

/**
 * Registers through the public API, confirms the address with the link from the outbox (which
 * lives in the cluster's database) and signs in: the way a user gets an account.
 */
export async function registerAndSignIn(
  baseUrl: string,
  dataSource: DataSource,
  role: 'parent' | 'childminder',
  firstName: string,
): Promise<Account> {
  const email = uniqueEmail(`cluster-${role}`);
  const password = 'a long cluster password';
  const registered = await call<{ user: { id: string } }>(baseUrl, 'POST', '/api/auth/register', {
    body: { email, password, firstName, lastName: 'Cluster', role, postcode: 'SW1A 1AA', acceptPrivacyNotice: true },
  });
  if (registered.status !== 201)
    throw new Error(`Register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const outbox = new Outbox(dataSource);
  const token = Outbox.tokenFrom(await outbox.latest(email, 'verify-email'), '/verify-email');
  const verified = await call(baseUrl, 'POST', '/api/auth/verify-email', { body: { token } });
  if (verified.status !== 200) throw new Error(`Verify ${email}: ${verified.status} ${JSON.stringify(verified.body)}`);
  const login = await call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`Login ${email}: ${login.status} ${JSON.stringify(login.body)}`);
  const accessToken = login.body.accessToken;
  return {
    id: registered.body.user.id as string,
    email,
    accessToken,
    auth: { Authorization: `Bearer ${accessToken}` },
  };
}

/**
 * Puts a user on a paid plan as an active monthly subscription, written straight into the
 * cluster's database (as test/factories/given.ts does): checkout is not what these stories are about.
 */
export async function grantPlan(dataSource: DataSource, userId: string, planKey: PlanKey): Promise<void> {
  await dataSource.getRepository(Subscription).insert(
    Object.assign(new Subscription(), {
      userId,
      planKey,
      interval: BillingInterval.Month,
      status: SubscriptionStatus.Active,
      stripeCustomerId: `cus_cluster_${userId}`,
      stripeSubscriptionId: `sub_cluster_${userId}_${Date.now()}`,
      stripePriceId: `price_cluster_${planKey}`,
      currentPeriodEnd: new Date(Date.now() + 30 * 24 * 3600_000),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      hasPaymentMethod: true,
      lastEventCreated: 0,
      renewalReminderFor: null,
      trialReminderFor: null,
    }),
  );
}

interface MessageEnvelope {
  data: { message: { text: string } };
}

/** How many times each value occurs more than once (empty when every value is unique). */
export function repeated(values: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, count]) => count > 1));
}

/**
 * One user's live view of their messages on one instance: an SSE stream (opened with a ticket)
 * and a socket.io connection (token at the handshake), each collecting every message.created it
 * receives. Neither reconnects on its own, so a dropped connection shows.
 */
export class LiveClients {
  readonly overSocket: string[] = [];
  /** The envelope id of every realtime event the socket received, in order. */
  readonly socketEventIds: string[] = [];

  private constructor(
    private readonly sse: SseClient,
    readonly socket: Socket,
  ) {
    socket.on('message.created', (envelope: MessageEnvelope) => this.overSocket.push(envelope.data.message.text));
    socket.onAny((event: string, envelope?: { id?: string }) => {
      if (event !== 'ready' && envelope?.id) this.socketEventIds.push(envelope.id);
    });
  }

  static async connect(baseUrl: string, who: Account): Promise<LiveClients> {
    const ticket = await call<{ ticket: string }>(baseUrl, 'POST', '/api/messages/sse/ticket', { headers: who.auth });
    if (ticket.status !== 201) throw new Error(`SSE ticket: ${ticket.status} ${JSON.stringify(ticket.body)}`);
    const sse = await SseClient.open(`${baseUrl}/api/messages/sse?ticket=${encodeURIComponent(ticket.body.ticket)}`);
    const socket = io(baseUrl, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: who.accessToken },
      reconnection: false,
    });
    const clients = new LiveClients(sse, socket);
    try {
      if (sse.status !== 200) throw new Error(`The SSE stream answered ${sse.status}`);
      await Promise.all([
        sse.waitForComment('ready', 10_000),
        new Promise<void>((resolve, reject) => {
          socket.once('ready', () => resolve());
          socket.once('unauthorized', (e: { message: string }) => reject(new Error(`socket.io: ${e.message}`)));
          socket.once('connect_error', (error) => reject(error));
        }),
      ]);
    } catch (error) {
      clients.close();
      throw error;
    }
    return clients;
  }

  /** Texts of the message.created events received over SSE, in order. */
  get overSse(): string[] {
    return this.sse.events
      .filter((e) => e.event === 'message.created')
      .map((e) => (JSON.parse(e.data) as MessageEnvelope).data.message.text);
  }

  /** The envelope id of every event the SSE stream received, in order. */
  get sseEventIds(): string[] {
    return this.sse.events.map((e) => (JSON.parse(e.data) as { id: string }).id);
  }

  /** Waits until `text` has arrived over both SSE and socket.io. */
  received(text: string, timeoutMs = 10_000): Promise<true> {
    return eventually(
      `"${text}" over SSE and socket.io`,
      () => (this.overSse.includes(text) && this.overSocket.includes(text) ? true : undefined),
      {
        timeoutMs,
        intervalMs: 50,
        describe: () => `SSE got ${JSON.stringify(this.overSse)}, socket.io got ${JSON.stringify(this.overSocket)}`,
      },
    );
  }

  close(): void {
    this.sse.close();
    this.socket.disconnect();
  }
}
