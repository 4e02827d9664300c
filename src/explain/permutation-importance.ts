/**
 * @module explain/permutation-importance
 * Permutation importance for any model (Breiman 2001; sklearn.inspection.permutation_importance):
 * shuffle one feature column at a time, `repeats` times with a seeded generator, and measure
 * how much worse the model gets. With labels the measure is a metric (default per task:
 * ROC AUC for binary, log loss for multiclass, RMSE for regression), and importance is the
 * score lost (positive = the model relies on the feature). Without labels it is the mean
 * absolute change of the model's output (probabilities or values) — how much predictions move.
 */
import { Rng } from '../common/random.js';
import { takeRows } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import type { Task } from '../data/schema/types.js';
import { metricProba } from '../evaluate/headline-metrics.js';
import { getMetric } from '../metrics/registry.js';

export interface FeatureImportance {
  readonly feature: string;
  /** Mean over repeats; positive = shuffling hurts. */
  readonly mean: number;
  /** Population standard deviation over repeats (sklearn's importances_std). */
  readonly std: number;
  readonly values: readonly number[];
}

export interface PermutationImportanceOptions {
  /** Shuffles per feature; default 5. */
  readonly repeats?: number;
  /** Seed of the shuffles; default 0. */
  readonly seed?: number;
  /** Metric name (registry); default by task. Ignored without labels. */
  readonly metric?: string;
  /** Only these columns of X (default: all). */
  readonly features?: readonly string[];
}

export interface PermutationImportance {
  /** The metric used, or 'prediction_change' without labels. */
  readonly basis: string;
  /** Score on the unshuffled rows (0 for prediction_change). */
  readonly baseline: number;
  readonly repeats: number;
  readonly features: readonly FeatureImportance[];
}

/** What permutation importance needs of a model: its output on feature frames. */
export interface ScoredModel {
  readonly task: Task;
  /** Number of classes (0 for regression). */
  readonly nClasses: number;
  /** n × K probabilities (classification) or n values (regression). */
  output(X: Frame): Float64Array;
}

const DEFAULT_METRIC: Record<Task, string> = { binary: 'roc_auc', multiclass: 'log_loss', regression: 'rmse' };

/**
 * Importance of each column of `X` for `model`; `yTrue` (class indices or values) is optional.
 * @example permutationImportance(model, X, y.values, { repeats: 5, seed: 0 }).features[0].mean
 */
export function permutationImportance(model: ScoredModel, X: Frame, yTrue?: Float64Array, opts: PermutationImportanceOptions = {}): PermutationImportance {
  const repeats = opts.repeats ?? 5;
  const rng = new Rng(opts.seed ?? 0);
  const names = opts.features ?? X.names;
  const base = model.output(X);
  let score: (out: Float64Array) => number;
  let basis: string;
  let sign = 1;
  if (yTrue) {
    const metric = getMetric(opts.metric ?? DEFAULT_METRIC[model.task]);
    basis = metric.name;
    sign = metric.greaterIsBetter ? 1 : -1;
    const y = model.task === 'regression' ? yTrue : Int32Array.from(yTrue);
    const k = model.nClasses;
    score = (out) => metric.compute(y, model.task === 'regression' ? out : metricProba(out, k), { nClasses: k || undefined });
  } else {
    basis = 'prediction_change';
    // Mean absolute change per row (summed over the K outputs of a row), as a loss: 0 unshuffled.
    score = (out) => {
      let s = 0;
      for (let i = 0; i < out.length; i++) s += Math.abs(out[i] - base[i]);
      return s / Math.max(1, X.nRows);
    };
    sign = -1;
  }
  const baseline = score(base);
  const features = names.map((name) => {
    const col = X.column(name);
    const values: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = X.withColumn(takeRows(col, rng.permutation(X.nRows)));
      values.push(sign * (baseline - score(model.output(shuffled))));
    }
    const mean = values.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / repeats);
    return { feature: name, mean, std, values };
  });
  return { basis, baseline, repeats, features };
}
