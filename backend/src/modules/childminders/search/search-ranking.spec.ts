import { rankSearchResults, roundMiles, SearchCandidate, SearchSort } from './search-ranking';

/** Points due north of the origin: 1/69.09 degree of latitude is about a mile. */
const origin = { latitude: 51.5, longitude: -0.1 };
const milesNorth = (miles: number) => ({ latitude: origin.latitude + miles / 69.0934, longitude: origin.longitude });
const candidate = (
  id: string,
  miles: number,
  rate: number | null,
  rating: number | null = null,
  count = rating === null ? 0 : 10,
): SearchCandidate => ({
  id,
  userId: `user-${id}`,
  ...milesNorth(miles),
  hourlyRatePence: rate,
  ratingAverage: rating,
  ratingCount: count,
});

describe('rankSearchResults', () => {
  const candidates = [
    candidate('far', 9, 500, 4.9),
    candidate('near', 1, 700, 4.1),
    candidate('mid-unrated', 4, 450),
    candidate('outside-radius-but-in-box', 10.5, 400, 5),
    candidate('mid-rated', 4, 650, 4.1, 30),
  ];

  it('keeps only the candidates within the radius, by exact distance', () => {
    const ranked = rankSearchResults(candidates, origin, 10, SearchSort.Distance);
    expect(ranked.map((r) => r.id)).toEqual(['near', 'mid-rated', 'mid-unrated', 'far']);
    expect(ranked[0]!.distanceMiles).toBeCloseTo(1, 2);
  });

  it('by rating: best first, more reviews break a tie, unrated last', () => {
    expect(rankSearchResults(candidates, origin, 10, SearchSort.Rating).map((r) => r.id)).toEqual([
      'far',
      'mid-rated',
      'near',
      'mid-unrated',
    ]);
  });

  it('by price: cheapest first, a missing rate last, equal rates by distance', () => {
    const withTie = [...candidates, candidate('cheap-far', 8, 450), candidate('no-rate', 0.5, null)];
    expect(rankSearchResults(withTie, origin, 10, SearchSort.Price).map((r) => r.id)).toEqual([
      'mid-unrated',
      'cheap-far',
      'far',
      'mid-rated',
      'near',
      'no-rate',
    ]);
  });

  it('equal candidates keep a stable order by id, so pages do not overlap', () => {
    const same = ['c', 'a', 'b'].map((id) => candidate(id, 2, 500, 4));
    expect(rankSearchResults(same, origin, 5, SearchSort.Distance).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('roundMiles', () => {
  it.each([
    [0, 0],
    [1.04, 1],
    [1.05, 1.1],
    [12.449, 12.4],
  ])('%p -> %p', (miles, shown) => expect(roundMiles(miles)).toBe(shown));
});
