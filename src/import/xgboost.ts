/**
 * @module import/xgboost
 * XGBoost's JSON model format (`Booster.save_model('model.json')`, 1.x and 2.x) → our gbdt
 * ensemble. XGBoost compares float32 values with `x < c`; each split becomes our `x <= t` with
 * the exact double t (float32-threshold.ts). Leaves add float32 values in float32, we add
 * them in float64: sums may differ in the last float32 bits, so predictions agree to ≈1e-7.
 *
 * Categorical splits (`split_type` 1) send the listed categories right and everything else —
 * unlisted, negative — left, with missing values going the default way. Ours send bitset
 * members left and the rest right, so children are swapped; when XGBoost's default is right a
 * router node `x <= +inf` first sends NaN to the right child. Categorical features are read
 * as their integer codes (pandas category codes), as XGBoost itself reads them.
 *
 * The base score is a probability for logistic objectives (margin = logit) and a mean for
 * log-link ones (margin = log); trees are reordered so that tree t serves output t mod K,
 * padding with zero trees when classes had unequal counts. DART tree weights scale the leaves.
 */
import { ModelwrightError } from '../errors.js';
import type { CanonicalObjective } from '../learners/gbdt/objectives/objective.js';
import type { TreeState } from '../learners/gbdt/tree/tree.js';
import { float32LessThanAsLeq } from './float32-threshold.js';
import type { ImportedGbdt } from './imported-gbdt.js';
import { type ImportNode, bitsetOf, buildTree, constantTree } from './tree-builder.js';

const invalid = (where: string, what: string) =>
  new ModelwrightError('MW_IMPORT_INVALID', `'${where}' cannot be imported as an XGBoost JSON model: ${what}.`, { details: { path: where, format: 'xgboost' } });

/** JSON.parse that also accepts the bare NaN / Infinity / -Infinity XGBoost writes. */
export function parseLooseJson(text: string): unknown {
  const fixed = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (tok) => (tok === 'NaN' ? 'null' : tok === 'Infinity' ? '1e999' : tok === '-Infinity' ? '-1e999' : tok));
  return JSON.parse(fixed);
}

interface XgbTree {
  left_children: number[];
  right_children: number[];
  split_indices: number[];
  split_conditions: (number | null)[];
  default_left: (number | boolean)[];
  split_type?: number[];
  categories?: number[];
  categories_nodes?: number[];
  categories_segments?: number[];
  categories_sizes?: number[];
  loss_changes?: number[];
  sum_hessian?: number[];
  base_weights?: number[];
}

type Link = 'logit' | 'log' | 'identity';

function objectiveOf(name: string, where: string): { objective: CanonicalObjective; task: 'binary' | 'multiclass' | 'regression'; link: Link } {
  if (name === 'binary:logistic') return { objective: 'binary', task: 'binary', link: 'logit' };
  if (name === 'reg:logistic') return { objective: 'binary', task: 'regression', link: 'logit' };
  if (name === 'multi:softprob' || name === 'multi:softmax') return { objective: 'multiclass', task: 'multiclass', link: 'identity' };
  if (['count:poisson', 'reg:gamma', 'reg:tweedie'].includes(name)) return { objective: 'poisson', task: 'regression', link: 'log' };
  if (['reg:squarederror', 'reg:linear', 'reg:squaredlogerror', 'reg:pseudohubererror', 'reg:absoluteerror', 'reg:quantileerror'].includes(name)) {
    return { objective: name === 'reg:absoluteerror' ? 'regression_l1' : 'regression', task: 'regression', link: 'identity' };
  }
  if (name.startsWith('rank:')) return { objective: 'lambdarank', task: 'regression', link: 'identity' };
  throw invalid(where, `objective '${name}' is not supported (binary:logitraw, hinge and survival objectives have no equivalent)`);
}

/** XGBoost's ProbToMargin, in float32 as XGBoost computes it. */
function margin(p: number, link: Link): number {
  const f = Math.fround;
  if (link === 'logit') return f(-Math.log(f(f(1 / f(p)) - 1)));
  if (link === 'log') return f(Math.log(f(p)));
  return f(p);
}

