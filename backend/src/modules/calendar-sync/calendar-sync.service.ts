import { Injectable, Logger } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { describeGoogleError } from '@app/common/google/google-oauth';
import { AppConfig } from '@app/config/app-config';
import { AvailabilityService } from '@app/modules/availability/availability.service';
import { AvailabilitySource } from '@app/modules/availability/entities/availability-block.entity';
import { CalendarPushService } from './calendar-push.service';
import {
  CalendarSyncErrorCode,
  CalendarSyncException,
  notConfigured,
  notConnected,
  reconnectNeeded,
} from './calendar-sync.exception';
import { CalendarSyncRepository } from './calendar-sync.repository';
import { OAuthCallbackQuery } from './dto/calendar-sync.dto';
import {
  AuthorizationUrlResponse,
  CalendarSyncStatusResponse,
  GoogleCalendarResponse,
  SyncResultResponse,
  toStatusResponse,
} from './dto/calendar-sync.response';
import { CalendarConnection, ConnectionStatus } from './entities/calendar-connection.entity';
import { CalendarOAuthState } from './entities/calendar-oauth-state.entity';
import { GoogleCalendarGateway } from './google-calendar.gateway';

/** How long the consent screen may take: the state and its cookie expire after this. */
export const STATE_TTL_SECONDS = 10 * 60;

/** The end of a callback: back to the app, or a page saying what went wrong. */
export type CallbackOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; title: string; message: string; backUrl: string };

/** Connecting, inspecting, syncing and disconnecting a user's Google Calendar. */
@Injectable()
export class CalendarSyncService {
  private readonly logger = new Logger(CalendarSyncService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly repository: CalendarSyncRepository,
    private readonly gateway: GoogleCalendarGateway,
    private readonly pusher: CalendarPushService,
    private readonly availability: AvailabilityService,
  ) {}

  /** The calendar settings page in the web app. */
  get settingsUrl(): string {
    return `${this.config.publicUrl}/account/calendar`;
  }

  /** The caller's connection, or 409 "not connected" / "reconnect needed". */
  private async requireConnection(auth: AuthContext): Promise<CalendarConnection> {
    if (!this.gateway.configured) throw notConfigured();
    const connection = await this.repository.findConnection(auth.userId);
    if (!connection) throw notConnected();
    if (connection.status === ConnectionStatus.ReconnectNeeded) throw reconnectNeeded();
    return connection;
  }

  async status(auth: AuthContext): Promise<CalendarSyncStatusResponse> {
    const connection = this.gateway.configured ? await this.repository.findConnection(auth.userId) : null;
    return toStatusResponse(this.gateway.configured, connection, auth.role === Role.Childminder);
  }

  /**
   * Starts the consent flow: a one-use state bound to this user (stored as its hash) that the
   * browser also carries in a short-lived cookie. Returns the state for that cookie.
   */
  async startAuthorization(auth: AuthContext): Promise<AuthorizationUrlResponse & { state: string }> {
    if (!this.gateway.configured) throw notConfigured();
    const state = randomToken();
    const now = new Date();
    await this.repository.deleteStatesBefore(now);
    await this.repository.insertState(
      Object.assign(new CalendarOAuthState(), {
        stateHash: sha256Hex(state),
        userId: auth.userId,
        role: auth.role,
        expiresAt: new Date(+now + STATE_TTL_SECONDS * 1000),
        usedAt: null,
      }),
    );
    return { authorizationUrl: this.gateway.authorizationUrl(state), state };
  }

