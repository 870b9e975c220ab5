import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256Hex } from '@app/common/crypto/secret-box';
import { RedisConnection } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';

type Scope = 'ip' | 'email';

/**
 * Counts contact form messages per IP address and per email address. Counters live in Redis
 * when it is configured (shared by every instance), in memory otherwise, with the in-memory
 * limiter standing in while Redis is away. Limits and the window come from settings.
 */
@Injectable()
export class ContactThrottle {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly settings: SettingsService,
  ) {}

  /** Counts one message; returns 0 when it may go through, or the seconds until it may. */
  async consume(email: string, ip: string | null): Promise<number> {
    const checks = await Promise.all([
      this.take('email', sha256Hex(email.trim().toLowerCase())),
      ip ? this.take('ip', ip) : Promise.resolve(0),
    ]);
    return Math.max(...checks);
  }

  private async take(scope: Scope, key: string): Promise<number> {
    const limiter = await this.limiter(scope);
    try {
      await limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  private async limiter(scope: Scope): Promise<RateLimiterAbstract> {
    const settings = await this.settings.getMany([
      'support.contact.maxPerIp',
      'support.contact.maxPerEmail',
      'support.contact.windowMinutes',
    ]);
    const points = scope === 'ip' ? settings['support.contact.maxPerIp'] : settings['support.contact.maxPerEmail'];
    const minutes = settings['support.contact.windowMinutes'];
    const cacheKey = `${scope}:${points}:${minutes}`;
    let limiter = this.limiters.get(cacheKey);
    if (!limiter) {
      const options = { keyPrefix: `contact:${scope}`, points, duration: minutes * 60 };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis.client
        ? new RateLimiterRedis({ ...options, storeClient: this.redis.client, insuranceLimiter: memory })
        : memory;
      this.limiters.set(cacheKey, limiter);
    }
    return limiter;
  }
}
