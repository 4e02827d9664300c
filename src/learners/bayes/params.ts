/**
 * @module learners/bayes/params
 * Parameters of `naive_bayes`, declared once (scikit-learn's GaussianNB / MultinomialNB names).
 */
import { defineParams } from '../../params/index.js';
import { ONE_HOT_PARAMS } from '../shared/preprocessing.js';

export const NAIVE_BAYES_PARAMS = defineParams({
  variant: {
    type: 'enum',
    values: ['gaussian', 'multinomial'],
    default: 'gaussian',
    description: "'gaussian': per-class normal features; 'multinomial': non-negative counts (word counts, a text baseline).",
  },
  var_smoothing: {
    type: 'number',
    min: 0,
    default: 1e-9,
    description: 'Gaussian: this fraction of the largest feature variance is added to every variance, for stability.',
  },
  alpha: {
    type: 'number',
    min: 0,
    default: 1,
    aliases: ['smoothing'],
    description: 'Multinomial: additive (Laplace/Lidstone) smoothing of feature counts; values below 1e-10 act as 1e-10.',
  },
  fit_prior: {
    type: 'boolean',
    default: true,
    description: 'Learn class priors from the data; false uses uniform priors.',
  },
  seed: { type: 'number', integer: true, default: 0, aliases: ['random_state'], description: 'Random seed (naive Bayes is deterministic; kept for a uniform interface).' },
  ...ONE_HOT_PARAMS,
});
