import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisConnection } from './redis.module';

/**
 * Rate limiters whose counters live in Redis when it is configured (shared by every instance)
 * and in memory otherwise; while Redis is away an in-memory limiter stands in rather than
 * letting requests through unchecked. One limiter per prefix and limit, so a limit changed in
 * the settings takes effect at once.
 */
@Injectable()
export class RateLimiters {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis: RedisConnection) {}

  get(keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const cacheKey = `${keyPrefix}:${points}:${durationSeconds}`;
    let limiter = this.limiters.get(cacheKey);
    if (!limiter) {
      const options = { keyPrefix, points, duration: durationSeconds };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis.client
        ? new RateLimiterRedis({ ...options, storeClient: this.redis.client, insuranceLimiter: memory })
        : memory;
      this.limiters.set(cacheKey, limiter);
    }
    return limiter;
  }
}
