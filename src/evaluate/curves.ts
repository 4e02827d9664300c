/**
 * @module evaluate/curves
 * The curves an evaluation draws, as plain arrays: ROC and precision-recall (binary, for the
 * positive class; multiclass: ROC one-vs-rest per class), the calibration curve (10 uniform
 * bins), and for regression the residuals (summary, a histogram and a sample of points).
 * Curves are thinned to at most `maxPoints` points, keeping both ends, so reports and JSON
 * stay small on large data; the metric values themselves are computed on every row.
 */
import { calibrationCurve } from '../metrics/calibration.js';
import { precisionRecallCurve, rocCurve } from '../metrics/classification/curves.js';
import { residualSummary, type ResidualSummary } from '../metrics/regression/residual-summary.js';
import { Rng } from '../common/random.js';
import type { MetricInputs } from './metric-set.js';

export interface RocPoints {
  readonly fpr: number[];
  readonly tpr: number[];
  readonly thresholds: number[];
}

export interface PrPoints {
  readonly precision: number[];
  readonly recall: number[];
  readonly thresholds: number[];
}

export interface CalibrationPoints {
  readonly prob_pred: number[];
  readonly prob_true: number[];
  readonly counts: number[];
}

export interface ClassificationCurves {
  readonly roc?: RocPoints;
  readonly pr?: PrPoints;
  readonly calibration?: CalibrationPoints;
  /** Multiclass: one-vs-rest ROC per class. */
  readonly roc_per_class?: Readonly<Record<string, RocPoints>>;
}

export interface Residuals {
  readonly summary: ResidualSummary;
  /** Histogram of residuals (y − ŷ). */
  readonly histogram: { readonly edges: number[]; readonly counts: number[] };
  /** A sample of rows: predicted, actual. */
  readonly points: { readonly predicted: number[]; readonly actual: number[] };
}

/** Indices of at most `max` points spread evenly over `n`, first and last included. */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}

const pick = (a: ArrayLike<number>, idx: readonly number[]): number[] => idx.map((i) => a[i]);

function roc(y: Int32Array, score: Float64Array, max: number): RocPoints | undefined {
  if (!y.includes(0) || !y.includes(1)) return undefined;
  const c = rocCurve(y, score);
  const idx = thinIndices(c.fpr.length, max);
  return { fpr: pick(c.fpr, idx), tpr: pick(c.tpr, idx), thresholds: pick(c.thresholds, idx) };
}

/**
 * Curves of a classification (binary inputs: yTrue 0/1 and P(positive); multiclass: n × K).
 * @example classificationCurves(metricInputs(d), d.classes).roc?.tpr
 */
export function classificationCurves(m: MetricInputs, classes: readonly string[], maxPoints = 200): ClassificationCurves {
  const y = m.yTrue as Int32Array;
  if (m.nClasses === 2) {
    const r = roc(y, m.score, maxPoints);
    if (!r) return {};
    const p = precisionRecallCurve(y, m.score);
    const pi = thinIndices(p.precision.length, maxPoints);
    const cal = calibrationCurve(y, m.score, { nBins: 10 });
    return {
      roc: r,
      // thresholds has one element fewer than precision/recall (sklearn's shape).
      pr: { precision: pick(p.precision, pi), recall: pick(p.recall, pi), thresholds: pick(p.thresholds, pi.filter((i) => i < p.thresholds.length)) },
      calibration: { prob_pred: Array.from(cal.probPred), prob_true: Array.from(cal.probTrue), counts: Array.from(cal.counts) },
    };
  }
  const K = m.nClasses;
  const perClass: Record<string, RocPoints> = {};
  classes.forEach((c, k) => {
    const yk = Int32Array.from(y, (v) => (v === k ? 1 : 0));
    const sk = Float64Array.from({ length: y.length }, (_, i) => m.score[i * K + k]);
    const r = roc(yk, sk, maxPoints);
    if (r) perClass[c] = r;
  });
  return { roc_per_class: perClass };
}

/**
 * Residuals of a regression: summary statistics, a 30-bin histogram and ≤ maxPoints rows.
 * @example regressionResiduals(yTrue, yPred).summary
 */
export function regressionResiduals(yTrue: Float64Array, yPred: Float64Array, maxPoints = 1000, seed = 0): Residuals {
  const n = yTrue.length;
  const res = Float64Array.from(yTrue, (v, i) => v - yPred[i]);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of res) (lo = Math.min(lo, r)), (hi = Math.max(hi, r));
  const bins = 30;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const r of res) counts[Math.min(bins - 1, Math.floor((r - lo) / width))]++;
  const edges = Array.from({ length: bins + 1 }, (_, b) => lo + b * width);
  const rows = n <= maxPoints ? Array.from({ length: n }, (_, i) => i) : Array.from(new Rng(seed).sampleIndices(n, maxPoints)).sort((a, b) => a - b);
  return { summary: residualSummary(yTrue, yPred), histogram: { edges, counts }, points: { predicted: pick(yPred, rows), actual: pick(yTrue, rows) } };
}
