/**
 * The cases of bench/learners/unsupervised: one dataset and one set of scikit-learn-named
 * params per learner, shared by the Modelwright runner and (through `--cases-json`) the
 * scikit-learn runner so both sides fit exactly the same thing.
 */

export interface BenchCase {
  readonly name: string;
  readonly learner: 'kmeans' | 'gmm' | 'dbscan' | 'pca' | 'iforest';
  readonly file: string;
  /** First rows of the file to use. */
  readonly rows?: number;
  /** Feature columns (default: all but the target). */
  readonly columns?: readonly string[];
  readonly target?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const COVERTYPE = '/work/shared/datasets/covertype_subset.csv';
/** The 10 continuous columns of covertype (the other 44 are 0/1 indicators). */
const COVERTYPE_CONTINUOUS = [
  'Elevation',
  'Aspect',
  'Slope',
  'Horizontal_Distance_To_Hydrology',
  'Vertical_Distance_To_Hydrology',
  'Horizontal_Distance_To_Roadways',
  'Hillshade_9am',
  'Hillshade_Noon',
  'Hillshade_3pm',
  'Horizontal_Distance_To_Fire_Points',
];
const ROWS = 50_000;

export const BENCH_CASES: readonly BenchCase[] = [
  // Each side's default iterations: Modelwright's auto (Hamerly's) vs scikit-learn's Lloyd's.
  { name: 'kmeans-default', learner: 'kmeans', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_clusters: 8, n_init: 10, algorithm: 'auto', seed: 0 } },
  { name: 'kmeans-lloyd', learner: 'kmeans', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_clusters: 8, n_init: 10, algorithm: 'lloyd', seed: 0 } },
  { name: 'kmeans-elkan', learner: 'kmeans', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_clusters: 8, n_init: 10, algorithm: 'elkan', seed: 0 } },
  { name: 'minibatch-kmeans', learner: 'kmeans', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_clusters: 8, n_init: 3, algorithm: 'minibatch', batch_size: 1024, seed: 0 } },
  { name: 'gmm-full', learner: 'gmm', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_components: 8, covariance_type: 'full', seed: 0 } },
  { name: 'gmm-diag', learner: 'gmm', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_components: 8, covariance_type: 'diag', seed: 0 } },
  { name: 'dbscan', learner: 'dbscan', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { eps: 0.5, min_samples: 10 } },
  { name: 'pca', learner: 'pca', file: COVERTYPE, rows: ROWS, target: 'Cover_Type', params: { n_components: 10, svd_solver: 'full' } },
  { name: 'iforest-creditcard', learner: 'iforest', file: '/work/shared/datasets/creditcard_fraud_subset.csv', target: 'Class', params: { n_estimators: 100, max_samples: 256, seed: 0 } },
  { name: 'iforest-covertype', learner: 'iforest', file: COVERTYPE, rows: ROWS, columns: COVERTYPE_CONTINUOUS, params: { n_estimators: 100, max_samples: 256, seed: 0 } },
];
