/**
 * @module metrics/internal/coerce
 * Conversions the metric registry applies so that callers can pass model output as it comes:
 * class indices stored as floats, probabilities where labels are wanted, integer regression
 * targets.
 */
import { inputError } from './validate.js';

/** Class indices as an Int32Array; a Float64Array must hold integral values. */
export function asLabels(metric: string, what: string, y: Int32Array | Float64Array): Int32Array {
  if (y instanceof Int32Array) return y;
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i])) throw inputError(metric, `${what} holds ${y[i]} at row ${i}; class labels must be integral class indices 0..K-1.`);
    out[i] = y[i];
  }
  return out;
}

/** Values as a Float64Array (Int32Array regression targets are widened). */
export function asValues(y: Int32Array | Float64Array): Float64Array {
  if (y instanceof Float64Array) return y;
  const out = new Float64Array(y.length);
  out.set(y);
  return out;
}

/**
 * Predicted labels from a prediction array of `n` rows: Int32Array as is; an n×K probability
 * matrix → arg-max class (first on ties, as np.argmax); one value per row → the value when all
 * values are integral (labels stored as floats), else class 1 when P(positive) > 0.5.
 */
export function labelsFromPredictions(metric: string, pred: Int32Array | Float64Array, n: number): Int32Array {
  if (pred instanceof Int32Array) return pred;
  if (n > 0 && pred.length !== n && pred.length % n === 0) {
    const k = pred.length / n;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (pred[i * k + c] > pred[i * k + best]) best = c;
      out[i] = best;
    }
    return out;
  }
  let integral = true;
  for (let i = 0; i < pred.length && integral; i++) integral = Number.isInteger(pred[i]);
  if (integral) return asLabels(metric, 'y_pred', pred);
  const out = new Int32Array(pred.length);
  for (let i = 0; i < pred.length; i++) out[i] = pred[i] > 0.5 ? 1 : 0;
  return out;
}

/** Probabilities must be a Float64Array. */
export function asProba(metric: string, pred: Int32Array | Float64Array): Float64Array {
  if (pred instanceof Float64Array) return pred;
  throw inputError(metric, 'needs predicted probabilities (a Float64Array), but got class labels (an Int32Array).', 'Pass predictProba output: P(positive) per row for binary tasks, the row-major n×K matrix for multiclass.');
}
