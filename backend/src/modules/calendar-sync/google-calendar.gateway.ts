import { Injectable } from '@nestjs/common';
import { calendar, calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { AppConfig, GoogleConfig } from '@app/config/app-config';
import { GoogleOAuthClient, googleOAuthClient, googleStatus } from '@app/common/google/google-oauth';
import { notConfigured } from './calendar-sync.exception';

/** Access asked for: make a calendar, write events, read free/busy and the calendar list, and the email. */
export const CALENDAR_SCOPES = [
  'openid',
  'email',
  'https://www.googleapis.com/auth/calendar.app.created',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
];

export interface GoogleTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

export interface GrantedTokens extends GoogleTokens {
  /** The Google account's email, from the ID token the token endpoint returned. */
  email: string | null;
}

export interface GoogleEventBody {
  summary: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  colorId: string;
  entryKey: string;
}

export const UK_TIME_ZONE = 'Europe/London';

/** Talks to Google's OAuth and Calendar v3 APIs through googleapis. */
@Injectable()
export class GoogleCalendarGateway {
  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.google !== null;
  }

  private get google(): GoogleConfig {
    if (!this.config.google) throw notConfigured();
    return this.config.google;
  }

  private oauth(): GoogleOAuthClient {
    return googleOAuthClient(this.google, this.google.calendarRedirectUrl);
  }

  /** Google's consent screen for calendar access, offline (a refresh token), bound to `state`. */
  authorizationUrl(state: string): string {
    return this.oauth().generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: true,
      scope: CALENDAR_SCOPES,
      state,
    });
  }

  async exchangeCode(code: string): Promise<GrantedTokens> {
    const { tokens } = await this.oauth().getToken(code);
    if (!tokens.access_token) throw new Error('Google returned no access token');
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
      email: emailFromIdToken(tokens.id_token),
    };
  }

  /** Best effort: tells Google to forget the grant. */
  async revoke(token: string): Promise<void> {
    await this.oauth()
      .revokeToken(token)
      .catch(() => undefined);
  }

  /** A Calendar session on stored tokens; the access token is refreshed when it has expired. */
  session(tokens: GoogleTokens): GoogleCalendarSession {
    const client = this.oauth();
    client.setCredentials({
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expiry_date: tokens.expiresAt ? +tokens.expiresAt : null,
    });
    return new GoogleCalendarSession(
      client,
      calendar({
        version: 'v3',
        auth: client,
        rootUrl: this.google.apiRootUrl,
        retry: false,
        fetchImplementation: fetch,
      }),
    );
  }
}

/** Calendar v3 calls for one user. Errors are googleapis' own (see common/google). */
export class GoogleCalendarSession {
  constructor(
    private readonly client: GoogleOAuthClient,
    private readonly api: calendar_v3.Calendar,
  ) {}

  /** The tokens now held: a refresh replaces the access token. */
  tokens(): GoogleTokens {
    const c = this.client.credentials;
    return {
      accessToken: c.access_token ?? '',
      refreshToken: c.refresh_token ?? null,
      expiresAt: c.expiry_date ? new Date(c.expiry_date) : null,
    };
  }

  async createCalendar(name: string): Promise<{ id: string; name: string }> {
    const { data } = await this.api.calendars.insert({ requestBody: { summary: name, timeZone: UK_TIME_ZONE } });
    return { id: data.id!, name: data.summary ?? name };
  }

  /** Calendars the user may write events to. */
  async writableCalendars(): Promise<{ id: string; name: string; primary: boolean }[]> {
    const { data } = await this.api.calendarList.list({ minAccessRole: 'writer', maxResults: 250 });
    return (data.items ?? [])
      .filter((c) => c.id)
      .map((c) => ({ id: c.id!, name: c.summaryOverride ?? c.summary ?? c.id!, primary: !!c.primary }));
  }

  /**
   * Creates the event under our own id; when that id exists already (a retry after a lost
   * answer, or an event deleted in Google) it is patched instead, so nothing is created twice.
   */
  async putEvent(calendarId: string, eventId: string, body: GoogleEventBody): Promise<'created' | 'updated'> {
    try {
      await this.api.events.insert({ calendarId, requestBody: { id: eventId, ...eventResource(body) } });
      return 'created';
    } catch (error) {
      if (googleStatus(error) !== 409) throw error;
      await this.patchEvent(calendarId, eventId, body);
      return 'updated';
    }
  }

  async patchEvent(calendarId: string, eventId: string, body: GoogleEventBody): Promise<void> {
    await this.api.events.patch({ calendarId, eventId, requestBody: eventResource(body) });
  }

  /** Deletes the event; one that is gone already counts as deleted. */
  async deleteEvent(calendarId: string, eventId: string): Promise<void> {
    try {
      await this.api.events.delete({ calendarId, eventId });
    } catch (error) {
      const status = googleStatus(error);
      if (status !== 404 && status !== 410) throw error;
    }
  }

  /** Busy spans of the user's primary calendar in [from, to). */
  async busy(from: Date, to: Date): Promise<{ startsAt: Date; endsAt: Date }[]> {
    const { data } = await this.api.freebusy.query({
      requestBody: {
        timeMin: from.toISOString(),
        timeMax: to.toISOString(),
        timeZone: 'UTC',
        items: [{ id: 'primary' }],
      },
    });
    const primary = data.calendars?.primary ?? Object.values(data.calendars ?? {})[0];
    if (primary?.errors?.length) throw new Error(`Google could not read the calendar: ${primary.errors[0]?.reason}`);
    return (primary?.busy ?? [])
      .filter((b) => b.start && b.end)
      .map((b) => ({ startsAt: new Date(b.start!), endsAt: new Date(b.end!) }));
  }
}

/**
 * Our events are marked free ("transparent") so that reading the user's free/busy never reads
 * them back as busy time.
 */
function eventResource(body: GoogleEventBody): calendar_v3.Schema$Event {
  return {
    summary: body.summary,
    description: body.description,
    start: { dateTime: body.startsAt.toISOString(), timeZone: UK_TIME_ZONE },
    end: { dateTime: body.endsAt.toISOString(), timeZone: UK_TIME_ZONE },
    transparency: 'transparent',
    status: 'confirmed',
    colorId: body.colorId,
    extendedProperties: { private: { childminderConnect: body.entryKey } },
  };
}

/**
 * The email in an ID token received straight from Google's token endpoint over TLS (OpenID
 * Connect Core 3.1.3.7 lets such a token be used without checking its signature).
 */
function emailFromIdToken(idToken: string | null | undefined): string | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { email?: unknown };
    return typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
  } catch {
    return null;
  }
}
