/**
 * @module learners/bayes
 * `naive_bayes`: Gaussian and multinomial naive Bayes classifiers.
 */
import type { LearnerDefinition } from '../registry.js';
import { SimpleEstimator } from '../shared/simple-estimator.js';
import { fitNaiveBayes } from './estimator.js';
import { NaiveBayesModel } from './model.js';
import { NAIVE_BAYES_PARAMS } from './params.js';

export { NaiveBayesModel } from './model.js';
export { NAIVE_BAYES_PARAMS } from './params.js';

export const naiveBayesLearner: LearnerDefinition = {
  kind: 'naive_bayes',
  description: 'Naive Bayes classifier: Gaussian features or multinomial counts; fast baseline.',
  tags: { tasks: ['binary', 'multiclass'], handlesMissing: false, handlesCategorical: false, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: NAIVE_BAYES_PARAMS,
  create: (params = {}) => new SimpleEstimator('naive_bayes', NAIVE_BAYES_PARAMS, params, ['binary', 'multiclass'], (p, data) => fitNaiveBayes(p, data)),
  load: (state) => NaiveBayesModel.load(state),
};
