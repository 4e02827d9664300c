/**
 * @module metrics/classification/curves
 * ROC and precision-recall curve points for a binary task, the same points as sklearn's
 * roc_curve (drop_intermediate=True by default) and precision_recall_curve (sklearn 1.2).
 */
import { checkNonEmpty, checkWeights } from '../internal/validate.js';
import { binaryCurveOf, checkScores, positiveMask, type BinaryCurve } from './binary-curve.js';

export interface BinaryCurveOptions {
  sampleWeight?: Float64Array;
  /** The positive class; default 1, and then y_true must hold only 0 and 1. */
  posLabel?: number;
}

export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  /** Decreasing; thresholds[0] = highest score + 1 stands for "nothing predicted positive" (sklearn 1.2). */
  readonly thresholds: Float64Array;
}

export interface PrecisionRecallCurve {
  /** precision[i] at score >= thresholds[i]; the last element is 1 (no threshold). */
  readonly precision: Float64Array;
  /** Decreasing; the last element is 0. */
  readonly recall: Float64Array;
  /** Increasing distinct scores. */
  readonly thresholds: Float64Array;
}

/** The cumulative counts for a binary y_true and scores, with input checks. */
export function checkedBinaryCurve(metric: string, yTrue: Int32Array, yScore: Float64Array, opts: BinaryCurveOptions): BinaryCurve {
  checkNonEmpty(metric, yTrue.length);
  checkScores(metric, yTrue, yScore);
  checkWeights(metric, opts.sampleWeight, yTrue.length);
  return binaryCurveOf(positiveMask(metric, yTrue, opts.posLabel), yScore, opts.sampleWeight);
}

/** ROC points from cumulative counts (sklearn's roc_curve body). */
export function rocFromCurve(curve: BinaryCurve, dropIntermediate = true): RocCurve {
  let { fps, tps, thresholds } = curve;
  if (dropIntermediate && fps.length > 2) {
    // Keep a point only where the curve turns: a non-zero second difference in fps or tps.
    const last = fps.length - 1;
    const f2 = new Float64Array(fps.length);
    const t2 = new Float64Array(fps.length);
    const th2 = new Float64Array(fps.length);
    let m = 0;
    for (let i = 0; i <= last; i++) {
      const corner = i === 0 || i === last
        || (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) !== 0
        || (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) !== 0;
      if (corner) {
        f2[m] = fps[i];
        t2[m] = tps[i];
        th2[m] = thresholds[i];
        m++;
      }
    }
    fps = f2.subarray(0, m);
    tps = t2.subarray(0, m);
    thresholds = th2.subarray(0, m);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const th = new Float64Array(m);
  const fTotal = fps[fps.length - 1];
  const tTotal = tps[tps.length - 1];
  th[0] = thresholds[0] + 1;
  for (let i = 1; i < m; i++) {
    // No negatives (or no positives): the rate is undefined, NaN as in sklearn.
    fpr[i] = fTotal <= 0 ? NaN : fps[i - 1] / fTotal;
    tpr[i] = tTotal <= 0 ? NaN : tps[i - 1] / tTotal;
    th[i] = thresholds[i - 1];
  }
  if (fTotal <= 0) fpr[0] = NaN;
  if (tTotal <= 0) tpr[0] = NaN;
  return { fpr, tpr, thresholds: th };
}

/** Precision-recall points from cumulative counts (sklearn's precision_recall_curve body). */
export function prFromCurve(curve: BinaryCurve): PrecisionRecallCurve {
  const { fps, tps, thresholds } = curve;
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  const tTotal = tps[m - 1];
  for (let i = 0; i < m; i++) {
    const src = m - 1 - i;
    const ps = tps[src] + fps[src];
    precision[i] = ps !== 0 ? tps[src] / ps : 0;
    // No positive at all: sklearn sets recall to 1 at every threshold.
    recall[i] = tTotal === 0 ? 1 : tps[src] / tTotal;
    th[i] = thresholds[src];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}

/**
 * Receiver operating characteristic: false and true positive rates at each threshold.
 * @example rocCurve(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)).tpr // [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(yTrue: Int32Array, yScore: Float64Array, opts: BinaryCurveOptions & { dropIntermediate?: boolean } = {}): RocCurve {
  return rocFromCurve(checkedBinaryCurve('roc_curve', yTrue, yScore, opts), opts.dropIntermediate ?? true);
}

/**
 * Precision and recall at each distinct score threshold.
 * @example precisionRecallCurve(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)).precision // [0.5, 0.667, 0.5, 1, 1]
 */
export function precisionRecallCurve(yTrue: Int32Array, yScore: Float64Array, opts: BinaryCurveOptions = {}): PrecisionRecallCurve {
  return prFromCurve(checkedBinaryCurve('precision_recall_curve', yTrue, yScore, opts));
}
