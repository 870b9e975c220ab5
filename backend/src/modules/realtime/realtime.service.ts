import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { catchUp, CatchUpRecipient } from './catch-up';
import { RealtimeEventsRepository } from './realtime-events.repository';
import { RealtimeDelivery, RealtimeEnvelope, RealtimeEvent, RealtimeEventType } from './realtime-events';
import { RealtimeRedis } from './realtime-redis';

export { REALTIME_CHANNEL } from './realtime-redis';

/** Events are replayable for at least this long (the prune job keeps twice as much). */
export const REALTIME_RETENTION_MS = 24 * 60 * 60 * 1000;
const REPLAY_LIMIT = 1000;

export type RealtimeListener = (delivery: RealtimeDelivery) => void;
/** This instance's live connections that catch-up may send to. */
export type CatchUpSource = () => Iterable<CatchUpRecipient>;

/**
 * What travels on REALTIME_CHANNEL: SSE deliveries, or an instance's notice that some of its
 * publications did not reach Redis and everyone should catch up from the store. (A bare array is
 * the deliveries of an instance running the previous version, during a rolling deploy.)
 */
type BusMessage =
  | { kind: 'deliver'; deliveries: RealtimeDelivery[] }
  | { kind: 'catch-up'; from: string }
  | { kind: 'disconnect'; userId: string };

/** Ends this instance's live connections of a user (an SSE hub's streams, a gateway's sockets). */
export type Disconnector = (userId: string) => void;

