import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '@app/config/app-config';

/**
 * The shared Redis connection when REDIS_URL is set, or none. Losing Redis must not crash an
 * instance: ioredis reconnects forever in the background and callers fall back or fail softly.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis | undefined;

  constructor(config: AppConfig) {
    if (!config.redisUrl) return;
    this.client = this.create(config.redisUrl);
  }

  /** A further connection (pub/sub needs its own) with the same resilience settings. */
  duplicate(): Redis | undefined {
    return this.client?.duplicate();
  }

  get isReady(): boolean {
    return this.client?.status === 'ready';
  }

  private create(url: string): Redis {
    const client = new Redis(url, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    let warned = false;
    client.on('error', (error: Error) => {
      if (!warned) this.logger.warn(`Redis unavailable: ${error.message}`);
      warned = true;
    });
    client.on('ready', () => {
      if (warned) this.logger.log('Redis connection restored');
      warned = false;
    });
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    // QUIT waits for an answer an unreachable server never gives; then just drop the socket.
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    else this.client.disconnect();
  }
}

/**
 * Counters for rate limits: in Redis when it is configured (shared by every instance), in memory
 * otherwise; if Redis goes away the in-memory limiter takes over rather than letting requests
 * through unchecked. One limiter per name and limit, so a changed setting takes effect at once.
 */
@Injectable()
export class RateLimiters {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis: RedisConnection) {}

  get(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const cacheKey = `${name}:${points}:${durationSeconds}`;
    let limiter = this.limiters.get(cacheKey);
    if (!limiter) {
      const options = { keyPrefix: name, points, duration: durationSeconds };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis.client
        ? new RateLimiterRedis({ ...options, storeClient: this.redis.client, insuranceLimiter: memory })
        : memory;
      this.limiters.set(cacheKey, limiter);
    }
    return limiter;
  }
}

@Global()
@Module({ providers: [RedisConnection, RateLimiters], exports: [RedisConnection, RateLimiters] })
export class RedisModule {}
