/**
 * @module automl/scoring
 * Score model output with the AutoML metric, always as "higher is better" so that search and
 * ensemble selection compare numbers one way (losses are negated; the leaderboard shows the
 * metric's own sign).
 */
import type { Task } from '../data/schema/types.js';
import { metricProba } from '../evaluate/headline-metrics.js';
import { type MetricSpec, getMetric } from '../metrics/registry.js';

/** The default metric per task (AutoGluon's choices). */
export const DEFAULT_METRIC: Readonly<Record<Task, string>> = { binary: 'roc_auc', multiclass: 'log_loss', regression: 'rmse' };

/** Argmax label per row of an n × K probability matrix. */
export function argmaxLabels(proba: Float64Array, k: number, threshold?: number): Int32Array {
  const n = proba.length / k;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (k === 2 && threshold !== undefined) {
      out[i] = proba[2 * i + 1] >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (proba[i * k + j] > proba[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

export interface Scorer {
  readonly metric: MetricSpec;
  readonly task: Task;
  /** The metric's own value on this output. */
  value(output: Float64Array, threshold?: number): number;
  /** Higher is better: the value, negated for losses. */
  score(output: Float64Array, threshold?: number): number;
}

/** A scorer of model output (n×K proba or n values) against `yTrue` (class index or value). */
export function makeScorer(task: Task, metricName: string, yTrue: Float64Array, nClasses: number, weight?: Float64Array): Scorer {
  const metric = getMetric(metricName);
  const labels = task === 'regression' ? yTrue : Int32Array.from(yTrue);
  const opts = { sampleWeight: weight, nClasses };
  const value = (output: Float64Array, threshold?: number): number => {
    if (task === 'regression') return metric.compute(labels, output, opts);
    if (metric.needsProba) return metric.compute(labels, metricProba(output, nClasses), opts);
    return metric.compute(labels, argmaxLabels(output, nClasses, threshold), opts);
  };
  return { metric, task, value, score: (o, t) => (metric.greaterIsBetter ? 1 : -1) * value(o, t) };
}
