import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256Hex } from '@app/common/crypto/secret-box';
import { RateLimiters } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';

type Scope = 'ip' | 'email';

/**
 * Counts contact form messages per IP address and per email address (in Redis when configured,
 * see RateLimiters). Limits and the window come from settings.
 */
@Injectable()
export class ContactThrottle {
  constructor(
    private readonly limiters: RateLimiters,
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
    return this.limiters.get(`contact:${scope}`, points, minutes * 60);
  }
}
