/**
 * @module metrics/regression/check
 * Input checks shared by the regression metrics: same length, finite values, valid weights.
 */
import { checkFinite, checkLength, checkNonEmpty, checkWeights } from '../internal/validate.js';

export interface RegressionOptions {
  sampleWeight?: Float64Array;
}

/** Throws MW_METRIC_INPUT unless y_true and y_pred are non-empty, finite and of equal length. */
export function checkRegression(metric: string, yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): void {
  checkNonEmpty(metric, yTrue.length);
  checkLength(metric, 'y_pred', yPred, yTrue.length);
  checkFinite(metric, 'y_true', yTrue);
  checkFinite(metric, 'y_pred', yPred);
  checkWeights(metric, sampleWeight, yTrue.length);
}
