/**
 * @module metrics/registry
 * Every metric by its scikit-learn-style name, for AutoML, early stopping, `evaluate` and
 * monitoring: `getMetric('roc_auc').compute(yTrue, proba)`. Names follow sklearn's scorer names
 * without the `neg_` prefix (`greaterIsBetter` gives the direction instead). Ranking metrics
 * take their cutoff in the name: `ndcg@10`, `map@5`, `precision@3`, `recall@20`.
 *
 * `compute` is lenient about array types so that callers can pass model output as it comes:
 * classification y_true may be a Float64Array of integral class indices; a label metric given
 * probabilities uses the arg-max class (binary: class 1 when P(positive) > 0.5, sklearn's
 * predict rule); regression arrays may be Int32Arrays.
 */
import { closestMatches, didYouMean } from '../common/closest-match.js';
import { InvalidParamError } from '../errors.js';
import { accuracyScore, balancedAccuracyScore } from './classification/accuracy.js';
import { averagePrecisionScore } from './classification/average-precision.js';
import { brierScoreLoss } from './classification/brier.js';
import { cohenKappaScore } from './classification/kappa.js';
import { logLoss } from './classification/log-loss.js';
import { matthewsCorrcoef } from './classification/mcc.js';
import { precisionRecallFscore, type ClassAverage } from './classification/precision-recall-f1.js';
import { rocAucScore } from './classification/roc-auc.js';
import { expectedCalibrationError } from './calibration.js';
import { asLabels, asProba, asValues, labelsFromPredictions } from './internal/coerce.js';
import { meanAveragePrecisionAtK, precisionAtK, recallAtK } from './ranking/binary-relevance.js';
import { dcgScore, ndcgScore } from './ranking/dcg.js';
import { maxError, meanAbsoluteError, meanAbsolutePercentageError, meanPinballLoss, meanPoissonDeviance, meanSquaredError, rootMeanSquaredError } from './regression/errors.js';
import { medianAbsoluteError } from './regression/median.js';
import { explainedVarianceScore, r2Score } from './regression/scores.js';

export type MetricTask = 'binary' | 'multiclass' | 'regression' | 'ranking';
export type MetricArray = Int32Array | Float64Array;

/** Options a metric may read; each ignores those it does not use. */
export interface MetricOptions {
  sampleWeight?: Float64Array;
  /** Classes K (classification); default: inferred from the labels or the probability matrix. */
  nClasses?: number;
  /** Query id per row (ranking). */
  group?: Int32Array | Float64Array;
  /** Ranking cutoff; a cutoff in the name (`ndcg@5`) takes precedence. */
  k?: number;
  /** Quantile of the pinball loss; default 0.5. */
  alpha?: number;
}

export interface MetricSpec {
  /** Canonical name, e.g. 'roc_auc' or 'ndcg@10'. */
  readonly name: string;
  readonly tasks: readonly MetricTask[];
  /** True for scores (accuracy, AUC, R²), false for losses (log loss, RMSE). */
  readonly greaterIsBetter: boolean;
  /** True when the metric needs probabilities or scores rather than predicted labels. */
  readonly needsProba: boolean;
  /** One line: what it measures and its sklearn counterpart. */
  readonly description: string;
  compute(yTrue: MetricArray, yPredOrProba: MetricArray, opts?: MetricOptions): number;
}

const CLASSIFICATION: readonly MetricTask[] = ['binary', 'multiclass'];
const BINARY: readonly MetricTask[] = ['binary'];
const REGRESSION: readonly MetricTask[] = ['regression'];
const RANKING: readonly MetricTask[] = ['ranking'];

type LabelFn = (yTrue: Int32Array, yPred: Int32Array, opts: MetricOptions) => number;
type ProbaFn = (yTrue: Int32Array, proba: Float64Array, opts: MetricOptions) => number;
type ValueFn = (yTrue: Float64Array, yPred: Float64Array, opts: MetricOptions) => number;

function labelMetric(name: string, tasks: readonly MetricTask[], description: string, fn: LabelFn): MetricSpec {
  return {
    name, tasks, greaterIsBetter: true, needsProba: false, description,
    compute: (yTrue, yPred, opts = {}) => {
      const t = asLabels(name, 'y_true', yTrue);
      return fn(t, labelsFromPredictions(name, yPred, t.length), opts);
    },
  };
}

function probaMetric(name: string, tasks: readonly MetricTask[], greaterIsBetter: boolean, description: string, fn: ProbaFn): MetricSpec {
  return {
    name, tasks, greaterIsBetter, needsProba: true, description,
    compute: (yTrue, proba, opts = {}) => fn(asLabels(name, 'y_true', yTrue), asProba(name, proba), opts),
  };
}

function valueMetric(name: string, tasks: readonly MetricTask[], greaterIsBetter: boolean, needsProba: boolean, description: string, fn: ValueFn): MetricSpec {
  return {
    name, tasks, greaterIsBetter, needsProba, description,
    compute: (yTrue, yPred, opts = {}) => fn(asValues(yTrue), asValues(yPred), opts),
  };
}

