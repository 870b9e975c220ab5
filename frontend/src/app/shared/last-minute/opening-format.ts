/**
 * How last-minute openings read on screen, for both sides, as pure functions. Times are UK time
 * (Europe/London), whatever the device's zone.
 */
import type { AgeGroup, LastMinuteOpening } from '@core/api/api-types';
import { AGE_GROUP_LABELS, formatSession } from '@shared/bookings/booking-format';

/** The age groups in the order a form offers them, youngest first. */
export const OPENING_AGE_GROUPS: readonly AgeGroup[] = ['baby', 'toddler', 'preschool', 'school_age', 'over_8'];

/** The most places one opening may offer (the API's limit). */
export const MAX_OPENING_PLACES = 6;

/** "Tue 1 Dec 2026, 13:00–17:00" */
export const formatOpeningTime = (opening: Pick<LastMinuteOpening, 'startsAt' | 'endsAt'>): string =>
  formatSession(opening);

/** "1 place", "3 places" */
export const formatPlaces = (places: number): string => `${places} ${places === 1 ? 'place' : 'places'}`;

/** "Toddler (1–2), Pre-school (3–4)", youngest first whatever order the API gave. */
export const formatAgeGroups = (groups: readonly AgeGroup[]): string =>
  OPENING_AGE_GROUPS.filter((g) => groups.includes(g))
    .map((g) => AGE_GROUP_LABELS[g])
    .join(', ');

/** "0.4 miles away", "1 mile away"; nothing when the distance is not known. */
export function formatDistance(miles: number | null): string {
  if (miles === null) return '';
  const rounded = Math.max(0.1, Math.round(miles * 10) / 10);
  return `${rounded} ${rounded === 1 ? 'mile' : 'miles'} away`;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the UK date (YYYY-MM-DD) and time of day (HH:mm). */
export function ukWallClock(value: string | Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    PARTS.formatToParts(value instanceof Date ? value : new Date(value)).map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** The booking request form's query parameters for this opening: the childminder, day and times. */
export function bookingRequestParams(
  opening: Pick<LastMinuteOpening, 'profileId' | 'startsAt' | 'endsAt'>,
): Record<'childminder' | 'date' | 'start' | 'end', string> {
  const start = ukWallClock(opening.startsAt);
  return { childminder: opening.profileId, date: start.date, start: start.time, end: ukWallClock(opening.endsAt).time };
}
