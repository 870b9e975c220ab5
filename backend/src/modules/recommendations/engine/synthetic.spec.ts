import { ndcgAt, evaluate, syntheticPopulation } from './synthetic';

describe('the recommender on a synthetic population', () => {
  it('NDCG is 1 for the ideal order and lower for the reverse', () => {
    const utility = [1, 5, 3, 0, 2, 4, 6];
    const ideal = utility
      .map((u, i) => ({ u, i }))
      .sort((a, b) => b.u - a.u)
      .map((x) => x.i);
    expect(ndcgAt(10, ideal, utility)).toBeCloseTo(1);
    expect(ndcgAt(10, [...ideal].reverse(), utility)).toBeLessThan(0.7);
  });

  it('training on the log beats the prior weights, distance only and popularity on held-out parents', () => {
    const { rows, learned } = evaluate(syntheticPopulation({ trainingParents: 150, heldOutParents: 120 }));
    const ndcg = Object.fromEntries(rows.map((r) => [r.ranker, r.ndcg10]));
    expect(ndcg['learned model']).toBeGreaterThan(ndcg['prior weights']!);
    expect(ndcg['learned model']).toBeGreaterThan(ndcg['distance only']!);
    expect(ndcg['learned model']).toBeGreaterThan(ndcg['popularity']!);
    // What families in the simulation care about most is found: the days outweigh the stars.
    expect(learned.scheduleFit).toBeGreaterThan(learned.rating);
  });
});
