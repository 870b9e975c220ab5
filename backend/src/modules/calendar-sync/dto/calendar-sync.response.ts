import { ApiProperty } from '@nestjs/swagger';
import { CalendarConnection, ConnectionStatus, SyncCounts } from '../entities/calendar-connection.entity';

export enum CalendarSyncState {
  /** GOOGLE_CLIENT_ID/GOOGLE_CLIENT_SECRET are not set: nothing to connect to. */
  NotConfigured = 'not_configured',
  NotConnected = 'not_connected',
  Connected = 'connected',
  /** Google refused the stored grant: connect again. */
  ReconnectNeeded = 'reconnect_needed',
}

export class AuthorizationUrlResponse {
  @ApiProperty({ description: "Google's consent screen: open it in the browser (a state cookie was set)" })
  authorizationUrl: string;
}

export class SyncCountsResponse implements SyncCounts {
  @ApiProperty({ description: 'Events created in Google' }) created: number;
  @ApiProperty({ description: 'Events changed in Google' }) updated: number;
  @ApiProperty({ description: 'Events deleted in Google' }) deleted: number;
  @ApiProperty({ description: 'Changes that failed (retried with backoff)' }) failed: number;
}

export class SyncResultResponse extends SyncCountsResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Childminders: busy times read from Google Calendar; null for parents',
  })
  busyTimes: number | null;
}

export class CalendarRefResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class GoogleCalendarResponse extends CalendarRefResponse {
  @ApiProperty({ description: 'The account’s main calendar' }) primary: boolean;
}

export class CalendarSyncStatusResponse {
  @ApiProperty({ enum: CalendarSyncState, enumName: 'CalendarSyncState' }) state: CalendarSyncState;
  @ApiProperty({ description: 'Google is configured on this server' }) configured: boolean;
  @ApiProperty() connected: boolean;
  @ApiProperty({ type: String, nullable: true }) googleEmail: string | null;
  @ApiProperty({
    type: CalendarRefResponse,
    nullable: true,
    description: 'Where events go; null until the first sync creates the "Childminder Connect" calendar',
  })
  calendar: CalendarRefResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSyncAt: string | null;
  @ApiProperty({ type: SyncCountsResponse, nullable: true }) lastSyncResult: SyncCountsResponse | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a failed push is tried again',
  })
  nextRetryAt: string | null;
  @ApiProperty({ description: 'Busy times are read from Google (childminders)' }) readsBusyTime: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastBusyReadAt: string | null;
}

export class CalendarFeedResponse {
  @ApiProperty({ description: 'The secret ICS feed address: anyone with it can read the calendar' }) url: string;
  @ApiProperty({ description: 'The same address as webcal://, which opens calendar apps' }) webcalUrl: string;
}

export function toStatusResponse(
  configured: boolean,
  connection: CalendarConnection | null,
  readsBusyTime: boolean,
): CalendarSyncStatusResponse {
  const state = !configured
    ? CalendarSyncState.NotConfigured
    : !connection
      ? CalendarSyncState.NotConnected
      : connection.status === ConnectionStatus.ReconnectNeeded
        ? CalendarSyncState.ReconnectNeeded
        : CalendarSyncState.Connected;
  return {
    state,
    configured,
    connected: state === CalendarSyncState.Connected,
    googleEmail: connection?.googleEmail ?? null,
    calendar:
      connection?.calendarId != null
        ? { id: connection.calendarId, name: connection.calendarName ?? connection.calendarId }
        : null,
    lastSyncAt: connection?.lastSyncAt?.toISOString() ?? null,
    lastSyncResult: connection?.lastSyncResult ?? null,
    lastError: connection?.lastError ?? null,
    nextRetryAt: connection && connection.failedAttempts > 0 ? connection.nextPushAt.toISOString() : null,
    readsBusyTime,
    lastBusyReadAt: connection?.lastPullAt?.toISOString() ?? null,
  };
}
