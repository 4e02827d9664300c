/**
 * @module monitor/performance/live-performance
 * Performance with delayed labels: logged predictions joined to their feedback labels (by
 * request id and row index, in the log store), scored with the metrics module over the whole
 * window and per time bucket, and compared with the version's baseline metric:
 *
 *   baseline    held-out metric in the reference profile, else the version's registered
 *               metrics (`holdout_M`, `M`, `valid_M`, `cv_M`)
 *   drop        relative worsening: (baseline − now)/|baseline| for scores (AUC, accuracy, R²),
 *               (now − baseline)/|baseline| for losses (log loss, RMSE)
 *   alert       drop > maxDrop (default 0.05 = 5% worse) with at least minLabels labels (default 30)
 *
 * Rows whose label is not one of the model's classes are counted in `unknown_labels` and left out.
 */
import type { TaskInference } from '../../data/schema/types.js';
import { HEADLINE_METRICS } from '../../evaluate/headline-metrics.js';
import { getMetric } from '../../metrics/registry.js';
import { columnValue } from '../log-store/batch-codec.js';
import type { LogBatch } from '../log-store/monitor-store.js';
import { categoryKey } from '../reference/category-key.js';

export interface PerformanceOptions {
  /** Headline metric (default: roc_auc, accuracy or rmse by task). */
  readonly metric?: string;
  /** Bucket width in ms for metrics over time (default: one day). */
  readonly bucketMs?: number;
  /** Relative worsening that raises an alert (default 0.05). */
  readonly maxDrop?: number;
  /** Labels needed before an alert can be raised (default 30). */
  readonly minLabels?: number;
}

export interface PerformanceBucket {
  readonly start: number;
  readonly n_labels: number;
  readonly value: number | null;
}

export interface PerformanceReport {
  readonly headline: string;
  readonly n_labels: number;
  readonly unknown_labels: number;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly baseline: { readonly value: number; readonly source: string } | null;
  readonly drop: number | null;
  readonly alert: boolean;
  readonly buckets: readonly PerformanceBucket[];
}

/** A session's labelled rows, for moving them between threads. */
export interface PerformanceState {
  readonly yTrue: readonly number[];
  readonly yPred: readonly number[];
  readonly proba: readonly number[];
  readonly times: readonly number[];
  readonly unknown: number;
}

export const DEFAULT_PERFORMANCE_METRIC = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'rmse' } as const;

export class PerformanceSession {
  private readonly classes: readonly string[];
  private readonly classIndex: Map<string, number>;
  private readonly boolean: boolean;
  private readonly yTrue: number[] = [];
  private readonly yPred: number[] = [];
  private readonly proba: number[] = [];
  private readonly times: number[] = [];
  private unknown = 0;

  constructor(
    readonly task: TaskInference,
    readonly options: PerformanceOptions = {},
  ) {
    this.classes = task.classes ?? [];
    this.boolean = this.classes.length === 2 && this.classes.every((c) => c === 'true' || c === 'false');
    this.classIndex = new Map(this.classes.map((c, i) => [c, i]));
  }

  /** The metric alerts are based on. */
  get headline(): string {
    return this.options.metric ?? DEFAULT_PERFORMANCE_METRIC[this.task.task];
  }

  get nLabels(): number {
    return this.yTrue.length;
  }

  /** Class index of a label or prediction, or -1. */
  private index(v: unknown): number {
    const key = categoryKey(v, this.boolean);
    return key === null ? -1 : (this.classIndex.get(key) ?? -1);
  }

  /** The labelled rows so far (to send to another thread). */
  state(): PerformanceState {
    return { yTrue: this.yTrue, yPred: this.yPred, proba: this.proba, times: this.times, unknown: this.unknown };
  }

  /** Add another session's labelled rows. */
  merge(s: PerformanceState): void {
    for (const v of s.yTrue) this.yTrue.push(v);
    for (const v of s.yPred) this.yPred.push(v);
    for (const v of s.proba) this.proba.push(v);
    for (const v of s.times) this.times.push(v);
    this.unknown += s.unknown;
  }

  /** One labelled row: raw label, raw prediction, probabilities per class (NaN when absent), time. */
  addRow(label: unknown, prediction: unknown, proba: ArrayLike<number> | undefined, time: number): void {
    const K = this.classes.length;
    if (this.task.task === 'regression') {
      const y = Number(label);
      const p = Number(prediction);
      if (!Number.isFinite(y) || !Number.isFinite(p)) return void this.unknown++;
      this.yTrue.push(y);
      this.yPred.push(p);
    } else {
      const y = this.index(label);
      if (y < 0) return void this.unknown++;
      this.yTrue.push(y);
      this.yPred.push(this.index(prediction));
      for (let j = 0; j < K; j++) this.proba.push(proba ? proba[j] : Number.NaN);
    }
    this.times.push(time);
  }