/**
 * Owns delivery of domain events to users. `publish` stores one event row per recipient (its id
 * is the event id clients see and replay by), then delivers it on two paths:
 *
 * - socket.io: the gateway emits to the user's room once, on this instance; with REDIS_URL the
 *   @socket.io/redis-adapter carries the emit to the sockets on every other instance.
 * - SSE: through Redis pub/sub, so that every instance writes to its own streams; without Redis,
 *   or while it is away, to this instance's streams directly.
 *
 * While Redis is away each instance keeps serving its own clients; what the others published
 * meanwhile is in the store. When an instance's subscription is back it sends its own live
 * connections what they missed (catchUp), and an instance whose publications failed tells the
 * others to do the same once it can publish again. Reading the store, rather than buffering
 * failed publications to send later, is what makes this reliable: a buffered publication sent
 * before another instance has resubscribed would be lost again (pub/sub keeps nothing), and the
 * store already holds every event with its id. Each connection's DeliveryLedger makes sure
 * nothing reaches a client twice.
 *
 * Services call `publish`; nothing else touches a socket or a stream.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeService.name);
  private readonly instanceId = randomUUID();
  private readonly listeners = new Set<RealtimeListener>();
  private readonly broadcasters = new Set<RealtimeListener>();
  private readonly sources = new Set<CatchUpSource>();
  private readonly disconnectors = new Set<Disconnector>();
  private readonly unsubscribe: (() => void)[] = [];
  /** Some publication of ours did not reach Redis: the other instances should catch up. */
  private noticeOwed = false;
  private catchUpRun?: Promise<void>;
  private catchUpAgain = false;
  private closed = false;

  constructor(
    private readonly events: RealtimeEventsRepository,
    private readonly bus: RealtimeRedis,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('message', (raw) => this.receive(raw)),
      this.bus.on('publishFailed', () => (this.noticeOwed = true)),
      this.bus.on('publisherReady', () => void this.sendNoticeIfOwed()),
      this.bus.on('joined', () => {
        void this.catchUp();
        void this.sendNoticeIfOwed();
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.listeners.clear();
    this.broadcasters.clear();
    this.sources.clear();
    this.disconnectors.clear();
    await this.catchUpRun?.catch(() => undefined);
  }

  /** The SSE hub registers here: it is called on every instance with the deliveries for its own streams. */
  addListener(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The socket.io gateway registers here: it is called once per delivery, on the instance that
   * published it, and emits to the user's room through the Redis adapter (every instance's sockets).
   */
  addBroadcaster(broadcaster: RealtimeListener): () => void {
    this.broadcasters.add(broadcaster);
    return () => this.broadcasters.delete(broadcaster);
  }

  /** The SSE hub and the gateway register their live connections here, for catch-up after a Redis outage. */
  addCatchUpSource(source: CatchUpSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** The SSE hub and the gateway register how to end a user's connections on this instance. */
  addDisconnector(disconnector: Disconnector): () => void {
    this.disconnectors.add(disconnector);
    return () => this.disconnectors.delete(disconnector);
  }

  /**
   * Ends every live connection (SSE stream and socket) of the user on every instance: after a
   * suspension or an erasure. This instance's at once; the others' through Redis.
   */
  async disconnectUser(userId: string): Promise<void> {
    this.disconnectLocally(userId);
    if (this.bus.enabled) {
      const message: BusMessage = { kind: 'disconnect', userId };
      await this.bus.publish(JSON.stringify(message));
    }
  }

  private disconnectLocally(userId: string): void {
    for (const disconnect of this.disconnectors) {
      try {
        disconnect(userId);
      } catch (error) {
        this.logger.error({ err: error }, 'Ending a user’s connections failed');
      }
    }
  }

  /**
   * Delivers `event` to every user in `userIds` on every instance. Call after the change it
   * reports has committed. Never throws because delivery failed: the event is stored, and a
   * client that missed it gets it by catch-up when Redis is back or by replay on reconnect.
   */
  async publish(userIds: readonly string[], event: RealtimeEvent): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    const at = new Date();
    const rows = await this.events.insertForUsers(recipients, event.type, JSON.stringify(event.data), at);
    const deliveries: RealtimeDelivery[] = rows.map((row) => ({
      userId: row.userId,
      envelope: {
        id: String(Number(row.id)),
        type: event.type,
        data: event.data,
        createdAt: at.toISOString(),
      } as RealtimeEnvelope,
    }));
    this.notify(this.broadcasters, deliveries);

    const message: BusMessage = { kind: 'deliver', deliveries };
    const handedOver = this.bus.enabled && (await this.bus.publish(JSON.stringify(message)));
    // This instance hears its own publication only while its subscription stands. Otherwise it
    // writes to its streams itself (a stream skips an event it already has, should both happen).
    if (!handedOver || !this.bus.joined) this.notify(this.listeners, deliveries);
    if (handedOver && this.noticeOwed) void this.sendNoticeIfOwed();
  }

  /** Events for `userId` after `lastEventId` (oldest first, within the retention window). */
  async eventsAfter(userId: string, lastEventId: number): Promise<RealtimeEnvelope[]> {
    const since = new Date(Date.now() - REALTIME_RETENTION_MS * 2);
    const rows = await this.events.findForUserAfter(userId, lastEventId, since, REPLAY_LIMIT);
    return rows.map((row) => ({
      id: String(Number(row.id)),
      type: row.type as RealtimeEventType,
      data: JSON.parse(row.payload) as RealtimeEnvelope['data'],
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** The newest stored event id (0 if none): a new connection is owed what comes after it. */
  latestEventId(): Promise<number> {
    return this.events.latestId();
  }

  /**
   * Sends this instance's live connections the stored events they missed. Runs one pass at a
   * time; a request during a pass runs one more pass after it. Resolves when no pass is due.
   */
  catchUp(): Promise<void> {
    if (this.catchUpRun) {
      this.catchUpAgain = true;
      return this.catchUpRun;
    }
    const run = async () => {
      do {
        this.catchUpAgain = false;
        const recipients = [...this.sources].flatMap((source) => [...source()]);
        if (recipients.length === 0) continue;
        try {
          const { users, sent } = await catchUp(recipients, (userId, afterId) => this.eventsAfter(userId, afterId));
          if (sent > 0) this.logger.log(`Caught up ${sent} missed event(s) for ${users} user(s) on this instance`);
        } catch (error) {
          this.logger.error({ err: error }, 'Realtime catch-up failed; clients get missed events on reconnect');
        }
      } while (this.catchUpAgain && !this.closed);
    };
    this.catchUpRun = run().finally(() => (this.catchUpRun = undefined));
    return this.catchUpRun;
  }

  private async sendNoticeIfOwed(): Promise<void> {
    if (!this.noticeOwed || this.closed || !this.bus.publisherReady) return;
    this.noticeOwed = false;
    const notice: BusMessage = { kind: 'catch-up', from: this.instanceId };
    // A failed PUBLISH sets noticeOwed again (publishFailed), to be retried when Redis is back.
    await this.bus.publish(JSON.stringify(notice));
  }

  private receive(raw: string): void {
    let message: BusMessage | RealtimeDelivery[];
    try {
      message = JSON.parse(raw) as BusMessage | RealtimeDelivery[];
    } catch {
      return;
    }
    if (Array.isArray(message)) this.notify(this.listeners, message);
    else if (message.kind === 'deliver') this.notify(this.listeners, message.deliveries);
    else if (message.kind === 'catch-up' && message.from !== this.instanceId) void this.catchUp();
    else if (message.kind === 'disconnect') this.disconnectLocally(message.userId);
  }

  private notify(targets: Set<RealtimeListener>, deliveries: readonly RealtimeDelivery[]): void {
    if (this.closed) return;
    for (const delivery of deliveries) {
      for (const target of targets) {
        try {
          target(delivery);
        } catch (error) {
          this.logger.error({ err: error }, 'A realtime listener failed');
        }
      }
    }
  }
}
