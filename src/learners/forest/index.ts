/**
 * @module learners/forest
 * `rf` (random forest) and `extratrees` (extremely randomised trees): bagged histogram
 * trees for classification and regression, with native missing-value handling.
 */
import type { LearnerDefinition } from '../registry.js';
import { SimpleEstimator } from '../shared/simple-estimator.js';
import { fitForest } from './estimator.js';
import { ForestModel } from './model.js';
import { EXTRA_TREES_PARAMS, type ForestParams, RF_PARAMS, checkMaxFeatures } from './params.js';

export { ForestModel } from './model.js';
export { EXTRA_TREES_PARAMS, RF_PARAMS } from './params.js';

const TASKS = ['binary', 'multiclass', 'regression'] as const;
const TAGS = { tasks: TASKS, handlesMissing: true, handlesCategorical: false, deterministic: true, unseenCategory: 'as-missing' } as const;

/** max_features may be given as a number through the API: 0.5 → '0.5', 3 → '3'. */
function normalise(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const mf = params.max_features;
  return typeof mf === 'number' ? { ...params, max_features: String(mf) } : { ...params };
}

function define(kind: 'rf' | 'extratrees', schema: typeof RF_PARAMS, description: string): LearnerDefinition {
  return {
    kind,
    description,
    tags: TAGS,
    paramSchema: schema,
    create: (params = {}) =>
      new SimpleEstimator(kind, schema, normalise(params), TASKS, (p, data, opts) => fitForest(kind, p as ForestParams, data, opts), (p) => checkMaxFeatures(p.max_features, kind)),
    load: (state) => ForestModel.load(state),
  };
}

export const rfLearner = define('rf', RF_PARAMS, 'Random forest: bootstrap-aggregated histogram trees, best split over a random feature subset.');
export const extraTreesLearner = define('extratrees', EXTRA_TREES_PARAMS, 'Extremely randomised trees: random thresholds over a random feature subset, no bootstrap by default.');
