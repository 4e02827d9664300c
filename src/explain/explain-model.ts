/**
 * @module explain/explain-model
 * The per-row explanation of one fitted model, by what the model is:
 *
 *   gbdt              → TreeSHAP on raw scores (log-odds, softmax inputs, values)  'tree_shap'
 *   rf / extratrees   → TreeSHAP on probabilities / values                          'tree_shap'
 *   linear            → exact coefficient contributions on the linear score         'linear_exact'
 *   anything else     → null: no exact per-row method; use permutation importance
 *
 * `background` rows give forests their covers (their trees store none yet) and linear models
 * their feature means; by default the explained rows themselves.
 */
import type { Frame } from '../data/frame/frame.js';
import type { Model } from '../learners/estimator.js';
import type { ForestModel } from '../learners/forest/model.js';
import type { GbdtModel } from '../learners/gbdt/model.js';
import type { LinearModel } from '../learners/linear/model.js';
import { forestTreeView } from './forest-tree-view.js';
import { gbdtTreeView } from './gbdt-tree-view.js';
import { linearContributions } from './linear-contributions.js';
import type { ShapValues } from './tree-shap.js';
import { treeShapParallel } from './tree-shap-parallel.js';
import { type EnsembleView, expectedValue } from './tree-view.js';

export type ExplainMethod = 'tree_shap' | 'linear_exact';

export interface ModelExplanation extends ShapValues {
  readonly method: ExplainMethod;
  /** One line on how the values were computed (shown in reports and --json). */
  readonly note: string;
}

export interface ExplainOptions {
  /** Rows for forest covers and linear means (default: the explained rows). */
  readonly background?: Frame;
  /** Threads for TreeSHAP (default: all cores). */
  readonly threads?: number;
}

/** The tree-ensemble view of a model, or null when it is not a tree ensemble. */
export function treeViewOf(model: Model, background?: Frame): EnsembleView | null {
  if (model.kind === 'gbdt') return gbdtTreeView(model as GbdtModel);
  if (model.kind === 'rf' || model.kind === 'extratrees') return forestTreeView(model as ForestModel, background);
  return null;
}

/** True when explainModel has an exact per-row method for this model. */
export function canExplainExactly(model: Model): boolean {
  return ['gbdt', 'rf', 'extratrees', 'linear'].includes(model.kind);
}

/**
 * Exact per-row contributions of `model` on the feature rows `X`, or null (see module header).
 * @example const e = await explainModel(model, X); e?.values
 */
export async function explainModel(model: Model, X: Frame, opts: ExplainOptions = {}): Promise<ModelExplanation | null> {
  const background = opts.background ?? X;
  if (model.kind === 'linear') {
    return { ...linearContributions(model as LinearModel, X, background), method: 'linear_exact', note: `exact linear contributions coef·(x − mean) on the ${model.task === 'regression' ? 'predicted value' : 'linear score (log-odds)'}, means over ${background.nRows} rows` };
  }
  const view = treeViewOf(model, background);
  if (!view) return null;
  const values = await treeShapParallel(view, view.encode(X), X.nRows, opts.threads);
  const forest = model.kind !== 'gbdt';
  const covers = forest ? `; node covers counted from ${background.nRows} rows (the model stores none)` : '; node covers = training row counts';
  return {
    features: view.features,
    outputs: view.outputs,
    outputSpace: view.outputSpace,
    nRows: X.nRows,
    base: expectedValue(view),
    values,
    method: 'tree_shap',
    note: `exact path-dependent TreeSHAP on the ${view.outputSpace.replace('_', ' ')} scale${covers}`,
  };
}
