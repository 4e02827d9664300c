/**
 * @module learners/linear
 * `linear`: logistic regression (binary, multinomial) and ridge / lasso / elastic-net
 * regression, with standardisation and one-hot encoding inside the model.
 */
import type { LearnerDefinition } from '../registry.js';
import { SimpleEstimator } from '../shared/simple-estimator.js';
import { fitLinear } from './estimator.js';
import { LinearModel } from './model.js';
import { LINEAR_PARAMS } from './params.js';

export { LinearModel, type LinearCoefficients } from './model.js';
export { LINEAR_PARAMS } from './params.js';

export const linearLearner: LearnerDefinition = {
  kind: 'linear',
  description: 'Linear models: logistic regression and ridge/lasso/elastic-net regression, standardised inside.',
  tags: { tasks: ['binary', 'multiclass', 'regression'], handlesMissing: false, handlesCategorical: false, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: LINEAR_PARAMS,
  create: (params = {}) => new SimpleEstimator('linear', LINEAR_PARAMS, params, ['binary', 'multiclass', 'regression'], fitLinear),
  load: (state) => LinearModel.load(state),
};
