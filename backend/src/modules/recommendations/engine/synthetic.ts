import { Feature, FEATURES, FeatureVector } from './features';
import { ChoiceSet, matchProbability, meanVector, PRIOR_WEIGHTS, toVector, train, Weights } from './model';

/**
 * A synthetic population for judging the recommender offline: parents with preferences the
 * model cannot see, a log of what they were shown (ranked by the prior weights, as a new
 * installation would) and what they chose, and held-out parents to rank for. Used by
 * `npm run eval:recommendations` and its unit test; seeded, so every run gives the same table.
 */

/** mulberry32: small, fast and good enough for simulation; not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What families in the simulation really care about: the days and the children's places above
 * all, then price and distance; stars matter less than the prior assumes.
 */
export const HIDDEN_PREFERENCES: Weights = {
  nearness: 2,
  rating: 1,
  reviews: 0.3,
  ageFit: 3,
  scheduleFit: 3,
  priceFit: 2,
  verified: 1.5,
  language: 1,
  specialNeeds: 1.5,
  replyRate: 1.5,
  replyTime: 1,
};

export interface Population {
  /** Choice sets of the training parents. */
  log: ChoiceSet[];
  /** For each held-out parent: a pool of candidates and each one's true relevance. */
  heldOut: { pool: FeatureVector[]; utility: number[] }[];
}

export interface PopulationOptions {
  seed?: number;
  trainingParents?: number;
  heldOutParents?: number;
  poolSize?: number;
  shown?: number;
  sessionsPerParent?: number;
}

function candidate(random: () => number): number[] {
  const values: Record<Feature, number> = {
    nearness: random(),
    rating: Math.min(1, 0.5 + random() * 0.5),
    reviews: random(),
    ageFit: random() < 0.6 ? 1 : random() < 0.5 ? 0.5 : 0,
    scheduleFit: random() < 0.5 ? 1 : 0,
    priceFit: random(),
    verified: random() < 0.6 ? 1 : 0,
    language: random() < 0.2 ? 1 : 0.5,
    specialNeeds: random() < 0.3 ? (random() < 0.5 ? 1 : 0) : 0.5,
    // A third have too few enquiries to judge; quick repliers tend to reply to more parents.
    replyRate: 0.5,
    replyTime: 0.5,
  };
  if (random() >= 0.33) {
    values.replyTime = random();
    values.replyRate = Math.min(1, 0.3 + values.replyTime * 0.5 + random() * 0.3);
  }
  // Popular childminders collect reviews and ratings together, as in life.
  values.rating = Math.min(1, values.rating + values.reviews * 0.1);
  return FEATURES.map((f) => values[f]);
}

function personalPreferences(random: () => number): number[] {
  return toVector(HIDDEN_PREFERENCES).map((w) => w * (0.5 + random()));
}

const utilityOf = (prefs: readonly number[], x: FeatureVector) => x.reduce((s, v, k) => s + v * prefs[k]!, 0);

/** A Gumbel draw: adding it to utilities and taking the largest is choosing by softmax. */
const gumbel = (random: () => number) => -Math.log(-Math.log(Math.max(random(), 1e-12)));

export function syntheticPopulation(options: PopulationOptions = {}): Population {
  const {
    seed = 2026,
    trainingParents = 400,
    heldOutParents = 200,
    poolSize = 30,
    shown = 10,
    sessionsPerParent = 4,
  } = options;
  const random = seededRandom(seed);
  const log: ChoiceSet[] = [];
  for (let p = 0; p < trainingParents; p++) {
    const prefs = personalPreferences(random);
    for (let s = 0; s < sessionsPerParent; s++) {
      const pool = Array.from({ length: poolSize }, () => candidate(random));
      const list = rankBy(pool, (x) => matchProbability(PRIOR_WEIGHTS, x, meanVector(pool))).slice(0, shown);
      const scored = list.map((x) => utilityOf(prefs, x) + gumbel(random));
      const best = scored.indexOf(Math.max(...scored));
      // About one click in three ends in a booking, which counts for more than a click.
      log.push({ shown: list, chosen: [{ index: best, weight: random() < 0.33 ? 3 : 1 }] });
    }
  }
  const heldOut = Array.from({ length: heldOutParents }, () => {
    const prefs = personalPreferences(random);
    const pool = Array.from({ length: poolSize }, () => candidate(random));
    return { pool, utility: pool.map((x) => utilityOf(prefs, x)) };
  });
  return { log, heldOut };
}

function rankBy(pool: readonly FeatureVector[], score: (x: FeatureVector) => number): FeatureVector[] {
  return [...pool].sort((a, b) => score(b) - score(a));
}

/**
 * NDCG@k with graded relevance from the parent's true utility: the best candidate in the pool
 * counts 3, the next two 2, the next three 1, the rest 0.
 */
export function ndcgAt(k: number, ranking: readonly number[], utility: readonly number[]): number {
  const order = utility.map((u, i) => ({ u, i })).sort((a, b) => b.u - a.u);
  const relevance = new Array<number>(utility.length).fill(0);
  order.forEach(({ i }, position) => (relevance[i] = position === 0 ? 3 : position < 3 ? 2 : position < 6 ? 1 : 0));
  const dcg = (indexes: readonly number[]) =>
    indexes.slice(0, k).reduce((s, idx, pos) => s + (2 ** relevance[idx]! - 1) / Math.log2(pos + 2), 0);
  const ideal = dcg(order.map((o) => o.i));
  return ideal === 0 ? 0 : dcg(ranking) / ideal;
}

/** A ranker: a score for each candidate of a pool (highest first). */
export type Ranker = (pool: readonly FeatureVector[]) => number[];

export const rankerFor =
  (weights: Weights): Ranker =>
  (pool) => {
    const mean = meanVector(pool);
    return pool.map((x) => matchProbability(weights, x, mean));
  };
export const distanceOnly: Ranker = (pool) => pool.map((x) => x[FEATURES.indexOf('nearness')]!);
/** Popularity: the most-reviewed first, then the best rated. */
export const popularity: Ranker = (pool) =>
  pool.map((x) => x[FEATURES.indexOf('reviews')]! + x[FEATURES.indexOf('rating')]! * 1e-3);

export function meanNdcg(heldOut: Population['heldOut'], ranker: Ranker, k = 10): number {
  const total = heldOut.reduce((sum, { pool, utility }) => {
    const scores = ranker(pool);
    const ranking = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
    return (
      sum +
      ndcgAt(
        k,
        ranking.map((r) => r.i),
        utility,
      )
    );
  }, 0);
  return heldOut.length === 0 ? 0 : total / heldOut.length;
}

export interface Evaluation {
  learned: Weights;
  rows: { ranker: string; ndcg10: number }[];
}

/** Trains on the population's log and scores every ranker on its held-out parents. */
export function evaluate(population: Population): Evaluation {
  const { weights } = train(population.log, PRIOR_WEIGHTS);
  return {
    learned: weights,
    rows: [
      { ranker: 'learned model', ndcg10: meanNdcg(population.heldOut, rankerFor(weights)) },
      { ranker: 'prior weights', ndcg10: meanNdcg(population.heldOut, rankerFor(PRIOR_WEIGHTS)) },
      { ranker: 'distance only', ndcg10: meanNdcg(population.heldOut, distanceOnly) },
      { ranker: 'popularity', ndcg10: meanNdcg(population.heldOut, popularity) },
    ],
  };
}
