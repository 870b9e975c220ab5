import { AgeGroup, Weekday } from '@app/modules/childminders/childminder-vocabulary';
import {
  believableRating,
  CandidateFacts,
  FEATURES,
  featuresOf,
  medianRate,
  NEUTRAL,
  padVector,
  ParentFacts,
} from './features';
import { completeWeights, contributions, matchProbability, meanVector, PRIOR_WEIGHTS, train } from './model';
import { listDays, reasonsFor } from './reasons';

const minder = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  distanceMiles: 1,
  radiusMiles: 10,
  ratingAverage: 4.5,
  ratingCount: 10,
  hourlyRatePence: 600,
  ageGroups: [AgeGroup.Toddler, AgeGroup.Preschool],
  capacityUnder1: 1,
  capacityYoung: 3,
  capacityUnder8: 6,
  languages: ['english'],
  specialNeedsExperience: false,
  verified: true,
  coversCare: null,
  localMedianRatePence: 600,
  repliesAsked: 0,
  replyRate: null,
  medianReplyMinutes: null,
  ...overrides,
});
const family = (overrides: Partial<ParentFacts> = {}): ParentFacts => ({
  children: [{ ageGroup: AgeGroup.Toddler, years: 2 }],
  anySpecialNeeds: false,
  maxHourlyRatePence: null,
  languages: [],
  careDays: null,
  ...overrides,
});
const value = (vector: number[], feature: (typeof FEATURES)[number]) => vector[FEATURES.indexOf(feature)];

describe('features', () => {
  it('a believable rating: one 5-star review does not beat fifty 4.8s', () => {
    expect(believableRating(5, 1)).toBeLessThan(believableRating(4.8, 50));
    expect(believableRating(null, 0)).toBe(4);
  });

  it('the age fit is the share of the children she has places for; a baby needs an under-1 place', () => {
    const twoChildren = family({
      children: [
        { ageGroup: AgeGroup.Toddler, years: 2 },
        { ageGroup: AgeGroup.Baby, years: 0 },
      ],
    });
    expect(value(featuresOf(minder(), twoChildren), 'ageFit')).toBe(0.5);
    expect(value(featuresOf(minder({ ageGroups: [AgeGroup.Baby, AgeGroup.Toddler] }), twoChildren), 'ageFit')).toBe(1);
    const noUnder1Place = minder({ ageGroups: [AgeGroup.Baby, AgeGroup.Toddler], capacityUnder1: 0 });
    expect(value(featuresOf(noUnder1Place, twoChildren), 'ageFit')).toBe(0.5);
    expect(value(featuresOf(minder(), family({ children: [] })), 'ageFit')).toBe(NEUTRAL);
  });

  it('unknowns are neutral; a budget is met in full or missed by degrees', () => {
    const x = featuresOf(minder({ hourlyRatePence: 900 }), family({ maxHourlyRatePence: 600 }));
    expect(value(x, 'priceFit')).toBe(0);
    expect(value(featuresOf(minder({ hourlyRatePence: 500 }), family({ maxHourlyRatePence: 600 })), 'priceFit')).toBe(
      1,
    );
    expect(value(x, 'scheduleFit')).toBe(NEUTRAL);
    expect(value(x, 'language')).toBe(NEUTRAL);
    expect(value(x, 'specialNeeds')).toBe(NEUTRAL);
    expect(medianRate([500, null, 700, 600])).toBe(600);
    expect(medianRate([null])).toBeNull();
  });
});

