/**
 * @module profile/numeric-summary
 * Summary statistics of a column's present values, computed from their sorted copy: the sort
 * gives quantiles, distinct counts and histogram counts in single passes.
 */
import type { Histogram } from './histogram.js';
import { histogramOfSorted } from './histogram.js';
import type { NumericStats, Quantiles, TopValue } from './types.js';

/** The p-quantile of sorted values, interpolating linearly (numpy's default, Hyndman–Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  // numpy's arithmetic, step for step, so results match it to the last bit:
  // virtual index n·p + (1 − p) − 1, then a lerp taken from the nearer end.
  const h = Math.min(Math.max(n * p + (1 + p * -1) - 1, 0), n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export function quantilesOf(sorted: ArrayLike<number>): Quantiles {
  return {
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** Statistics of sorted present numbers; `integer` asks for one histogram bar per whole value. */
export function numericStats(sorted: Float64Array, integer: boolean): NumericStats {
  const n = sorted.length;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  // Two passes (mean, then squared deviations) keep the variance accurate for large offsets.
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    ss += d * d;
  }
  return {
    min: n > 0 ? sorted[0] : Number.NaN,
    max: n > 0 ? sorted[n - 1] : Number.NaN,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : n === 1 ? 0 : Number.NaN,
    zeros,
    quantiles: quantilesOf(sorted),
    histogram: histogramOfSorted(sorted, { integer }),
  };
}

/** Histogram of sorted dates (epoch ms). */
export function dateHistogram(sorted: Float64Array): Histogram {
  return histogramOfSorted(sorted, { time: true });
}

/** The `limit` most frequent values of sorted numbers, labelled by `label`. */
export function topSortedValues(sorted: Float64Array, label: (v: number) => string, limit: number): TopValue[] {
  const runs: TopValue[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    runs.push({ value: label(sorted[i]), count: j - i });
    i = j;
  }
  return topOf(runs, limit);
}

/** The `limit` most frequent of (value, count) pairs; ties keep their input order. */
export function topOf(values: TopValue[], limit: number): TopValue[] {
  if (values.length > limit) {
    // Keep only candidates before sorting objects: a million distinct ids must not cost a million-object sort.
    const counts = Int32Array.from(values, (v) => v.count).sort();
    const threshold = counts[counts.length - limit];
    let above = 0;
    for (const v of values) if (v.count > threshold) above++;
    let ties = limit - above;
    values = values.filter((v) => v.count > threshold || (v.count === threshold && ties-- > 0));
  }
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.count - a.v.count || a.i - b.i)
    .slice(0, limit)
    .map(({ v }) => v);
}

/** The `limit` most frequent categories, from per-category counts. */
export function topCategories(categories: readonly string[], counts: Int32Array, limit: number): TopValue[] {
  const values: TopValue[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) values.push({ value: categories[c], count: counts[c] });
  return topOf(values, limit);
}
