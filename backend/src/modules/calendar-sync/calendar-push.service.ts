import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { SecretBox } from '@app/common/crypto/secret-box';
import { describeGoogleError, googleStatus, isGrantRefused } from '@app/common/google/google-oauth';
import { AvailabilityService } from '@app/modules/availability/availability.service';
import { AvailabilitySource } from '@app/modules/availability/entities/availability-block.entity';
import { CalendarEntriesSource, CalendarEntry } from './calendar-entries';
import { reconnectNeeded } from './calendar-sync.exception';
import { CalendarSyncRepository } from './calendar-sync.repository';
import { CalendarConnection, ConnectionStatus, SyncCounts } from './entities/calendar-connection.entity';
import { CalendarEventLink } from './entities/calendar-event-link.entity';
import { GoogleCalendarGateway, GoogleCalendarSession, GoogleEventBody, GoogleTokens } from './google-calendar.gateway';
import { googleEventId, planPush } from './push-plan';

export const DEDICATED_CALENDAR_NAME = 'Childminder Connect';
export const BUSY_TITLE = 'Busy (Google Calendar)';
const DAY_MS = 86_400_000;
/** Entries pushed: from yesterday to this many days ahead. */
export const PUSH_AHEAD_DAYS = 90;
/** Busy time read: from now to this many days ahead. */
export const PULL_AHEAD_DAYS = 60;
/** After a clean push, the next reconciliation (which picks up any change) is this far away. */
export const PUSH_INTERVAL_MS = 10 * 60_000;
/** Backoff after failures: 1, 2, 4 ... minutes, at most 6 hours. */
export const retryDelayMs = (failedAttempts: number) =>
  Math.min(60_000 * 2 ** Math.max(0, failedAttempts - 1), 6 * 3_600_000);

/** Google colours: bookings blueberry, available time sage, time off graphite. */
const COLOURS: Record<CalendarEntry['kind'], string> = { booking: '9', available: '2', unavailable: '8' };

/** Google refused the grant: revoked, expired, or the access token is not accepted. */
const isAuthFailure = (error: unknown) => isGrantRefused(error) || googleStatus(error) === 401;

/**
 * Pushes a user's calendar to Google (create, patch, delete, never twice) and reads a
 * childminder's busy time back as unavailable time. Each run records its counts, and a failed
 * run schedules a retry with backoff; a refused grant marks the connection "reconnect needed".
 */
@Injectable()
export class CalendarPushService {
  private readonly logger = new Logger(CalendarPushService.name);

  constructor(
    private readonly repository: CalendarSyncRepository,
    private readonly gateway: GoogleCalendarGateway,
    private readonly box: SecretBox,
    private readonly entries: CalendarEntriesSource,
    private readonly availability: AvailabilityService,
  ) {}

  sealTokens(
    tokens: GoogleTokens,
  ): Pick<CalendarConnection, 'accessTokenSealed' | 'refreshTokenSealed' | 'accessTokenExpiresAt'> {
    return {
      accessTokenSealed: this.box.seal(tokens.accessToken),
      refreshTokenSealed: this.box.seal(tokens.refreshToken ?? ''),
      accessTokenExpiresAt: tokens.expiresAt,
    };
  }

  openTokens(connection: CalendarConnection): GoogleTokens {
    return {
      accessToken: this.box.open(connection.accessTokenSealed),
      refreshToken: this.box.open(connection.refreshTokenSealed) || null,
      expiresAt: connection.accessTokenExpiresAt,
    };
  }

