/**
 * @module learners/cluster/silhouette
 * The silhouette score (Rousseeuw 1987) of a clustering: for each row, a = mean distance to
 * the other rows of its cluster, b = the smallest mean distance to the rows of another
 * cluster, s = (b − a) / max(a, b) (0 for a row alone in its cluster); the score is the mean
 * of s. Exact cost is O(n²·d), so above `sampleSize` rows it is computed on a seeded random
 * sample, as scikit-learn's silhouette_score(sample_size=…). Euclidean distance; label -1 is a
 * cluster like any other (as in scikit-learn).
 */
import type { Rng } from '../../common/random.js';

/**
 * Mean silhouette of `labels` over the row-major n × d matrix X; NaN when fewer than 2 or more
 * than n − 1 distinct labels (the score is undefined there).
 * @example silhouetteScore(X, n, d, labels, rng, 2000)
 */
export function silhouetteScore(X: Float64Array, n: number, d: number, labels: Int32Array, rng: Rng, sampleSize = 2000): number {
  const rows = n > sampleSize ? rng.sampleIndices(n, sampleSize) : Int32Array.from({ length: n }, (_, i) => i);
  const m = rows.length;
  const ids = new Map<number, number>();
  const lab = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const l = labels[rows[i]];
    if (!ids.has(l)) ids.set(l, ids.size);
    lab[i] = ids.get(l)!;
  }
  const k = ids.size;
  if (k < 2 || k > m - 1) return Number.NaN;
  const size = new Float64Array(k);
  for (const l of lab) size[l]++;
  // sums[i·k + c] = Σ distance from sampled row i to the sampled rows of cluster c.
  const sums = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    const a = rows[i] * d;
    for (let j = i + 1; j < m; j++) {
      const b = rows[j] * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = X[a + t] - X[b + t];
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      sums[i * k + lab[j]] += dist;
      sums[j * k + lab[i]] += dist;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = lab[i];
    if (size[own] <= 1) continue; // s = 0 for a singleton
    const a = sums[i * k + own] / (size[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[i * k + c] / size[c]);
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / m;
}
