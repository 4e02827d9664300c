/**
 * @module learners/knn/kd-tree
 * A k-d tree over the training rows for exact k-nearest-neighbour queries. Each node splits
 * its rows at the median of its widest dimension; leaves hold at most `leafSize` rows. A
 * query descends to the nearer child first and skips a node when the lower bound of the
 * distance to its bounding box exceeds the k-th best distance found so far. Candidates at
 * exactly the bound are still visited, so ties resolve by row index as in brute force and
 * both return identical neighbours.
 *
 * Nodes live in flat typed arrays (bounding boxes: 2p numbers per node). The tree is not
 * serialised: it is rebuilt from the training matrix on load (deterministic).
 */
import { type Metric, reducedDistanceBounded, reducedGap } from './distance.js';
import { NeighborHeap } from './neighbor-heap.js';

export class KdTree {
  /** Training row indices, permuted so each node owns a contiguous range. */
  private readonly order: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Child node indices; −1 for a leaf. */
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node: p lower bounds, then p upper bounds. */
  private readonly boxes: Float64Array;

  constructor(
    private readonly data: Float64Array,
    readonly nRows: number,
    readonly p: number,
    private readonly leafSize = 30,
  ) {
    this.order = Int32Array.from({ length: nRows }, (_, i) => i);
    const nodes: { s: number; e: number; l: number; r: number; box: Float64Array }[] = [];
    const build = (s: number, e: number): number => {
      const id = nodes.length;
      const box = this.boxOf(s, e);
      nodes.push({ s, e, l: -1, r: -1, box });
      if (e - s <= leafSize) return id;
      let dim = 0;
      let spread = -1;
      for (let j = 0; j < p; j++) if (box[p + j] - box[j] > spread) (spread = box[p + j] - box[j]), (dim = j);
      if (spread <= 0) return id; // all rows identical: keep as a leaf
      const mid = (s + e) >> 1;
      this.select(s, e - 1, mid, dim);
      nodes[id].l = build(s, mid);
      nodes[id].r = build(mid, e);
      return id;
    };
    if (nRows > 0) build(0, nRows);
    const m = nodes.length;
    this.start = Int32Array.from(nodes, (nd) => nd.s);
    this.end = Int32Array.from(nodes, (nd) => nd.e);
    this.left = Int32Array.from(nodes, (nd) => nd.l);
    this.right = Int32Array.from(nodes, (nd) => nd.r);
    this.boxes = new Float64Array(m * 2 * p);
    nodes.forEach((nd, i) => this.boxes.set(nd.box, i * 2 * p));
  }

  private boxOf(s: number, e: number): Float64Array {
    const { p, data, order } = this;
    const box = new Float64Array(2 * p);
    box.fill(Number.POSITIVE_INFINITY, 0, p);
    box.fill(Number.NEGATIVE_INFINITY, p);
    for (let r = s; r < e; r++) {
      const o = order[r] * p;
      for (let j = 0; j < p; j++) {
        const v = data[o + j];
        if (v < box[j]) box[j] = v;
        if (v > box[p + j]) box[p + j] = v;
      }
    }
    return box;
  }

  /** Quickselect: put the row with the `k`-th smallest value of `dim` at position k. */
  private select(lo: number, hi: number, k: number, dim: number): void {
    const { order, data, p } = this;
    while (hi > lo) {
      const pivot = data[order[(lo + hi) >> 1] * p + dim];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (data[order[i] * p + dim] < pivot) i++;
        while (data[order[j] * p + dim] > pivot) j--;
        if (i <= j) {
          const t = order[i];
          order[i] = order[j];
          order[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /** Lower bound of the reduced distance from the query at Q[qo..] to a node's box. */
  private boxDistance(node: number, metric: Metric, Q: Float64Array, qo: number): number {
    const { boxes, p } = this;
    const bo = node * 2 * p;
    let s = 0;
    for (let j = 0; j < p; j++) {
      const v = Q[qo + j];
      const lo = boxes[bo + j];
      const hi = boxes[bo + p + j];
      const gap = v < lo ? lo - v : v > hi ? v - hi : 0;
      if (gap > 0) s += reducedGap(metric, gap);
    }
    return s;
  }

  private search(node: number, metric: Metric, Q: Float64Array, q: number, heap: NeighborHeap, lower: number): void {
    if (lower > heap.bound()) return;
    const l = this.left[node];
    if (l < 0) {
      const { order, data, p } = this;
      const euclidean = metric === 'euclidean';
      for (let r = this.start[node], e = this.end[node]; r < e; r++) {
        const i = order[r];
        const bound = heap.bound();
        const d = reducedDistanceBounded(euclidean, Q, q, data, i, p, bound);
        if (d <= bound) heap.push(d, i);
      }
      return;
    }
    const rgt = this.right[node];
    const qo = q * this.p;
    const dl = this.boxDistance(l, metric, Q, qo);
    const dr = this.boxDistance(rgt, metric, Q, qo);
    if (dl <= dr) {
      this.search(l, metric, Q, q, heap, dl);
      this.search(rgt, metric, Q, q, heap, dr);
    } else {
      this.search(rgt, metric, Q, q, heap, dr);
      this.search(l, metric, Q, q, heap, dl);
    }
  }

  /** For each query row, its k nearest training rows (nearest first) and reduced distances. */
  query(queries: Float64Array, nQueries: number, k: number, metric: Metric): { index: Int32Array; dist: Float64Array } {
    const kk = Math.min(k, this.nRows);
    const index = new Int32Array(nQueries * kk);
    const dist = new Float64Array(nQueries * kk);
    const heap = new NeighborHeap(kk);
    for (let q = 0; q < nQueries; q++) {
      heap.reset();
      if (this.nRows > 0) this.search(0, metric, queries, q, heap, 0);
      const s = heap.sorted();
      index.set(s.index, q * kk);
      dist.set(s.dist, q * kk);
    }
    return { index, dist };
  }
}
