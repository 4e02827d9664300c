/**
 * @module learners/cluster/hamerly
 * One k-means run by Hamerly's algorithm (2010): the same fixed point as Lloyd's iterations,
 * but each row keeps an upper bound on the distance to its centre and one lower bound on the
 * distance to every other centre; when the upper bound is below the larger of that lower
 * bound and half the distance from its centre to the nearest other centre, the row cannot
 * change cluster and no distance is computed. Unlike Elkan's k bounds per row, the bookkeeping
 * is O(n) per iteration, which wins at low dimension, where a distance costs little more than
 * a bound check. Once clusters settle, an iteration costs about one centre update.
 * Stopping rules as lloyd.ts (labels unchanged, or Σ shift² ≤ tol).
 */
import { updateCenters } from './center-update.js';
import { finish, type KMeansRun, type RunOptions } from './lloyd.js';
import { squaredDistance, squaredDistances } from './nearest-center.js';

/** For each centre, half the distance to its nearest other centre. */
function halfNearest(C: Float64Array, k: number, d: number, out: Float64Array): void {
  out.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const h = Math.sqrt(squaredDistance(C, a, C, b, d)) / 2;
      if (h < out[a]) out[a] = h;
      if (h < out[b]) out[b] = h;
    }
  }
}

/**
 * Per-cluster sums of rows and weights, kept up to date by moving only the rows whose label
 * changed (after the first iterations, a few percent), instead of re-adding all n rows.
 * A cluster left empty falls back to the full update, which relocates its centre.
 */
class ClusterSums {
  private readonly sum: Float64Array;
  private readonly mass: Float64Array;
  private readonly owner: Int32Array;
  private started = false;

  constructor(
    private readonly n: number,
    private readonly d: number,
    private readonly k: number,
  ) {
    this.sum = new Float64Array(k * d);
    this.mass = new Float64Array(k);
    this.owner = new Int32Array(n).fill(-1);
  }

  /** New centres into `next` from `labels`; returns each centre's shift from `prev`. */
  update(X: Float64Array, labels: Int32Array, prev: Float64Array, next: Float64Array, weight?: Float64Array): Float64Array {
    const { n, d, k, sum, mass, owner } = this;
    if (!this.started) {
      this.started = true;
      return this.full(X, labels, prev, next, weight);
    }
    for (let i = 0; i < n; i++) {
      const from = owner[i];
      const to = labels[i];
      if (from === to) continue;
      const w = weight ? weight[i] : 1;
      for (let j = 0; j < d; j++) {
        const v = w * X[i * d + j];
        sum[from * d + j] -= v;
        sum[to * d + j] += v;
      }
      mass[from] -= w;
      mass[to] += w;
      owner[i] = to;
    }
    for (let c = 0; c < k; c++) if (!(mass[c] > 0)) return this.full(X, labels, prev, next, weight);
    const shift = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = sum[c * d + j] / mass[c];
        next[c * d + j] = v;
        s += (v - prev[c * d + j]) ** 2;
      }
      shift[c] = Math.sqrt(s);
    }
    return shift;
  }

  /** The full M-step (with empty-cluster relocation); re-seeds the running sums. */
  private full(X: Float64Array, labels: Int32Array, prev: Float64Array, next: Float64Array, weight?: Float64Array): Float64Array {
    const { n, d, sum, mass, owner } = this;
    const shift = updateCenters(X, n, d, this.k, labels, prev, next, weight);
    sum.fill(0);
    mass.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      const w = weight ? weight[i] : 1;
      for (let j = 0; j < d; j++) sum[c * d + j] += w * X[i * d + j];
      mass[c] += w;
      owner[i] = c;
    }
    return shift;
  }
}

/** From squared distances (m × k) of rows ids[0..m): label, upper bound and lower bound. */
function topTwo(dist: Float64Array, ids: Int32Array, m: number, k: number, labels: Int32Array, upper: Float64Array, lower: Float64Array): void {
  for (let t = 0; t < m; t++) {
    let b1 = 0;
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const v = dist[t * k + c];
      if (v < d1) (d2 = d1), (d1 = v), (b1 = c);
      else if (v < d2) d2 = v;
    }
    const i = ids[t];
    labels[i] = b1;
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
  }
}

/** One Hamerly run of k-means on the row-major n × d matrix X. */
export function hamerly(X: Float64Array, n: number, d: number, k: number, init: Float64Array, opts: RunOptions): KMeansRun {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  // Exact bounds to start: every distance once, in the blocked kernel.
  const todo = Int32Array.from({ length: n }, (_, i) => i);
  const rows = new Float64Array(n * d);
  topTwo(squaredDistances(X, n, d, centers, k), todo, n, k, labels, upper, lower);
  const sums = new ClusterSums(n, d, k);
  // Compared with the first pass's labels: -1 so that the first pass never counts as converged.
  const previous = new Int32Array(n).fill(-1);
  let iter = 0;
  while (iter < opts.maxIter) {
    opts.signal?.throwIfAborted();
    if (iter > 0) {
      halfNearest(centers, k, d, half);
      let m = 0;
      for (let i = 0; i < n; i++) {
        const a = labels[i];
        const bound = half[a] > lower[i] ? half[a] : lower[i];
        if (upper[i] <= bound) continue;
        upper[i] = Math.sqrt(squaredDistance(X, i, centers, a, d));
        if (upper[i] > bound) todo[m++] = i;
      }
      // Rows whose bounds failed: all their distances at once, in the blocked kernel.
      for (let t = 0; t < m; t++) rows.set(X.subarray(todo[t] * d, (todo[t] + 1) * d), t * d);
      topTwo(squaredDistances(rows, m, d, centers, k), todo, m, k, labels, upper, lower);
    }
    const shift = sums.update(X, labels, centers, next, opts.weight);
    [centers, next] = [next, centers];
    // Move the bounds with the centres: a row's own centre by its shift, any other by at most
    // the largest shift among the others.
    let top = 0;
    let second = 0;
    let topCenter = -1;
    for (let c = 0; c < k; c++) {
      if (shift[c] > top) (second = top), (top = shift[c]), (topCenter = c);
      else if (shift[c] > second) second = shift[c];
    }
    for (let i = 0; i < n; i++) {
      upper[i] += shift[labels[i]];
      lower[i] -= labels[i] === topCenter ? second : top;
    }
    iter++;
    let same = true;
    for (let i = 0; i < n && same; i++) same = labels[i] === previous[i];
    if (same) break;
    let total = 0;
    for (const s of shift) total += s * s;
    if (total <= opts.tol) break;
    previous.set(labels);
  }
  return finish(X, n, d, k, centers, labels, opts.weight, iter);
}
