/**
 * @module learners/gbdt/params
 * Every parameter of the gradient-boosting learner, declared once with LightGBM's names,
 * aliases, defaults and ranges (LightGBM `config.h`). Validation, CLI `--param` parsing and the
 * docs all derive from this table; the engine reads the resolved object (`GbdtParams`).
 */
import { defineParams, type ParamsOf } from '../../params/schema.js';

/** Objective names accepted (LightGBM's, with its aliases); 'auto' follows the task. */
export const OBJECTIVE_NAMES = [
  'auto',
  'regression', 'regression_l2', 'l2', 'mse', 'mean_squared_error', 'rmse', 'root_mean_squared_error',
  'regression_l1', 'l1', 'mae', 'mean_absolute_error',
  'huber',
  'quantile',
  'poisson',
  'binary',
  'multiclass', 'softmax',
  'lambdarank',
] as const;

export const GBDT_PARAMS = defineParams({
  objective: {
    type: 'enum', values: OBJECTIVE_NAMES, default: 'auto', aliases: ['objective_type', 'app', 'application', 'loss'],
    description: "Loss to minimise; 'auto' picks binary, multiclass or regression (L2) from the task.",
  },
  boosting: { type: 'enum', values: ['gbdt'], default: 'gbdt', aliases: ['boosting_type', 'boost'], description: 'Boosting type (only gbdt).' },
  num_iterations: {
    type: 'number', integer: true, min: 0, default: 100,
    aliases: ['num_iteration', 'n_iter', 'num_tree', 'num_trees', 'num_round', 'num_rounds', 'nrounds', 'num_boost_round', 'n_estimators', 'max_iter'],
    description: 'Boosting iterations (trees per output).',
  },
  learning_rate: { type: 'number', min: 0, minExclusive: true, default: 0.1, aliases: ['shrinkage_rate', 'eta'], description: 'Shrinkage applied to every new tree.' },
  num_leaves: {
    type: 'number', integer: true, min: 2, max: 131072, default: 31, aliases: ['num_leaf', 'max_leaves', 'max_leaf', 'max_leaf_nodes'],
    description: 'Maximum leaves per tree (trees grow leaf-wise, best gain first).',
  },
  max_depth: { type: 'number', integer: true, min: -1, default: -1, description: 'Maximum tree depth; <= 0 means no limit.' },
  min_data_in_leaf: {
    type: 'number', integer: true, min: 0, default: 20, aliases: ['min_data_per_leaf', 'min_data', 'min_child_samples', 'min_samples_leaf'],
    description: 'Minimum rows in a leaf (counted from the hessian, as LightGBM does).',
  },
  min_sum_hessian_in_leaf: {
    type: 'number', min: 0, default: 1e-3, aliases: ['min_sum_hessian_per_leaf', 'min_sum_hessian', 'min_hessian', 'min_child_weight'],
    description: 'Minimum sum of hessians in a leaf.',
  },
  lambda_l1: { type: 'number', min: 0, default: 0, aliases: ['reg_alpha', 'l1_regularization'], description: 'L1 regularisation of leaf values.' },
  lambda_l2: { type: 'number', min: 0, default: 0, aliases: ['reg_lambda', 'lambda', 'l2_regularization'], description: 'L2 regularisation of leaf values.' },
  min_gain_to_split: { type: 'number', min: 0, default: 0, aliases: ['min_split_gain'], description: 'Minimum gain for a split to be made.' },
  max_delta_step: {
    type: 'number', default: 0, aliases: ['max_tree_output', 'max_leaf_output'],
    description: 'Cap on the absolute leaf value before shrinkage; <= 0 means no cap.',
  },
  feature_fraction: {
    type: 'number', min: 0, minExclusive: true, max: 1, default: 1, aliases: ['sub_feature', 'colsample_bytree'],
    description: 'Fraction of features sampled for each tree.',
  },
  feature_fraction_bynode: {
    type: 'number', min: 0, minExclusive: true, max: 1, default: 1, aliases: ['sub_feature_bynode', 'colsample_bynode'],
    description: 'Fraction of the tree\'s features sampled at each node.',
  },
  feature_fraction_seed: { type: 'number', integer: true, default: 2, description: 'Seed for feature sampling (combined with seed).' },
  bagging_fraction: {
    type: 'number', min: 0, minExclusive: true, max: 1, default: 1, aliases: ['sub_row', 'subsample', 'bagging'],
    description: 'Fraction of rows sampled (without replacement) every bagging_freq iterations.',
  },
  bagging_freq: { type: 'number', integer: true, min: 0, default: 0, aliases: ['subsample_freq'], description: 'Re-sample rows every k iterations; 0 disables bagging.' },
  bagging_seed: { type: 'number', integer: true, default: 3, aliases: ['bagging_fraction_seed'], description: 'Seed for bagging (combined with seed).' },
  early_stopping_round: {
    type: 'number', integer: true, min: 0, default: 0, aliases: ['early_stopping_rounds', 'early_stopping', 'n_iter_no_change'],
    description: 'Stop when the first validation metric has not improved for this many iterations; 0 disables.',
  },
  max_bin: { type: 'number', integer: true, min: 2, max: 65535, default: 255, aliases: ['max_bins'], description: 'Maximum bins per feature (missing values get one more).' },
  min_data_in_bin: { type: 'number', integer: true, min: 1, default: 3, description: 'Minimum sampled rows per numeric bin.' },
  bin_construct_sample_cnt: {
    type: 'number', integer: true, min: 1, default: 200000, aliases: ['subsample_for_bin'],
    description: 'Rows sampled to choose bin boundaries.',
  },
  data_random_seed: { type: 'number', integer: true, default: 1, aliases: ['data_seed'], description: 'Seed for the binning sample (combined with seed).' },
  max_cat_to_onehot: {
    type: 'number', integer: true, min: 1, default: 4,
    description: 'Categorical features with at most this many bins split one-vs-rest; others many-vs-many.',
  },
  max_cat_threshold: { type: 'number', integer: true, min: 1, default: 32, description: 'Most categories on one side of a many-vs-many split.' },
  cat_l2: { type: 'number', min: 0, default: 10, description: 'Extra L2 regularisation for many-vs-many categorical splits.' },
  cat_smooth: {
    type: 'number', min: 0, default: 10,
    description: 'Smoothing of category gradient ratios; categories with fewer rows are left out of many-vs-many splits.',
  },
  min_data_per_group: { type: 'number', integer: true, min: 1, default: 100, description: 'Minimum rows per categorical group in many-vs-many splits.' },
  is_unbalance: { type: 'boolean', default: false, aliases: ['unbalance', 'unbalanced_sets'], description: 'Binary: weight classes to balance their total weight.' },
  scale_pos_weight: { type: 'number', min: 0, minExclusive: true, default: 1, description: 'Binary: weight of the positive class.' },
  sigmoid: { type: 'number', min: 0, minExclusive: true, default: 1, description: 'Binary and lambdarank: sigmoid steepness.' },
  boost_from_average: { type: 'boolean', default: true, description: 'Start from the label average (regression, binary, multiclass).' },
  alpha: { type: 'number', min: 0, minExclusive: true, default: 0.9, description: 'Huber: delta. Quantile: the quantile (must be < 1).' },
  poisson_max_delta_step: { type: 'number', min: 0, minExclusive: true, default: 0.7, description: 'Poisson: safeguard added to the hessian exponent.' },
  label_gain: {
    type: 'number-list', min: 0, default: [],
    description: 'Lambdarank: gain of each relevance label; empty means 2^i - 1.',
  },
  lambdarank_truncation_level: { type: 'number', integer: true, min: 1, default: 30, description: 'Lambdarank: pairs are formed with the top-k documents.' },
  lambdarank_norm: { type: 'boolean', default: true, description: 'Lambdarank: normalise gradients per query.' },
  metric: {
    type: 'string', default: '', aliases: ['metrics', 'metric_types'],
    description: 'Comma-separated evaluation metrics (auc, binary_logloss, binary_error, multi_logloss, multi_error, rmse, l2, l1, huber, quantile, poisson, ndcg@k); empty: the objective\'s own.',
  },
  metric_freq: { type: 'number', integer: true, min: 1, default: 1, aliases: ['output_freq'], description: 'Log metrics every k iterations.' },
  eval_at: {
    type: 'number-list', integer: true, min: 1, default: [1, 2, 3, 4, 5], aliases: ['ndcg_eval_at', 'ndcg_at'],
    description: 'Cut-offs for the ndcg metric.',
  },
  seed: { type: 'number', integer: true, default: 0, aliases: ['random_seed', 'random_state'], description: 'Master seed: combined with every other seed.' },
  deterministic: {
    type: 'boolean', default: true,
    description: 'Accepted for LightGBM compatibility: training is always deterministic for a given seed and thread count.',
  },
  num_threads: {
    type: 'number', integer: true, min: 0, default: 0, aliases: ['num_thread', 'nthread', 'nthreads', 'n_jobs', 'threads'],
    description: 'Threads for training; 0 uses the available cores (FitOptions.threads overrides).',
  },
});

export type GbdtParams = ParamsOf<typeof GBDT_PARAMS>;
export type ObjectiveName = (typeof OBJECTIVE_NAMES)[number];
