/**
 * @module metrics/internal/validate
 * Input checks shared by every metric. Each throws a typed error that names the metric, the
 * array at fault and the first offending row, so a bad call is fixed from the message alone.
 */
import { DataError, InvalidParamError } from '../../errors.js';

/** Throws MW_METRIC_INPUT with the metric's name in front. */
export function inputError(metric: string, message: string, hint?: string): DataError {
  return new DataError('MW_METRIC_INPUT', `${metric}: ${message}`, hint === undefined ? {} : { hint });
}

/** Throws MW_PARAM_INVALID for an option of a metric. */
export function paramError(metric: string, option: string, allowed: string, got: unknown): InvalidParamError {
  return new InvalidParamError(
    'MW_PARAM_INVALID',
    `The '${option}' option of ${metric} must be ${allowed}. Got ${JSON.stringify(got) ?? String(got)} instead.`,
    { details: { metric, option, got } },
  );
}

/** `arr` must hold exactly `n` values (one per row of y_true). */
export function checkLength(metric: string, what: string, arr: { length: number }, n: number): void {
  if (arr.length !== n) {
    throw inputError(metric, `${what} has ${arr.length} values but y_true has ${n}.`, 'Pass one value per row of y_true.');
  }
}

/** y_true must not be empty. */
export function checkNonEmpty(metric: string, n: number): void {
  if (n === 0) throw inputError(metric, 'y_true is empty.', 'Pass at least one row.');
}

/** Every value finite (no NaN, no ±Infinity). */
export function checkFinite(metric: string, what: string, arr: Float64Array): void {
  for (let i = 0; i < arr.length; i++) {
    if (!Number.isFinite(arr[i])) {
      throw inputError(metric, `${what} holds ${arr[i]} at index ${i}; every value must be a finite number.`, 'Remove or impute missing values before scoring.');
    }
  }
}

/** Sample weights: one per row, finite, non-negative, with a positive total. */
export function checkWeights(metric: string, w: Float64Array | undefined, n: number): void {
  if (w === undefined) return;
  checkLength(metric, 'sample_weight', w, n);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] >= 0) || w[i] === Infinity) {
      throw inputError(metric, `sample_weight holds ${w[i]} at row ${i}; weights must be finite and >= 0.`);
    }
    total += w[i];
  }
  if (!(total > 0)) throw inputError(metric, 'sample_weight sums to zero.', 'Give at least one row a positive weight.');
}

/** Class labels are indices 0..nClasses-1. */
export function checkLabels(metric: string, what: string, labels: Int32Array, nClasses: number): void {
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0 || c >= nClasses) {
      throw inputError(metric, `${what} holds class ${c} at row ${i}; class indices must lie in [0, ${nClasses - 1}].`, 'Encode labels as 0..K-1 and pass nClasses = K.');
    }
  }
}

/** The number of classes: `nClasses` when given (checked), else the largest label + 1 (at least 2). */
export function resolveNClasses(metric: string, nClasses: number | undefined, ...arrays: Int32Array[]): number {
  let max = -1;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  if (nClasses === undefined) nClasses = Math.max(2, max + 1);
  if (!Number.isInteger(nClasses) || nClasses < 1) throw paramError(metric, 'nClasses', 'an integer >= 1', nClasses);
  for (const [k, a] of arrays.entries()) checkLabels(metric, k === 0 ? 'y_true' : 'y_pred', a, nClasses);
  return nClasses;
}

/**
 * The width of a probability array: 1 for binary P(positive) per row, K for a row-major n×K
 * matrix. `nClasses`, when given, must agree with the array's length.
 */
export function probaWidth(metric: string, proba: Float64Array, n: number, nClasses?: number): number {
  if (n > 0 && proba.length % n !== 0) {
    throw inputError(metric, `y_proba has ${proba.length} values for ${n} rows; expected ${n} (binary P(positive)) or ${n}×K (one row per sample, one column per class).`);
  }
  const width = n === 0 ? 1 : proba.length / n;
  if (nClasses !== undefined && width !== 1 && width !== nClasses) {
    throw inputError(metric, `y_proba has ${width} columns but nClasses is ${nClasses}.`, 'Pass the n×K probability matrix with K = nClasses columns, row-major.');
  }
  checkFinite(metric, 'y_proba', proba);
  return width;
}

/** y_true of a binary probability metric: every label 0 or 1 (1 = positive). */
export function checkBinaryLabels(metric: string, yTrue: Int32Array): void {
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) {
      throw inputError(metric, `y_true holds class ${yTrue[i]} at row ${i}, but a 1-D y_proba means a binary task with classes 0 and 1.`, 'For more than two classes pass the n×K probability matrix and nClasses.');
    }
  }
}

/** Column 1 of a row-major n×2 matrix (P(class 1) of a two-column probability matrix). */
export function secondColumn(matrix: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = matrix[2 * i + 1];
  return out;
}