  /**
   * Google's redirect back. The state must be the one in this browser's cookie and unused
   * (a replay, another browser's or a forged state is refused), then the code becomes tokens.
   */
  async completeAuthorization(query: OAuthCallbackQuery, cookieState: string | undefined): Promise<CallbackOutcome> {
    const refuse = (status: number, title: string, message: string): CallbackOutcome => ({
      kind: 'page',
      status,
      title,
      message,
      backUrl: this.settingsUrl,
    });
    if (!this.gateway.configured) {
      return refuse(503, 'Google Calendar is not set up', 'This server is not configured for Google Calendar.');
    }
    if (!query.state || !cookieState || query.state !== cookieState) {
      return refuse(
        400,
        'This Google Calendar link is not valid',
        'The answer from Google does not belong to this browser’s request. Start again from your calendar settings.',
      );
    }
    const state = await this.repository.consumeState(sha256Hex(query.state), new Date());
    if (!state) {
      return refuse(
        400,
        'This Google Calendar link has been used or has expired',
        'Each link to connect Google Calendar works once, for 10 minutes. Start again from your calendar settings.',
      );
    }
    if (query.error || !query.code) {
      return { kind: 'redirect', location: `${this.settingsUrl}?google=cancelled` };
    }
    try {
      const tokens = await this.gateway.exchangeCode(query.code);
      const existing = await this.repository.findConnection(state.userId);
      const refreshToken = tokens.refreshToken ?? (existing ? this.pusher.openTokens(existing).refreshToken : null);
      if (!refreshToken) {
        return refuse(
          400,
          'Google did not grant offline access',
          'Remove Childminder Connect from your Google account’s third-party access, then connect again.',
        );
      }
      const connection = Object.assign(existing ?? new CalendarConnection(), {
        userId: state.userId,
        role: state.role,
        status: ConnectionStatus.Connected,
        googleEmail: tokens.email ?? existing?.googleEmail ?? null,
        calendarId: existing?.calendarId ?? null,
        calendarName: existing?.calendarName ?? null,
        ...this.pusher.sealTokens({ ...tokens, refreshToken }),
        lastSyncAt: existing?.lastSyncAt ?? null,
        lastSyncResult: existing?.lastSyncResult ?? null,
        lastError: null,
        nextPushAt: new Date(),
        failedAttempts: 0,
        lastPullAt: null,
      });
      await this.repository.saveConnection(connection);
      return { kind: 'redirect', location: `${this.settingsUrl}?google=connected` };
    } catch (error) {
      this.logger.warn({ error: describeGoogleError(error) }, 'Google Calendar code exchange failed');
      return refuse(
        502,
        'Google did not accept the connection',
        'Google could not complete the connection. Try again.',
      );
    }
  }

  /** Pushes now (and reads busy time for a childminder), whatever the job's schedule. */
  async syncNow(auth: AuthContext): Promise<SyncResultResponse> {
    const connection = await this.requireConnection(auth);
    const now = new Date();
    const counts = await this.pusher.push(connection, now);
    let busyTimes: number | null = null;
    if (connection.role === Role.Childminder) {
      busyTimes = await this.pusher.pull(connection, now).catch((error: unknown) => {
        if (error instanceof CalendarSyncException) throw error;
        return null;
      });
    }
    return { ...counts, busyTimes };
  }

  async calendars(auth: AuthContext): Promise<GoogleCalendarResponse[]> {
    const connection = await this.requireConnection(auth);
    try {
      return await this.gateway.session(this.pusher.openTokens(connection)).writableCalendars();
    } catch (error) {
      throw new CalendarSyncException(CalendarSyncErrorCode.GoogleUnavailable, describeGoogleError(error));
    }
  }

  /** Sends events to another of the user's calendars from the next push on (moving those already sent). */
  async chooseCalendar(auth: AuthContext, calendarId: string): Promise<CalendarSyncStatusResponse> {
    const connection = await this.requireConnection(auth);
    const chosen = (await this.calendars(auth)).find((c) => c.id === calendarId);
    if (!chosen) {
      throw new CalendarSyncException(
        CalendarSyncErrorCode.CalendarNotFound,
        'That calendar is not one you can add events to',
      );
    }
    await this.repository.updateConnection(connection.id, {
      calendarId: chosen.id,
      calendarName: chosen.name,
      nextPushAt: new Date(),
    });
    return this.status(auth);
  }

  /**
   * Forgets the connection: Google is asked to revoke the grant, busy time read from Google is
   * removed. Events already in Google stay there.
   */
  async disconnect(auth: AuthContext): Promise<void> {
    const connection = await this.repository.findConnection(auth.userId);
    if (!connection) return;
    const tokens = this.pusher.openTokens(connection);
    if (tokens.refreshToken) await this.gateway.revoke(tokens.refreshToken);
    await this.availability.replaceImportedBusy(auth.userId, AvailabilitySource.Google, [], '');
    await this.repository.deleteConnection(auth.userId);
  }
}
