/**
 * @module metrics/classification/mcc
 * Matthews correlation coefficient, binary and multiclass (Gorodkin's R_K), as
 * sklearn.metrics.matthews_corrcoef: computed from the confusion matrix; 0 when either the
 * true or the predicted labels are constant (the correlation is undefined there).
 */
import { npSum } from '../internal/numpy-sum.js';
import type { LabelMetricOptions } from './accuracy.js';
import { checkLabelInputs, confusionMatrix } from './confusion.js';

/**
 * MCC in [-1, 1]: 1 perfect, 0 no better than chance, -1 total disagreement.
 * @example matthewsCorrcoef(Int32Array.of(1, 1, 0, 0), Int32Array.of(1, 0, 0, 0)) // 0.577…
 */
export function matthewsCorrcoef(yTrue: Int32Array, yPred: Int32Array, opts: LabelMetricOptions = {}): number {
  const k = checkLabelInputs('matthews_corrcoef', yTrue, yPred, opts.sampleWeight, opts.nClasses);
  const c = confusionMatrix(yTrue, yPred, { nClasses: k, sampleWeight: opts.sampleWeight }).matrix;
  const tSum = new Float64Array(k);
  const pSum = new Float64Array(k);
  let nCorrect = 0;
  for (let i = 0; i < k; i++) {
    tSum[i] = npSum(c.subarray(i * k, (i + 1) * k));
    nCorrect += c[i * k + i];
    for (let j = 0; j < k; j++) pSum[j] += c[i * k + j];
  }
  const nSamples = npSum(pSum);
  const covYtYp = nCorrect * nSamples - dot(tSum, pSum);
  const covYpYp = nSamples ** 2 - dot(pSum, pSum);
  const covYtYt = nSamples ** 2 - dot(tSum, tSum);
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
