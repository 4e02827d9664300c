/**
 * @module metrics/classification/average-precision
 * Average precision, the step-wise area under the precision-recall curve
 * (sklearn.metrics.average_precision_score): AP = Σₙ (Rₙ - Rₙ₋₁)·Pₙ, with no interpolation.
 * This is what Modelwright calls PR AUC. Multiclass scores are averaged one-vs-rest over the
 * label-binarized y_true, as sklearn does for an indicator matrix.
 */
import { npSum } from '../internal/numpy-sum.js';
import { checkBinaryLabels, checkNonEmpty, checkWeights, probaWidth, resolveNClasses, secondColumn } from '../internal/validate.js';
import { binaryCurveOf } from './binary-curve.js';
import { prFromCurve } from './curves.js';
import { checkOvrAverage, oneVsRest, type OvrAverage } from './one-vs-rest.js';

export interface AveragePrecisionOptions {
  sampleWeight?: Float64Array;
  /** Number of classes K of an n×K score matrix; default: inferred from its length. */
  nClasses?: number;
  /** Multiclass averaging: 'macro' (default), 'weighted' by class support, or 'micro'. */
  average?: OvrAverage;
}

/** Binary AP on a 0/1 positive mask. 0 when there is no positive row (sklearn warns and returns 0). */
export function binaryAveragePrecision(isPos: Uint8Array, scores: Float64Array, w?: Float64Array): number {
  const { precision, recall } = prFromCurve(binaryCurveOf(isPos, scores, w));
  const parts = new Float64Array(recall.length - 1);
  for (let i = 0; i < parts.length; i++) parts[i] = (recall[i + 1] - recall[i]) * precision[i];
  return -npSum(parts);
}

/**
 * Average precision (PR AUC). Binary: one score per row (or an n×2 matrix, second column used),
 * y_true in {0, 1}. Multiclass: the row-major n×K probability matrix; a class absent from y_true
 * scores 0 (sklearn's convention).
 * @example averagePrecisionScore(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.833…
 */
export function averagePrecisionScore(yTrue: Int32Array, yScore: Float64Array, opts: AveragePrecisionOptions = {}): number {
  const metric = 'average_precision_score';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkWeights(metric, opts.sampleWeight, n);
  const width = probaWidth(metric, yScore, n, opts.nClasses);
  if (width <= 2) {
    const scores = width === 1 ? yScore : secondColumn(yScore, n);
    checkBinaryLabels(metric, yTrue);
    return binaryAveragePrecision(Uint8Array.from(yTrue), scores, opts.sampleWeight);
  }
  const k = resolveNClasses(metric, width, yTrue);
  const average = opts.average ?? 'macro';
  checkOvrAverage(metric, average);
  return oneVsRest(binaryAveragePrecision, yTrue, yScore, k, average, opts.sampleWeight);
}
