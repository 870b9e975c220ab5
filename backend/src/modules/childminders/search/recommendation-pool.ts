import { AgeGroup } from '../childminder-vocabulary';
import { ChildminderSearchResult } from '../dto/childminder.response';

/**
 * A listed childminder near a family, as the recommender ranks her: her public search result
 * and the facts a match is judged on. Plain data, so the recommendations module never sees
 * this module's entities.
 */
export interface RecommendationCandidate {
  result: ChildminderSearchResult;
  userId: string;
  /** Exact distance, not the rounded one in `result`. */
  distanceMiles: number;
  ratingAverage: number | null;
  ratingCount: number;
  hourlyRatePence: number | null;
  ageGroups: readonly AgeGroup[];
  capacityUnder1: number;
  capacityYoung: number;
  capacityUnder8: number;
  /** Lower case. */
  languages: readonly string[];
  specialNeedsExperience: boolean;
  /** Every compliance requirement is met and verified. */
  verified: boolean;
  /** On a plan that features her in recommendations. */
  featured: boolean;
}
