/**
 * @module learners/gbdt/objectives/percentile
 * LightGBM's percentile rules, used for the starting score and the leaf values of the L1 and
 * quantile objectives. They are reproduced as written (including LightGBM's choice of
 * position, e.g. its median of [1, 2, 3, 4] is 3) so that models match LightGBM's.
 */

/** Unweighted: descending position (1 − α)·n, interpolated towards the larger neighbour. */
export function percentile(values: Float64Array, alpha: number): number {
  const n = values.length;
  if (n === 0) return 0;
  if (n === 1) return values[0];
  const floatPos = (1 - alpha) * n;
  const pos = Math.floor(floatPos);
  if (pos < 1) {
    let m = values[0];
    for (let i = 1; i < n; i++) if (values[i] > m) m = values[i];
    return m;
  }
  if (pos >= n) {
    let m = values[0];
    for (let i = 1; i < n; i++) if (values[i] < m) m = values[i];
    return m;
  }
  const bias = floatPos - pos;
  const desc = Float64Array.from(values).sort().reverse();
  const v1 = desc[pos - 1];
  const v2 = desc[pos];
  return v1 - (v1 - v2) * bias;
}

/**
 * Weighted: the first value (in sorted order) whose weighted CDF exceeds α·W. LightGBM
 * interpolates here with a formula that reads the wrong CDF step and can leave the interval
 * of its two neighbours (weights 1,1,1,100,1,1,1 over 1..7 give −47 for the median); we take
 * the step value instead, which is the textbook weighted percentile.
 */
export function weightedPercentile(values: Float64Array, weights: Float64Array, alpha: number): number {
  const n = values.length;
  if (n === 0) return 0;
  if (n === 1) return values[0];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const cdf = new Float64Array(n);
  cdf[0] = weights[order[0]];
  for (let i = 1; i < n; i++) cdf[i] = cdf[i - 1] + weights[order[i]];
  const threshold = cdf[n - 1] * alpha;
  // upper_bound: first position with cdf > threshold
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > threshold) hi = mid;
    else lo = mid + 1;
  }
  return values[order[Math.min(lo, n - 1)]];
}
