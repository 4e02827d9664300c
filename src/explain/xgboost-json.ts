/**
 * @module explain/xgboost-json
 * A minimal reader of XGBoost's JSON model format (`booster.save_model('m.json')`, gbtree,
 * numeric splits) into an EnsembleView — enough to check our TreeSHAP against XGBoost's own
 * `pred_contribs` on the very same trees, and to benchmark both on one model. A full importer
 * (categorical splits, dart, feature maps) belongs to export/import code, not here.
 *
 * Semantics carried over exactly: XGBoost compares float32 values, `x < split_condition` goes
 * left, missing goes to the default child. `encode` rounds inputs to float32 and thresholds
 * become the next double below the float32 split value, so `x ≤ t` here ⇔ `x < split` there.
 * Leaf values are `split_conditions` of leaves (learning rate applied); covers are
 * `sum_hessian`. The base margin comes from `base_score` through the objective's link.
 */
import type { Frame } from '../data/frame/frame.js';
import { ModelFileError } from '../errors.js';
import { type EnsembleView, type OutputSpace, SPLIT_DEFAULT_LEFT, type TreeNodes, noCategories } from './tree-view.js';

interface XgbTree {
  readonly left_children: number[];
  readonly right_children: number[];
  readonly split_indices: number[];
  readonly split_conditions: number[];
  readonly default_left: (number | boolean)[];
  readonly sum_hessian: number[];
  readonly split_type?: number[];
}

interface XgbModel {
  readonly learner: {
    readonly feature_names?: string[];
    readonly learner_model_param: { readonly base_score: string; readonly num_class: string; readonly num_feature: string };
    readonly objective: { readonly name: string };
    readonly gradient_booster: { readonly name: string; readonly model: { readonly trees: XgbTree[]; readonly tree_info: number[] } };
  };
}

const bits = new DataView(new ArrayBuffer(8));

/** The largest double strictly below x (finite x). */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  bits.setFloat64(0, x);
  const hi = bits.getBigUint64(0);
  bits.setBigUint64(0, x > 0 ? hi - 1n : hi + 1n);
  return bits.getFloat64(0);
}

function invalid(what: string): never {
  throw new ModelFileError('MW_MODEL_FILE_INVALID', `The XGBoost model JSON is not supported: ${what}.`, {
    hint: 'Save the model with booster.save_model("model.json") from a gbtree booster with numeric splits.',
  });
}

function linkOf(objective: string, base: number): { space: OutputSpace; margin: number } {
  if (objective === 'binary:logistic' || objective === 'reg:logistic' || objective === 'binary:logitraw') {
    return { space: 'log_odds', margin: objective === 'binary:logitraw' ? base : -Math.log(1 / base - 1) };
  }
  if (objective.startsWith('multi:')) return { space: 'softmax_logit', margin: base };
  if (objective === 'count:poisson' || objective === 'reg:gamma' || objective === 'reg:tweedie') return { space: 'log_value', margin: Math.log(base) };
  return { space: 'value', margin: base };
}

function treeNodes(t: XgbTree, output: number): TreeNodes {
  const n = t.left_children.length;
  const feature = new Int32Array(n).fill(-1);
  const threshold = new Float64Array(n);
  const flags = new Uint8Array(n);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const cover = Float64Array.from(t.sum_hessian, Math.fround);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const split = Math.fround(t.split_conditions[i]);
    if (t.left_children[i] < 0) {
      values[i] = split;
      continue;
    }
    if (t.split_type && t.split_type[i] !== 0) invalid(`node ${i} has a categorical split`);
    feature[i] = t.split_indices[i];
    threshold[i] = nextDown(split);
    flags[i] = Number(t.default_left[i]) ? SPLIT_DEFAULT_LEFT : 0;
    left[i] = t.left_children[i];
    right[i] = t.right_children[i];
  }
  return { nNodes: n, feature, threshold, flags, left, right, ...noCategories(n), cover, values, width: 1, outputOffset: output, scale: 1 };
}

/**
 * The view of an XGBoost JSON model; features are `feature_names` or f0, f1, …
 * @example xgboostTreeView(JSON.parse(readFileSync('m.json', 'utf8')))
 */
export function xgboostTreeView(json: unknown): EnsembleView {
  const m = json as XgbModel;
  const learner = m?.learner;
  if (!learner?.gradient_booster?.model?.trees) invalid('no learner.gradient_booster.model.trees');
  if (learner.gradient_booster.name !== 'gbtree') invalid(`booster '${learner.gradient_booster.name}' (only gbtree)`);
  const nFeatures = Number(learner.learner_model_param.num_feature);
  const K = Math.max(1, Number(learner.learner_model_param.num_class));
  const { space, margin } = linkOf(learner.objective.name, Number(learner.learner_model_param.base_score));
  const features = learner.feature_names?.length === nFeatures ? learner.feature_names : Array.from({ length: nFeatures }, (_, j) => `f${j}`);
  const { trees, tree_info: info } = learner.gradient_booster.model;
  return {
    features,
    outputs: K === 1 ? ['value'] : Array.from({ length: K }, (_, k) => String(k)),
    outputSpace: space,
    base: new Float64Array(K).fill(margin),
    trees: trees.map((t, i) => treeNodes(t, K === 1 ? 0 : info[i])),
    encode: (X: Frame) => features.map((f) => {
      const col = X.column(f);
      if (col.dtype === 'categorical') invalid(`column '${f}' is categorical`);
      return Float64Array.from(col.values, Math.fround);
    }),
  };
}
