/**
 * @module learners/gbdt
 * Histogram gradient-boosted decision trees with LightGBM's algorithms and parameter names:
 * quantile binning with a missing bin, leaf-wise growth, the subtraction trick, learned
 * missing-value directions, native categorical splits, bagging and feature sampling, early
 * stopping, continued training, and histogram building on worker threads.
 *
 * @example
 *   const model = await gbdtDefinition.create({ num_leaves: 63 }).fit({ X, y });
 *   const proba = (model as GbdtClassifierModel).predictProba(Xtest);
 */
import type { LearnerDefinition } from '../registry.js';
import { GbdtEstimator } from './estimator.js';
import { loadGbdtModel } from './model.js';
import { GBDT_PARAMS } from './params.js';

export { GbdtEstimator, fitTimings, type FitTimings } from './estimator.js';
export { GbdtClassifierModel, GbdtModel, type GbdtState, type PredictOptions, loadGbdtModel } from './model.js';
export { GBDT_PARAMS, type GbdtParams } from './params.js';

export const gbdtDefinition: LearnerDefinition = {
  kind: 'gbdt',
  description: 'Gradient-boosted decision trees (LightGBM-style histogram GBDT: leaf-wise growth, native categorical and missing-value handling).',
  tags: { tasks: ['binary', 'multiclass', 'regression', 'ranking'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: GBDT_PARAMS,
  create: (params = {}) => GbdtEstimator.create(params),
  load: loadGbdtModel,
};
