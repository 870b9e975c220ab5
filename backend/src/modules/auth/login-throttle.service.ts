import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiters } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';
import { sha256Hex } from '@app/common/crypto/secret-box';

type Scope = 'account' | 'ip';

/**
 * Counts failed sign-ins per account and per IP address. Counters live in Redis when it is
 * configured (shared by every instance), in memory otherwise; if Redis goes away the in-memory
 * limiter takes over rather than letting attempts through unchecked. Limits come from settings.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiters: RateLimiters,
    private readonly settings: SettingsService,
  ) {}

  /** Seconds until `email`/`ip` may try again, or 0 when they may try now. */
  async retryAfterSeconds(email: string, ip: string | null): Promise<number> {
    const checks = await Promise.all([
      this.blockedFor('account', this.accountKey(email)),
      ip ? this.blockedFor('ip', ip) : Promise.resolve(0),
    ]);
    return Math.max(...checks);
  }

  /** Counts a failure; returns true when this failure used up the account's allowance. */
  async recordFailure(email: string, ip: string | null): Promise<boolean> {
    const [account] = await Promise.all([
      this.consume('account', this.accountKey(email)),
      ip ? this.consume('ip', ip) : Promise.resolve(undefined),
    ]);
    const limiter = await this.limiter('account');
    return (account?.consumedPoints ?? 0) >= limiter.points;
  }

  async clearAccount(email: string): Promise<void> {
    await (await this.limiter('account')).delete(this.accountKey(email)).catch(() => false);
  }

  private accountKey(email: string): string {
    return sha256Hex(email.trim().toLowerCase());
  }

  private async blockedFor(scope: Scope, key: string): Promise<number> {
    const limiter = await this.limiter(scope);
    const state = await limiter.get(key).catch(() => null);
    if (!state || state.consumedPoints < limiter.points) return 0;
    return Math.ceil(state.msBeforeNext / 1000);
  }

  private async consume(scope: Scope, key: string): Promise<RateLimiterRes | undefined> {
    const limiter = await this.limiter(scope);
    try {
      return await limiter.consume(key);
    } catch (rejection) {
      return rejection instanceof RateLimiterRes ? rejection : undefined;
    }
  }

  private async limiter(scope: Scope): Promise<RateLimiterAbstract> {
    const settings =
      scope === 'account'
        ? await this.settings.getMany(['auth.lockout.maxFailures', 'auth.lockout.windowMinutes'])
        : await this.settings.getMany(['auth.ipThrottle.maxFailures', 'auth.ipThrottle.windowMinutes']);
    const [points, minutes] = Object.values(settings) as [number, number];
    return this.limiters.get(`login-fail:${scope}`, points, minutes * 60);
  }
}