  /** Pushes the user's entries; a refused grant throws "reconnect needed" after recording it. */
  async push(connection: CalendarConnection, now: Date): Promise<SyncCounts> {
    const session = this.gateway.session(this.openTokens(connection));
    const counts: SyncCounts = { created: 0, updated: 0, deleted: 0, failed: 0 };
    let lastError: string | null = null;
    try {
      const calendarId = connection.calendarId ?? (await this.createDedicatedCalendar(connection, session));
      const windowStart = new Date(+now - DAY_MS);
      const entries = await this.entries.entriesFor(connection, windowStart, new Date(+now + PUSH_AHEAD_DAYS * DAY_MS));
      const plan = planPush(entries, await this.repository.linksFor(connection.userId), calendarId, windowStart);
      const attempt = async (work: () => Promise<void>) => {
        try {
          await work();
        } catch (error) {
          if (isAuthFailure(error)) throw error;
          counts.failed++;
          lastError = describeGoogleError(error);
        }
      };
      for (const link of plan.remove) {
        await attempt(async () => {
          await session.deleteEvent(link.calendarId, link.googleEventId);
          await this.repository.deleteLink(link.id);
          counts.deleted++;
        });
      }
      for (const { entry, hash } of plan.create) {
        await attempt(async () => {
          const eventId = googleEventId(connection.userId, entry.key);
          await session.putEvent(calendarId, eventId, eventBody(entry));
          await this.repository.insertLink(
            Object.assign(new CalendarEventLink(), {
              userId: connection.userId,
              entryKey: entry.key,
              calendarId,
              googleEventId: eventId,
              contentHash: hash,
              endsAt: entry.endsAt,
            }),
          );
          counts.created++;
        });
      }
      for (const { entry, hash, link } of plan.update) {
        await attempt(async () => {
          try {
            await session.patchEvent(calendarId, link.googleEventId, eventBody(entry));
          } catch (error) {
            const status = googleStatus(error);
            if (status !== 404 && status !== 410) throw error;
            await session.putEvent(calendarId, link.googleEventId, eventBody(entry));
          }
          await this.repository.updateLink(link.id, { contentHash: hash, endsAt: entry.endsAt });
          counts.updated++;
        });
      }
    } catch (error) {
      if (isAuthFailure(error)) return this.grantRefused(connection, error);
      // Google down, or the calendar could not be made: the whole run is one failure.
      counts.failed = Math.max(1, counts.failed);
      lastError = describeGoogleError(error);
    }
    const failedAttempts = counts.failed > 0 ? connection.failedAttempts + 1 : 0;
    await this.repository.updateConnection(connection.id, {
      ...this.refreshedTokens(connection, session),
      lastSyncAt: now,
      lastSyncResult: counts,
      lastError,
      failedAttempts,
      nextPushAt: new Date(+now + (failedAttempts > 0 ? retryDelayMs(failedAttempts) : PUSH_INTERVAL_MS)),
    });
    return counts;
  }

  /**
   * Reads the childminder's busy time from Google and stores it as unavailable time marked as
   * from Google (replacing what the previous read stored). Returns how many busy blocks there are.
   */
  async pull(connection: CalendarConnection, now: Date): Promise<number> {
    if (connection.role !== Role.Childminder) return 0;
    const session = this.gateway.session(this.openTokens(connection));
    try {
      const busy = await session.busy(now, new Date(+now + PULL_AHEAD_DAYS * DAY_MS));
      const stored = await this.availability.replaceImportedBusy(
        connection.userId,
        AvailabilitySource.Google,
        busy,
        BUSY_TITLE,
      );
      await this.repository.updateConnection(connection.id, {
        ...this.refreshedTokens(connection, session),
        lastPullAt: now,
      });
      return stored;
    } catch (error) {
      if (isAuthFailure(error)) return this.grantRefused(connection, error);
      const message = describeGoogleError(error);
      this.logger.warn({ userId: connection.userId, error: message }, 'Reading busy time from Google failed');
      await this.repository.updateConnection(connection.id, { lastPullAt: now, lastError: message });
      throw error;
    }
  }

  private async createDedicatedCalendar(connection: CalendarConnection, session: GoogleCalendarSession) {
    const created = await session.createCalendar(DEDICATED_CALENDAR_NAME);
    await this.repository.updateConnection(connection.id, { calendarId: created.id, calendarName: created.name });
    connection.calendarId = created.id;
    connection.calendarName = created.name;
    return created.id;
  }

  /** The sealed tokens to store when googleapis refreshed the access token meanwhile. */
  private refreshedTokens(connection: CalendarConnection, session: GoogleCalendarSession): Partial<CalendarConnection> {
    const tokens = session.tokens();
    if (!tokens.accessToken || tokens.accessToken === this.openTokens(connection).accessToken) return {};
    return {
      accessTokenSealed: this.box.seal(tokens.accessToken),
      accessTokenExpiresAt: tokens.expiresAt,
      ...(tokens.refreshToken ? { refreshTokenSealed: this.box.seal(tokens.refreshToken) } : {}),
    };
  }

  private async grantRefused(connection: CalendarConnection, error: unknown): Promise<never> {
    await this.repository.updateConnection(connection.id, {
      status: ConnectionStatus.ReconnectNeeded,
      lastError: `Google no longer accepts this connection (${describeGoogleError(error)}). Connect again.`,
    });
    throw reconnectNeeded();
  }
}

function eventBody(entry: CalendarEntry): GoogleEventBody {
  return {
    summary: entry.title,
    description: 'From Childminder Connect. Change it in Childminder Connect: changes here are overwritten.',
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    colorId: COLOURS[entry.kind],
    entryKey: entry.key,
  };
}
