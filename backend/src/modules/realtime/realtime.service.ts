import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisConnection } from '@app/common/redis/redis.module';
import { RealtimeEventsRepository } from './realtime-events.repository';
import { RealtimeDelivery, RealtimeEnvelope, RealtimeEvent, RealtimeEventType } from './realtime-events';

/** The Redis pub/sub channel every instance listens on. */
export const REALTIME_CHANNEL = 'cmc:realtime';
/** Events are replayable for at least this long (the prune job keeps twice as much). */
export const REALTIME_RETENTION_MS = 24 * 60 * 60 * 1000;
const REPLAY_LIMIT = 1000;

export type RealtimeListener = (delivery: RealtimeDelivery) => void;

/**
 * Owns delivery of domain events to users. `publish` stores one event row per recipient (its id
 * is the SSE event id used for replay), then fans it out: through Redis pub/sub when REDIS_URL is
 * set and Redis answers, so every instance delivers to its own SSE streams and socket.io
 * clients; otherwise in this process only. Services call `publish`; nothing else touches a
 * socket or a stream.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeService.name);
  private readonly listeners = new Set<RealtimeListener>();
  private subscriber: Redis | undefined;
  private subscribed = false;

  constructor(
    private readonly events: RealtimeEventsRepository,
    private readonly redis: RedisConnection,
  ) {}

  onModuleInit(): void {
    // Subscriptions wait in the offline queue until Redis answers and are renewed by ioredis on
    // every reconnect; errors are logged by the shared connection's handler, never thrown.
    this.subscriber = this.redis.client?.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    if (!this.subscriber) return;
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === REALTIME_CHANNEL) this.deliverLocally(raw);
    });
    this.subscriber.on('end', () => (this.subscribed = false));
    this.subscriber.on('close', () => (this.subscribed = false));
    // ioredis emits `ready` before it renews the subscription on a reconnect: until Redis confirms
    // it, a publish through Redis would miss this instance's own clients, so keep delivering locally.
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(REALTIME_CHANNEL).then(
        () => (this.subscribed = true),
        () => undefined,
      );
    });
    this.subscriber.subscribe(REALTIME_CHANNEL).then(
      () => (this.subscribed = true),
      (error: Error) => this.logger.warn(`Realtime subscription failed: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.listeners.clear();
    this.subscriber?.disconnect();
  }

  /** SSE hub and socket.io gateway register here to receive this instance's share of deliveries. */
  addListener(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Delivers `event` to every user in `userIds` on every instance. Call after the change it
   * reports has committed. Never throws because delivery failed: the event is stored, and a
   * client that missed it replays it on reconnect.
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
    const raw = JSON.stringify(deliveries);
    if (this.redis.client && this.redis.isReady && this.subscribed) {
      try {
        await this.redis.client.publish(REALTIME_CHANNEL, raw);
        return;
      } catch (error) {
        this.logger.warn(`Realtime publish through Redis failed, delivering locally: ${(error as Error).message}`);
      }
    }
    this.deliverLocally(raw);
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

  private deliverLocally(raw: string): void {
    let deliveries: RealtimeDelivery[];
    try {
      deliveries = JSON.parse(raw) as RealtimeDelivery[];
    } catch {
      return;
    }
    for (const delivery of deliveries) {
      for (const listener of this.listeners) {
        try {
          listener(delivery);
        } catch (error) {
          this.logger.error({ err: error }, 'A realtime listener failed');
        }
      }
    }
  }
}
