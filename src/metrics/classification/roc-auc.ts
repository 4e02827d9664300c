/**
 * @module metrics/classification/roc-auc
 * Area under the ROC curve (sklearn.metrics.roc_auc_score): binary, and multiclass one-vs-rest
 * (macro, weighted, micro) or one-vs-one (Hand & Till, macro or prevalence-weighted).
 * O(n log n) — O(n) sorting for large n — with tied scores counted as half, exactly as the
 * trapezoid over sklearn's ROC points.
 */
import { DataError } from '../../errors.js';
import { npSum } from '../internal/numpy-sum.js';
import { checkBinaryLabels, checkNonEmpty, checkWeights, paramError, probaWidth, resolveNClasses, secondColumn } from '../internal/validate.js';
import { binaryCurveOf } from './binary-curve.js';
import { rocFromCurve } from './curves.js';
import { checkOvrAverage, checkProbabilityRows, oneVsRest, type OvrAverage } from './one-vs-rest.js';

export interface RocAucOptions {
  sampleWeight?: Float64Array;
  /** Number of classes K of an n×K score matrix; default: inferred from its length. */
  nClasses?: number;
  /** Multiclass strategy: one-vs-rest (default) or one-vs-one (no sample weights). */
  multiClass?: 'ovr' | 'ovo';
  /** Multiclass averaging: 'macro' (default), 'weighted' by class support, or 'micro' (ovr only). */
  average?: OvrAverage;
}

/** `np.trapz(y, x)`: Σ dx·(y[i+1] + y[i]) / 2, summed in NumPy's order. */
export function trapezoid(x: Float64Array, y: Float64Array): number {
  const parts = new Float64Array(x.length - 1);
  for (let i = 0; i < parts.length; i++) parts[i] = ((x[i + 1] - x[i]) * (y[i + 1] + y[i])) / 2;
  return npSum(parts);
}

/** Binary ROC AUC on a 0/1 positive mask (inputs assumed checked and holding both classes). */
export function binaryRocAuc(isPos: Uint8Array, scores: Float64Array, w?: Float64Array): number {
  const roc = rocFromCurve(binaryCurveOf(isPos, scores, w), true);
  return trapezoid(roc.fpr, roc.tpr);
}

function undefinedAuc(message: string): DataError {
  return new DataError('MW_METRIC_UNDEFINED', `roc_auc_score: ${message}`, {
    hint: 'ROC AUC needs positive and negative rows; evaluate on a larger or stratified sample, or use log_loss or accuracy.',
  });
}

/**
 * ROC AUC. Binary: `yScore` holds one score per row (P(class 1) or any monotone score), or an
 * n×2 matrix whose second column is used. Multiclass: `yScore` is the row-major n×K probability
 * matrix; every class must occur in y_true and rows must sum to 1, as in sklearn.
 * Throws MW_METRIC_UNDEFINED when y_true holds a single class.
 * @example rocAucScore(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAucScore(yTrue: Int32Array, yScore: Float64Array, opts: RocAucOptions = {}): number {
  const metric = 'roc_auc_score';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkWeights(metric, opts.sampleWeight, n);
  const width = probaWidth(metric, yScore, n, opts.nClasses);
  if (width <= 2) {
    const scores = width === 1 ? yScore : secondColumn(yScore, n);
    checkBinaryLabels(metric, yTrue);
    const isPos = Uint8Array.from(yTrue);
    let nPos = 0;
    for (let i = 0; i < n; i++) nPos += isPos[i];
    if (nPos === 0 || nPos === n) throw undefinedAuc(`y_true holds only class ${yTrue[0]} (${n} rows); ROC AUC is not defined with a single class.`);
    return binaryRocAuc(isPos, scores, opts.sampleWeight);
  }
  const k = resolveNClasses(metric, width, yTrue);
  checkProbabilityRows(metric, yScore, n, k);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[yTrue[i]]++;
  const missing = Array.from(counts.keys()).filter((c) => counts[c] === 0);
  if (missing.length > 0) {
    throw undefinedAuc(`class${missing.length > 1 ? 'es' : ''} ${missing.join(', ')} of ${k} never occur${missing.length > 1 ? '' : 's'} in y_true; multiclass ROC AUC needs every class present.`);
  }
  const average = opts.average ?? 'macro';
  const multiClass = opts.multiClass ?? 'ovr';
  if (multiClass === 'ovr') {
    checkOvrAverage(metric, average);
    return oneVsRest(binaryRocAuc, yTrue, yScore, k, average, opts.sampleWeight);
  }
  if (multiClass !== 'ovo') throw paramError(metric, 'multiClass', "'ovr' or 'ovo'", multiClass);
  checkOvrAverage(metric, average, ['macro', 'weighted']);
  if (opts.sampleWeight !== undefined) throw paramError(metric, 'sampleWeight', "undefined with multiClass 'ovo' (sklearn does not define weighted one-vs-one AUC)", '[weights]');
  return oneVsOne(yTrue, yScore, k, average === 'weighted');
}

/** Hand & Till (2001): the mean over class pairs of the two directed pairwise AUCs. */
function oneVsOne(yTrue: Int32Array, proba: Float64Array, k: number, weighted: boolean): number {
  const n = yTrue.length;
  const pairScores: number[] = [];
  const prevalence: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (yTrue[i] === a || yTrue[i] === b) rows.push(i);
      const aPos = Uint8Array.from(rows, (i) => (yTrue[i] === a ? 1 : 0));
      const bPos = Uint8Array.from(rows, (i) => (yTrue[i] === b ? 1 : 0));
      const aAuc = binaryRocAuc(aPos, Float64Array.from(rows, (i) => proba[i * k + a]));
      const bAuc = binaryRocAuc(bPos, Float64Array.from(rows, (i) => proba[i * k + b]));
      pairScores.push((aAuc + bAuc) / 2);
      prevalence.push(rows.length / n);
    }
  }
  if (!weighted) return npSum(pairScores) / pairScores.length;
  return npSum(pairScores.map((s, i) => s * prevalence[i])) / npSum(prevalence);
}
