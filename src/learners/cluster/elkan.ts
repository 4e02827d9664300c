/**
 * @module learners/cluster/elkan
 * One k-means run by Elkan's algorithm (2003): the same fixed point as Lloyd's iterations, but
 * each row keeps an upper bound on the distance to its centre and a lower bound per other
 * centre, and the triangle inequality skips every distance that cannot change the label.
 * With well-separated clusters most distances are never computed after the first passes.
 * Structure and stopping rules follow scikit-learn's `_kmeans_single_elkan`.
 */
import { updateCenters } from './center-update.js';
import { finish, type KMeansRun, type RunOptions } from './lloyd.js';
import { squaredDistance } from './nearest-center.js';

/** Half the distance between every pair of centres, and for each centre half the distance to its nearest other. */
function halfDistances(C: Float64Array, k: number, d: number, half: Float64Array, nearestHalf: Float64Array): void {
  nearestHalf.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    half[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      const h = Math.sqrt(squaredDistance(C, a, C, b, d)) / 2;
      half[a * k + b] = h;
      half[b * k + a] = h;
      if (h < nearestHalf[a]) nearestHalf[a] = h;
      if (h < nearestHalf[b]) nearestHalf[b] = h;
    }
  }
}

/** One Elkan run of k-means on the row-major n × d matrix X. */
export function elkan(X: Float64Array, n: number, d: number, k: number, init: Float64Array, opts: RunOptions): KMeansRun {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const half = new Float64Array(k * k);
  const nearestHalf = new Float64Array(k);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  halfDistances(centers, k, d, half, nearestHalf);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let m = Math.sqrt(squaredDistance(X, i, centers, 0, d));
    lower[i * k] = m;
    for (let j = 1; j < k; j++) {
      if (m > half[best * k + j]) {
        const dj = Math.sqrt(squaredDistance(X, i, centers, j, d));
        lower[i * k + j] = dj;
        if (dj < m) (m = dj), (best = j);
      }
    }
    labels[i] = best;
    upper[i] = m;
  }
  // Compared with the first pass's labels: -1 so that the first pass never counts as converged.
  const previous = new Int32Array(n).fill(-1);
  let iter = 0;
  while (iter < opts.maxIter) {
    opts.signal?.throwIfAborted();
    for (let i = 0; i < n; i++) {
      let label = labels[i];
      let u = upper[i];
      if (nearestHalf[label] >= u) continue; // no other centre can be closer
      let tight = false;
      const lo = i * k;
      for (let j = 0; j < k; j++) {
        if (j === label || u <= lower[lo + j] || u <= half[label * k + j]) continue;
        if (!tight) {
          u = Math.sqrt(squaredDistance(X, i, centers, label, d));
          lower[lo + label] = u;
          tight = true;
          if (u <= lower[lo + j] && u <= half[label * k + j]) continue;
        }
        const dj = Math.sqrt(squaredDistance(X, i, centers, j, d));
        lower[lo + j] = dj;
        if (dj < u) (label = j), (u = dj);
      }
      labels[i] = label;
      upper[i] = u;
    }
    const shift = updateCenters(X, n, d, k, labels, centers, next, opts.weight);
    [centers, next] = [next, centers];
    halfDistances(centers, k, d, half, nearestHalf);
    for (let i = 0; i < n; i++) {
      upper[i] += shift[labels[i]];
      const lo = i * k;
      for (let j = 0; j < k; j++) {
        const v = lower[lo + j] - shift[j];
        lower[lo + j] = v > 0 ? v : 0;
      }
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
