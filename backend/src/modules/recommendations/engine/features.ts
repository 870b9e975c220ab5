import { AgeGroup, Weekday } from '@app/modules/childminders/childminder-vocabulary';
import { MIN_ASKED_TO_JUDGE } from '@app/modules/messaging/response-times';

/**
 * What the recommender knows about a pairing of one parent and one childminder, each as a number
 * from 0 (worst) to 1 (best). 0.5 means "nothing to go on" (no children added yet, no budget
 * given): a neutral value that neither helps nor hurts, because scores compare a childminder
 * with the average of the others shown beside her.
 */
export const FEATURES = [
  'nearness',
  'rating',
  'reviews',
  'ageFit',
  'scheduleFit',
  'priceFit',
  'verified',
  'language',
  'specialNeeds',
  // Added with model version 2's feature set: impressions stored before it lack these two and
  // read as NEUTRAL (padVector), models trained before it take their prior weights (model.ts).
  'replyRate',
  'replyTime',
] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureVector = readonly number[];

export const NEUTRAL = 0.5;

/** Bayesian average: a few reviews are pulled towards the prior, so one 5-star review does not beat fifty 4.8s. */
export const RATING_PRIOR = 4;
export const RATING_PRIOR_WEIGHT = 3;
export function believableRating(average: number | null, count: number): number {
  if (average === null || count <= 0) return RATING_PRIOR;
  return (average * count + RATING_PRIOR * RATING_PRIOR_WEIGHT) / (count + RATING_PRIOR_WEIGHT);
}

/** Answering within this many hours or slower scores 0 on reply time; within minutes, close to 1. */
const REPLY_TIME_FLOOR_HOURS = 48;

/** A stored feature vector from an older, shorter feature set, completed with NEUTRAL. */
export function padVector(vector: readonly number[]): number[] {
  return FEATURES.map((_, i) => vector[i] ?? NEUTRAL);
}

/** Reviews past this many add nothing more: the difference between 40 and 400 says little about care. */
const REVIEWS_SATURATE_AT = 50;

/** A child of the parent, as the recommender needs to know it. */
export interface ChildFacts {
  ageGroup: AgeGroup;
  /** Whole years, for the words ("a 2-year-old"). */
  years: number;
}

/** What is known of the parent: their children, what they asked for, what they booked before. */
export interface ParentFacts {
  children: readonly ChildFacts[];
  anySpecialNeeds: boolean;
  /** A budget the parent gave, in pence an hour. */
  maxHourlyRatePence: number | null;
  /** Languages the parent asked for (lower case). */
  languages: readonly string[];
  /** The weekdays the parent asked about or usually books; null when unknown. */
  careDays: readonly Weekday[] | null;
}

/** What is known of a childminder in the pool, with her distance from the parent. */
export interface CandidateFacts {
  distanceMiles: number;
  radiusMiles: number;
  ratingAverage: number | null;
  ratingCount: number;
  hourlyRatePence: number | null;
  ageGroups: readonly AgeGroup[];
  /** Registered places for under-1s, under-5s and under-8s (EYFS). */
  capacityUnder1: number;
  capacityYoung: number;
  capacityUnder8: number;
  languages: readonly string[];
  specialNeedsExperience: boolean;
  /** Ofsted, DBS, first aid and insurance all verified. */
  verified: boolean;
  /** Her availability covers `careDays` in the coming weeks; null when the parent's days are unknown. */
  coversCare: boolean | null;
  /** The local middle price, for parents who gave no budget; null when nobody nearby gives one. */
  localMedianRatePence: number | null;
  /** Parents who wrote to her first in the last 90 days, the share she answered within a day, her median minutes to answer. */
  repliesAsked: number;
  replyRate: number | null;
  medianReplyMinutes: number | null;
}

/** Whether enough parents wrote to her for her reply rate and time to mean something. */
export const knowsReplies = (c: CandidateFacts): boolean => c.repliesAsked >= MIN_ASKED_TO_JUDGE;

function replyTime(c: CandidateFacts): number {
  if (!knowsReplies(c) || c.medianReplyMinutes === null) return NEUTRAL;
  return clamp01(1 - Math.log1p(c.medianReplyMinutes / 60) / Math.log1p(REPLY_TIME_FLOOR_HOURS));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Whether her registration has places for a child of this age group at all. */
function hasPlacesFor(c: CandidateFacts, group: AgeGroup): boolean {
  if (!c.ageGroups.includes(group)) return false;
  switch (group) {
    case AgeGroup.Baby:
      return c.capacityUnder1 > 0 && c.capacityYoung > 0;
    case AgeGroup.Toddler:
    case AgeGroup.Preschool:
      return c.capacityYoung > 0;
    case AgeGroup.SchoolAge:
      return c.capacityUnder8 > 0;
    case AgeGroup.Over8:
      return true;
  }
}

export function childrenCaredFor(c: CandidateFacts, p: ParentFacts): ChildFacts[] {
  return p.children.filter((child) => hasPlacesFor(c, child.ageGroup));
}

function priceFit(c: CandidateFacts, p: ParentFacts): number {
  if (c.hourlyRatePence === null) return NEUTRAL;
  if (p.maxHourlyRatePence !== null) {
    if (c.hourlyRatePence <= p.maxHourlyRatePence) return 1;
    return clamp01(1 - (c.hourlyRatePence - p.maxHourlyRatePence) / p.maxHourlyRatePence / 0.5);
  }
  if (c.localMedianRatePence === null || c.localMedianRatePence <= 0) return NEUTRAL;
  // 0.5 at the local middle price; each 10% cheaper or dearer moves it by 0.2.
  return clamp01(NEUTRAL + ((c.localMedianRatePence - c.hourlyRatePence) / c.localMedianRatePence) * 2);
}

/** The feature vector of one pairing, in FEATURES order. */
export function featuresOf(c: CandidateFacts, p: ParentFacts): number[] {
  const values: Record<Feature, number> = {
    nearness: c.radiusMiles > 0 ? clamp01(1 - c.distanceMiles / c.radiusMiles) : 1,
    rating: clamp01((believableRating(c.ratingAverage, c.ratingCount) - 1) / 4),
    reviews: clamp01(Math.log1p(c.ratingCount) / Math.log1p(REVIEWS_SATURATE_AT)),
    ageFit: p.children.length === 0 ? NEUTRAL : childrenCaredFor(c, p).length / p.children.length,
    scheduleFit: c.coversCare === null ? NEUTRAL : c.coversCare ? 1 : 0,
    priceFit: priceFit(c, p),
    verified: c.verified ? 1 : 0,
    language:
      p.languages.length === 0 ? NEUTRAL : p.languages.some((l) => c.languages.includes(l.toLowerCase())) ? 1 : 0,
    specialNeeds: !p.anySpecialNeeds ? NEUTRAL : c.specialNeedsExperience ? 1 : 0,
    replyRate: knowsReplies(c) && c.replyRate !== null ? c.replyRate : NEUTRAL,
    replyTime: replyTime(c),
  };
  return FEATURES.map((f) => values[f]);
}

/** The middle of the known hourly rates (null when none is known). */
export function medianRate(rates: readonly (number | null)[]): number | null {
  const known = rates.filter((r): r is number => r !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid]! : Math.round((known[mid - 1]! + known[mid]!) / 2);
}
