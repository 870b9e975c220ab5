import { formatPence } from '@shared/money/format-pence';
import type { AgeGroup, ChildminderServiceCode, Inspection, OpeningHours, Weekday } from './childminder-types';

/** The API's vocabularies in words, in the order forms list them. */
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  baby: 'Babies (under 1)',
  toddler: 'Toddlers (1–2)',
  preschool: 'Pre-school (3–4)',
  school_age: 'School age (5–7)',
  over_8: '8 and over',
};
export const AGE_GROUPS = Object.keys(AGE_GROUP_LABELS) as AgeGroup[];

export const SERVICE_LABELS: Record<ChildminderServiceCode, string> = {
  school_drop_off: 'School drop-off',
  school_pick_up: 'School pick-up',
  meals: 'Meals provided',
  funded_hours_15: '15 funded hours',
  funded_hours_30: '30 funded hours',
};
export const SERVICES = Object.keys(SERVICE_LABELS) as ChildminderServiceCode[];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
export const WEEKDAYS = Object.keys(WEEKDAY_LABELS) as Weekday[];

const LEGACY_GRADES: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

const REPORT_CARD_GRADES: Record<string, string> = {
  exceptional: 'Exceptional',
  strong_standard: 'Strong standard',
  expected_standard: 'Expected standard',
  needs_attention: 'Needs attention',
  urgent_improvement: 'Urgent improvement',
};

export const REPORT_CARD_AREA_LABELS: Record<string, string> = {
  inclusion: 'Inclusion',
  curriculumAndTeaching: 'Curriculum and teaching',
  achievement: 'Achievement',
  behaviourAttitudesAndRoutines: 'Behaviour, attitudes and routines',
  childrensWelfareAndWellBeing: "Children's welfare and well-being",
  leadershipAndGovernance: 'Leadership and governance',
};

/** 650 -> "£6.50 an hour"; null -> "Rate on request". */
export function formatHourlyRate(pence: number | null | undefined): string {
  return pence == null ? 'Rate on request' : `${formatPence(pence)} an hour`;
}

/** 0 -> "In your area", 1 -> "1 mile away", 2.4 -> "2.4 miles away". */
export function formatDistance(miles: number): string {
  if (miles < 0.1) return 'In your area';
  return `${miles} ${miles === 1 ? 'mile' : 'miles'} away`;
}

/** "4.8 out of 5 (12 reviews)", or "No reviews yet". */
export function formatRating(average: number | null | undefined, count: number): string {
  if (average == null || count === 0) return 'No reviews yet';
  return `${average.toFixed(1)} out of 5 (${count} ${count === 1 ? 'review' : 'reviews'})`;
}

/** "Usually replies within 2 hours" from her median minutes to answer (rounded up, as a parent reads it). */
export function formatUsualReply(minutes: number): string {
  const hours = Math.ceil(minutes / 60);
  const days = Math.ceil(hours / 24);
  const within = minutes <= 60 ? 'an hour' : hours < 24 ? `${hours} hours` : days === 1 ? 'a day' : `${days} days`;
  return `Usually replies within ${within}`;
}

export function legacyGradeLabel(grade: string | undefined): string {
  return grade ? (LEGACY_GRADES[grade] ?? grade) : '';
}

export function reportCardGradeLabel(grade: string | undefined): string {
  return grade ? (REPORT_CARD_GRADES[grade] ?? grade) : '';
}

/** One line for a result card or a heading: "Ofsted: Good (May 2023)". */
export function inspectionSummary(inspection: Inspection | null | undefined): string | null {
  if (!inspection) return null;
  const when = new Date(`${inspection.inspectedOn}T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  return inspection.framework === 'legacy'
    ? `Ofsted: ${legacyGradeLabel(inspection.overallGrade)} (${when})`
    : `Ofsted report card (${when})`;
}

/** "07:30–18:00" or "Closed". */
export function formatDayHours(hours: OpeningHours[Weekday] | undefined): string {
  return hours ? `${hours.open}–${hours.close}` : 'Closed';
}
