/**
 * The fixed vocabularies of a childminder profile. Values are stable API strings; the labels
 * for people live in the frontend.
 */

/** Age bands a childminder cares for; a child's band comes from its date of birth (see age-groups.ts). */
export enum AgeGroup {
  /** From birth to the first birthday. */
  Baby = 'baby',
  /** From the first to the third birthday. */
  Toddler = 'toddler',
  /** From the third to the fifth birthday. */
  Preschool = 'preschool',
  /** From the fifth to the eighth birthday. */
  SchoolAge = 'school_age',
  /** From the eighth birthday. */
  Over8 = 'over_8',
}

export enum ChildminderService {
  SchoolDropOff = 'school_drop_off',
  SchoolPickUp = 'school_pick_up',
  Meals = 'meals',
  /** Accepts the 15 hours of government-funded childcare. */
  FundedHours15 = 'funded_hours_15',
  /** Accepts the 30 hours of government-funded childcare. */
  FundedHours30 = 'funded_hours_30',
}

export const FUNDED_HOURS_SERVICE: Record<15 | 30, ChildminderService> = {
  15: ChildminderService.FundedHours15,
  30: ChildminderService.FundedHours30,
};

export enum Weekday {
  Monday = 'monday',
  Tuesday = 'tuesday',
  Wednesday = 'wednesday',
  Thursday = 'thursday',
  Friday = 'friday',
  Saturday = 'saturday',
  Sunday = 'sunday',
}
export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);

export interface DayHours {
  /** `HH:MM`, 24-hour, UK local time. */
  open: string;
  close: string;
}
/** Opening hours per weekday; a missing or null day is closed. */
export type OpeningHours = Partial<Record<Weekday, DayHours | null>>;

/** A registration's status on Ofsted's register of childminders. */
export enum OfstedRegistrationStatus {
  Active = 'active',
  Suspended = 'suspended',
  Cancelled = 'cancelled',
  /** The childminder gave up her registration herself. */
  Resigned = 'resigned',
}

/** Statuses under which she may not care for children: admins are told at once. */
export const OFSTED_STATUSES_TO_FLAG: readonly OfstedRegistrationStatus[] = [
  OfstedRegistrationStatus.Suspended,
  OfstedRegistrationStatus.Cancelled,
];

/** Ofsted's single overall grade, used until the 2025 report cards. */
export enum LegacyGrade {
  Outstanding = 'outstanding',
  Good = 'good',
  RequiresImprovement = 'requires_improvement',
  Inadequate = 'inadequate',
}

/** The five-point scale of Ofsted's report cards (from November 2025). */
export enum ReportCardGrade {
  Exceptional = 'exceptional',
  StrongStandard = 'strong_standard',
  ExpectedStandard = 'expected_standard',
  NeedsAttention = 'needs_attention',
  UrgentImprovement = 'urgent_improvement',
}

/** The report card's evaluation areas for early years providers. */
export const REPORT_CARD_AREAS = [
  'inclusion',
  'curriculumAndTeaching',
  'achievement',
  'behaviourAttitudesAndRoutines',
  'childrensWelfareAndWellBeing',
  'leadershipAndGovernance',
] as const;
export type ReportCardArea = (typeof REPORT_CARD_AREAS)[number];

export type Inspection =
  | { framework: 'legacy'; inspectedOn: string; overallGrade: LegacyGrade }
  | {
      framework: 'report_card';
      inspectedOn: string;
      safeguardingMet: boolean;
      grades: Record<ReportCardArea, ReportCardGrade>;
    };

/** A childminder's registered limits. Defaults are the EYFS ratios for one childminder. */
export interface Capacity {
  /** Children under eight at any one time, the childminder's own included. */
  under8: number;
  /** Of those, "young" children: until 1 September after the fifth birthday. */
  young: number;
  /** Of those, babies under one. */
  under1: number;
}
export const EYFS_DEFAULT_CAPACITY: Capacity = { under8: 6, young: 3, under1: 1 };

export const BIO_MAX_LENGTH = 2000;
export const DISPLAY_NAME_MAX_LENGTH = 100;
export const TOWN_MAX_LENGTH = 100;
export const MAX_LANGUAGES = 10;
export const LANGUAGE_MAX_LENGTH = 30;
export const MAX_OWN_CHILDREN = 10;
/** £250/hour: anything above is a typing mistake, not a rate. */
export const MAX_HOURLY_RATE_PENCE = 25_000;
export const MAX_SEARCH_RADIUS_MILES = 50;
