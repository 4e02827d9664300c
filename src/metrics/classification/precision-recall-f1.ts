/**
 * @module metrics/classification/precision-recall-f1
 * Precision, recall and F-beta per class and averaged (binary, micro, macro, weighted), with
 * the semantics of sklearn.metrics.precision_recall_fscore_support: by default the classes are
 * those present in y_true or y_pred; a 0/0 ratio becomes `zeroDivision` (sklearn's "warn" is 0).
 */
import { npSum } from '../internal/numpy-sum.js';
import { paramError } from '../internal/validate.js';
import type { LabelMetricOptions } from './accuracy.js';
import { checkLabelInputs, classTotals, type ClassTotals } from './confusion.js';

export type ClassAverage = 'binary' | 'micro' | 'macro' | 'weighted';
const AVERAGES: readonly ClassAverage[] = ['binary', 'micro', 'macro', 'weighted'];

export interface PrfOptions extends LabelMetricOptions {
  /** How to average over classes; default 'binary' (scores of `posLabel` only), as sklearn. */
  average?: ClassAverage;
  /** The positive class for average 'binary'; default 1. */
  posLabel?: number;
  /** Classes to score, in order; default: those present in y_true or y_pred. */
  labels?: Int32Array | readonly number[];
  /** Weight of recall in the F-score (F1 when 1); default 1, must be >= 0. */
  beta?: number;
  /** Value of a 0/0 precision or recall; default 0. */
  zeroDivision?: 0 | 1;
}

export interface PrfPerClass {
  readonly labels: Int32Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly fscore: Float64Array;
  /** Rows (or weight) of each class in y_true. */
  readonly support: Float64Array;
}

export interface PrfAverage {
  readonly precision: number;
  readonly recall: number;
  readonly fscore: number;
}

interface Sums {
  tp: Float64Array;
  pred: Float64Array;
  true: Float64Array;
}

/** Tallies over max(K, 1 + largest requested label) classes, so requested absent classes count 0. */
function tallies(metric: string, yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions, extra: number): { t: ClassTotals; k: number } {
  let k = checkLabelInputs(metric, yTrue, yPred, opts.sampleWeight, opts.nClasses);
  for (const c of opts.labels ?? []) if (c + 1 > k) k = c + 1;
  k = Math.max(k, extra);
  return { t: classTotals(yTrue, yPred, k, opts.sampleWeight), k };
}

function pick(t: ClassTotals, labels: Int32Array, k: number, metric: string): Sums {
  for (const c of labels) if (c < 0 || c >= k) throw paramError(metric, 'labels', `class indices in [0, ${k - 1}]`, c);
  const tp = Float64Array.from(labels, (c) => t.tp[c]);
  // sklearn rebuilds the totals as tp + fp and tp + fn from its multilabel confusion matrix;
  // doing the same keeps the rounding of weighted sums identical.
  return {
    tp,
    pred: Float64Array.from(labels, (c, i) => tp[i] + (t.pred[c] - tp[i])),
    true: Float64Array.from(labels, (c, i) => tp[i] + (t.true[c] - tp[i])),
  };
}

function presentLabels(t: ClassTotals): Int32Array {
  const out: number[] = [];
  t.present.forEach((p, c) => { if (p) out.push(c); });
  return Int32Array.from(out);
}

function scores(metric: string, s: Sums, opts: PrfOptions): { precision: Float64Array; recall: Float64Array; fscore: Float64Array } {
  const beta = opts.beta ?? 1;
  if (!(beta >= 0)) throw paramError(metric, 'beta', 'a number >= 0', beta);
  const zd = opts.zeroDivision ?? 0;
  if (zd !== 0 && zd !== 1) throw paramError(metric, 'zeroDivision', '0 or 1', zd);
  const m = s.tp.length;
  const precision = new Float64Array(m);
  const recall = new Float64Array(m);
  const fscore = new Float64Array(m);
  const beta2 = beta * beta;
  for (let i = 0; i < m; i++) {
    precision[i] = s.pred[i] === 0 ? zd : s.tp[i] / s.pred[i];
    recall[i] = s.true[i] === 0 ? zd : s.tp[i] / s.true[i];
    if (beta === Infinity) {
      fscore[i] = recall[i];
    } else {
      let denom = beta2 * precision[i] + recall[i];
      if (denom === 0) denom = 1;
      fscore[i] = ((1 + beta2) * precision[i] * recall[i]) / denom;
    }
  }
  return { precision, recall, fscore };
}

