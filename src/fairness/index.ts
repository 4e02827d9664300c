/**
 * @module fairness
 * Fairness checks of predictions across sensitive groups (Fairlearn's definitions) and a
 * deterministic per-group threshold mitigation for binary classifiers.
 */
export { type GroupMetrics, binaryGroupMetrics, groupIndex, multiclassGroupMetrics, regressionGroupMetrics } from './group-metrics.js';
export { type FairnessInput, type FairnessOptions, type FairnessResult, type FairnessWarning, binaryDisparities, fairnessReport } from './fairness-report.js';
export { type GroupThreshold, type MitigationConstraint, type ThresholdFit, fitGroupThresholds, parseConstraint } from './threshold-optimizer.js';
