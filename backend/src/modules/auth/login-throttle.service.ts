import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiters } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';
import { sha256Hex } from '@app/common/crypto/secret-box';

type Scope = 'account' | 'ip' | 'device';

/**
 * Counts failed sign-ins per account, per IP address and per trusted device (OWASP "device
 * cookies"): a device that signed in to an account before presents its signed cookie, and its
 * failures count against that cookie alone, so neither a locked account nor a busy shared address
 * (a nursery's connection, carrier-grade NAT) keeps its owner out. Limits come from settings.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiters: RateLimiters,
    private readonly settings: SettingsService,
  ) {}

  /** Seconds until this account may be tried again from an unknown device, or 0. */
  accountRetryAfter(email: string): Promise<number> {
    return this.blockedFor('account', this.accountKey(email));
  }

  /** Seconds until this trusted device may try again, or 0. */
  deviceRetryAfter(deviceId: string): Promise<number> {
    return this.blockedFor('device', deviceId);
  }

  /** Whether this address has used up its allowance of failures (unknown devices are slowed down). */
  async ipExhausted(ip: string | null): Promise<boolean> {
    return !!ip && (await this.blockedFor('ip', ip)) > 0;
  }

  /** How long an unknown device waits before its attempt is checked, once its address is exhausted. */
  async slowDownMs(): Promise<number> {
    return (await this.settings.get('auth.ipThrottle.slowDownSeconds')) * 1000;
  }

  /** Counts a failure from an unknown device; returns true when it used up the account's allowance. */
  async recordFailure(email: string, ip: string | null): Promise<boolean> {
    const [account] = await Promise.all([
      this.consume('account', this.accountKey(email)),
      ip ? this.consume('ip', ip) : Promise.resolve(undefined),
    ]);
    const limiter = await this.limiter('account');
    return (account?.consumedPoints ?? 0) >= limiter.points;
  }

  /** Counts a failure from a trusted device; returns true when it used up the device's allowance. */
  async recordDeviceFailure(deviceId: string): Promise<boolean> {
    const device = await this.consume('device', deviceId);
    return (device?.consumedPoints ?? 0) >= (await this.limiter('device')).points;
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
    // A trusted device gets the same allowance as an account.
    const settings =
      scope === 'ip'
        ? await this.settings.getMany(['auth.ipThrottle.maxFailures', 'auth.ipThrottle.windowMinutes'])
        : await this.settings.getMany(['auth.lockout.maxFailures', 'auth.lockout.windowMinutes']);
    const [points, minutes] = Object.values(settings) as [number, number];
    return this.limiters.get(`login-fail:${scope}`, points, minutes * 60);
  }
}