/**
 * Precision, recall, F-beta and support for each class in `labels` (default: classes present in
 * y_true or y_pred), as sklearn's precision_recall_fscore_support(average=None).
 * @example precisionRecallFscorePerClass(Int32Array.of(0, 1, 2, 2), Int32Array.of(0, 2, 2, 2)).recall // [1, 0, 1]
 */
export function precisionRecallFscorePerClass(yTrue: Int32Array, yPred: Int32Array, opts: Omit<PrfOptions, 'average' | 'posLabel'> = {}): PrfPerClass {
  const metric = 'precision_recall_fscore_support';
  const { t, k } = tallies(metric, yTrue, yPred, opts, 0);
  const labels = opts.labels === undefined ? presentLabels(t) : Int32Array.from(opts.labels);
  const s = pick(t, labels, k, metric);
  return { labels, ...scores(metric, s, opts), support: s.true };
}

/**
 * Averaged precision, recall and F-beta, as sklearn's precision_recall_fscore_support(average=…).
 * 'binary' scores `posLabel` only and needs at most two distinct classes; 'micro' pools the
 * counts of all classes; 'macro' is the unweighted mean over classes; 'weighted' weights each
 * class by its support.
 * @example precisionRecallFscore(yTrue, yPred, { average: 'macro' }).fscore
 */
export function precisionRecallFscore(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions = {}): PrfAverage {
  const metric = 'precision_recall_fscore_support';
  const average = opts.average ?? 'binary';
  if (!AVERAGES.includes(average)) throw paramError(metric, 'average', `one of ${AVERAGES.map((a) => `'${a}'`).join(', ')}`, average);
  const posLabel = opts.posLabel ?? 1;
  if (!Number.isInteger(posLabel) || posLabel < 0) throw paramError(metric, 'posLabel', 'a class index >= 0', posLabel);
  const { t, k } = tallies(metric, yTrue, yPred, opts, average === 'binary' ? posLabel + 1 : 0);
  let labels = opts.labels === undefined ? presentLabels(t) : Int32Array.from(opts.labels);
  if (average === 'binary') {
    const present = presentLabels(t);
    if (present.length > 2) {
      throw paramError(metric, 'average', "'micro', 'macro' or 'weighted' when y_true and y_pred hold more than two classes ('binary' scores one positive class)", average);
    }
    if (!present.includes(posLabel) && present.length >= 2) {
      throw paramError(metric, 'posLabel', `one of the classes present (${Array.from(present).join(', ')})`, posLabel);
    }
    labels = Int32Array.of(posLabel);
  }
  let s = pick(t, labels, k, metric);
  if (average === 'micro') s = { tp: Float64Array.of(npSum(s.tp)), pred: Float64Array.of(npSum(s.pred)), true: Float64Array.of(npSum(s.true)) };
  const r = scores(metric, s, opts);
  if (average === 'weighted') {
    const totalSupport = npSum(s.true);
    if (totalSupport === 0) {
      const zd = opts.zeroDivision ?? 0;
      if (npSum(s.pred) === 0) return { precision: zd, recall: zd, fscore: zd };
      return { precision: 0, recall: zd, fscore: 0 };
    }
    const avg = (v: Float64Array): number => npSum(v.map((x, i) => x * s.true[i])) / totalSupport;
    return { precision: avg(r.precision), recall: avg(r.recall), fscore: avg(r.fscore) };
  }
  const mean = (v: Float64Array): number => npSum(v) / v.length;
  return { precision: mean(r.precision), recall: mean(r.recall), fscore: mean(r.fscore) };
}

/** Precision tp / (tp + fp), averaged as `average` says (default 'binary'). */
export function precisionScore(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions = {}): number {
  return precisionRecallFscore(yTrue, yPred, opts).precision;
}

/** Recall tp / (tp + fn), averaged as `average` says (default 'binary'). */
export function recallScore(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions = {}): number {
  return precisionRecallFscore(yTrue, yPred, opts).recall;
}

/** F1: the harmonic mean of precision and recall, averaged as `average` says (default 'binary'). */
export function f1Score(yTrue: Int32Array, yPred: Int32Array, opts: Omit<PrfOptions, 'beta'> = {}): number {
  return precisionRecallFscore(yTrue, yPred, { ...opts, beta: 1 }).fscore;
}

/** F-beta: (1 + β²)·P·R / (β²·P + R), averaged as `average` says (default 'binary'). */
export function fbetaScore(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions & { beta: number }): number {
  return precisionRecallFscore(yTrue, yPred, opts).fscore;
}
