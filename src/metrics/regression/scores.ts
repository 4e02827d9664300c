/**
 * @module metrics/regression/scores
 * Variance-explained scores of regression (higher is better, 1 is perfect), as in sklearn with
 * force_finite=True: r2_score (coefficient of determination) and explained_variance_score.
 * A constant y_true gives 1 for perfect predictions and 0 otherwise instead of ±∞/NaN.
 */
import { npAverage, npSum } from '../internal/numpy-sum.js';
import { checkRegression, type RegressionOptions } from './check.js';

function assemble(numerator: number, denominator: number): number {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}

/**
 * R² = 1 - Σ w(y - ŷ)² / Σ w(y - ȳ)². NaN with fewer than two rows (sklearn warns the same).
 * @example r2Score(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.9486…
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  checkRegression('r2_score', yTrue, yPred, opts.sampleWeight);
  const n = yTrue.length;
  if (n < 2) return NaN;
  const w = opts.sampleWeight;
  const mean = npAverage(yTrue, w);
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    const r = yTrue[i] - yPred[i];
    const d = yTrue[i] - mean;
    num[i] = wi * (r * r);
    den[i] = wi * (d * d);
  }
  return assemble(npSum(num), npSum(den));
}

/**
 * Explained variance = 1 - Var(y - ŷ) / Var(y); unlike R² it ignores a constant bias.
 * @example explainedVarianceScore(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.9571…
 */
export function explainedVarianceScore(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  checkRegression('explained_variance_score', yTrue, yPred, opts.sampleWeight);
  const n = yTrue.length;
  const w = opts.sampleWeight;
  const diff = new Float64Array(n);
  for (let i = 0; i < n; i++) diff[i] = yTrue[i] - yPred[i];
  const diffMean = npAverage(diff, w);
  const trueMean = npAverage(yTrue, w);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const da = diff[i] - diffMean;
    const db = yTrue[i] - trueMean;
    a[i] = da * da;
    b[i] = db * db;
  }
  return assemble(npAverage(a, w), npAverage(b, w));
}
