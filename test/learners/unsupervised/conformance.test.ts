/** Every unsupervised learner runs the unsupervised conformance checks. */
import { listUnsupervisedLearners } from '../../../src/learners/unsupervised/registry.js';
import { runUnsupervisedChecks } from './conformance.js';

const QUICK: Record<string, Record<string, unknown>> = {
  kmeans: { n_clusters: 3, n_init: 2 },
  gmm: { n_components: 2 },
  dbscan: { eps: 1.2, min_samples: 4 },
  pca: { n_components: 3 },
  truncated_svd: { n_components: 2 },
  isolation_forest: { n_estimators: 20 },
};

for (const def of listUnsupervisedLearners()) runUnsupervisedChecks(def, QUICK[def.kind] ?? {});
