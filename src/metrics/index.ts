/**
 * @module metrics
 * Metrics shared by every learner, AutoML, `evaluate` and monitoring: pure functions of typed
 * arrays whose values equal scikit-learn's (test/fixtures/metrics). Conventions:
 * - class labels are Int32Array indices 0..K-1; probabilities are Float64Array — binary: P(class 1)
 *   per row; multiclass: a row-major n×K matrix (pass `nClasses` or let it be inferred);
 * - regression targets, predictions and ranking relevance/scores are Float64Array;
 * - `sampleWeight` (Float64Array, one per row) is accepted wherever sklearn accepts it;
 * - bad input throws DataError MW_METRIC_INPUT, an undefined value (AUC on one class) throws
 *   DataError MW_METRIC_UNDEFINED, a bad option throws InvalidParamError MW_PARAM_INVALID.
 * `getMetric(name)` looks metrics up by sklearn-style name for AutoML and early stopping.
 */
export { accuracyScore, balancedAccuracyScore, type LabelMetricOptions } from './classification/accuracy.js';
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from './classification/confusion.js';
export {
  f1Score, fbetaScore, precisionRecallFscore, precisionRecallFscorePerClass, precisionScore, recallScore,
  type ClassAverage, type PrfAverage, type PrfOptions, type PrfPerClass,
} from './classification/precision-recall-f1.js';
export { rocAucScore, type RocAucOptions } from './classification/roc-auc.js';
export type { OvrAverage } from './classification/one-vs-rest.js';
export { averagePrecisionScore, type AveragePrecisionOptions } from './classification/average-precision.js';
export { logLoss, type LogLossOptions } from './classification/log-loss.js';
export { brierScoreLoss, type BrierOptions } from './classification/brier.js';
export { matthewsCorrcoef } from './classification/mcc.js';
export { cohenKappaScore, type KappaOptions } from './classification/kappa.js';
export { precisionRecallCurve, rocCurve, type BinaryCurveOptions, type PrecisionRecallCurve, type RocCurve } from './classification/curves.js';
export { calibrationCurve, expectedCalibrationError, type CalibrationCurve, type CalibrationCurveOptions, type EceOptions } from './calibration.js';
export {
  maxError, meanAbsoluteError, meanAbsolutePercentageError, meanPinballLoss, meanPoissonDeviance, meanSquaredError, rootMeanSquaredError,
} from './regression/errors.js';
export type { RegressionOptions } from './regression/check.js';
export { medianAbsoluteError } from './regression/median.js';
export { explainedVarianceScore, r2Score } from './regression/scores.js';
export { DEFAULT_RESIDUAL_QUANTILES, residualSummary, type ResidualSummary } from './regression/residual-summary.js';
export { dcgScore, ndcgPerQuery, ndcgScore, type DcgOptions } from './ranking/dcg.js';
export { meanAveragePrecisionAtK, precisionAtK, recallAtK } from './ranking/binary-relevance.js';
export type { RankingOptions } from './ranking/queries.js';
export {
  getMetric, METRIC_ALIASES, metricNames, METRICS, metricsForTask,
  type MetricArray, type MetricOptions, type MetricSpec, type MetricTask,
} from './registry.js';
export { bootstrapInterval, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
