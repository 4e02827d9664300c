/**
 * @module learners/cluster/lloyd
 * One k-means run by Lloyd's iterations (assign every row to its nearest centre, move each
 * centre to the mean of its rows) from given initial centres, with scikit-learn's stopping
 * rules: labels unchanged (strict convergence) or total squared centre shift ≤ tol.
 */
import { updateCenters } from './center-update.js';
import { nearestCenters } from './nearest-center.js';

export interface KMeansRun {
  /** Row-major k × d. */
  readonly centers: Float64Array;
  readonly labels: Int32Array;
  /** Σ w·‖x − c(x)‖² over the rows. */
  readonly inertia: number;
  readonly nIter: number;
}

export interface RunOptions {
  readonly maxIter: number;
  /** Absolute tolerance on Σ‖shift‖² (already scaled by the data variance). */
  readonly tol: number;
  readonly weight?: Float64Array;
  readonly signal?: AbortSignal;
}

/** Labels and inertia of X against the final centres: the E-step that makes them consistent. */
export function finish(X: Float64Array, n: number, d: number, k: number, centers: Float64Array, labels: Int32Array, weight: Float64Array | undefined, nIter: number): KMeansRun {
  const inertia = nearestCenters(X, n, d, centers, k, labels, weight);
  return { centers, labels, inertia, nIter };
}

/** One Lloyd run of k-means on the row-major n × d matrix X. */
export function lloyd(X: Float64Array, n: number, d: number, k: number, init: Float64Array, opts: RunOptions): KMeansRun {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  let iter = 0;
  while (iter < opts.maxIter) {
    opts.signal?.throwIfAborted();
    nearestCenters(X, n, d, centers, k, labels, opts.weight);
    const shift = updateCenters(X, n, d, k, labels, centers, next, opts.weight);
    [centers, next] = [next, centers];
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
