/**
 * @module metrics/regression/errors
 * Mean error metrics of regression, each the (weighted) mean of a per-row loss, as in
 * sklearn.metrics: mean_squared_error (and its root), mean_absolute_error,
 * mean_absolute_percentage_error, mean_pinball_loss, mean_poisson_deviance, max_error.
 * All lower-is-better.
 */
import { npAverage } from '../internal/numpy-sum.js';
import { inputError, paramError } from '../internal/validate.js';
import { checkRegression, type RegressionOptions } from './check.js';

function meanLoss(metric: string, yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions, loss: (t: number, p: number) => number): number {
  checkRegression(metric, yTrue, yPred, opts.sampleWeight);
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < out.length; i++) out[i] = loss(yTrue[i], yPred[i]);
  return npAverage(out, opts.sampleWeight);
}

/** Mean of (y - ŷ)². @example meanSquaredError(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.375 */
export function meanSquaredError(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  return meanLoss('mean_squared_error', yTrue, yPred, opts, (t, p) => (t - p) * (t - p));
}

/** √MSE, in the target's units. @example rootMeanSquaredError(Float64Array.of(0, 0), Float64Array.of(3, 4)) // 3.535… */
export function rootMeanSquaredError(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred, opts));
}

/** Mean of |y - ŷ|. @example meanAbsoluteError(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.5 */
export function meanAbsoluteError(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  return meanLoss('mean_absolute_error', yTrue, yPred, opts, (t, p) => Math.abs(p - t));
}

/**
 * Mean of |y - ŷ| / max(|y|, ε) with ε = float64 machine epsilon, as sklearn (a relative error,
 * not a percentage: 0.1 means 10 %; huge when y is 0).
 * @example meanAbsolutePercentageError(Float64Array.of(100, 200), Float64Array.of(110, 180)) // 0.1
 */
export function meanAbsolutePercentageError(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  return meanLoss('mean_absolute_percentage_error', yTrue, yPred, opts, (t, p) => Math.abs(p - t) / Math.max(Math.abs(t), Number.EPSILON));
}

/**
 * Pinball (quantile) loss for quantile `alpha` (default 0.5, where it is half the MAE):
 * alpha·(y - ŷ) when y >= ŷ, (1 - alpha)·(ŷ - y) otherwise.
 * @example meanPinballLoss(Float64Array.of(1, 2, 3), Float64Array.of(0, 2, 3), { alpha: 0.9 }) // 0.3
 */
export function meanPinballLoss(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions & { alpha?: number } = {}): number {
  const alpha = opts.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1)) throw paramError('mean_pinball_loss', 'alpha', 'a number in [0, 1]', alpha);
  return meanLoss('mean_pinball_loss', yTrue, yPred, opts, (t, p) => {
    const diff = t - p;
    return diff >= 0 ? alpha * diff : -((1 - alpha) * diff);
  });
}

/**
 * Mean Poisson deviance 2·(y·ln(y/ŷ) - y + ŷ), for counts and rates: y >= 0 and ŷ > 0 required.
 * @example meanPoissonDeviance(Float64Array.of(2, 0, 1), Float64Array.of(1.5, 0.5, 1))
 */
export function meanPoissonDeviance(yTrue: Float64Array, yPred: Float64Array, opts: RegressionOptions = {}): number {
  const metric = 'mean_poisson_deviance';
  checkRegression(metric, yTrue, yPred, opts.sampleWeight);
  yTrue.forEach((t, i) => { if (t < 0) throw inputError(metric, `y_true holds ${t} at row ${i}; Poisson deviance needs y_true >= 0.`); });
  yPred.forEach((p, i) => { if (!(p > 0)) throw inputError(metric, `y_pred holds ${p} at row ${i}; Poisson deviance needs y_pred > 0.`, 'Use a model with a log link (Poisson objective), whose predictions are positive.'); });
  return meanLoss(metric, yTrue, yPred, opts, (t, p) => 2 * ((t === 0 ? 0 : t * Math.log(t / p)) - t + p));
}

/** Largest |y - ŷ| (no weights, as sklearn). @example maxError(Float64Array.of(3, 2, 7, 1), Float64Array.of(4, 2, 7, 1)) // 1 */
export function maxError(yTrue: Float64Array, yPred: Float64Array): number {
  checkRegression('max_error', yTrue, yPred);
  let m = 0;
  for (let i = 0; i < yTrue.length; i++) m = Math.max(m, Math.abs(yTrue[i] - yPred[i]));
  return m;
}
