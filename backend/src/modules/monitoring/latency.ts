import { LATENCY_BUCKETS_MS } from './entities/request-stat.entity';

/**
 * The latency (ms) below which `quantile` of the requests fell, from per-bucket counts
 * (non-cumulative, one more than LATENCY_BUCKETS_MS: the last is "slower than the last bound").
 * Interpolates linearly inside the bucket, as Prometheus's histogram_quantile does; null without
 * requests.
 */
export function quantileFromBuckets(counts: readonly number[], quantile: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = quantile * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const inBucket = counts[i]!;
    if (inBucket > 0 && seen + inBucket >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
      // Beyond the last bound there is no upper edge: report the last bound.
      if (i >= LATENCY_BUCKETS_MS.length) return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]!;
      const upper = LATENCY_BUCKETS_MS[i]!;
      return Math.round((lower + ((rank - seen) / inBucket) * (upper - lower)) * 10) / 10;
    }
    seen += inBucket;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]!;
}

/** Non-cumulative bucket counts from Prometheus-style cumulative ones (same order, +Inf last). */
export function decumulate(cumulative: readonly number[]): number[] {
  return cumulative.map((n, i) => n - (i === 0 ? 0 : cumulative[i - 1]!));
}