function prf(which: 'precision' | 'recall' | 'fscore', average: ClassAverage): LabelFn {
  return (t, p, o) => precisionRecallFscore(t, p, { average, sampleWeight: o.sampleWeight, nClasses: o.nClasses })[which];
}

const PRF_NAMES = { precision: 'precision', recall: 'recall', fscore: 'f1' } as const;
const prfSpecs: MetricSpec[] = [];
for (const which of ['fscore', 'precision', 'recall'] as const) {
  const base = PRF_NAMES[which];
  prfSpecs.push(labelMetric(base, BINARY, `${base} of class 1 (sklearn ${base}_score, average='binary')`, prf(which, 'binary')));
  for (const average of ['macro', 'micro', 'weighted'] as const) {
    prfSpecs.push(labelMetric(`${base}_${average}`, CLASSIFICATION, `${base}, ${average} average over classes (sklearn average='${average}')`, prf(which, average)));
  }
}

const auc = (multiClass: 'ovr' | 'ovo', average: 'macro' | 'weighted'): ProbaFn =>
  (t, p, o) => rocAucScore(t, p, { multiClass, average, nClasses: o.nClasses, sampleWeight: o.sampleWeight });

const SPECS: MetricSpec[] = [
  labelMetric('accuracy', CLASSIFICATION, 'share of rows predicted correctly (sklearn accuracy_score)', (t, p, o) => accuracyScore(t, p, o)),
  labelMetric('balanced_accuracy', CLASSIFICATION, 'mean recall over classes (sklearn balanced_accuracy_score)', (t, p, o) => balancedAccuracyScore(t, p, o)),
  ...prfSpecs,
  labelMetric('mcc', CLASSIFICATION, 'Matthews correlation coefficient (sklearn matthews_corrcoef)', (t, p, o) => matthewsCorrcoef(t, p, o)),
  labelMetric('cohen_kappa', CLASSIFICATION, "Cohen's kappa (sklearn cohen_kappa_score)", (t, p, o) => cohenKappaScore(t, p, o)),
  labelMetric('cohen_kappa_quadratic', CLASSIFICATION, "quadratic-weighted Cohen's kappa for ordinal classes (sklearn weights='quadratic')", (t, p, o) => cohenKappaScore(t, p, { ...o, weights: 'quadratic' })),
  probaMetric('roc_auc', CLASSIFICATION, true, 'area under the ROC curve; multiclass: one-vs-rest macro (sklearn roc_auc_score)', auc('ovr', 'macro')),
  probaMetric('roc_auc_ovr', CLASSIFICATION, true, "one-vs-rest macro ROC AUC (sklearn multi_class='ovr')", auc('ovr', 'macro')),
  probaMetric('roc_auc_ovr_weighted', CLASSIFICATION, true, 'one-vs-rest ROC AUC weighted by class support', auc('ovr', 'weighted')),
  probaMetric('roc_auc_ovo', CLASSIFICATION, true, "one-vs-one macro ROC AUC, Hand & Till (sklearn multi_class='ovo')", auc('ovo', 'macro')),
  probaMetric('roc_auc_ovo_weighted', CLASSIFICATION, true, 'one-vs-one ROC AUC weighted by pair prevalence', auc('ovo', 'weighted')),
  probaMetric('average_precision', CLASSIFICATION, true, 'area under the precision-recall curve, step-wise (sklearn average_precision_score); multiclass: one-vs-rest macro', (t, p, o) => averagePrecisionScore(t, p, o)),
  probaMetric('log_loss', CLASSIFICATION, false, 'cross-entropy of the predicted probabilities (sklearn log_loss)', (t, p, o) => logLoss(t, p, o)),
  probaMetric('brier_score', CLASSIFICATION, false, 'mean squared error of the probabilities (sklearn brier_score_loss)', (t, p, o) => brierScoreLoss(t, p, o)),
  probaMetric('ece', CLASSIFICATION, false, 'expected calibration error over 10 equal-width bins (see calibration.ts)', (t, p, o) => expectedCalibrationError(t, p, o)),
  valueMetric('rmse', REGRESSION, false, false, 'root mean squared error', (t, p, o) => rootMeanSquaredError(t, p, o)),
  valueMetric('mse', REGRESSION, false, false, 'mean squared error (sklearn mean_squared_error)', (t, p, o) => meanSquaredError(t, p, o)),
  valueMetric('mae', REGRESSION, false, false, 'mean absolute error (sklearn mean_absolute_error)', (t, p, o) => meanAbsoluteError(t, p, o)),
  valueMetric('r2', REGRESSION, true, false, 'coefficient of determination (sklearn r2_score)', (t, p, o) => r2Score(t, p, o)),
  valueMetric('mape', REGRESSION, false, false, 'mean absolute percentage error as a fraction (sklearn mean_absolute_percentage_error)', (t, p, o) => meanAbsolutePercentageError(t, p, o)),
  valueMetric('median_absolute_error', REGRESSION, false, false, 'median of |y - ŷ| (sklearn median_absolute_error)', (t, p, o) => medianAbsoluteError(t, p, o)),
  valueMetric('pinball', REGRESSION, false, false, 'quantile loss at opts.alpha, default 0.5 (sklearn mean_pinball_loss)', (t, p, o) => meanPinballLoss(t, p, o)),
  valueMetric('explained_variance', REGRESSION, true, false, 'explained variance (sklearn explained_variance_score)', (t, p, o) => explainedVarianceScore(t, p, o)),
  valueMetric('max_error', REGRESSION, false, false, 'largest absolute error (sklearn max_error)', (t, p) => maxError(t, p)),
  valueMetric('poisson_deviance', REGRESSION, false, false, 'mean Poisson deviance (sklearn mean_poisson_deviance)', (t, p, o) => meanPoissonDeviance(t, p, o)),
  valueMetric('ndcg', RANKING, true, true, 'normalized DCG averaged over queries, ties averaged (sklearn ndcg_score)', (t, p, o) => ndcgScore(t, p, o)),
  valueMetric('dcg', RANKING, true, true, 'DCG averaged over queries (sklearn dcg_score)', (t, p, o) => dcgScore(t, p, o)),
  valueMetric('map', RANKING, true, true, 'mean average precision over queries, binary relevance (y > 0)', (t, p, o) => meanAveragePrecisionAtK(t, p, o)),
  valueMetric('precision@k', RANKING, true, true, 'share of relevant documents in each top k, averaged over queries', (t, p, o) => precisionAtK(t, p, o)),
  valueMetric('recall@k', RANKING, true, true, 'share of relevant documents found in each top k, averaged over queries', (t, p, o) => recallAtK(t, p, o)),
];

