/**
 * @module evaluate/evaluate-model
 * `evaluateModel`: everything `modelwright evaluate` reports about a model on labelled data.
 *
 *   table ─labelledData─▶ y, output, predictions ─▶ metrics (sklearn names) + warnings
 *         ─▶ bootstrap interval of the headline metric ─▶ confusion matrix, curves / residuals
 *         ─▶ per sensitive column: fairness report (+ per-group thresholds variant, binary)
 *
 * The result is plain data (JSON as is); keys follow scikit-learn and Fairlearn names.
 */
import { valueAt } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import type { Task } from '../data/schema/types.js';
import { UsageError } from '../errors.js';
import { type FairnessInput, type FairnessResult, fairnessReport } from '../fairness/fairness-report.js';
import { groupIndex } from '../fairness/group-metrics.js';
import { type MitigationConstraint, fitGroupThresholds } from '../fairness/threshold-optimizer.js';
import { bootstrapInterval } from '../metrics/bootstrap.js';
import { confusionMatrix } from '../metrics/classification/confusion.js';
import { getMetric } from '../metrics/registry.js';
import { type ClassificationCurves, type Residuals, classificationCurves, regressionResiduals } from './curves.js';
import { type Evaluable, type LabelledData, labelledData } from './labelled-data.js';
import { type MetricInputs, computeMetrics, metricInputs, metricValue } from './metric-set.js';

export interface EvaluateOptions {
  /** Raw columns to check fairness across. */
  readonly sensitive?: readonly string[];
  /** Binary: the positive class label (default: the second class in sorted order). */
  readonly positive?: string;
  /** Bootstrap resamples for the headline interval; 0 = none. Default 1000 (200 above 20k rows). */
  readonly bootstrap?: number;
  readonly level?: number;
  readonly seed?: number;
  /** Fairness gap warning threshold; default 0.1. */
  readonly fairnessThreshold?: number;
  /** Binary: also report a per-group-threshold variant equalising this. */
  readonly mitigate?: MitigationConstraint;
}

export interface Interval {
  readonly metric: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly n_boot: number;
}

export interface MitigatedVariant {
  readonly constraint: MitigationConstraint;
  readonly target: number;
  readonly thresholds: readonly { readonly group: string; readonly threshold: number }[];
  readonly metrics: Record<string, number | null>;
  readonly fairness: FairnessResult;
  readonly note: string;
}

export interface Evaluation {
  readonly task: Task;
  readonly target: string;
  readonly classes?: readonly string[];
  readonly positive?: string;
  readonly n: number;
  readonly dropped_rows: number;
  readonly headline: string;
  readonly metrics: Record<string, number | null>;
  readonly intervals: { readonly headline?: Interval };
  readonly confusion_matrix?: { readonly labels: readonly string[]; readonly matrix: number[][] };
  readonly curves?: ClassificationCurves;
  readonly residuals?: Residuals;
  readonly fairness?: Record<string, FairnessResult & { readonly mitigated?: MitigatedVariant }>;
  readonly warnings: string[];
}

export const HEADLINE: Readonly<Record<Task, string>> = { binary: 'roc_auc', multiclass: 'log_loss', regression: 'rmse' };

function positiveIndex(d: LabelledData, positive?: string): number {
  if (positive === undefined) return 1;
  const classes = d.classes ?? [];
  let k = classes.indexOf(positive);
  // Boolean-looking labels are read as true/false: accept the spelling the user sees in the file.
  if (k < 0 && classes.length === 2 && classes[0] === 'false' && classes[1] === 'true') {
    const t = positive.trim().toLowerCase();
    if (['yes', 'y', '1', 't'].includes(t)) k = 1;
    else if (['no', 'n', '0', 'f'].includes(t)) k = 0;
  }
  if (d.task !== 'binary') throw new UsageError('MW_USAGE', `--positive applies to binary classification; this model does ${d.task}.`);
  if (k < 0) throw new UsageError('MW_USAGE', `--positive '${positive}' is not a class of the model. Must be one of: ${classes.join(', ')}.`);
  return k;
}

function headlineInterval(name: string, m: MetricInputs, opts: EvaluateOptions, n: number, warnings: string[]): Interval | undefined {
  const nBoot = opts.bootstrap ?? (n > 20_000 ? 200 : 1000);
  if (nBoot <= 0) return undefined;
  const spec = getMetric(name);
  const level = opts.level ?? 0.95;
  try {
    const fn = (t: Int32Array | Float64Array, p: Int32Array | Float64Array) => spec.compute(t, p, { nClasses: m.nClasses || undefined });
    const iv = bootstrapInterval(fn, m.yTrue, spec.needsProba ? m.score : m.yPred, { nBoot, level, seed: opts.seed ?? 0 });
    return { metric: name, estimate: iv.estimate, low: iv.low, high: iv.high, level, n_boot: iv.nValid };
  } catch (err) {
    warnings.push(`No interval for ${name}: ${(err as Error).message}`);
    return undefined;
  }
}