  /** The labelled rows of a batch scanned with `labels: true`. */
  addBatch(b: LogBatch): void {
    if (!b.labels) return;
    const K = this.classes.length;
    const cols = b.proba ? this.classes.map((c) => b.proba!.classes.indexOf(c)) : [];
    const row = new Float64Array(K);
    for (let i = 0; i < b.n; i++) {
      const label = b.labels[i];
      if (label === null) continue;
      if (b.proba) {
        const k = b.proba.classes.length;
        for (let j = 0; j < K; j++) row[j] = cols[j] < 0 ? Number.NaN : b.proba.values[i * k + cols[j]];
      }
      this.addRow(label, columnValue(b.prediction, i), b.proba ? row : undefined, b.timestamp[i]);
    }
  }

  private compute(name: string, rows: readonly number[]): number | null {
    const spec = getMetric(name);
    const K = this.classes.length;
    const yt = this.task.task === 'regression' ? Float64Array.from(rows, (i) => this.yTrue[i]) : Int32Array.from(rows, (i) => this.yTrue[i]);
    let pred: Float64Array | Int32Array;
    if (this.task.task === 'regression') pred = Float64Array.from(rows, (i) => this.yPred[i]);
    else if (spec.needsProba) {
      pred = K === 2 ? Float64Array.from(rows, (i) => this.proba[i * 2 + 1]) : Float64Array.from(rows.flatMap((i) => this.proba.slice(i * K, (i + 1) * K)));
      if (pred.some((v) => Number.isNaN(v))) return null;
    } else {
      pred = Int32Array.from(rows, (i) => this.yPred[i]);
      if (pred.some((v) => v < 0)) return null;
    }
    try {
      const v = spec.compute(yt, pred, { nClasses: K || undefined });
      return Number.isFinite(v) ? v : null;
    } catch {
      return null; // e.g. AUC on one class: undefined, reported as null
    }
  }

  /** Metrics over all labelled rows and per bucket, against `baseline`. */
  finish(baseline: { value: number; source: string } | null = null): PerformanceReport {
    const o = this.options;
    const headline = this.headline;
    const names = [...new Set([headline, ...HEADLINE_METRICS[this.task.task]])];
    const all = this.yTrue.map((_, i) => i);
    const metrics = Object.fromEntries(names.map((n) => [n, all.length ? this.compute(n, all) : null]));
    const bucketMs = o.bucketMs ?? 86_400_000;
    const byBucket = new Map<number, number[]>();
    this.times.forEach((t, i) => {
      const start = Math.floor(t / bucketMs) * bucketMs;
      let list = byBucket.get(start);
      if (!list) byBucket.set(start, (list = []));
      list.push(i);
    });
    const buckets = [...byBucket.entries()].sort((a, b) => a[0] - b[0]).map(([start, rows]) => ({ start, n_labels: rows.length, value: this.compute(headline, rows) }));
    const now = metrics[headline];
    let drop: number | null = null;
    if (baseline && typeof now === 'number' && baseline.value !== 0) {
      const sign = getMetric(headline).greaterIsBetter ? 1 : -1;
      drop = (sign * (baseline.value - now)) / Math.abs(baseline.value);
    }
    const alert = drop !== null && all.length >= (o.minLabels ?? 30) && drop > (o.maxDrop ?? 0.05);
    return { headline, n_labels: all.length, unknown_labels: this.unknown, metrics, baseline, drop, alert, buckets };
  }
}

/** The baseline of `metric`: the profile's held-out value, else the version's registered metrics. */
export function performanceBaseline(metric: string, profileMetrics: Readonly<Record<string, number>> | undefined, versionMetrics: Readonly<Record<string, number>>): { value: number; source: string } | null {
  if (profileMetrics && typeof profileMetrics[metric] === 'number') return { value: profileMetrics[metric], source: 'held-out rows at registration' };
  for (const key of [`holdout_${metric}`, metric, `valid_${metric}`, `cv_${metric}`]) {
    if (typeof versionMetrics[key] === 'number') return { value: versionMetrics[key], source: `registered metric ${key}` };
  }
  return null;
}
