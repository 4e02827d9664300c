/**
 * @module learners/cluster/kd-tree
 * A k-d tree over the rows of a dense row-major matrix, for radius and k-nearest queries
 * (DBSCAN's neighbourhoods, its eps estimate, and DBSCAN's predict). Nodes split at the median
 * of their widest dimension and keep a bounding box, so a query skips every node whose box
 * lies outside the ball and takes whole nodes whose box lies inside it without checking
 * points. Flat typed arrays, no per-node objects.
 */

export class KdTree {
  /** Row ids, permuted so that each node's rows are contiguous. */
  private readonly index: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Bounding boxes, node-major: lo[node·d + j], hi[node·d + j]. */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private nodes = 0;

  /** @example const tree = new KdTree(X, n, d); tree.radius(X, 0, 0.5, (j) => …) */
  constructor(
    private readonly X: Float64Array,
    readonly n: number,
    readonly d: number,
    private readonly leafSize = 32,
  ) {
    // Median splits leave every leaf at least ⌊(leafSize+1)/2⌋ rows: bound the node count by it.
    const maxNodes = 2 * Math.ceil(n / Math.max(1, Math.floor((leafSize + 1) / 2))) + 1;
    this.index = new Int32Array(n);
    for (let i = 0; i < n; i++) this.index[i] = i;
    this.start = new Int32Array(maxNodes);
    this.end = new Int32Array(maxNodes);
    this.left = new Int32Array(maxNodes).fill(-1);
    this.right = new Int32Array(maxNodes).fill(-1);
    this.lo = new Float64Array(maxNodes * d);
    this.hi = new Float64Array(maxNodes * d);
    if (n > 0) this.build(0, n);
  }

  private build(s: number, e: number): number {
    const node = this.nodes++;
    const d = this.d;
    this.start[node] = s;
    this.end[node] = e;
    let widest = 0;
    let spread = -1;
    for (let j = 0; j < d; j++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let t = s; t < e; t++) {
        const v = this.X[this.index[t] * d + j];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      this.lo[node * d + j] = mn;
      this.hi[node * d + j] = mx;
      if (mx - mn > spread) (spread = mx - mn), (widest = j);
    }
    if (e - s <= this.leafSize || spread <= 0) return node;
    const mid = (s + e) >> 1;
    this.select(s, e - 1, mid, widest);
    this.left[node] = this.build(s, mid);
    this.right[node] = this.build(mid, e);
    return node;
  }

  /** Quickselect on index[lo..hi] by coordinate `dim` so that position k holds its order statistic. */
  private select(lo: number, hi: number, k: number, dim: number): void {
    const { index, X, d } = this;
    while (hi > lo) {
      const pivot = X[index[(lo + hi) >> 1] * d + dim];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (X[index[i] * d + dim] < pivot) i++;
        while (X[index[j] * d + dim] > pivot) j--;
        if (i <= j) {
          const t = index[i];
          index[i] = index[j];
          index[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /** Squared distances from query row q (at Q[qOff..]) to the nearest and farthest points of node's box. */
  private boxDistances(node: number, Q: Float64Array, qOff: number): [number, number] {
    let near = 0;
    let far = 0;
    const b = node * this.d;
    for (let j = 0; j < this.d; j++) {
      const v = Q[qOff + j];
      const l = this.lo[b + j];
      const h = this.hi[b + j];
      const dn = v < l ? l - v : v > h ? v - h : 0;
      near += dn * dn;
      const df = Math.max(Math.abs(v - l), Math.abs(v - h));
      far += df * df;
    }
    return [near, far];
  }

  private dist2(Q: Float64Array, qOff: number, row: number, limit: number): number {
    const a = row * this.d;
    let s = 0;
    for (let j = 0; j < this.d && s <= limit; j++) {
      const t = Q[qOff + j] - this.X[a + j];
      s += t * t;
    }
    return s;
  }

  /**
   * Call `visit(row)` for every row within distance r of row `qRow` of Q (the query itself
   * included when Q is the tree's matrix). Stops early and returns true when visit returns true.
   */
  radius(Q: Float64Array, qRow: number, r: number, visit: (row: number) => boolean | void): boolean {
    if (this.n === 0) return false;
    const r2 = r * r;
    const qOff = qRow * this.d;
    const stack = [0];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const [near, far] = this.boxDistances(node, Q, qOff);
      if (near > r2) continue;
      const leaf = this.left[node] < 0;
      if (far <= r2 || leaf) {
        for (let t = this.start[node]; t < this.end[node]; t++) {
          const row = this.index[t];
          if ((far <= r2 || this.dist2(Q, qOff, row, r2) <= r2) && visit(row)) return true;
        }
        continue;
      }
      stack.push(this.right[node], this.left[node]);
    }
    return false;
  }

  /** Number of rows within distance r of query row `qRow`, counting no further than `limit`. */
  countWithin(Q: Float64Array, qRow: number, r: number, limit = Number.POSITIVE_INFINITY): number {
    let count = 0;
    this.radius(Q, qRow, r, () => ++count >= limit);
    return count;
  }

  /** The k nearest rows to query row `qRow`: squared distances ascending and their row ids. */
  nearest(Q: Float64Array, qRow: number, k: number): { dist2: Float64Array; rows: Int32Array } {
    const kk = Math.min(k, this.n);
    const dist2 = new Float64Array(kk).fill(Number.POSITIVE_INFINITY);
    const rows = new Int32Array(kk).fill(-1);
    if (kk === 0) return { dist2, rows };
    const qOff = qRow * this.d;
    const stack = [0];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.boxDistances(node, Q, qOff)[0] > dist2[kk - 1]) continue;
      if (this.left[node] >= 0) {
        // Visit the nearer child first (pushed last) so the bound tightens sooner.
        const l = this.left[node];
        const r = this.right[node];
        const dl = this.boxDistances(l, Q, qOff)[0];
        const dr = this.boxDistances(r, Q, qOff)[0];
        if (dl <= dr) stack.push(r, l);
        else stack.push(l, r);
        continue;
      }
      for (let t = this.start[node]; t < this.end[node]; t++) {
        const row = this.index[t];
        const s = this.dist2(Q, qOff, row, dist2[kk - 1]);
        if (s >= dist2[kk - 1]) continue;
        let p = kk - 1;
        while (p > 0 && dist2[p - 1] > s) {
          dist2[p] = dist2[p - 1];
          rows[p] = rows[p - 1];
          p--;
        }
        dist2[p] = s;
        rows[p] = row;
      }
    }
    return { dist2, rows };
  }
}
