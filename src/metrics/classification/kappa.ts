/**
 * @module metrics/classification/kappa
 * Cohen's kappa (sklearn.metrics.cohen_kappa_score): agreement between two labelings beyond
 * chance, optionally with linear or quadratic disagreement weights for ordinal classes.
 */
import { npSum } from '../internal/numpy-sum.js';
import { paramError } from '../internal/validate.js';
import type { LabelMetricOptions } from './accuracy.js';
import { checkLabelInputs, classTotals, confusionMatrix } from './confusion.js';

export interface KappaOptions extends LabelMetricOptions {
  /** Disagreement weights: none (0/1), 'linear' |i-j| or 'quadratic' (i-j)²; i, j are positions in `labels`. */
  weights?: 'linear' | 'quadratic';
  /** Classes of the matrix, in order; default: those present in either labeling (sklearn's default). */
  labels?: Int32Array | readonly number[];
}

/**
 * κ = 1 - Σ w·observed / Σ w·expected. NaN when both labelings use one and the same class
 * (chance agreement is then total and κ is 0/0, as in sklearn).
 * @example cohenKappaScore(Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0)) // 0.5
 */
export function cohenKappaScore(y1: Int32Array, y2: Int32Array, opts: KappaOptions = {}): number {
  const metric = 'cohen_kappa_score';
  const k = checkLabelInputs(metric, y1, y2, opts.sampleWeight, opts.nClasses);
  if (opts.weights !== undefined && opts.weights !== 'linear' && opts.weights !== 'quadratic') {
    throw paramError(metric, 'weights', "'linear', 'quadratic' or undefined", opts.weights);
  }
  let labels = opts.labels;
  if (labels === undefined) {
    const present = classTotals(y1, y2, k).present;
    labels = Array.from(present.keys()).filter((c) => present[c] === 1);
  }
  const m = labels.length;
  const confusion = confusionMatrix(y1, y2, { nClasses: k, labels, sampleWeight: opts.sampleWeight }).matrix;
  const colSum = new Float64Array(m);
  const rowSum = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rowSum[i] = npSum(confusion.subarray(i * m, (i + 1) * m));
    for (let j = 0; j < m; j++) colSum[j] += confusion[i * m + j];
  }
  const total = npSum(colSum);
  const observed = new Float64Array(m * m);
  const expected = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const d = Math.abs(i - j);
      const w = opts.weights === undefined ? (d === 0 ? 0 : 1) : opts.weights === 'linear' ? d : d * d;
      observed[i * m + j] = w * confusion[i * m + j];
      // np.outer(sum0, sum1): row index over column sums, column index over row sums.
      expected[i * m + j] = w * ((colSum[i] * rowSum[j]) / total);
    }
  }
  return 1 - npSum(observed) / npSum(expected);
}
