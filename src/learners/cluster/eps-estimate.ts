/**
 * @module learners/cluster/eps-estimate
 * A data-driven eps for DBSCAN: the "knee" of the sorted k-distance curve (distance from each
 * row to its min_samples-th nearest row, itself included), the heuristic of the DBSCAN paper.
 * Dense rows sit on the flat part of the curve, noise on the steep tail; the knee, found as
 * the point farthest below the chord of the normalised curve (Kneedle, Satopää et al. 2011),
 * separates them. Computed for a seeded sample of rows against all rows.
 */
import type { Rng } from '../../common/random.js';
import { KdTree } from './kd-tree.js';

export interface EpsEstimate {
  readonly eps: number;
  /** Share of sampled rows whose k-distance is ≤ eps (those rows are core points). */
  readonly coreShare: number;
  readonly sampled: number;
}

/** The knee position of an ascending curve (index into `ys`). */
export function kneeIndex(ys: Float64Array): number {
  const m = ys.length;
  if (m < 3) return m - 1;
  const y0 = ys[0];
  const span = ys[m - 1] - y0;
  if (span <= 0) return m - 1;
  let best = m - 1;
  let bestGap = 0;
  for (let i = 0; i < m; i++) {
    // Convex, increasing curve: it lies below the diagonal; the knee is where it is lowest.
    const gap = i / (m - 1) - (ys[i] - y0) / span;
    if (gap > bestGap) (bestGap = gap), (best = i);
  }
  return best;
}

/**
 * eps for DBSCAN on the row-major n × d matrix X.
 * @example estimateEps(X, n, d, 5, new Rng(0)).eps
 */
export function estimateEps(X: Float64Array, n: number, d: number, minSamples: number, rng: Rng, sampleSize = 2000, tree?: KdTree): EpsEstimate {
  const index = tree ?? new KdTree(X, n, d);
  const rows = rng.sampleIndices(n, Math.min(sampleSize, n));
  const k = Math.min(minSamples, n);
  const kd = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    kd[i] = Math.sqrt(index.nearest(X, r, k).dist2[k - 1]);
  });
  kd.sort();
  let eps = kd[kneeIndex(kd)];
  if (!(eps > 0)) {
    // Many duplicate rows: take the smallest positive k-distance so eps stays valid (> 0).
    eps = kd.find((v) => v > 0) ?? 1;
  }
  let within = 0;
  for (const v of kd) if (v <= eps) within++;
  return { eps, coreShare: within / kd.length, sampled: kd.length };
}
