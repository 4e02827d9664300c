/**
 * @module fairness/group-metrics
 * Metrics per group of a sensitive column (Fairlearn's MetricFrame by group), computed from
 * true labels and predictions. Binary tasks are seen through one positive class: selection
 * rate = share of rows predicted positive; TPR = recall of the positive class; FPR = share of
 * true negatives predicted positive; AUC on the positive class's probability. Multiclass
 * tasks report accuracy and each class's selection rate; regression tasks report RMSE, MAE
 * and mean prediction. A rate with an empty denominator (no positives in the group) is null.
 * Keys are snake_case: they are the JSON of `evaluate --json`.
 */
import { ModelwrightError } from '../errors.js';
import { rocAucScore } from '../metrics/classification/roc-auc.js';

export interface GroupMetrics {
  readonly group: string;
  readonly n: number;
  /** Binary: share predicted positive. */
  readonly selection_rate?: number;
  /** Binary: share truly positive. */
  readonly base_rate?: number;
  readonly accuracy?: number;
  readonly tpr?: number | null;
  readonly fpr?: number | null;
  readonly auc?: number | null;
  /** Multiclass: share predicted as each class. */
  readonly selection_rates?: Readonly<Record<string, number>>;
  readonly rmse?: number;
  readonly mae?: number;
  readonly mean_prediction?: number;
  readonly mean_target?: number;
}

/** Group index per row (missing → its own group) and the group names, largest group first. */
export function groupIndex(labels: readonly (string | null)[]): { codes: Int32Array; names: string[] } {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l ?? '(missing)', (counts.get(l ?? '(missing)') ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(names.map((g, i) => [g, i]));
  return { codes: Int32Array.from(labels, (l) => index.get(l ?? '(missing)')!), names };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Binary metrics per group: yTrue/yPred are 1 for the positive class, score = P(positive). */
export function binaryGroupMetrics(yTrue: Int32Array, yPred: Int32Array, score: Float64Array, codes: Int32Array, names: readonly string[]): GroupMetrics[] {
  return names.map((group, g) => {
    let n = 0;
    let tp = 0;
    let fp = 0;
    let pos = 0;
    let correct = 0;
    const rows: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== g) continue;
      n++;
      rows.push(i);
      pos += yTrue[i];
      if (yPred[i] === 1) yTrue[i] === 1 ? tp++ : fp++;
      if (yPred[i] === yTrue[i]) correct++;
    }
    let auc: number | null = null;
    if (pos > 0 && pos < n) {
      try {
        auc = rocAucScore(Int32Array.from(rows, (i) => yTrue[i]), Float64Array.from(rows, (i) => score[i]));
      } catch (err) {
        if (!(err instanceof ModelwrightError)) throw err;
      }
    }
    return { group, n, selection_rate: (tp + fp) / n, base_rate: pos / n, accuracy: correct / n, tpr: ratio(tp, pos), fpr: ratio(fp, n - pos), auc };
  });
}

/** Multiclass metrics per group: accuracy and each class's selection rate. */
export function multiclassGroupMetrics(yTrue: Int32Array, yPred: Int32Array, classes: readonly string[], codes: Int32Array, names: readonly string[]): GroupMetrics[] {
  return names.map((group, g) => {
    let n = 0;
    let correct = 0;
    const picked = new Float64Array(classes.length);
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== g) continue;
      n++;
      picked[yPred[i]]++;
      if (yPred[i] === yTrue[i]) correct++;
    }
    return { group, n, accuracy: correct / n, selection_rates: Object.fromEntries(classes.map((c, k) => [c, picked[k] / n])) };
  });
}

/** Regression metrics per group. */
export function regressionGroupMetrics(yTrue: Float64Array, yPred: Float64Array, codes: Int32Array, names: readonly string[]): GroupMetrics[] {
  return names.map((group, g) => {
    let n = 0;
    let se = 0;
    let ae = 0;
    let sp = 0;
    let st = 0;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== g) continue;
      const d = yPred[i] - yTrue[i];
      n++;
      se += d * d;
      ae += Math.abs(d);
      sp += yPred[i];
      st += yTrue[i];
    }
    return { group, n, rmse: Math.sqrt(se / n), mae: ae / n, mean_prediction: sp / n, mean_target: st / n };
  });
}