function sensitiveGroups(data: Frame, rows: Int32Array, column: string): { codes: Int32Array; names: string[] } {
  const col = data.column(column);
  return groupIndex(Array.from(rows, (r) => {
    const v = valueAt(col, r);
    return v === null ? null : String(v);
  }));
}

/**
 * Evaluate `model` on the labelled table `data`.
 * @example const e = evaluateModel(await loadSavedModel('model.json'), table, { sensitive: ['sex'] })
 */
export function evaluateModel(model: Evaluable, data: Frame, opts: EvaluateOptions = {}): Evaluation {
  for (const s of opts.sensitive ?? []) data.column(s); // a misspelt column fails before any work
  const d = labelledData(model, data);
  const pos = positiveIndex(d, opts.positive);
  const { metrics, warnings } = computeMetrics(d, pos);
  if (d.dropped > 0) warnings.push(`${d.dropped} rows were left out: their target is missing or a label the model does not know.`);
  const inputs = metricInputs(d, pos);
  const headline = HEADLINE[d.task];
  const interval = metrics[headline] === null ? undefined : headlineInterval(headline, inputs, opts, d.n, warnings);
  const classes = d.classes ?? [];
  const base = {
    task: d.task, target: d.target, n: d.n, dropped_rows: d.dropped, headline, metrics, intervals: interval ? { headline: interval } : {},
  };
  let extra: Partial<Evaluation>;
  if (d.task === 'regression') {
    extra = { residuals: regressionResiduals(d.yTrue, d.predicted as Float64Array) };
  } else {
    const cm = confusionMatrix(Int32Array.from(d.yTrue), d.predicted as Int32Array, { nClasses: classes.length });
    const K = classes.length;
    const matrix = Array.from({ length: K }, (_, r) => Array.from(cm.matrix.subarray(r * K, (r + 1) * K)));
    extra = {
      classes, ...(d.task === 'binary' ? { positive: classes[pos] } : {}),
      confusion_matrix: { labels: classes, matrix }, curves: classificationCurves(inputs, classes),
    };
  }
  const fairness: NonNullable<Evaluation['fairness']> = {};
  for (const column of opts.sensitive ?? []) {
    const { codes, names } = sensitiveGroups(data, d.rows, column);
    const input: FairnessInput =
      d.task === 'binary' ? { task: 'binary', yTrue: inputs.yTrue as Int32Array, yPred: inputs.yPred as Int32Array, score: inputs.score }
      : d.task === 'multiclass' ? { task: 'multiclass', yTrue: inputs.yTrue as Int32Array, yPred: inputs.yPred as Int32Array, classes }
      : { task: 'regression', yTrue: d.yTrue, yPred: d.predicted as Float64Array };
    const report = fairnessReport(column, input, codes, names, { threshold: opts.fairnessThreshold });
    let mitigated: MitigatedVariant | undefined;
    if (opts.mitigate && d.task === 'binary') {
      const fit = fitGroupThresholds(opts.mitigate, inputs.yTrue as Int32Array, inputs.score, codes, names);
      const m2: MetricInputs = { ...inputs, yPred: fit.predictions };
      const w2: string[] = [];
      const variantMetrics = Object.fromEntries(['accuracy', 'balanced_accuracy', 'f1', 'precision', 'recall', 'mcc'].map((n) => [n, metricValue(n, m2, w2)]));
      mitigated = {
        constraint: fit.constraint, target: fit.target, thresholds: fit.thresholds, metrics: variantMetrics,
        fairness: fairnessReport(column, { ...(input as Extract<FairnessInput, { task: 'binary' }>), yPred: fit.predictions }, codes, names, { threshold: opts.fairnessThreshold }),
        note: 'Per-group thresholds chosen on these same rows to maximise accuracy under the constraint; validate them on held-out data before use.',
      };
    }
    fairness[column] = mitigated ? { ...report, mitigated } : report;
    for (const w of report.warnings) if (w.code !== 'FAIRNESS_SMALL_GROUP') warnings.push(w.message);
  }
  return { ...base, ...extra, ...(opts.sensitive?.length ? { fairness } : {}), warnings } as Evaluation;
}
