/**
 * @module evaluate/metric-set
 * Every metric that fits the task, by scikit-learn name, from the metrics registry. Binary
 * tasks are scored for one positive class (the second class in sorted order unless the caller
 * picks another): labels, predictions and the positive class's probability are mapped to 0/1
 * first, so precision, recall, F1, ROC AUC, average precision, Brier and log loss all refer to
 * that class. A metric that is undefined on the data (ROC AUC with one class present) is null,
 * with a warning saying why.
 */
import type { Task } from '../data/schema/types.js';
import { ModelwrightError } from '../errors.js';
import { getMetric } from '../metrics/registry.js';
import type { LabelledData } from './labelled-data.js';

/** Metrics reported per task, headline first. */
export const EVALUATION_METRICS: Readonly<Record<Task, readonly string[]>> = {
  binary: ['roc_auc', 'log_loss', 'accuracy', 'balanced_accuracy', 'f1', 'precision', 'recall', 'average_precision', 'brier_score', 'mcc', 'cohen_kappa', 'ece'],
  multiclass: ['log_loss', 'accuracy', 'balanced_accuracy', 'roc_auc', 'roc_auc_ovr_weighted', 'f1_macro', 'f1_weighted', 'precision_macro', 'recall_macro', 'average_precision', 'mcc', 'cohen_kappa', 'ece'],
  regression: ['rmse', 'mae', 'r2', 'mse', 'mape', 'median_absolute_error', 'explained_variance', 'max_error'],
};

/** The arrays metrics take, with the positive class applied (binary). */
export interface MetricInputs {
  /** Class indices (0/1 for binary: 1 = positive) or values. */
  readonly yTrue: Int32Array | Float64Array;
  /** Predicted class indices (0/1 for binary) or values. */
  readonly yPred: Int32Array | Float64Array;
  /** Binary: P(positive); multiclass: n × K; regression: the predictions. */
  readonly score: Float64Array;
  readonly nClasses: number;
}

/** Metric inputs of labelled data for positive class index `positive` (binary only). */
export function metricInputs(d: LabelledData, positive = 1): MetricInputs {
  if (d.task === 'regression') return { yTrue: d.yTrue, yPred: d.predicted as Float64Array, score: d.output, nClasses: 0 };
  const K = d.classes?.length ?? 2;
  if (d.task === 'multiclass') return { yTrue: Int32Array.from(d.yTrue), yPred: d.predicted as Int32Array, score: d.output, nClasses: K };
  const pred = d.predicted as Int32Array;
  return {
    yTrue: Int32Array.from(d.yTrue, (v) => (v === positive ? 1 : 0)),
    yPred: Int32Array.from(pred, (v) => (v === positive ? 1 : 0)),
    score: Float64Array.from({ length: d.n }, (_, i) => d.output[i * 2 + positive]),
    nClasses: 2,
  };
}

/** One metric's value, or null when it is undefined on these data. */
export function metricValue(name: string, m: MetricInputs, warnings: string[]): number | null {
  const spec = getMetric(name);
  try {
    const v = spec.compute(m.yTrue, spec.needsProba ? m.score : m.yPred, { nClasses: m.nClasses || undefined });
    return Number.isFinite(v) ? v : null;
  } catch (err) {
    if (err instanceof ModelwrightError && (err.code === 'MW_METRIC_UNDEFINED' || err.code === 'MW_METRIC_INPUT')) {
      warnings.push(`${name} is not reported: ${err.message}`);
      return null;
    }
    throw err;
  }
}

/**
 * Every metric of the task on labelled data.
 * @example computeMetrics(labelledData(ref, table)).metrics.roc_auc
 */
export function computeMetrics(d: LabelledData, positive = 1): { metrics: Record<string, number | null>; warnings: string[] } {
  const inputs = metricInputs(d, positive);
  const warnings: string[] = [];
  const metrics: Record<string, number | null> = {};
  for (const name of EVALUATION_METRICS[d.task]) metrics[name] = metricValue(name, inputs, warnings);
  return { metrics, warnings };
}
