import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum CalendarSyncErrorCode {
  /** GOOGLE_CLIENT_ID/GOOGLE_CLIENT_SECRET are not set on this server. */
  NotConfigured = 'CALENDAR_SYNC_NOT_CONFIGURED',
  /** The caller has no Google Calendar connection. */
  NotConnected = 'CALENDAR_SYNC_NOT_CONNECTED',
  /** Google refused the stored grant: the user must connect again. */
  ReconnectNeeded = 'CALENDAR_SYNC_RECONNECT_NEEDED',
  /** The calendar chosen is not one of the user's writable calendars. */
  CalendarNotFound = 'CALENDAR_SYNC_CALENDAR_NOT_FOUND',
  /** No feed has that secret (wrong, or regenerated since). */
  FeedNotFound = 'CALENDAR_FEED_NOT_FOUND',
  /** Google did not answer as expected (down, or refused the request). */
  GoogleUnavailable = 'CALENDAR_SYNC_GOOGLE_UNAVAILABLE',
}

export class CalendarSyncException extends defineDomainException<CalendarSyncErrorCode>('CalendarSyncException', {
  // A 4xx: nothing is down, the server simply has no Google client (the status screen says so).
  [CalendarSyncErrorCode.NotConfigured]: HttpStatus.CONFLICT,
  [CalendarSyncErrorCode.NotConnected]: HttpStatus.CONFLICT,
  [CalendarSyncErrorCode.ReconnectNeeded]: HttpStatus.CONFLICT,
  [CalendarSyncErrorCode.CalendarNotFound]: HttpStatus.NOT_FOUND,
  [CalendarSyncErrorCode.FeedNotFound]: HttpStatus.NOT_FOUND,
  [CalendarSyncErrorCode.GoogleUnavailable]: HttpStatus.BAD_GATEWAY,
}) {}

export const notConfigured = () =>
  new CalendarSyncException(
    CalendarSyncErrorCode.NotConfigured,
    'Google Calendar is not configured on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET).',
  );

export const notConnected = () =>
  new CalendarSyncException(CalendarSyncErrorCode.NotConnected, 'Google Calendar is not connected.');

export const reconnectNeeded = () =>
  new CalendarSyncException(
    CalendarSyncErrorCode.ReconnectNeeded,
    'Google no longer accepts this connection: connect Google Calendar again.',
  );

export const feedNotFound = () =>
  new CalendarSyncException(CalendarSyncErrorCode.FeedNotFound, 'Calendar feed not found');
