/**
 * @module evaluate/headline-metrics
 * The few numbers that summarise a model on labelled data, by task — what `fit --valid` and
 * `quickstart` print. The full evaluation (all metrics, intervals, curves, fairness) builds on
 * the same metrics registry.
 */
import type { Task } from '../data/schema/types.js';
import { type Model, type TrainSet, isClassifier } from '../learners/estimator.js';
import { getMetric } from '../metrics/registry.js';

/** Metric names reported per task, headline first. */
export const HEADLINE_METRICS: Readonly<Record<Task, readonly string[]>> = {
  binary: ['roc_auc', 'log_loss', 'accuracy', 'f1', 'average_precision'],
  multiclass: ['log_loss', 'accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc'],
  regression: ['rmse', 'mae', 'r2'],
};

/** Probabilities in the shape the metrics registry takes: P(class 1) for binary, n×K otherwise. */
export function metricProba(proba: Float64Array, nClasses: number): Float64Array {
  if (nClasses !== 2) return proba;
  const n = proba.length / 2;
  const p1 = new Float64Array(n);
  for (let i = 0; i < n; i++) p1[i] = proba[2 * i + 1];
  return p1;
}

/** Headline metrics of `model` on the labelled set `data`. */
export function headlineMetrics(model: Model, data: TrainSet): Record<string, number> {
  const task = data.y.task;
  const out: Record<string, number> = {};
  const opts = { sampleWeight: data.weight };
  if (isClassifier(model)) {
    const k = model.classes.length;
    const yTrue = Int32Array.from(data.y.values);
    const proba = model.predictProba(data.X);
    const pred = model.predict(data.X);
    const labels = pred.dtype === 'categorical' ? pred.codes : Int32Array.from(pred.values);
    for (const name of HEADLINE_METRICS[task]) {
      const m = getMetric(name);
      out[name] = m.needsProba ? m.compute(yTrue, metricProba(proba, k), { ...opts, nClasses: k }) : m.compute(yTrue, labels, { ...opts, nClasses: k });
    }
    return out;
  }
  const pred = model.predict(data.X);
  if (pred.dtype === 'categorical') throw new Error('regression model returned categorical predictions');
  for (const name of HEADLINE_METRICS[task]) out[name] = getMetric(name).compute(data.y.values, pred.values, opts);
  return out;
}
