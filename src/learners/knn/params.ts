/**
 * @module learners/knn/params
 * Parameters of `knn`, declared once (scikit-learn's KNeighborsClassifier/Regressor names).
 */
import { defineParams } from '../../params/index.js';
import { ONE_HOT_PARAMS } from '../shared/preprocessing.js';

export const KNN_PARAMS = defineParams({
  n_neighbors: { type: 'number', integer: true, min: 1, default: 5, aliases: ['k'], description: 'Neighbours that vote (or average) per prediction.' },
  weights: {
    type: 'enum',
    values: ['uniform', 'distance'],
    default: 'uniform',
    description: "'uniform': every neighbour counts the same; 'distance': weight 1/distance (an exact match takes all the weight).",
  },
  metric: { type: 'enum', values: ['euclidean', 'manhattan'], default: 'euclidean', description: 'Distance on the standardised, one-hot encoded features.' },
  algorithm: {
    type: 'enum',
    values: ['auto', 'brute', 'kd_tree'],
    default: 'auto',
    description: "Search: 'auto' uses a k-d tree for ≥ 1000 rows and ≤ 15 features (scikit-learn's rule), else brute force. Results are identical.",
  },
  leaf_size: { type: 'number', integer: true, min: 1, default: 30, description: 'Rows per k-d tree leaf at most (speed only).' },
  seed: { type: 'number', integer: true, default: 0, aliases: ['random_state'], description: 'Random seed (k-NN is deterministic; kept for a uniform interface).' },
  ...ONE_HOT_PARAMS,
});
