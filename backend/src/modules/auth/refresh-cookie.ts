import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/config/app-config';

export const REFRESH_COOKIE = 'cmc_refresh';
/**
 * A companion cookie scripts may read, holding nothing but "1": it tells the app at start-up
 * whether there is a session to restore, so an anonymous visitor's first page load does not
 * make a refresh request that can only fail (and log a 401 in the console).
 */
export const SESSION_HINT_COOKIE = 'cmc_session_hint';
/** Only the auth endpoints ever receive the refresh token. */
const COOKIE_PATH = '/api/auth';

/** The refresh token's cookie: httpOnly (no script can read it), Secure, SameSite=Strict. */
@Injectable()
export class RefreshCookie {
  constructor(private readonly config: AppConfig) {}

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[REFRESH_COOKIE] || undefined;
  }

  set(reply: FastifyReply, token: string): void {
    void reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
      maxAge: this.config.auth.refreshTokenTtlDays * 24 * 3600,
    });
    void reply.setCookie(SESSION_HINT_COOKIE, '1', {
      httpOnly: false,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: '/',
      maxAge: this.config.auth.refreshTokenTtlDays * 24 * 3600,
    });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
    });
    void reply.clearCookie(SESSION_HINT_COOKIE, {
      httpOnly: false,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: '/',
    });
  }
}
