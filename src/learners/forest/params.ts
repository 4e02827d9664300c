/**
 * @module learners/forest/params
 * Parameters of `rf` (random forest) and `extratrees` (extremely randomised trees), declared
 * once with scikit-learn's names. The two differ only in defaults (ExtraTrees does not
 * bootstrap) and in how a node picks its threshold (best vs random), which the learner
 * kind decides.
 */
import { InvalidParamError } from '../../errors.js';
import { type ParamsOf, defineParams } from '../../params/index.js';

function forestParams<B extends boolean>(bootstrap: B) {
  return defineParams({
    n_estimators: { type: 'number', integer: true, min: 1, default: 100, aliases: ['num_trees', 'num_iterations'], description: 'Number of trees.' },
    criterion: {
      type: 'enum',
      values: ['auto', 'gini', 'entropy', 'log_loss', 'squared_error'],
      default: 'auto',
      description: "Split quality: 'gini' or 'entropy'/'log_loss' (classification), 'squared_error' (regression); 'auto' = gini or squared_error.",
    },
    max_depth: { type: 'number', integer: true, min: 1, default: -1, special: [-1], description: 'Depth limit of each tree; -1 = grow until leaves are pure or too small.' },
    min_samples_split: { type: 'number', integer: true, min: 2, default: 2, description: 'A node needs at least this many rows to be split.' },
    min_samples_leaf: { type: 'number', integer: true, min: 1, default: 1, aliases: ['min_data_in_leaf'], description: 'Every leaf keeps at least this many rows.' },
    max_features: {
      type: 'string',
      default: 'auto',
      aliases: ['feature_fraction', 'colsample_bynode'],
      description: "Features tried per split: 'sqrt', 'log2', an integer count, a fraction such as 0.5 or '1.0', or 'auto' (sqrt for classification, all for regression).",
    },
    bootstrap: { type: 'boolean', default: bootstrap as boolean, description: 'Grow each tree on a bootstrap sample of the rows (sampling with replacement).' },
    max_samples: {
      type: 'number',
      min: 0,
      max: 1,
      minExclusive: true,
      default: 1,
      aliases: ['bagging_fraction'],
      description: 'With bootstrap: rows drawn per tree, as a fraction of the training rows.',
    },
    oob_score: { type: 'boolean', default: false, description: 'With bootstrap: score each row on the trees that did not see it (accuracy or R²).' },
    class_weight: {
      type: 'enum',
      values: ['none', 'balanced', 'balanced_subsample'],
      default: 'none',
      description: "'balanced' weighs classes inversely to their frequency; 'balanced_subsample' recomputes that per bootstrap sample.",
    },
    max_bins: { type: 'number', integer: true, min: 2, max: 255, default: 255, description: 'Histogram bins per feature (values are binned once, as in HistGradientBoosting).' },
    n_jobs: { type: 'number', integer: true, min: 1, default: 1, special: [-1], aliases: ['num_threads', 'nthread'], description: 'Worker threads that grow trees; -1 = one per CPU core.' },
    seed: { type: 'number', integer: true, default: 0, aliases: ['random_state'], description: 'Random seed: bootstrap samples, feature subsets and random thresholds.' },
  });
}

export const RF_PARAMS = forestParams(true);
export const EXTRA_TREES_PARAMS = forestParams(false);

/** Both kinds share one parameter shape. */
export type ForestParams = ParamsOf<typeof RF_PARAMS>;

/** How many features to try per node, from `max_features` and the feature count. */
export function featuresPerNode(maxFeatures: string, nFeatures: number, classification: boolean, owner: string): number {
  const s = maxFeatures.trim().toLowerCase();
  let k: number;
  if (s === 'auto') k = classification ? Math.sqrt(nFeatures) : nFeatures;
  else if (s === 'sqrt') k = Math.sqrt(nFeatures);
  else if (s === 'log2') k = Math.log2(nFeatures);
  else if (s === 'all' || s === 'none') k = nFeatures;
  else if (/^\d+$/.test(s)) k = Number(s);
  else if (/^(\d*\.\d+|\d+\.\d*)(e[-+]?\d+)?$/.test(s) && Number(s) > 0 && Number(s) <= 1) k = Number(s) * nFeatures;
  else throw invalidMaxFeatures(maxFeatures, owner);
  return Math.max(1, Math.min(nFeatures, Math.floor(k)));
}

export function invalidMaxFeatures(got: unknown, owner: string): InvalidParamError {
  return new InvalidParamError(
    'MW_PARAM_INVALID',
    `The 'max_features' parameter of ${owner} must be 'sqrt', 'log2', 'auto', an integer in [1, inf) or a float in (0, 1] written with a decimal point. Got '${String(got)}' instead.`,
    { details: { param: 'max_features', got } },
  );
}

/** Validate `max_features` at construction (before the feature count is known). */
export function checkMaxFeatures(maxFeatures: string, owner: string): void {
  featuresPerNode(maxFeatures, 1000, true, owner);
  if (/^\d+$/.test(maxFeatures.trim()) && Number(maxFeatures) < 1) throw invalidMaxFeatures(maxFeatures, owner);
}
