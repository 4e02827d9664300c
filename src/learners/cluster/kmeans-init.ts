/**
 * @module learners/cluster/kmeans-init
 * Initial centres for k-means: scikit-learn's greedy k-means++ (Arthur & Vassilvitskii 2007
 * with 2 + ⌊ln k⌋ candidate draws per centre, keeping the one that lowers the potential most)
 * and plain random rows.
 */
import type { Rng } from '../../common/random.js';
import { squaredDistance, squaredDistances } from './nearest-center.js';

function copyRow(X: Float64Array, i: number, C: Float64Array, c: number, d: number): void {
  C.set(X.subarray(i * d, (i + 1) * d), c * d);
}

/** Index of the first cumulative weight exceeding `target` (numpy's searchsorted, clipped). */
function pickByCumulative(cum: Float64Array, target: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * k centres (row-major k × d) chosen by greedy k-means++ among the n rows of X.
 * @example kmeansPlusPlus(X, n, d, 3, new Rng(0))
 */
export function kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, rng: Rng, weight?: Float64Array): Float64Array {
  const C = new Float64Array(k * d);
  // Unit weights when none are given, so the hot loops below have no branch on them.
  const w = weight ?? new Float64Array(n).fill(1);
  const cum = new Float64Array(n);
  for (let i = 0, s = 0; i < n; i++) cum[i] = s += w[i];
  const first = weight ? pickByCumulative(cum, rng.next() * cum[n - 1]) : rng.nextInt(n);
  copyRow(X, first, C, 0, d);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += w[i] * (closest[i] = squaredDistance(X, i, C, 0, d));
  const trials = 2 + Math.floor(Math.log(k));
  const candidates = new Float64Array(trials * d);
  const ids = new Int32Array(trials);
  let next = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    for (let i = 0, s = 0; i < n; i++) cum[i] = s += w[i] * closest[i];
    for (let t = 0; t < trials; t++) {
      ids[t] = Math.min(pickByCumulative(cum, rng.next() * potential), n - 1);
      copyRow(X, ids[t], candidates, t, d);
    }
    // All candidates' distances in one blocked pass; each capped by the current closest centre.
    const dist = squaredDistances(X, n, d, candidates, trials);
    let bestPot = Number.POSITIVE_INFINITY;
    let best = 0;
    for (let t = 0; t < trials; t++) {
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const v = dist[i * trials + t];
        pot += w[i] * (v < closest[i] ? v : closest[i]);
      }
      if (pot < bestPot) (bestPot = pot), (best = t);
    }
    for (let i = 0; i < n; i++) {
      const v = dist[i * trials + best];
      next[i] = v < closest[i] ? v : closest[i];
    }
    copyRow(X, ids[best], C, c, d);
    potential = bestPot;
    [closest, next] = [next, closest];
  }
  return C;
}

/** k distinct random rows as centres (scikit-learn's init='random'). */
export function randomRows(X: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const C = new Float64Array(k * d);
  const rows = rng.permutation(n);
  for (let c = 0; c < k; c++) copyRow(X, rows[c], C, c, d);
  return C;
}
