import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/config/app-config';
import { STATE_TTL_SECONDS } from './calendar-sync.service';

export const CALENDAR_STATE_COOKIE = 'cmc_gcal_state';
const PATH = '/api/calendar-sync/callback';

/**
 * The OAuth state, also held by the browser that asked: httpOnly, only sent to the callback,
 * for 10 minutes. SameSite=Lax, because the callback is a top-level navigation from Google.
 */
@Injectable()
export class OAuthStateCookie {
  constructor(private readonly config: AppConfig) {}

  set(reply: FastifyReply, state: string): void {
    void reply.setCookie(CALENDAR_STATE_COOKIE, state, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'lax',
      path: PATH,
      maxAge: STATE_TTL_SECONDS,
    });
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[CALENDAR_STATE_COOKIE] || undefined;
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(CALENDAR_STATE_COOKIE, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'lax',
      path: PATH,
    });
  }
}