describe('scores and reasons', () => {
  const parent = family({ careDays: [Weekday.Tuesday, Weekday.Thursday] });
  const pool = [
    minder({ distanceMiles: 0.4, coversCare: true, ratingAverage: 4.9, ratingCount: 23 }),
    minder({ distanceMiles: 6, coversCare: false, ageGroups: [AgeGroup.SchoolAge] }),
    minder({ distanceMiles: 3, coversCare: false }),
  ];
  const vectors = pool.map((c) => featuresOf(c, parent));
  const mean = meanVector(vectors);

  it('ranks the near childminder with a place on the right days first, scored 0-100', () => {
    const scores = vectors.map((x) => matchProbability(PRIOR_WEIGHTS, x, mean));
    expect(scores[0]).toBeGreaterThan(scores[2]!);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('gives what counted most in words, places and days said once, and never what counted against her', () => {
    const best = reasonsFor(contributions(PRIOR_WEIGHTS, vectors[0]!, mean), pool[0]!, parent);
    expect([...best].sort()).toEqual([
      'Has places for a 2-year-old and is free on Tuesdays and Thursdays',
      'Less than half a mile away',
      'Rated 4.9 by 23 parents',
    ]);
    const worst = reasonsFor(contributions(PRIOR_WEIGHTS, vectors[1]!, mean), pool[1]!, parent);
    expect(worst.join(' ')).not.toMatch(/places|free on/);
    expect(listDays([Weekday.Friday, Weekday.Monday])).toBe('Mondays and Fridays');
  });

  it('training moves the weights towards what parents chose and lowers the loss', () => {
    const cheap = [0.5, 0.5, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 0.5, 0.5];
    const dear = [0.5, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5, 0.5];
    const sets = Array.from({ length: 20 }, () => ({ shown: [dear, cheap], chosen: [{ index: 1, weight: 1 }] }));
    const result = train(sets, PRIOR_WEIGHTS);
    expect(result.weights.priceFit).toBeGreaterThan(PRIOR_WEIGHTS.priceFit);
    expect(result.weights.nearness).toBeCloseTo(PRIOR_WEIGHTS.nearness, 5);
    expect(result.lossAfter).toBeLessThan(result.lossBefore);
    expect(train([], PRIOR_WEIGHTS).weights).toEqual(PRIOR_WEIGHTS);
  });
});

describe('reply rate and time', () => {
  const parent = family();
  const quick = minder({ repliesAsked: 12, replyRate: 0.9, medianReplyMinutes: 95 });
  const slow = minder({ repliesAsked: 12, replyRate: 0.3, medianReplyMinutes: 40 * 60 });

  it('scores a quick, reliable replier above a slow one, and says nothing from too few enquiries', () => {
    expect(value(featuresOf(quick, parent), 'replyTime')).toBeGreaterThan(
      value(featuresOf(slow, parent), 'replyTime')!,
    );
    expect(value(featuresOf(quick, parent), 'replyRate')).toBe(0.9);
    const fewAsked = minder({ repliesAsked: 2, replyRate: 1, medianReplyMinutes: 5 });
    expect(value(featuresOf(fewAsked, parent), 'replyRate')).toBe(NEUTRAL);
    expect(value(featuresOf(fewAsked, parent), 'replyTime')).toBe(NEUTRAL);
  });

  it('says how quickly she usually replies when it counted for her', () => {
    const pool = [quick, slow];
    const vectors = pool.map((c) => featuresOf(c, parent));
    const mean = meanVector(vectors);
    const reasons = reasonsFor(contributions(PRIOR_WEIGHTS, vectors[0]!, mean), quick, parent);
    expect([...reasons].sort()).toEqual(['Replies to 9 in 10 parents within a day', 'Usually replies within 2 hours']);
    expect(reasonsFor(contributions(PRIOR_WEIGHTS, vectors[1]!, mean), slow, parent).join(' ')).not.toMatch(/replies/i);
  });

  it('reads impressions and models stored before the reply features as neutral and prior', () => {
    const before = [1, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 0.5, 0.5];
    expect(padVector(before)).toEqual([...before, NEUTRAL, NEUTRAL]);
    const { replyRate: _rate, replyTime: _time, ...older } = { ...PRIOR_WEIGHTS, nearness: 4 };
    expect(completeWeights(older)).toEqual({ ...PRIOR_WEIGHTS, nearness: 4 });
  });
});
