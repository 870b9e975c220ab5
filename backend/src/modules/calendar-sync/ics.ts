import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { CalendarEntry } from './calendar-entries';
import { UK_TIME_ZONE } from './google-calendar.gateway';

/**
 * Europe/London's rules since 1996 (EU summer time: last Sunday of March 01:00 UTC to last
 * Sunday of October 01:00 UTC). Times in the feed carry TZID=Europe/London with this definition,
 * so a calendar app shows 09:00 as 09:00 on both sides of a clock change.
 */
const EUROPE_LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const vtimezone = (zone: string) => (zone === UK_TIME_ZONE ? EUROPE_LONDON_VTIMEZONE : null);

/** An iCalendar (RFC 5545) document of the entries, for Apple Calendar, Outlook and the like. */
export function buildIcs(entries: readonly CalendarEntry[], options: { name: string; host: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Childminder Connect', product: 'Calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: UK_TIME_ZONE, generator: vtimezone },
    ttl: 15 * 60,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.key.replace(/:/g, '-')}@${options.host}`,
      start: DateTime.fromJSDate(entry.startsAt, { zone: UK_TIME_ZONE }),
      end: DateTime.fromJSDate(entry.endsAt, { zone: UK_TIME_ZONE }),
      timezone: UK_TIME_ZONE,
      summary: entry.title,
      transparency: entry.kind === 'available' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      categories: [{ name: entry.kind }],
    });
  }
  return calendar.toString();
}
