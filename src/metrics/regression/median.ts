/**
 * @module metrics/regression/median
 * Median absolute error (sklearn.metrics.median_absolute_error): robust to outliers. Without
 * weights it is NumPy's median (mean of the two middle values for even n); with weights it is
 * sklearn's weighted percentile: the smallest |error| whose cumulative weight reaches half the
 * total (no interpolation).
 */
import { argsortStable } from '../internal/argsort.js';
import { medianInPlace } from '../internal/select.js';
import { checkRegression, type RegressionOptions } from './check.js';

/** @example medianAbsoluteError(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.5 */
export function medianAbsoluteError(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  checkRegression('median_absolute_error', yTrue, yPred, opts.sampleWeight);
  const n = yTrue.length;
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) err[i] = Math.abs(yPred[i] - yTrue[i]);
  const w = opts.sampleWeight;
  if (w === undefined) return medianInPlace(err);
  return weightedMedian(err, w);
}

/** sklearn's `_weighted_percentile(values, w, 50)`. */
function weightedMedian(values: Float64Array, w: Float64Array): number {
  const order = argsortStable(values);
  const cdf = new Float64Array(values.length);
  let acc = 0;
  for (let j = 0; j < order.length; j++) {
    acc += w[order[j]];
    cdf[j] = acc;
  }
  let target = 0.5 * cdf[cdf.length - 1];
  // A zero target would pick leading zero-weight rows; sklearn nudges it up by one ulp.
  if (target === 0) target = Number.MIN_VALUE;
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return values[order[Math.min(lo, order.length - 1)]];
}
