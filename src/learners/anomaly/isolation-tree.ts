/**
 * @module learners/anomaly/isolation-tree
 * One isolation tree, grown as scikit-learn's (an ExtraTreeRegressor with max_features=1):
 * at each node pick a column at random among those not constant in the node, a threshold
 * uniformly in [min, max) of that column, rows ≤ threshold go left; stop at one row, all
 * columns constant, or the depth limit ⌈log2(max_samples)⌉. A leaf stores its path length:
 * depth + c(rows in the leaf). Flat typed arrays; a leaf has feature −1.
 */
import type { Rng } from '../../common/random.js';
import { averagePathLength } from './path-length.js';

export interface IsolationTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaves: depth + c(size); inner nodes: 0. */
  readonly value: Float64Array;
}

/**
 * Grow a tree on `rows` of the row-major n × d matrix X, splitting only on `columns`.
 * @example growIsolationTree(X, d, rows, columns, 8, rng)
 */
export function growIsolationTree(X: Float64Array, d: number, rows: Int32Array, columns: Int32Array, maxDepth: number, rng: Rng): IsolationTree {
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const idx = Int32Array.from(rows);
  const candidates = Int32Array.from(columns);

  const grow = (start: number, end: number, depth: number): number => {
    const node = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    const size = end - start;
    if (size > 1 && depth < maxDepth) {
      // Draw columns without replacement until one varies in this node (scikit-learn's
      // random splitter skips constant columns the same way).
      let remaining = candidates.length;
      while (remaining > 0) {
        const pick = rng.nextInt(remaining);
        const f = candidates[pick];
        candidates[pick] = candidates[remaining - 1];
        candidates[remaining - 1] = f;
        remaining--;
        let mn = Number.POSITIVE_INFINITY;
        let mx = Number.NEGATIVE_INFINITY;
        for (let t = start; t < end; t++) {
          const v = X[idx[t] * d + f];
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
        if (!(mx > mn)) continue;
        let thr = mn + rng.next() * (mx - mn);
        if (thr >= mx) thr = mn; // rounding can reach mx; keep the split non-empty on the right
        let mid = start;
        for (let t = start; t < end; t++) {
          if (X[idx[t] * d + f] <= thr) {
            const tmp = idx[t];
            idx[t] = idx[mid];
            idx[mid] = tmp;
            mid++;
          }
        }
        feature[node] = f;
        threshold[node] = thr;
        const l = grow(start, mid, depth + 1);
        const r = grow(mid, end, depth + 1);
        left[node] = l;
        right[node] = r;
        return node;
      }
    }
    value[node] = depth + averagePathLength(size);
    return node;
  };

  grow(0, idx.length, 0);
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

/** Path length of row i of the row-major matrix M (width d) through `tree`. */
export function pathLength(tree: IsolationTree, M: Float64Array, i: number, d: number): number {
  let node = 0;
  const base = i * d;
  while (tree.feature[node] >= 0) node = M[base + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}
