/**
 * @module metrics/classification/log-loss
 * Log loss / cross-entropy (sklearn.metrics.log_loss, as in scikit-learn 1.2): probabilities
 * are clipped to [eps, 1 - eps] with eps = float64 machine epsilon (2.22e-16, sklearn's
 * eps="auto"), each row is then renormalized to sum to 1, and the loss is the (weighted) mean of
 * -log p(true class). Column k of an n×K matrix is class k, for every k in 0..K-1 (sklearn's
 * `labels=range(K)`), so a class absent from y_true is allowed.
 */
import { npAverage, npSum } from '../internal/numpy-sum.js';
import { checkBinaryLabels, checkNonEmpty, checkWeights, paramError, probaWidth, resolveNClasses } from '../internal/validate.js';

export interface LogLossOptions {
  sampleWeight?: Float64Array;
  /** Number of classes K of an n×K probability matrix; default: inferred from its length. */
  nClasses?: number;
  /** Clipping bound; default Number.EPSILON (2.220446049250313e-16), sklearn 1.2's "auto" for float64. */
  eps?: number;
}

/**
 * Mean negative log-likelihood of the true class; lower is better.
 * @example logLoss(Int32Array.of(0, 1), Float64Array.of(0.1, 0.8)) // (−ln 0.9 − ln 0.8) / 2 ≈ 0.164
 */
export function logLoss(yTrue: Int32Array, yProba: Float64Array, opts: LogLossOptions = {}): number {
  const metric = 'log_loss';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkWeights(metric, opts.sampleWeight, n);
  const eps = opts.eps ?? Number.EPSILON;
  if (!(eps >= 0 && eps < 0.5)) throw paramError(metric, 'eps', 'a number in [0, 0.5)', eps);
  const width = probaWidth(metric, yProba, n, opts.nClasses);
  const loss = new Float64Array(n);
  const hi = 1 - eps;
  if (width === 1) {
    checkBinaryLabels(metric, yTrue);
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(yProba[i], eps), hi);
      const q = 1 - p;
      const s = q + p;
      loss[i] = -Math.log((yTrue[i] === 1 ? p : q) / s);
    }
  } else {
    const k = resolveNClasses(metric, width, yTrue);
    const row = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) row[c] = Math.min(Math.max(yProba[i * k + c], eps), hi);
      loss[i] = -Math.log(row[yTrue[i]] / npSum(row));
    }
  }
  return npAverage(loss, opts.sampleWeight);
}
