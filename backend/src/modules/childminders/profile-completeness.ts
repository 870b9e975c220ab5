import { WEEKDAYS } from './childminder-vocabulary';
import type { ChildminderProfile } from './entities/childminder-profile.entity';

/** One thing a complete profile has. `required` items decide whether the profile is searchable. */
interface CompletenessItem {
  key: string;
  label: string;
  required: boolean;
  done: (profile: CompletenessInput) => boolean;
}

export type CompletenessInput = Pick<
  ChildminderProfile,
  | 'displayName'
  | 'bio'
  | 'photoUrl'
  | 'postcode'
  | 'latitude'
  | 'longitude'
  | 'hourlyRatePence'
  | 'ageGroups'
  | 'languages'
  | 'services'
  | 'openingHours'
  | 'ofstedUrn'
  | 'ofstedRegisteredOn'
  | 'inspection'
>;

/** A bio this short tells parents nothing. */
export const MIN_BIO_LENGTH = 50;

const ITEMS: readonly CompletenessItem[] = [
  { key: 'displayName', label: 'Your name as parents see it', required: true, done: (p) => !!p.displayName?.trim() },
  {
    key: 'bio',
    label: `A description of your setting (at least ${MIN_BIO_LENGTH} characters)`,
    required: true,
    done: (p) => (p.bio?.trim().length ?? 0) >= MIN_BIO_LENGTH,
  },
  {
    key: 'postcode',
    label: 'Your postcode (only the first part is shown)',
    required: true,
    done: (p) => !!p.postcode && p.latitude !== null && p.longitude !== null,
  },
  { key: 'hourlyRate', label: 'Your hourly rate', required: true, done: (p) => (p.hourlyRatePence ?? 0) > 0 },
  { key: 'ageGroups', label: 'The ages you care for', required: true, done: (p) => p.ageGroups.length > 0 },
  { key: 'languages', label: 'The languages you speak', required: true, done: (p) => p.languages.length > 0 },
  {
    key: 'openingHours',
    label: 'Your opening hours',
    required: true,
    done: (p) => WEEKDAYS.some((day) => !!p.openingHours?.[day]),
  },
  { key: 'ofstedUrn', label: 'Your Ofsted URN', required: true, done: (p) => !!p.ofstedUrn },
  { key: 'photo', label: 'A photo', required: false, done: (p) => !!p.photoUrl },
  { key: 'services', label: 'The services you offer', required: false, done: (p) => p.services.length > 0 },
  {
    key: 'ofstedRegisteredOn',
    label: 'Your Ofsted registration date',
    required: false,
    done: (p) => !!p.ofstedRegisteredOn,
  },
  { key: 'inspection', label: 'Your latest inspection outcome', required: false, done: (p) => !!p.inspection },
];

export interface Completeness {
  /** 0-100: the share of checklist items done. */
  percent: number;
  /** Every required item is done: the profile may appear in search. */
  complete: boolean;
  /** What is still to do, required items first. */
  missing: { key: string; label: string; required: boolean }[];
}

export function profileCompleteness(profile: CompletenessInput): Completeness {
  const missing = ITEMS.filter((item) => !item.done(profile));
  return {
    percent: Math.round(((ITEMS.length - missing.length) / ITEMS.length) * 100),
    complete: missing.every((item) => !item.required),
    missing: [...missing]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map(({ key, label, required }) => ({ key, label, required })),
  };
}
