/**
 * @module metrics/classification/binary-curve
 * Cumulative true and false positives at each distinct score threshold, highest first: the
 * common core of ROC AUC, average precision and the ROC / PR curves (sklearn's private
 * `_binary_clf_curve`). Ties and summation order follow sklearn's exactly (stable ascending sort
 * read backwards, sequential cumulative sums, zero-weight rows dropped first), so downstream
 * values match to the last bit in the usual case.
 */
import { argsortStable } from '../internal/argsort.js';
import { checkFinite, checkLength, inputError } from '../internal/validate.js';

export interface BinaryCurve {
  /** Weight of negatives scored >= thresholds[i]. */
  readonly fps: Float64Array;
  /** Weight of positives scored >= thresholds[i]. */
  readonly tps: Float64Array;
  /** Distinct scores, decreasing. */
  readonly thresholds: Float64Array;
}

/** Core routine on a 0/1 positive mask; `w` optional. Inputs are assumed checked. */
export function binaryCurveOf(isPos: Uint8Array, scores: Float64Array, w?: Float64Array): BinaryCurve {
  if (w !== undefined) {
    // Zero-weight rows must not create thresholds of their own (sklearn filters them first).
    let m = 0;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) m++;
    if (m < w.length) {
      const p2 = new Uint8Array(m);
      const s2 = new Float64Array(m);
      const w2 = new Float64Array(m);
      for (let i = 0, j = 0; i < w.length; i++) {
        if (w[i] !== 0) { p2[j] = isPos[i]; s2[j] = scores[i]; w2[j] = w[i]; j++; }
      }
      return binaryCurveOf(p2, s2, w2);
    }
  }
  const n = scores.length;
  const order = argsortStable(scores);
  const fps = new Float64Array(n);
  const tps = new Float64Array(n);
  const thresholds = new Float64Array(n);
  let m = 0;
  let tp = 0;
  let fp = 0;
  for (let j = n - 1; j >= 0; j--) {
    const i = order[j];
    if (w === undefined) {
      tp += isPos[i];
    } else if (isPos[i]) {
      tp += w[i];
    } else {
      fp += w[i];
    }
    // A threshold closes where the next (lower) score differs, and at the very end.
    if (j === 0 || scores[order[j - 1]] !== scores[i]) {
      tps[m] = tp;
      fps[m] = w === undefined ? n - j - tp : fp;
      thresholds[m] = scores[i];
      m++;
    }
  }
  return { fps: fps.slice(0, m), tps: tps.slice(0, m), thresholds: thresholds.slice(0, m) };
}

/**
 * The 0/1 positive mask of y_true. Without `posLabel`, y_true must hold only 0 and 1 (1 is
 * positive), as sklearn requires; with it, any class indices are allowed.
 */
export function positiveMask(metric: string, yTrue: Int32Array, posLabel?: number): Uint8Array {
  const mask = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    if (posLabel === undefined && y !== 0 && y !== 1) {
      throw inputError(metric, `y_true holds class ${y} at row ${i}; a binary curve needs classes 0 and 1.`, 'Pass posLabel to say which class is positive, or use the multiclass form with the n×K probability matrix.');
    }
    mask[i] = y === (posLabel ?? 1) ? 1 : 0;
  }
  return mask;
}

/** Checks shared by the binary score metrics: lengths and finite scores. */
export function checkScores(metric: string, yTrue: Int32Array, yScore: Float64Array): void {
  checkLength(metric, 'y_score', yScore, yTrue.length);
  checkFinite(metric, 'y_score', yScore);
}
