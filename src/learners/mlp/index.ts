/**
 * @module learners/mlp
 * `mlp`: a dense neural network (ReLU, dropout, Adam, mini-batches, early stopping) for
 * classification and regression, with one-hot categorical inputs.
 */
import type { LearnerDefinition } from '../registry.js';
import { SimpleEstimator } from '../shared/simple-estimator.js';
import { fitMlp } from './estimator.js';
import { MlpModel } from './model.js';
import { MLP_PARAMS } from './params.js';

export { MlpModel } from './model.js';
export { MLP_PARAMS } from './params.js';

export const mlpLearner: LearnerDefinition = {
  kind: 'mlp',
  description: 'Multi-layer perceptron: ReLU layers, dropout, Adam, mini-batches, early stopping on a validation split.',
  tags: { tasks: ['binary', 'multiclass', 'regression'], handlesMissing: false, handlesCategorical: false, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: MLP_PARAMS,
  create: (params = {}) => new SimpleEstimator('mlp', MLP_PARAMS, params, ['binary', 'multiclass', 'regression'], fitMlp),
  load: (state) => MlpModel.load(state),
};
