/**
 * @module explain/forest-tree-view
 * A fitted forest (`rf`, `extratrees`) as an EnsembleView: the model averages its trees'
 * leaf values (class probabilities or regression values), so every tree has scale 1/T and
 * covers all outputs; binary models are explained on P(positive class) only (the other
 * class's contributions are its negatives).
 *
 * Covers. Path-dependent TreeSHAP needs how much training mass reached each node, which
 * sklearn stores as `weighted_n_node_samples`. Our forest trees do not store it yet, so unless
 * a tree carries `nodeWeight` (per node, in FlatTree's node order) the covers are counted by
 * routing `background` rows (the data being explained, or a sample of the training data)
 * through each tree. A leaf no background row reaches gets a negligible cover, so ratios stay
 * defined. Either way covers are consistent (parent = sum of children) and additivity is exact.
 */
import type { Frame } from '../data/frame/frame.js';
import type { ForestModel } from '../learners/forest/model.js';
import type { FlatTree } from '../learners/forest/tree/flat-tree.js';
import { type EnsembleView, SPLIT_DEFAULT_LEFT, type TreeNodes, noCategories } from './tree-view.js';

const EMPTY_LEAF_COVER = 1e-9;

/** Per-node covers from stored node weights, or from routing background rows. */
function coversOf(t: FlatTree, background: readonly Float64Array[] | undefined, nRows: number): Float64Array {
  const n = t.feature.length;
  const stored = (t as FlatTree & { nodeWeight?: ArrayLike<number> }).nodeWeight;
  const cover = new Float64Array(n);
  if (stored && stored.length === n) {
    for (let i = 0; i < n; i++) cover[i] = t.left[i] < 0 ? stored[i] : 0;
  } else if (background) {
    for (let r = 0; r < nRows; r++) {
      let node = 0;
      while (t.left[node] >= 0) {
        const v = background[t.feature[node]][r];
        node = (v !== v ? t.missingLeft[node] === 1 : v <= t.threshold[node]) ? t.left[node] : t.right[node];
      }
      cover[node] += 1;
    }
  }
  // Children come after their parent in FlatTree order: sum leaves upwards in reverse.
  for (let i = n - 1; i >= 0; i--) {
    if (t.left[i] < 0) cover[i] = Math.max(EMPTY_LEAF_COVER, cover[i]);
    else cover[i] = cover[t.left[i]] + cover[t.right[i]];
  }
  return cover;
}

function forestTreeNodes(t: FlatTree, width: number, pick: number, scale: number, cover: Float64Array): TreeNodes {
  const n = t.feature.length;
  const flags = new Uint8Array(n);
  const values = new Float64Array(n * width);
  const stored = pick < 0 ? width : width + 1;
  for (let i = 0; i < n; i++) {
    if (t.left[i] >= 0) {
      flags[i] = t.missingLeft[i] === 1 ? SPLIT_DEFAULT_LEFT : 0;
      continue;
    }
    const leaf = t.right[i];
    if (pick >= 0) values[i] = t.values[leaf * stored + pick];
    else for (let k = 0; k < width; k++) values[i * width + k] = t.values[leaf * width + k];
  }
  const left = Int32Array.from(t.left);
  const right = Int32Array.from(t.left, (l, i) => (l < 0 ? -1 : t.right[i]));
  return { nNodes: n, feature: t.feature, threshold: t.threshold, flags, left, right, ...noCategories(n), cover, values, width, outputOffset: 0, scale };
}

/**
 * The view of a fitted forest, on its output scale (probabilities or values).
 * `background`: rows whose routing gives the covers when trees store none (see above).
 * @example forestTreeView(model, trainSample)
 */
export function forestTreeView(model: ForestModel, background?: Frame, scale = 1): EnsembleView {
  const regression = model.task === 'regression';
  const K = regression ? 1 : model.classes.length;
  const binary = !regression && K === 2;
  const width = binary ? 1 : K;
  const bg = background && background.nRows > 0 ? model.columnsOf(background) : undefined;
  const T = model.trees.length;
  return {
    features: model.pipeline.outputNames,
    outputs: regression ? ['value'] : binary ? [model.classes[1]] : [...model.classes],
    outputSpace: regression ? 'value' : 'probability',
    base: new Float64Array(width),
    trees: model.trees.map((t) => forestTreeNodes(t, width, binary ? 1 : -1, scale / T, coversOf(t, bg, background?.nRows ?? 0))),
    encode: (X: Frame) => model.columnsOf(X),
  };
}
