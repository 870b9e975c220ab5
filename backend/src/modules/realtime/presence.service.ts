import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RedisConnection } from '@app/common/redis/redis.module';

const PRESENCE_KEY_PREFIX = 'cmc:presence:';
/** How often this instance re-announces the users it holds a live connection for. */
export const PRESENCE_REFRESH_MS = 25_000;
/** A user counts as online until this long after the last announcement from any instance. */
export const PRESENCE_TTL_MS = 75_000;

const presenceKey = (userId: string) => `${PRESENCE_KEY_PREFIX}${userId}`;

/** How a live connection reaches this instance. */
export type RealtimeTransport = 'sse' | 'socketio';

/**
 * Who has a live SSE stream or socket.io connection right now, across the cluster. Each
 * instance counts its own connections and, with Redis, keeps a short-lived key per connected
 * user alive; a user whose last connection closed drops out when the key expires (at most
 * PRESENCE_TTL_MS later). Without Redis (or while it is away) only this instance's
 * connections count. Used to decide who is offline, e.g. for message email digests.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  private readonly local = new Map<string, number>();
  private readonly open: Record<RealtimeTransport, number> = { sse: 0, socketio: 0 };
  private timer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisConnection) {}

  onModuleInit(): void {
    if (!this.redis.client) return;
    this.timer = setInterval(() => void this.refresh(), PRESENCE_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.local.clear();
    this.open.sse = 0;
    this.open.socketio = 0;
  }

  /** Counts one live connection of `userId` on this instance; call the returned function when it closes. */
  track(userId: string, transport: RealtimeTransport): () => void {
    this.open[transport]++;
    this.local.set(userId, (this.local.get(userId) ?? 0) + 1);
    if (this.local.get(userId) === 1) void this.announce([userId]);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open[transport] = Math.max(0, this.open[transport] - 1);
      const left = (this.local.get(userId) ?? 1) - 1;
      if (left > 0) this.local.set(userId, left);
      else this.local.delete(userId);
    };
  }

  /** Users with a live connection on this instance. */
  get localUserCount(): number {
    return this.local.size;
  }

  /** Open connections on this instance, by transport (the `/metrics` gauge). */
  openConnections(transport: RealtimeTransport): number {
    return this.open[transport];
  }

  /** Which of `userIds` are connected to any instance right now. */
  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const online = new Set(userIds.filter((id) => this.local.has(id)));
    const remaining = userIds.filter((id) => !online.has(id));
    if (remaining.length === 0 || !this.redis.client || !this.redis.isReady) return online;
    try {
      const values = await this.redis.client.mget(remaining.map(presenceKey));
      values.forEach((value, index) => {
        if (value !== null) online.add(remaining[index]!);
      });
    } catch (error) {
      this.logger.warn(`Presence lookup in Redis failed, using this instance only: ${(error as Error).message}`);
    }
    return online;
  }

  private async refresh(): Promise<void> {
    await this.announce([...this.local.keys()]);
  }

  private async announce(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0 || !this.redis.client || !this.redis.isReady) return;
    const pipeline = this.redis.client.pipeline();
    for (const userId of userIds) pipeline.set(presenceKey(userId), '1', 'PX', PRESENCE_TTL_MS);
    try {
      await pipeline.exec();
    } catch (error) {
      // Redis is away: the next refresh after it returns announces everyone again.
      this.logger.warn(`Presence announcement failed: ${(error as Error).message}`);
    }
  }
}
