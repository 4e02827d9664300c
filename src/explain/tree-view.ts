/**
 * @module explain/tree-view
 * A read-only view of any tree ensemble (our GBDT, our forests, an XGBoost JSON model), the
 * one shape TreeSHAP, interaction values and the expected value work on:
 *
 *   per tree: nodes in one index space (node 0 = root; a leaf has left = -1), the split
 *             feature and rule of each internal node, the cover of every node (training rows
 *             or hessian mass that reached it), and `width` leaf values per node;
 *   ensemble: base score per output, and how trees combine: output[outputOffset + k] +=
 *             scale × value[leaf·width + k]. GBDT: scale 1, one output per tree (trees cycle
 *             over classes). Forests: scale 1/T, a tree covers every output (probabilities).
 *
 * Split rule of an internal node, on the raw value v the view's `encode` gives:
 *   numeric:      v is NaN → the default side; else left when v ≤ threshold;
 *   categorical:  v ≥ 0 (a category code) → left when bit v of the node's bitset is set;
 *                 missing (NaN or < 0) → the default side.
 */
import type { Frame } from '../data/frame/frame.js';

export const SPLIT_CATEGORICAL = 1;
export const SPLIT_DEFAULT_LEFT = 2;

/** What the ensemble's raw output means, so reports can say which scale contributions are on. */
export type OutputSpace = 'log_odds' | 'softmax_logit' | 'probability' | 'value' | 'log_value';

export interface TreeNodes {
  readonly nNodes: number;
  /** Split feature per node (-1 at leaves). */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** SPLIT_CATEGORICAL | SPLIT_DEFAULT_LEFT per node. */
  readonly flags: Uint8Array;
  /** Children per node; -1 at leaves. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Categorical nodes: their bitset is catWords[catStart[node] .. catEnd[node]). */
  readonly catStart: Int32Array;
  readonly catEnd: Int32Array;
  readonly catWords: Uint32Array;
  /** Training mass that reached each node (> 0); children's covers sum to their parent's. */
  readonly cover: Float64Array;
  /** nNodes × width values (only leaves' are read). */
  readonly values: Float64Array;
  readonly width: number;
  /** First output this tree adds to. */
  readonly outputOffset: number;
  /** Multiplier of this tree's values (1/T for averaging ensembles, member weights…). */
  readonly scale: number;
}

export interface EnsembleView {
  /** Names of the columns the trees split on (index = split feature). */
  readonly features: readonly string[];
  /** Labels of the outputs: ['value'], [positive class] or every class. */
  readonly outputs: readonly string[];
  readonly outputSpace: OutputSpace;
  /** Starting raw score per output. */
  readonly base: Float64Array;
  readonly trees: readonly TreeNodes[];
  /** The raw values the trees read from a table, one Float64Array per feature (NaN = missing). */
  encode(X: Frame): Float64Array[];
}

/** Empty categorical arrays for trees without categorical splits. */
export function noCategories(nNodes: number): Pick<TreeNodes, 'catStart' | 'catEnd' | 'catWords'> {
  return { catStart: new Int32Array(nNodes), catEnd: new Int32Array(nNodes), catWords: new Uint32Array(0) };
}

/** True when value v goes to the left child of internal node `node`. */
export function goesLeft(t: TreeNodes, node: number, v: number): boolean {
  const f = t.flags[node];
  if (f & SPLIT_CATEGORICAL) {
    if (!(v >= 0)) return (f & SPLIT_DEFAULT_LEFT) !== 0;
    const w = t.catStart[node] + (v >>> 5);
    return w < t.catEnd[node] && ((t.catWords[w] >>> (v & 31)) & 1) === 1;
  }
  if (v !== v) return (f & SPLIT_DEFAULT_LEFT) !== 0;
  return v <= t.threshold[node];
}

/** The leaf row i of `columns` reaches. */
export function leafOfRow(t: TreeNodes, columns: readonly Float64Array[], i: number): number {
  let node = 0;
  while (t.left[node] >= 0) node = goesLeft(t, node, columns[t.feature[node]][i]) ? t.left[node] : t.right[node];
  return node;
}

/**
 * Raw output of the view for every row, row-major n × outputs: what TreeSHAP's base value
 * plus contributions must add up to. Adapters' tests check it equals the model's own output.
 */
export function viewOutput(view: EnsembleView, columns: readonly Float64Array[], nRows: number): Float64Array {
  const K = view.outputs.length;
  const out = new Float64Array(nRows * K);
  for (let i = 0; i < nRows; i++) for (let k = 0; k < K; k++) out[i * K + k] = view.base[k];
  for (const t of view.trees) {
    for (let i = 0; i < nRows; i++) {
      const leaf = leafOfRow(t, columns, i);
      for (let k = 0; k < t.width; k++) out[i * K + t.outputOffset + k] += t.scale * t.values[leaf * t.width + k];
    }
  }
  return out;
}

/**
 * The expected output per output (the SHAP base value): base + Σ scale × E[tree], where
 * E[node] = Σ_child cover(child)/cover(node) · E[child]. Defined recursively (not as a sum
 * over leaves normalised by the root) because that is exactly what TreeSHAP's contributions
 * subtract from f(x), so additivity holds even when stored covers are rounded (XGBoost).
 */
export function expectedValue(view: EnsembleView): Float64Array {
  const out = Float64Array.from(view.base);
  for (const t of view.trees) {
    const e = treeExpectation(t);
    for (let k = 0; k < t.width; k++) out[t.outputOffset + k] += t.scale * e[k];
  }
  return out;
}

/** E[tree] per value column, by the recursion above (iterative, children after parents). */
export function treeExpectation(t: TreeNodes): Float64Array {
  const W = t.width;
  const e = new Float64Array(t.nNodes * W);
  // Post-order without recursion: visit nodes, then fold children into parents in reverse.
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const n = order[q];
    if (t.left[n] >= 0) order.push(t.left[n], t.right[n]);
  }
  for (let q = order.length - 1; q >= 0; q--) {
    const n = order[q];
    if (t.left[n] < 0) {
      for (let k = 0; k < W; k++) e[n * W + k] = t.values[n * W + k];
      continue;
    }
    const l = t.left[n];
    const r = t.right[n];
    const c = t.cover[n];
    for (let k = 0; k < W; k++) e[n * W + k] = (t.cover[l] * e[l * W + k] + t.cover[r] * e[r * W + k]) / c;
  }
  return e.subarray(0, W);
}

/** Depth of the deepest leaf (root = 0). */
export function treeDepth(t: TreeNodes): number {
  const depth = new Int32Array(t.nNodes);
  let max = 0;
  const stack = [0];
  while (stack.length > 0) {
    const n = stack.pop() as number;
    if (t.left[n] < 0) {
      if (depth[n] > max) max = depth[n];
      continue;
    }
    depth[t.left[n]] = depth[n] + 1;
    depth[t.right[n]] = depth[n] + 1;
    stack.push(t.left[n], t.right[n]);
  }
  return max;
}
