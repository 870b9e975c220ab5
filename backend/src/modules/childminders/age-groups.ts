import { DateTime } from 'luxon';
import { parseIsoDate, UK_ZONE, ukToday } from '@app/modules/children/child-age';
import { AgeGroup } from './childminder-vocabulary';

/** The birthdays (in years) at which a child moves to the next age group. */
const BOUNDARIES: readonly [number, AgeGroup][] = [
  [1, AgeGroup.Baby],
  [3, AgeGroup.Toddler],
  [5, AgeGroup.Preschool],
  [8, AgeGroup.SchoolAge],
];

/**
 * The age group a child born on `dateOfBirth` (YYYY-MM-DD) is in on `on` (a UK calendar day).
 * A child moves up on the birthday itself. Null for a date that is not a real date or is after `on`.
 */
export function ageGroupOn(dateOfBirth: string, on: DateTime = ukToday()): AgeGroup | null {
  const born = parseIsoDate(dateOfBirth);
  const day = on.setZone(UK_ZONE).startOf('day');
  if (!born || born > day) return null;
  for (const [years, group] of BOUNDARIES) {
    if (day < born.plus({ years })) return group;
  }
  return AgeGroup.Over8;
}

/** The distinct age groups of several children, in the vocabulary's order. */
export function ageGroupsOf(datesOfBirth: readonly string[], on: DateTime = ukToday()): AgeGroup[] {
  const groups = new Set(datesOfBirth.map((dob) => ageGroupOn(dob, on)).filter((g): g is AgeGroup => g !== null));
  return Object.values(AgeGroup).filter((g) => groups.has(g));
}
