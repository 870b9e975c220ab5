import { DateTime } from 'luxon';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { ageGroupOn } from '@app/modules/childminders/age-groups';
import { UK_ZONE } from '@app/modules/children/child-age';
import { distanceMiles, GeoPoint } from '@app/modules/geo/geo-math';

/** Open places a childminder on the Listed plan may have at once; `openings.unlimited` lifts it. */
export const LISTED_OPEN_OPENINGS_LIMIT = 3;

export interface AlertCriteria {
  /** The parent's postcode centroid; null when it has none we can place. */
  location: GeoPoint | null;
  radiusMiles: number;
  /** Dates of birth (YYYY-MM-DD) of the children the alerts are for. */
  childDatesOfBirth: readonly string[];
}

export interface OpeningFacts {
  location: GeoPoint | null;
  ageGroups: readonly AgeGroup[];
  startsAt: Date;
}

/**
 * Whether an opening is for this parent: within their radius of their postcode, and for the age
 * group at least one of their children is in on the day of the opening (UK calendar day).
 * Returns the distance in miles when it matches, else null.
 */
export function matchOpening(alert: AlertCriteria, opening: OpeningFacts): number | null {
  if (!alert.location || !opening.location) return null;
  const miles = distanceMiles(alert.location, opening.location);
  if (miles > alert.radiusMiles) return null;
  const day = DateTime.fromJSDate(opening.startsAt, { zone: UK_ZONE }).startOf('day');
  const fits = alert.childDatesOfBirth.some((dob) => {
    const group = ageGroupOn(dob, day);
    return group !== null && opening.ageGroups.includes(group);
  });
  return fits ? miles : null;
}

/** A UK local date and `HH:mm` times as instants; the end must be after the start. */
export function ukRange(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } | null {
  const start = DateTime.fromISO(`${date}T${startTime}`, { zone: UK_ZONE });
  const end = DateTime.fromISO(`${date}T${endTime}`, { zone: UK_ZONE });
  if (!start.isValid || !end.isValid || end <= start || start.toISODate() !== date) return null;
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate() };
}
