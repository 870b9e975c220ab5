import { Feature, FEATURES, FeatureVector } from './features';

export type Weights = Readonly<Record<Feature, number>>;

/**
 * The weights a new installation starts from, before any parent has clicked: nearness and a
 * believable rating first, then whether she can take the children on the days needed. Chosen by
 * hand; training replaces them with what parents' choices show.
 */
export const PRIOR_WEIGHTS: Weights = {
  nearness: 3,
  rating: 2.5,
  reviews: 0.5,
  ageFit: 2,
  scheduleFit: 1.5,
  priceFit: 1,
  verified: 1.5,
  language: 0.5,
  specialNeeds: 1,
  replyRate: 1,
  replyTime: 0.75,
};

/**
 * Stored weights as the current feature set reads them: a model trained before a feature existed
 * has no weight for it and takes the prior one, so an older stored version stays usable.
 */
export const completeWeights = (stored: Partial<Weights>): Weights => ({ ...PRIOR_WEIGHTS, ...stored });

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const toVector = (weights: Weights): number[] => FEATURES.map((f) => weights[f]);
export const fromVector = (vector: readonly number[]): Weights =>
  Object.fromEntries(FEATURES.map((f, i) => [f, vector[i] ?? 0])) as Weights;

/** The per-feature mean of a set of vectors: the "typical childminder shown beside her". */
export function meanVector(vectors: readonly FeatureVector[]): number[] {
  const mean = FEATURES.map(() => 0);
  if (vectors.length === 0) return mean;
  for (const v of vectors) v.forEach((x, i) => (mean[i]! += x / vectors.length));
  return mean;
}

/** What each feature adds to (or takes from) the score against the typical candidate. */
export function contributions(weights: Weights, x: FeatureVector, mean: FeatureVector): number[] {
  const w = toVector(weights);
  return x.map((value, i) => w[i]! * (value - mean[i]!));
}

/**
 * The match score, 0-100: the model's probability that a parent would choose this childminder
 * over the typical one shown beside her (a pairwise logistic model, so the probability is what
 * training fits, not a rescaled rank).
 */
export function matchProbability(weights: Weights, x: FeatureVector, mean: FeatureVector): number {
  return probabilityFrom(contributions(weights, x, mean));
}

/** The match probability from the contributions already worked out (for the reasons). */
export const probabilityFrom = (parts: readonly number[]): number => sigmoid(parts.reduce((a, b) => a + b, 0));

/** One list a parent was shown and what they chose from it. */
export interface ChoiceSet {
  /** Feature vectors of everything shown. */
  shown: readonly FeatureVector[];
  /** Indexes in `shown` the parent chose (clicked or booked), with how much each choice counts. */
  chosen: readonly { index: number; weight: number }[];
}

export interface TrainingOptions {
  /** Gradient steps over the whole log. */
  iterations?: number;
  learningRate?: number;
  /** Pull towards the starting weights: with little data the model stays near them. */
  l2?: number;
}

export interface TrainingResult {
  weights: Weights;
  pairs: number;
  /** Mean pairwise log-loss on the training log, before and after. */
  lossBefore: number;
  lossAfter: number;
}

/**
 * Fits the weights to parents' choices: for every chosen childminder and every one shown beside
 * her and not chosen, P(chosen preferred) = sigmoid(w . (x_chosen - x_other)). Full-batch
 * gradient descent on the weighted log-loss with an L2 pull towards `start`; deterministic.
 */
export function train(sets: readonly ChoiceSet[], start: Weights, options: TrainingOptions = {}): TrainingResult {
  const { iterations = 300, learningRate = 0.5, l2 = 0.01 } = options;
  const pairs: { diff: number[]; weight: number }[] = [];
  for (const set of sets) {
    const chosen = new Set(set.chosen.map((c) => c.index));
    for (const { index, weight } of set.chosen) {
      set.shown.forEach((other, j) => {
        if (chosen.has(j)) return;
        pairs.push({ diff: set.shown[index]!.map((x, k) => x - other[k]!), weight });
      });
    }
  }
  const w0 = toVector(start);
  const w = [...w0];
  const totalWeight = pairs.reduce((a, p) => a + p.weight, 0);
  const loss = (v: readonly number[]) =>
    totalWeight === 0
      ? 0
      : pairs.reduce((a, p) => {
          const z = p.diff.reduce((s, d, k) => s + d * v[k]!, 0);
          return a + p.weight * Math.log1p(Math.exp(-z));
        }, 0) / totalWeight;
  const lossBefore = loss(w);
  if (totalWeight > 0) {
    for (let step = 0; step < iterations; step++) {
      const gradient = w.map((wk, k) => 2 * l2 * (wk - w0[k]!));
      for (const p of pairs) {
        const z = p.diff.reduce((s, d, k) => s + d * w[k]!, 0);
        const g = -(1 - sigmoid(z)) * (p.weight / totalWeight);
        p.diff.forEach((d, k) => (gradient[k]! += g * d));
      }
      gradient.forEach((g, k) => (w[k]! -= learningRate * g * FEATURES.length));
    }
  }
  return { weights: fromVector(w), pairs: pairs.length, lossBefore, lossAfter: loss(w) };
}
