/**
 * @module metrics/classification/confusion
 * The confusion matrix (sklearn.metrics.confusion_matrix) and the per-class tallies that the
 * label metrics (precision, recall, balanced accuracy, MCC, kappa) are built from.
 * Labels are class indices 0..K-1 in Int32Arrays; weights are optional per-row Float64Arrays.
 */
import { npSum } from '../internal/numpy-sum.js';
import { checkLength, checkNonEmpty, checkWeights, paramError, resolveNClasses } from '../internal/validate.js';

/** A square matrix over `labels`, row-major: `matrix[i * labels.length + j]` counts rows of true class labels[i] predicted as labels[j]. */
export interface ConfusionMatrix {
  readonly labels: Int32Array;
  readonly matrix: Float64Array;
}

export interface ConfusionMatrixOptions {
  /** Number of classes K; default: largest label + 1 (at least 2). */
  nClasses?: number;
  /** Classes to index the matrix by, in order; rows whose true or predicted class is not listed are left out. Default 0..K-1. */
  labels?: Int32Array | readonly number[];
  sampleWeight?: Float64Array;
  /** Divide by row sums ('true'), column sums ('pred') or the total ('all'); empty rows/columns give 0. Default: counts. */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * Counts (or weight sums) of true class × predicted class, as sklearn's confusion_matrix.
 * Unlike sklearn's default, the matrix spans all K classes (a class absent from both arrays
 * gets a zero row and column) so that it lines up with a model's classes; pass `labels` for a subset.
 * @example confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1)).matrix // [1, 0, 1, 1]
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, opts: ConfusionMatrixOptions = {}): ConfusionMatrix {
  const metric = 'confusion_matrix';
  const n = yTrue.length;
  checkLength(metric, 'y_pred', yPred, n);
  checkWeights(metric, opts.sampleWeight, n);
  const k = resolveNClasses(metric, opts.nClasses, yTrue, yPred);
  const labels = opts.labels === undefined ? range(k) : Int32Array.from(opts.labels);
  if (labels.length === 0) throw paramError(metric, 'labels', 'a non-empty list of class indices', []);
  const slot = new Int32Array(k).fill(-1);
  labels.forEach((c, i) => {
    if (c < 0 || c >= k) throw paramError(metric, 'labels', `class indices in [0, ${k - 1}]`, c);
    slot[c] = i;
  });
  const m = labels.length;
  const matrix = new Float64Array(m * m);
  const w = opts.sampleWeight;
  for (let i = 0; i < n; i++) {
    const r = slot[yTrue[i]];
    const c = slot[yPred[i]];
    if (r >= 0 && c >= 0) matrix[r * m + c] += w === undefined ? 1 : w[i];
  }
  if (opts.normalize !== undefined) normalizeInPlace(matrix, m, opts.normalize);
  return { labels, matrix };
}

function normalizeInPlace(matrix: Float64Array, m: number, how: 'true' | 'pred' | 'all'): void {
  if (how !== 'true' && how !== 'pred' && how !== 'all') throw paramError('confusion_matrix', 'normalize', "one of 'true', 'pred', 'all'", how);
  const div = (x: number, d: number): number => (d === 0 ? 0 : x / d);
  if (how === 'all') {
    const total = npSum(matrix);
    for (let i = 0; i < matrix.length; i++) matrix[i] = div(matrix[i], total);
    return;
  }
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) s += how === 'true' ? matrix[a * m + b] : matrix[b * m + a];
    for (let b = 0; b < m; b++) {
      const at = how === 'true' ? a * m + b : b * m + a;
      matrix[at] = div(matrix[at], s);
    }
  }
}

/** 0..k-1 as an Int32Array. */
export function range(k: number): Int32Array {
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) out[i] = i;
  return out;
}

/** Per-class sums over all K classes: true positives, predicted and true totals (weighted when weights are given). */
export interface ClassTotals {
  readonly tp: Float64Array;
  readonly pred: Float64Array;
  readonly true: Float64Array;
  /** Whether each class occurs in y_true or y_pred (sklearn's unique_labels). */
  readonly present: Uint8Array;
}

/** Tallies per class in one pass, summing weights in row order as np.bincount does. */
export function classTotals(yTrue: Int32Array, yPred: Int32Array, k: number, w?: Float64Array): ClassTotals {
  const tp = new Float64Array(k);
  const pred = new Float64Array(k);
  const tru = new Float64Array(k);
  const present = new Uint8Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    const wi = w === undefined ? 1 : w[i];
    tru[t] += wi;
    pred[p] += wi;
    if (t === p) tp[t] += wi;
    present[t] = 1;
    present[p] = 1;
  }
  return { tp, pred, true: tru, present };
}

/** Checks shared by the label metrics; returns K. */
export function checkLabelInputs(metric: string, yTrue: Int32Array, yPred: Int32Array, sampleWeight: Float64Array | undefined, nClasses: number | undefined): number {
  checkNonEmpty(metric, yTrue.length);
  checkLength(metric, 'y_pred', yPred, yTrue.length);
  checkWeights(metric, sampleWeight, yTrue.length);
  return resolveNClasses(metric, nClasses, yTrue, yPred);
}
