/**
 * @module evaluate
 * Evaluation of saved models on labelled data: all metrics of the task (scikit-learn names),
 * a bootstrap interval for the headline metric, confusion matrix, curves, residuals, and
 * fairness across sensitive columns.
 */
export { type ClassificationCurves, type Residuals, classificationCurves, regressionResiduals, thinIndices } from './curves.js';
export { type EvaluateOptions, type Evaluation, HEADLINE, type Interval, type MitigatedVariant, evaluateModel } from './evaluate-model.js';
export { HEADLINE_METRICS, headlineMetrics, metricProba } from './headline-metrics.js';
export { type Evaluable, type LabelledData, labelledData, predictedClasses } from './labelled-data.js';
export { EVALUATION_METRICS, type MetricInputs, computeMetrics, metricInputs } from './metric-set.js';
export { type ModelFileRef, type PredictorRef, type SavedModelRef, ensembleOutput, loadSavedModel } from './saved-model-ref.js';
