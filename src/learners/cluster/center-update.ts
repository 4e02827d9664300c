/**
 * @module learners/cluster/center-update
 * The k-means M-step shared by Lloyd's and Elkan's iterations: each centre becomes the
 * (weighted) mean of its rows. A centre left without rows is moved onto the row farthest from
 * its own centre, taken out of its old cluster (scikit-learn's relocation rule), so that k
 * clusters survive.
 */
import { squaredDistance } from './nearest-center.js';

/**
 * Write the new centres into `next` (row-major k × d) from `labels`, relative to `prev`;
 * return each centre's Euclidean shift ‖next − prev‖.
 */
export function updateCenters(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  prev: Float64Array,
  next: Float64Array,
  weight?: Float64Array,
): Float64Array {
  next.fill(0);
  const mass = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    const w = weight ? weight[i] : 1;
    mass[c] += w;
    const a = i * d;
    const b = c * d;
    for (let j = 0; j < d; j++) next[b + j] += w * X[a + j];
  }
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (mass[c] === 0) empty.push(c);
  if (empty.length > 0) relocate(X, n, d, labels, prev, next, mass, empty, weight);
  const shift = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const b = c * d;
    const inv = mass[c] > 0 ? 1 / mass[c] : 0;
    let s = 0;
    for (let j = 0; j < d; j++) {
      // A centre with zero total weight (all its rows weigh 0) stays where it was.
      const v = mass[c] > 0 ? next[b + j] * inv : prev[b + j];
      next[b + j] = v;
      const t = v - prev[b + j];
      s += t * t;
    }
    shift[c] = Math.sqrt(s);
  }
  return shift;
}

function relocate(
  X: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  prev: Float64Array,
  sums: Float64Array,
  mass: Float64Array,
  empty: readonly number[],
  weight?: Float64Array,
): void {
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) dist[i] = squaredDistance(X, i, prev, labels[i], d);
  const far = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => dist[b] - dist[a] || a - b)
    .slice(0, empty.length);
  empty.forEach((c, e) => {
    const i = far[e];
    const old = labels[i];
    const w = weight ? weight[i] : 1;
    for (let j = 0; j < d; j++) {
      sums[old * d + j] -= w * X[i * d + j];
      sums[c * d + j] = w * X[i * d + j];
    }
    mass[old] -= w;
    mass[c] = w;
  });
}
