import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisConnection } from '@app/common/redis/redis.module';

/** The Redis pub/sub channel the instances send SSE deliveries and catch-up notices on. */
export const REALTIME_CHANNEL = 'cmc:realtime';
/** A PUBLISH that Redis has not answered by then counts as failed (Redis hangs rather than refuses). */
export const REALTIME_PUBLISH_TIMEOUT_MS = 2_000;

interface RealtimeRedisEvents {
  /** A message on REALTIME_CHANNEL. */
  message: (raw: string) => void;
  /** The subscription stands (again): from now on this instance hears every publication. */
  joined: () => void;
  /** The publishing connection is (again) ready. */
  publisherReady: () => void;
  /** A PUBLISH (the SSE channel's or the socket.io adapter's) did not reach Redis. */
  publishFailed: () => void;
}

/**
 * The realtime module's two Redis connections, shared by SSE fan-out and the socket.io Redis
 * adapter (RealtimeIoAdapter), so that one subscription confirms both are listening.
 *
 * - The publisher has no offline queue (inherited from RedisConnection): while Redis is away a
 *   PUBLISH fails at once instead of piling up in memory or holding a request, and one that gets
 *   no answer fails after REALTIME_PUBLISH_TIMEOUT_MS. Callers then deliver to this instance's
 *   clients themselves.
 * - The subscriber queues (offline queue, no retry limit): its only commands are the
 *   subscriptions, which must survive a start before Redis is up; ioredis renews them on every
 *   reconnect.
 * - Every command's promise is marked handled here, because the adapter fires its commands and
 *   forgets them: a rejection nobody awaits would otherwise end the process. Connection errors
 *   are logged once by RedisConnection.
 *
 * Without REDIS_URL there are no connections and `enabled` is false.
 */
@Injectable()
export class RealtimeRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeRedis.name);
  readonly publisher: Redis | undefined;
  readonly subscriber: Redis | undefined;
  private subscribed = false;
  private closing = false;
  private readonly handlers: { [K in keyof RealtimeRedisEvents]: Set<RealtimeRedisEvents[K]> } = {
    message: new Set(),
    joined: new Set(),
    publisherReady: new Set(),
    publishFailed: new Set(),
  };

  constructor(redis: RedisConnection) {
    const base = redis.client;
    if (!base) return;
    this.publisher = this.guard(
      base.duplicate({
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: REALTIME_PUBLISH_TIMEOUT_MS,
      }),
    );
    this.subscriber = this.guard(base.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }));
    this.publisher.on('ready', () => this.emit('publisherReady'));
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === REALTIME_CHANNEL) this.emit('message', raw);
    });
    this.subscriber.on('close', () => this.leave());
    // ioredis re-sends the subscriptions it had (this channel's and the adapter's) before it
    // emits `ready`, and Redis answers in order: once this SUBSCRIBE is confirmed, all of them are.
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(REALTIME_CHANNEL).then(
        () => this.join(),
        () => undefined, // the connection dropped again; the next `ready` tries again
      );
    });
  }

  get enabled(): boolean {
    return !!this.publisher;
  }

  /** This instance is subscribed and hears every publication, its own included. */
  get joined(): boolean {
    return this.subscribed;
  }

  get publisherReady(): boolean {
    return this.publisher?.status === 'ready';
  }

  on<K extends keyof RealtimeRedisEvents>(event: K, handler: RealtimeRedisEvents[K]): () => void {
    this.handlers[event].add(handler);
    return () => this.handlers[event].delete(handler);
  }

  /** PUBLISH on REALTIME_CHANNEL; false (never a rejection) when Redis did not take it. */
  async publish(raw: string): Promise<boolean> {
    if (!this.publisher) return false;
    try {
      await this.publisher.publish(REALTIME_CHANNEL, raw);
      return true;
    } catch {
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.closing = true;
    for (const set of Object.values(this.handlers)) set.clear();
    // disconnect(), not quit(): QUIT waits for an answer an unreachable server never gives.
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  private join(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.logger.log('Realtime delivery across instances is on (Redis subscription confirmed)');
    this.emit('joined');
  }

  private leave(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    if (!this.closing)
      this.logger.warn('Realtime lost its Redis subscription: serving this instance’s clients only until it is back');
  }

  private emit<K extends keyof RealtimeRedisEvents>(event: K, ...args: Parameters<RealtimeRedisEvents[K]>): void {
    for (const handler of this.handlers[event]) {
      try {
        (handler as (...a: Parameters<RealtimeRedisEvents[K]>) => void)(...args);
      } catch (error) {
        this.logger.error({ err: error }, `A realtime Redis ${event} handler failed`);
      }
    }
  }

  /** Marks every command's promise as handled, and reports failed PUBLISHes. */
  private guard(client: Redis): Redis {
    client.on('error', () => undefined);
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
      const result = send(...args) as Promise<unknown> | undefined;
      const name = args[0].name;
      result?.catch?.(() => {
        if (name === 'publish' || name === 'spublish') this.emit('publishFailed');
      });
      return result;
    }) as Redis['sendCommand'];
    return client;
  }
}
