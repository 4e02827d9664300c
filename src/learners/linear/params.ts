/**
 * @module learners/linear/params
 * Parameters of `linear`, declared once. Classification follows scikit-learn's
 * LogisticRegression (C, penalty, l1_ratio, class_weight); regression follows Ridge
 * (penalty='l2', alpha), Lasso (penalty='l1', alpha) and ElasticNet (penalty='elasticnet',
 * alpha, l1_ratio) — each with scikit-learn's own scaling of alpha.
 */
import { defineParams } from '../../params/index.js';
import { ONE_HOT_PARAMS } from '../shared/preprocessing.js';

export const LINEAR_PARAMS = defineParams({
  penalty: {
    type: 'enum',
    values: ['l2', 'l1', 'elasticnet', 'none'],
    default: 'l2',
    description: "Regularisation: 'l2' (ridge), 'l1' (lasso), 'elasticnet' (both, mixed by l1_ratio) or 'none'.",
  },
  C: {
    type: 'number',
    min: 0,
    minExclusive: true,
    default: 1,
    description: 'Classification: inverse regularisation strength (smaller = stronger penalty), as in LogisticRegression.',
  },
  alpha: {
    type: 'number',
    min: 0,
    default: 1,
    aliases: ['lambda', 'reg_lambda'],
    description: 'Regression: penalty strength (Ridge: on the sum of squares; Lasso/ElasticNet: on the mean squared error / 2).',
  },
  l1_ratio: {
    type: 'number',
    min: 0,
    max: 1,
    default: 0.5,
    description: "Share of L1 in the 'elasticnet' penalty (0 = pure L2, 1 = pure L1).",
  },
  fit_intercept: { type: 'boolean', default: true, description: 'Fit an unpenalised intercept.' },
  max_iter: {
    type: 'number',
    integer: true,
    min: 1,
    default: 1000,
    aliases: ['num_iterations'],
    description: 'Iterations at most (L-BFGS, proximal gradient or coordinate-descent sweeps).',
  },
  tol: {
    type: 'number',
    min: 0,
    minExclusive: true,
    default: 1e-4,
    description: "Stopping tolerance (scikit-learn's meaning per solver: gradient norm, or duality gap).",
  },
  class_weight: {
    type: 'enum',
    values: ['none', 'balanced'],
    default: 'none',
    description: "Classification: 'balanced' weighs classes inversely to their frequency.",
  },
  standardize: {
    type: 'boolean',
    default: true,
    description: 'Standardise numeric features inside the model (coefficients are then per standard deviation).',
  },
  seed: { type: 'number', integer: true, default: 0, aliases: ['random_state'], description: 'Random seed (the solvers are deterministic; kept for a uniform interface).' },
  ...ONE_HOT_PARAMS,
});
