/**
 * @module learners/knn
 * `knn`: k-nearest neighbours for classification and regression, brute force or k-d tree.
 */
import type { LearnerDefinition } from '../registry.js';
import { SimpleEstimator } from '../shared/simple-estimator.js';
import { fitKnn } from './estimator.js';
import { KnnModel } from './model.js';
import { KNN_PARAMS } from './params.js';

export { KnnModel } from './model.js';
export { KNN_PARAMS } from './params.js';

export const knnLearner: LearnerDefinition = {
  kind: 'knn',
  description: 'k-nearest neighbours on standardised, one-hot encoded features (k-d tree for large, narrow data).',
  tags: { tasks: ['binary', 'multiclass', 'regression'], handlesMissing: false, handlesCategorical: false, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: KNN_PARAMS,
  create: (params = {}) => new SimpleEstimator('knn', KNN_PARAMS, params, ['binary', 'multiclass', 'regression'], (p, data) => fitKnn(p, data)),
  load: (state) => KnnModel.load(state),
};