/** Every metric by canonical name. Ranking entries without a cutoff in the name read `opts.k`. */
export const METRICS: Readonly<Record<string, MetricSpec>> = Object.freeze(Object.fromEntries(SPECS.map((s) => [s.name, s])));

/** Other accepted spellings → canonical names (sklearn function names and common short forms). */
export const METRIC_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  pr_auc: 'average_precision',
  auc: 'roc_auc',
  matthews_corrcoef: 'mcc',
  brier_score_loss: 'brier_score',
  expected_calibration_error: 'ece',
  root_mean_squared_error: 'rmse',
  mean_squared_error: 'mse',
  mean_absolute_error: 'mae',
  r2_score: 'r2',
  mean_absolute_percentage_error: 'mape',
  mean_pinball_loss: 'pinball',
  explained_variance_score: 'explained_variance',
  mean_poisson_deviance: 'poisson_deviance',
  ndcg_score: 'ndcg',
  dcg_score: 'dcg',
});

/** Ranking metrics that accept a cutoff suffix `@k`, by the base name used before the `@`. */
const AT_K: Readonly<Record<string, string>> = { ndcg: 'ndcg', dcg: 'dcg', map: 'map', precision: 'precision@k', recall: 'recall@k' };

/** Names `getMetric` accepts, for messages and `--help`. */
export function metricNames(): string[] {
  return [...Object.keys(METRICS).filter((n) => !n.endsWith('@k')), 'ndcg@k', 'dcg@k', 'map@k', 'precision@k', 'recall@k'];
}

/**
 * The metric called `name`: a canonical name, an alias, or a ranking metric with a cutoff
 * (`ndcg@10`). Throws InvalidParamError (MW_PARAM_INVALID) listing the names, with a suggestion.
 * @example getMetric('roc_auc').compute(yTrue, pPositive) // 0.93
 * @example getMetric('ndcg@5').compute(relevance, scores, { group: queryIds })
 */
export function getMetric(name: string): MetricSpec {
  const key = name.trim().toLowerCase();
  const direct = METRICS[METRIC_ALIASES[key] ?? key];
  if (direct !== undefined) return direct;
  const at = /^([a-z_]+)@(\d+)$/.exec(key);
  if (at !== null && AT_K[at[1]] !== undefined && Number(at[2]) >= 1) {
    const base = METRICS[AT_K[at[1]]];
    const k = Number(at[2]);
    return { ...base, name: `${at[1]}@${k}`, compute: (t, p, o = {}) => base.compute(t, p, { ...o, k }) };
  }
  const names = metricNames();
  const candidates = [...names, ...Object.keys(METRIC_ALIASES)];
  const asked = key.replace(/@\d+$/, '@k');
  const close = closestMatches(asked, candidates);
  throw new InvalidParamError('MW_PARAM_INVALID', `Unknown metric '${name}'. Must be one of: ${names.join(', ')}.${didYouMean(asked, candidates)}`, {
    hint: 'Use a name from the list; ranking metrics take a cutoff such as ndcg@10.',
    details: { metric: name, allowed: names, suggestions: close },
  });
}

/** The metrics that apply to a task, in table order. */
export function metricsForTask(task: MetricTask): MetricSpec[] {
  return SPECS.filter((s) => s.tasks.includes(task));
}