function treeNodes(t: XgbTree, weight: number, where: string): ImportNode {
  const cats = new Map<number, number[]>();
  (t.categories_nodes ?? []).forEach((nid, k) => {
    const start = t.categories_segments![k];
    cats.set(nid, t.categories!.slice(start, start + t.categories_sizes![k]));
  });
  const n = t.left_children.length;
  const node = (i: number, depth: number): ImportNode => {
    if (!(i >= 0 && i < n) || depth > n) throw invalid(where, 'a tree refers to a node that does not exist');
    if (t.left_children[i] === -1) return { leaf: true, value: Math.fround(t.split_conditions[i] ?? 0) * weight, count: t.sum_hessian?.[i] };
    const left = node(t.left_children[i], depth + 1);
    const right = node(t.right_children[i], depth + 1);
    const defaultLeft = Boolean(t.default_left[i]);
    const extra = { gain: t.loss_changes?.[i] ?? 0, count: t.sum_hessian?.[i] ?? 0, value: (t.base_weights?.[i] ?? 0) * weight };
    const feature = t.split_indices[i];
    if ((t.split_type?.[i] ?? 0) !== 1) {
      return { leaf: false, feature, test: { leq: float32LessThanAsLeq(t.split_conditions[i] ?? Number.NaN) }, defaultLeft, left, right, ...extra };
    }
    const set = cats.get(i);
    if (!set) throw invalid(where, `categorical node ${i} has no category list`);
    // Members go to XGBoost's right child: that is our left (bitset) side.
    const categorical: ImportNode = { leaf: false, feature, test: { bitset: bitsetOf(set) }, defaultLeft: false, left: right, right: left, ...extra };
    if (defaultLeft) return categorical; // NaN falls on our right = XGBoost's left: its default.
    return { leaf: false, feature, test: { leq: Number.POSITIVE_INFINITY }, defaultLeft: false, left: categorical, right, ...extra };
  };
  return node(0, 0);
}

/**
 * Translate an XGBoost JSON model.
 * @example const imported = parseXgboostModel(readFileSync('model.json', 'utf8'), 'model.json');
 */
export function parseXgboostModel(text: string, where: string): ImportedGbdt {
  let json: { learner?: Record<string, any>; version?: number[] };
  try {
    json = parseLooseJson(text) as typeof json;
  } catch (cause) {
    throw invalid(where, `it is not JSON (${(cause as Error).message}); save the booster with save_model('model.json')`);
  }
  const learner = json.learner;
  if (!learner?.gradient_booster || !learner.objective) throw invalid(where, 'it has no learner.gradient_booster / learner.objective');
  const gb = learner.gradient_booster;
  const booster = gb.name === 'dart' ? gb.gbtree : gb;
  if (!booster?.model?.trees) throw invalid(where, `booster '${gb.name}' has no trees (gblinear is not a tree model)`);
  const weights: number[] | undefined = gb.name === 'dart' ? gb.weight_drop : undefined;
  const params = learner.learner_model_param ?? {};
  if (Number(params.num_target ?? 1) > 1) throw invalid(where, 'multi-output models (num_target > 1) are not supported');
  const objectiveName = String(learner.objective.name);
  const { objective, task, link } = objectiveOf(objectiveName, where);
  const K = task === 'multiclass' ? Math.max(1, Number(params.num_class ?? 1)) : 1;
  const nFeatures = Number(params.num_feature ?? 0);
  const names: string[] = learner.feature_names?.length ? learner.feature_names : Array.from({ length: nFeatures }, (_, j) => `f${j}`);
  const types: string[] = learner.feature_types ?? [];
  const base = String(params.base_score ?? '0.5').replace(/[[\]]/g, '').split(',').map(Number);
  const baseScore = Array.from({ length: K }, (_, k) => margin(base[Math.min(k, base.length - 1)], link));
  const xgbTrees: XgbTree[] = booster.model.trees;
  const info: number[] = booster.model.tree_info ?? xgbTrees.map(() => 0);
  const perClass: TreeState[][] = Array.from({ length: K }, () => []);
  xgbTrees.forEach((t, i) => {
    const k = info[i] ?? 0;
    if (!(k >= 0 && k < K)) throw invalid(where, `tree ${i} is for class ${k}, but the model has ${K} output(s)`);
    perClass[k].push(buildTree(treeNodes(t, weights?.[i] ?? 1, where)));
  });
  const rounds = Math.max(...perClass.map((c) => c.length));
  const trees: TreeState[] = [];
  for (let r = 0; r < rounds; r++) for (let k = 0; k < K; k++) trees.push(perClass[k][r] ?? constantTree(0));
  return {
    format: 'xgboost',
    features: names,
    categorical: names.map((_, j) => types[j] === 'c'),
    task,
    objective,
    sigmoid: 1,
    numOutputs: K,
    baseScore,
    trees,
    params: { objective: objectiveName, xgboost_version: (json.version ?? []).join('.'), booster: gb.name },
  };
}
