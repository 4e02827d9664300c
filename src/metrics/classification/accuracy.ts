/**
 * @module metrics/classification/accuracy
 * Accuracy and balanced accuracy (sklearn.metrics.accuracy_score, balanced_accuracy_score).
 */
import { npAverage, npSum } from '../internal/numpy-sum.js';
import { checkLength, checkNonEmpty, checkWeights } from '../internal/validate.js';
import { checkLabelInputs, confusionMatrix } from './confusion.js';

export interface LabelMetricOptions {
  sampleWeight?: Float64Array;
  /** Number of classes K; default: largest label + 1. */
  nClasses?: number;
}

/**
 * Share of rows whose predicted class equals the true class (weighted by sampleWeight).
 * @example accuracyScore(Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 0)) // 0.666…
 */
export function accuracyScore(yTrue: Int32Array, yPred: Int32Array, opts: { sampleWeight?: Float64Array } = {}): number {
  const metric = 'accuracy_score';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkLength(metric, 'y_pred', yPred, n);
  checkWeights(metric, opts.sampleWeight, n);
  if (opts.sampleWeight === undefined) {
    let hits = 0;
    for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) hits++;
    return hits / n;
  }
  const hit = new Float64Array(n);
  for (let i = 0; i < n; i++) hit[i] = yTrue[i] === yPred[i] ? 1 : 0;
  return npAverage(hit, opts.sampleWeight);
}

/**
 * Mean recall over the classes present in y_true (classes seen only in y_pred are ignored, as in
 * sklearn). With `adjusted`, rescaled so that chance scores 0 and perfect scores 1.
 * @example balancedAccuracyScore(Int32Array.of(0, 0, 0, 1), Int32Array.of(0, 0, 0, 0)) // 0.5
 */
export function balancedAccuracyScore(
  yTrue: Int32Array,
  yPred: Int32Array,
  opts: LabelMetricOptions & { adjusted?: boolean } = {},
): number {
  const k = checkLabelInputs('balanced_accuracy_score', yTrue, yPred, opts.sampleWeight, opts.nClasses);
  // Row sums of the confusion matrix (not direct weight sums) round exactly as sklearn's do.
  const m = confusionMatrix(yTrue, yPred, { nClasses: k, sampleWeight: opts.sampleWeight }).matrix;
  const perClass: number[] = [];
  for (let c = 0; c < k; c++) {
    const row = npSum(m.subarray(c * k, (c + 1) * k));
    if (row !== 0) perClass.push(m[c * k + c] / row);
  }
  let score = npSum(perClass) / perClass.length;
  if (opts.adjusted) {
    const chance = 1 / perClass.length;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
