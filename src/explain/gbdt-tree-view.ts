/**
 * @module explain/gbdt-tree-view
 * Our GBDT model as an EnsembleView (read-only: nothing of the model is changed or copied
 * back). LightGBM's layout maps as: internal node i → node i, leaf k (child ~k) → node
 * m + k (m internal nodes); covers are the training row counts stored per node
 * (`internalCount`, `leafCount`); categorical nodes keep their bitset over training codes and
 * send missing/unseen categories right, as the model's predictor does. Trees cycle over the
 * outputs (tree t → output t mod K), scale 1, base = the model's base score.
 */
import type { Frame } from '../data/frame/frame.js';
import { alignFeatures } from '../learners/feature-schema.js';
import type { GbdtModel } from '../learners/gbdt/model.js';
import { DECISION_CATEGORICAL, DECISION_DEFAULT_LEFT, type Tree } from '../learners/gbdt/tree/tree.js';
import { type EnsembleView, type OutputSpace, SPLIT_CATEGORICAL, SPLIT_DEFAULT_LEFT, type TreeNodes } from './tree-view.js';

/** A cover for leaves that saw no training row: keeps every ratio defined, weighs ~nothing. */
const EMPTY_LEAF_COVER = 1e-9;

function outputSpaceOf(objective: string): OutputSpace {
  if (objective === 'binary') return 'log_odds';
  if (objective === 'multiclass') return 'softmax_logit';
  if (objective === 'poisson') return 'log_value';
  return 'value';
}

/** One GBDT tree as view nodes. */
export function gbdtTreeNodes(tree: Tree, outputOffset: number, scale = 1): TreeNodes {
  const m = tree.numLeaves - 1;
  const n = m + tree.numLeaves;
  const feature = new Int32Array(n).fill(-1);
  const threshold = new Float64Array(n);
  const flags = new Uint8Array(n);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const catStart = new Int32Array(n);
  const catEnd = new Int32Array(n);
  const cover = new Float64Array(n);
  const values = new Float64Array(n);
  const node = (c: number): number => (c >= 0 ? c : m + ~c);
  for (let i = 0; i < m; i++) {
    feature[i] = tree.splitFeature[i];
    left[i] = node(tree.leftChild[i]);
    right[i] = node(tree.rightChild[i]);
    const d = tree.decisionType[i];
    if (d & DECISION_CATEGORICAL) {
      // The model's predictor sends missing categories right whatever the default-left bit.
      flags[i] = SPLIT_CATEGORICAL;
      const k = tree.threshold[i];
      catStart[i] = tree.catBoundaries[k];
      catEnd[i] = tree.catBoundaries[k + 1];
    } else {
      flags[i] = d & DECISION_DEFAULT_LEFT ? SPLIT_DEFAULT_LEFT : 0;
      threshold[i] = tree.threshold[i];
    }
  }
  for (let k = 0; k < tree.numLeaves; k++) {
    values[m + k] = tree.leafValue[k];
    cover[m + k] = Math.max(EMPTY_LEAF_COVER, tree.leafCount[k]);
  }
  // Internal covers from the leaves up (children are created after their parent, so a
  // reverse scan sees children first). Equal to the stored internalCount, but guaranteed
  // consistent and positive even for leaves that saw no row.
  for (let i = m - 1; i >= 0; i--) cover[i] = cover[left[i]] + cover[right[i]];
  return {
    nNodes: n, feature, threshold, flags, left, right, catStart, catEnd, catWords: Uint32Array.from(tree.catThreshold),
    cover, values, width: 1, outputOffset, scale,
  };
}

/**
 * The view of a fitted GBDT model: raw scores (log-odds, softmax inputs, log-means, values).
 * @example const view = gbdtTreeView(model); treeShap(view, view.encode(X), X.nRows)
 */
export function gbdtTreeView(model: GbdtModel, scale = 1): EnsembleView {
  const K = model.numOutputs;
  const classes = 'classes' in model ? (model as unknown as { classes: readonly string[] }).classes : [];
  const outputs = model.task === 'regression' || classes.length === 0 ? ['value'] : K === 1 ? [classes[1]] : [...classes];
  const schema = model.inputSchema;
  return {
    features: schema.features.map((f) => f.name),
    outputs,
    outputSpace: outputSpaceOf(model.objective),
    base: Float64Array.from(model.baseScore, (b) => b * scale),
    trees: model.trees.map((t, i) => gbdtTreeNodes(t, i % K, scale)),
    encode: (X: Frame) => alignFeatures(X, schema, 'the gbdt model').columns.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c))),
  };
}
