/**
 * @module metrics/regression/residual-summary
 * A summary of the residuals r = y_true − y_pred for reports and monitoring: count, mean,
 * standard deviation (population, ddof = 0, like np.std), min, max and quantiles
 * (NumPy's default linear interpolation). Positive mean residual = the model under-predicts.
 */
import { npSum } from '../internal/numpy-sum.js';
import { sortedQuantile } from '../internal/quantile.js';
import { paramError } from '../internal/validate.js';
import { checkRegression } from './check.js';

export interface ResidualSummary {
  readonly n: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Quantile levels, increasing, and the residual at each. */
  readonly quantiles: { readonly q: number; readonly value: number }[];
}

/** Default quantile levels: the whiskers and box of a box plot. */
export const DEFAULT_RESIDUAL_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Summary statistics of y_true − y_pred (unweighted).
 * @example residualSummary(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 1)).mean // 1
 */
export function residualSummary(yTrue: Float64Array, yPred: Float64Array, opts: { quantiles?: readonly number[] } = {}): ResidualSummary {
  checkRegression('residual_summary', yTrue, yPred);
  const n = yTrue.length;
  const levels = opts.quantiles ?? DEFAULT_RESIDUAL_QUANTILES;
  for (const q of levels) if (!(q >= 0 && q <= 1)) throw paramError('residual_summary', 'quantiles', 'numbers in [0, 1]', q);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = yTrue[i] - yPred[i];
  const mean = npSum(r) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = (r[i] - mean) * (r[i] - mean);
  const std = Math.sqrt(npSum(sq) / n);
  const sorted = r.slice().sort();
  return {
    n,
    mean,
    std,
    min: sorted[0],
    max: sorted[n - 1],
    quantiles: [...levels].sort((a, b) => a - b).map((q) => ({ q, value: sortedQuantile(sorted, q) })),
  };
}
