import { Injectable } from '@nestjs/common';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { sha256Hex } from '@app/common/crypto/secret-box';
import { RateLimiters } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';
import { tooManyAttempts } from './auth.exception';

const HOUR = 3600;

/**
 * Limits the requests that email someone (password reset, a new confirmation link) so that
 * nobody can flood a mailbox: per IP address a refusal (429, which says nothing about any
 * account), per email address a silent cap (the answer stays the same whether the account
 * exists or not; past the cap nothing more is sent that hour). Limits are live settings.
 */
@Injectable()
export class EmailRequestLimit {
  constructor(
    private readonly limiters: RateLimiters,
    private readonly settings: SettingsService,
  ) {}

  /** Counts a request from `ip`; throws 429 with Retry-After once the address has used its allowance. */
  async assertIpAllowed(ip: string | null): Promise<void> {
    if (!ip) return;
    const points = await this.settings.get('auth.emailRequests.perIpPerHour');
    try {
      await this.limiters.get('email-requests:ip', points, HOUR).consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooManyAttempts(rejection.msBeforeNext / 1000);
      // The counter store failed: let the request through rather than refuse everyone.
    }
  }

  /** Counts an email to `email`; false once the address has had its allowance this hour. */
  async addressAllowed(email: string): Promise<boolean> {
    const points = await this.settings.get('auth.emailRequests.perAddressPerHour');
    try {
      await this.limiters.get('email-requests:address', points, HOUR).consume(sha256Hex(email.trim().toLowerCase()));
      return true;
    } catch (rejection) {
      return !(rejection instanceof RateLimiterRes);
    }
  }
}
