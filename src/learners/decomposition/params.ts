/**
 * @module learners/decomposition/params
 * The parameters of PCA and truncated SVD, declared once with scikit-learn's names and
 * defaults, plus `seed` (alias `random_state`) and `standardize` (the shared preprocessing).
 */
import { defineParams, type ParamsOf } from '../../params/schema.js';

export const PCA_PARAMS = defineParams({
  n_components: { type: 'number', default: 0, integer: true, min: 0, description: 'Components to keep; 0 = all (min(rows, encoded columns)).' },
  svd_solver: {
    type: 'enum',
    values: ['auto', 'full', 'randomized'],
    default: 'auto',
    description: 'full = eigen-decomposition of the covariance (exact); randomized = randomized SVD; auto = full up to 500 encoded columns.',
  },
  whiten: { type: 'boolean', default: false, description: 'Scale scores to unit variance.' },
  iterated_power: { type: 'number', default: 0, integer: true, min: 0, description: 'Power iterations of the randomized solver; 0 = auto (7 for few components, else 4).' },
  n_oversamples: { type: 'number', default: 10, integer: true, min: 0, description: 'Extra random directions of the randomized solver.' },
  seed: { type: 'number', default: 0, integer: true, min: 0, aliases: ['random_state'], description: 'Seed of the randomized solver.' },
  standardize: { type: 'boolean', default: true, description: 'Standardise numeric columns first (PCA of the correlation matrix).' },
});
export type PcaParams = ParamsOf<typeof PCA_PARAMS>;

export const TRUNCATED_SVD_PARAMS = defineParams({
  n_components: { type: 'number', default: 2, integer: true, min: 1, description: 'Components to keep.' },
  algorithm: {
    type: 'enum',
    values: ['auto', 'full', 'randomized'],
    default: 'auto',
    description: 'full = eigen-decomposition of XᵀX (exact); randomized = randomized SVD; auto = full up to 500 encoded columns.',
  },
  n_iter: { type: 'number', default: 5, integer: true, min: 0, description: 'Power iterations of the randomized solver.' },
  n_oversamples: { type: 'number', default: 10, integer: true, min: 0, description: 'Extra random directions of the randomized solver.' },
  seed: { type: 'number', default: 0, integer: true, min: 0, aliases: ['random_state'], description: 'Seed of the randomized solver.' },
  standardize: { type: 'boolean', default: false, description: 'Standardise numeric columns first (off: truncated SVD does not centre, as in scikit-learn).' },
});
export type TruncatedSvdParams = ParamsOf<typeof TRUNCATED_SVD_PARAMS>;

/** Encoded columns above which `auto` switches from the exact d × d eigen-decomposition to randomized SVD. */
export const FULL_SOLVER_MAX_COLUMNS = 500;
