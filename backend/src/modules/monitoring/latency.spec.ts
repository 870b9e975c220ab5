import { decumulate, quantileFromBuckets } from './latency';

describe('quantileFromBuckets', () => {
  const empty = () => new Array<number>(12).fill(0);

  it('has no percentile without requests', () => {
    expect(quantileFromBuckets(empty(), 0.5)).toBeNull();
  });

  it('interpolates inside the bucket that holds the rank', () => {
    const counts = empty();
    counts[0] = 50; // 0-5 ms
    counts[1] = 50; // 5-10 ms
    expect(quantileFromBuckets(counts, 0.5)).toBe(5);
    expect(quantileFromBuckets(counts, 0.75)).toBe(7.5);
    expect(quantileFromBuckets(counts, 0.25)).toBe(2.5);
  });

  it('reports the last bound for requests slower than every bucket', () => {
    const counts = empty();
    counts[11] = 3;
    expect(quantileFromBuckets(counts, 0.99)).toBe(10000);
  });
});

describe('decumulate', () => {
  it('turns cumulative counts into per-bucket counts', () => {
    expect(decumulate([1, 3, 3, 10])).toEqual([1, 2, 0, 7]);
  });
});
