import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config/app-config';

export const GOOGLE_STATE_COOKIE = 'cmc_google_state';
const PATH = '/api/auth/google/callback';
/** How long the Google consent screen may take: the state, its row and this cookie expire after it. */
export const GOOGLE_STATE_TTL_SECONDS = 10 * 60;

/** What the browser that started a Google sign-in holds: the state and the PKCE code verifier. */
export interface GoogleStateCookieValue {
  state: string;
  codeVerifier: string;
}

/**
 * The browser's half of a Google sign-in: `<state>.<code verifier>.<HMAC>`, signed with a key
 * derived from JWT_SECRET, httpOnly, sent only to the callback, for 10 minutes. SameSite=Lax,
 * because the callback is a top-level navigation from Google. The PKCE verifier never reaches
 * the database; the state must also match a stored, unused row (see GoogleSignInService).
 */
@Injectable()
export class GoogleStateCookie {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('google-sign-in-state/v1').digest();
  }

  encode(value: GoogleStateCookieValue): string {
    const payload = `${value.state}.${value.codeVerifier}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The value, when the signature holds. */
  decode(raw: string | undefined): GoogleStateCookieValue | undefined {
    const parts = raw?.split('.');
    if (parts?.length !== 3 || !parts[0] || !parts[1]) return undefined;
    const [state, codeVerifier, signature] = parts;
    const expected = Buffer.from(this.sign(`${state}.${codeVerifier}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { state, codeVerifier };
  }

  read(request: FastifyRequest): GoogleStateCookieValue | undefined {
    return this.decode(request.cookies?.[GOOGLE_STATE_COOKIE]);
  }

  set(reply: FastifyReply, value: GoogleStateCookieValue): void {
    void reply.setCookie(GOOGLE_STATE_COOKIE, this.encode(value), {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'lax',
      path: PATH,
      maxAge: GOOGLE_STATE_TTL_SECONDS,
    });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(GOOGLE_STATE_COOKIE, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'lax',
      path: PATH,
    });
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
