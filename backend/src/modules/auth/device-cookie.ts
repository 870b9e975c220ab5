import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config/app-config';

export const DEVICE_COOKIE = 'cmc_device';
const COOKIE_PATH = '/api/auth';
const LIFETIME_DAYS = 365;

/** A device that has signed in to `userId` before; `id` names it in the throttle. */
export interface TrustedDevice {
  userId: string;
  id: string;
}

/**
 * The device cookie (OWASP "Slow down online guessing attacks with device cookies"): after a
 * successful sign-in the browser keeps `<user id>.<nonce>.<HMAC>`, signed with a key derived from
 * JWT_SECRET. Presented again, it proves this browser signed in to that account before, so the
 * throttle can tell its owner from someone guessing behind the same address.
 */
@Injectable()
export class DeviceCookie {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('device-cookie/v1').digest();
  }

  /** A new signed value for the user (a new nonce on every sign-in). */
  issue(userId: string): string {
    const payload = `${userId}.${randomBytes(16).toString('base64url')}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The device the cookie proves, when its signature holds. */
  verify(value: string | undefined): TrustedDevice | undefined {
    const parts = value?.split('.');
    if (parts?.length !== 3) return undefined;
    const [userId, nonce, signature] = parts;
    const expected = Buffer.from(this.sign(`${userId}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { userId, id: nonce };
  }

  read(request: FastifyRequest): TrustedDevice | undefined {
    return this.verify(request.cookies?.[DEVICE_COOKIE]);
  }

  set(reply: FastifyReply, value: string): void {
    void reply.setCookie(DEVICE_COOKIE, value, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
      maxAge: LIFETIME_DAYS * 24 * 3600,
    });
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
