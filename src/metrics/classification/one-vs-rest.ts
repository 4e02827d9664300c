/**
 * @module metrics/classification/one-vs-rest
 * Averaging of a binary score metric over the classes of a multiclass task, one class against
 * the rest (sklearn's private `_average_binary_score` on label-binarized y_true):
 * 'macro' = plain mean over classes, 'weighted' = mean weighted by each class's (weighted)
 * support, 'micro' = one binary problem over all n×K (row, class) cells.
 */
import { npSum, npSumRange } from '../internal/numpy-sum.js';
import { checkFinite, inputError, paramError } from '../internal/validate.js';

/** A binary score metric on a 0/1 positive mask, scores and optional weights. */
export type BinaryScoreFn = (isPos: Uint8Array, scores: Float64Array, w?: Float64Array) => number;

export type OvrAverage = 'macro' | 'weighted' | 'micro';
const OVR_AVERAGES: readonly OvrAverage[] = ['macro', 'weighted', 'micro'];

/** Checks the average option's value. */
export function checkOvrAverage(metric: string, average: string, allowed: readonly string[] = OVR_AVERAGES): void {
  if (!allowed.includes(average)) throw paramError(metric, 'average', `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, average);
}

/** The binary metric of class `c` against the rest, for every class, and their average. */
export function oneVsRest(fn: BinaryScoreFn, yTrue: Int32Array, proba: Float64Array, k: number, average: OvrAverage, w?: Float64Array): number {
  const n = yTrue.length;
  if (average === 'micro') {
    const isPos = new Uint8Array(n * k);
    for (let i = 0; i < n; i++) isPos[i * k + yTrue[i]] = 1;
    let wRep: Float64Array | undefined;
    if (w !== undefined) {
      wRep = new Float64Array(n * k);
      for (let i = 0; i < n; i++) wRep.fill(w[i], i * k, (i + 1) * k);
    }
    return fn(isPos, proba, wRep);
  }
  const scores = new Float64Array(k);
  const column = new Float64Array(n);
  const isPos = new Uint8Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      column[i] = proba[i * k + c];
      isPos[i] = yTrue[i] === c ? 1 : 0;
    }
    scores[c] = fn(isPos, column, w);
  }
  if (average === 'macro') return npSum(scores) / k;
  // 'weighted': each class's support, summed row by row as NumPy reduces axis 0.
  const support = new Float64Array(k);
  for (let i = 0; i < n; i++) support[yTrue[i]] += w === undefined ? 1 : w[i];
  const total = npSum(support);
  if (Math.abs(total) <= 1e-8) return 0;
  const prod = new Float64Array(k);
  for (let c = 0; c < k; c++) prod[c] = support[c] === 0 ? 0 : scores[c] * support[c];
  return npSum(prod) / total;
}

/**
 * Checks an n×K probability matrix for the multiclass ranking metrics: finite, and each row
 * summing to 1 within NumPy's allclose tolerance (1e-8 + 1e-5), as sklearn requires.
 */
export function checkProbabilityRows(metric: string, proba: Float64Array, n: number, k: number): void {
  checkFinite(metric, 'y_proba', proba);
  for (let i = 0; i < n; i++) {
    const s = npSumRange(proba, i * k, k);
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw inputError(metric, `row ${i} of y_proba sums to ${s}; multiclass scores must be probabilities that sum to 1 over the ${k} classes.`, 'Pass predictProba output (softmax of raw scores).');
    }
  }
}
