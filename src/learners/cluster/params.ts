/**
 * @module learners/cluster/params
 * The parameters of the clustering learners, declared once with scikit-learn's names
 * (KMeans, MiniBatchKMeans, GaussianMixture, DBSCAN) and defaults, plus `seed` (alias
 * `random_state`) and `standardize` (the shared preprocessing, see unsupervised/preprocess.ts).
 */
import { defineParams, type ParamsOf } from '../../params/schema.js';

const SHARED = {
  seed: { type: 'number', default: 0, integer: true, min: 0, aliases: ['random_state'], description: 'Seed of every random choice (initialisation, sampling).' },
  standardize: { type: 'boolean', default: true, description: 'Standardise numeric columns before fitting (one-hot columns stay 0/1).' },
} as const;

export const KMEANS_PARAMS = defineParams({
  n_clusters: { type: 'number', default: 8, integer: true, min: 1, aliases: ['k'], description: 'Number of clusters.' },
  init: { type: 'enum', values: ['k-means++', 'random'], default: 'k-means++', description: "Initial centres: greedy k-means++ (scikit-learn's) or k distinct random rows." },
  n_init: { type: 'number', default: 10, integer: true, min: 1, description: 'Runs with different initial centres; the one with the lowest inertia is kept (mini-batch: initialisations compared on a sample).' },
  max_iter: { type: 'number', default: 300, integer: true, min: 1, description: 'Iterations per run (mini-batch: passes over the data).' },
  tol: { type: 'number', default: 1e-4, min: 0, description: 'Stop when the squared centre shift is below tol × the mean column variance.' },
  algorithm: {
    type: 'enum',
    values: ['auto', 'lloyd', 'elkan', 'hamerly', 'minibatch'],
    default: 'auto',
    description: "Iterations: Lloyd's, Elkan's or Hamerly's (triangle-inequality bounds; same result as Lloyd's, fewer distances), or mini-batch; auto = hamerly up to auto_minibatch_rows rows, minibatch above.",
  },
  auto_minibatch_rows: { type: 'number', default: 100_000, integer: true, min: 1, description: "Row count above which algorithm='auto' switches to mini-batch k-means." },
  batch_size: { type: 'number', default: 1024, integer: true, min: 1, description: 'Rows per mini-batch step.' },
  max_no_improvement: { type: 'number', default: 10, integer: true, min: 1, description: 'Mini-batch: stop after this many steps without improvement of the smoothed batch inertia.' },
  ...SHARED,
});
export type KMeansParams = ParamsOf<typeof KMEANS_PARAMS>;

export const GMM_PARAMS = defineParams({
  n_components: { type: 'number', default: 1, integer: true, min: 1, aliases: ['k', 'n_clusters'], description: 'Number of mixture components (clusters).' },
  covariance_type: { type: 'enum', values: ['full', 'diag'], default: 'full', description: 'Each component has its own full covariance matrix, or a diagonal one.' },
  tol: { type: 'number', default: 1e-3, min: 0, description: 'Stop when the mean log-likelihood per row improves by less than this.' },
  reg_covar: { type: 'number', default: 1e-6, min: 0, description: 'Added to the covariance diagonals so that they stay positive definite.' },
  max_iter: { type: 'number', default: 100, integer: true, min: 1, description: 'EM iterations per initialisation.' },
  n_init: { type: 'number', default: 1, integer: true, min: 1, description: 'Initialisations; the one with the best likelihood is kept.' },
  init_params: { type: 'enum', values: ['kmeans', 'random'], default: 'kmeans', description: 'Initial responsibilities: from one k-means run, or random.' },
  ...SHARED,
});
export type GmmParams = ParamsOf<typeof GMM_PARAMS>;

export const DBSCAN_PARAMS = defineParams({
  eps: { type: 'number', default: 0.5, min: 0, minExclusive: true, description: 'Neighbourhood radius (Euclidean, in the standardised space).' },
  min_samples: { type: 'number', default: 5, integer: true, min: 1, description: 'Rows within eps (the row itself included) for a row to be a core point.' },
  leaf_size: { type: 'number', default: 32, integer: true, min: 1, description: 'Rows per leaf of the k-d tree used for neighbour queries.' },
  ...SHARED,
});
export type DbscanParams = ParamsOf<typeof DBSCAN_PARAMS>;
