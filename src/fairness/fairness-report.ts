/**
 * @module fairness/fairness-report
 * Fairness of a model's predictions across the groups of one sensitive column, with
 * Fairlearn's definitions:
 *   demographic_parity_difference = max − min selection rate over groups;
 *   demographic_parity_ratio      = min / max selection rate (1 when nobody is selected);
 *   equalized_odds_difference     = max(TPR range, FPR range) over groups.
 * Multiclass tasks apply them one-vs-rest per class and report the worst class; regression
 * reports the RMSE and mean-prediction ranges instead. A warning is raised for each gap above
 * `threshold` (default 0.1), for a parity ratio below 0.8 (the "four-fifths rule"), and for
 * groups too small (< 30 rows) for their rates to mean much.
 */
import { type GroupMetrics, binaryGroupMetrics, multiclassGroupMetrics, regressionGroupMetrics } from './group-metrics.js';

export interface FairnessWarning {
  readonly code: 'FAIRNESS_GAP' | 'FAIRNESS_RATIO' | 'FAIRNESS_SMALL_GROUP';
  readonly metric: string;
  readonly value: number;
  readonly threshold: number;
  readonly message: string;
}

export interface FairnessResult {
  readonly column: string;
  readonly groups: readonly GroupMetrics[];
  readonly demographic_parity_difference: number | null;
  readonly demographic_parity_ratio: number | null;
  readonly equalized_odds_difference: number | null;
  readonly accuracy_difference?: number;
  readonly rmse_difference?: number;
  readonly mean_prediction_difference?: number;
  readonly threshold: number;
  readonly warnings: readonly FairnessWarning[];
}

/** What the report is computed from: labels or values, predictions, scores, and group codes. */
export type FairnessInput =
  | { readonly task: 'binary'; readonly yTrue: Int32Array; readonly yPred: Int32Array; readonly score: Float64Array }
  | { readonly task: 'multiclass'; readonly yTrue: Int32Array; readonly yPred: Int32Array; readonly classes: readonly string[] }
  | { readonly task: 'regression'; readonly yTrue: Float64Array; readonly yPred: Float64Array };

export interface FairnessOptions {
  /** Gap above which a warning is raised; default 0.1. */
  readonly threshold?: number;
}

export const SMALL_GROUP = 30;
const FOUR_FIFTHS = 0.8;

function range(values: readonly (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length < 2 ? (v.length === 1 ? 0 : null) : Math.max(...v) - Math.min(...v);
}

/** Parity summaries of per-group binary metrics. */
export function binaryDisparities(groups: readonly GroupMetrics[]): { dpd: number | null; dpr: number | null; eod: number | null } {
  const sel = groups.map((g) => g.selection_rate as number);
  const max = Math.max(...sel);
  const tprRange = range(groups.map((g) => g.tpr));
  const fprRange = range(groups.map((g) => g.fpr));
  return {
    dpd: range(sel),
    dpr: groups.length === 0 ? null : max > 0 ? Math.min(...sel) / max : 1,
    eod: tprRange === null && fprRange === null ? null : Math.max(tprRange ?? 0, fprRange ?? 0),
  };
}

/**
 * Fairness report of one sensitive column (group codes per row, group names by code).
 * @example fairnessReport('sex', { task: 'binary', yTrue, yPred, score }, codes, names)
 */
export function fairnessReport(column: string, input: FairnessInput, codes: Int32Array, names: readonly string[], opts: FairnessOptions = {}): FairnessResult {
  const threshold = opts.threshold ?? 0.1;
  const warnings: FairnessWarning[] = [];
  const gap = (metric: string, value: number | null | undefined, what: string) => {
    if (typeof value === 'number' && value > threshold) {
      warnings.push({ code: 'FAIRNESS_GAP', metric, value, threshold, message: `${what} differs by ${value.toFixed(3)} between groups of '${column}' (more than ${threshold}).` });
    }
  };
  let result: Omit<FairnessResult, 'warnings' | 'threshold'>;
  if (input.task === 'binary') {
    const groups = binaryGroupMetrics(input.yTrue, input.yPred, input.score, codes, names);
    const { dpd, dpr, eod } = binaryDisparities(groups);
    result = { column, groups, demographic_parity_difference: dpd, demographic_parity_ratio: dpr, equalized_odds_difference: eod, accuracy_difference: range(groups.map((g) => g.accuracy)) ?? 0 };
  } else if (input.task === 'multiclass') {
    const groups = multiclassGroupMetrics(input.yTrue, input.yPred, input.classes, codes, names);
    // One-vs-rest per class; the worst class is reported.
    let dpd: number | null = null;
    let dpr: number | null = null;
    let eod: number | null = null;
    input.classes.forEach((_, k) => {
      const yt = Int32Array.from(input.yTrue, (v) => (v === k ? 1 : 0));
      const yp = Int32Array.from(input.yPred, (v) => (v === k ? 1 : 0));
      const d = binaryDisparities(binaryGroupMetrics(yt, yp, new Float64Array(yt.length), codes, names));
      if (d.dpd !== null) dpd = Math.max(dpd ?? 0, d.dpd);
      if (d.dpr !== null) dpr = Math.min(dpr ?? 1, d.dpr);
      if (d.eod !== null) eod = Math.max(eod ?? 0, d.eod);
    });
    result = { column, groups, demographic_parity_difference: dpd, demographic_parity_ratio: dpr, equalized_odds_difference: eod, accuracy_difference: range(groups.map((g) => g.accuracy)) ?? 0 };
  } else {
    const groups = regressionGroupMetrics(input.yTrue, input.yPred, codes, names);
    result = {
      column, groups, demographic_parity_difference: null, demographic_parity_ratio: null, equalized_odds_difference: null,
      rmse_difference: range(groups.map((g) => g.rmse)) ?? 0, mean_prediction_difference: range(groups.map((g) => g.mean_prediction)) ?? 0,
    };
  }
  gap('demographic_parity_difference', result.demographic_parity_difference, 'The selection rate');
  gap('equalized_odds_difference', result.equalized_odds_difference, 'The true or false positive rate');
  gap('accuracy_difference', result.accuracy_difference, 'Accuracy');
  const dpr = result.demographic_parity_ratio;
  if (typeof dpr === 'number' && dpr < FOUR_FIFTHS) {
    warnings.push({ code: 'FAIRNESS_RATIO', metric: 'demographic_parity_ratio', value: dpr, threshold: FOUR_FIFTHS, message: `The lowest selection rate across groups of '${column}' is ${(dpr * 100).toFixed(0)}% of the highest (below the four-fifths rule).` });
  }
  for (const g of result.groups) {
    if (g.n < SMALL_GROUP) {
      warnings.push({ code: 'FAIRNESS_SMALL_GROUP', metric: 'n', value: g.n, threshold: SMALL_GROUP, message: `Group '${g.group}' of '${column}' has only ${g.n} rows: its rates are uncertain.` });
    }
  }
  return { ...result, threshold, warnings };
}
