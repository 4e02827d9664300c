/**
 * @module learners/forest/tree/flat-tree
 * A grown tree as flat arrays (plain data in model files) and its prediction. Node 0 is the
 * root. An internal node sends x to `left` when x ≤ threshold (or x is NaN and missingLeft);
 * a leaf has left = −1 and `right` = its leaf index into `values` (width values per leaf:
 * class probabilities, or one regression value).
 */

export interface FlatTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly values: Float64Array;
}

export interface FlatTreeJson {
  readonly feature: number[];
  readonly threshold: number[];
  readonly missingLeft: number[];
  readonly left: number[];
  readonly right: number[];
  readonly values: number[];
}

export function treeToJson(t: FlatTree): FlatTreeJson {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    missingLeft: Array.from(t.missingLeft),
    left: Array.from(t.left),
    right: Array.from(t.right),
    values: Array.from(t.values),
  };
}

export function treeFromJson(j: FlatTreeJson): FlatTree {
  return {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold),
    missingLeft: Uint8Array.from(j.missingLeft),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    values: Float64Array.from(j.values),
  };
}

/** The leaf index row i of `columns` (raw feature values, NaN = missing) falls into. */
export function leafOf(t: FlatTree, columns: readonly Float64Array[], i: number): number {
  let node = 0;
  while (t.left[node] >= 0) {
    const v = columns[t.feature[node]][i];
    node = (v !== v ? t.missingLeft[node] === 1 : v <= t.threshold[node]) ? t.left[node] : t.right[node];
  }
  return t.right[node];
}

/** Add `scale` × each row's leaf values into out (n × width, row-major). */
export function accumulateTree(t: FlatTree, columns: readonly Float64Array[], nRows: number, width: number, scale: number, out: Float64Array, rows?: ArrayLike<number>): void {
  const n = rows ? rows.length : nRows;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r] : r;
    const o = leafOf(t, columns, i) * width;
    for (let k = 0; k < width; k++) out[i * width + k] += scale * t.values[o + k];
  }
}
