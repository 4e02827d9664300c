/**
 * @module learners/cluster/nearest-center
 * The inner loop of k-means: for each row, the nearest centre and its squared distance.
 * Partial-distance search: a centre is abandoned as soon as its running sum exceeds the best
 * distance so far, which skips most of the work once centres have separated.
 */

/** Squared Euclidean distance between row `i` of X and row `c` of C (both width d). */
export function squaredDistance(X: Float64Array, i: number, C: Float64Array, c: number, d: number): number {
  const a = i * d;
  const b = c * d;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = X[a + j] - C[b + j];
    s += t * t;
  }
  return s;
}

/**
 * Fill `labels` (and `minDist`, when given) with each row's nearest of the k centres in C;
 * return the (weighted) inertia Σ w·‖x − c‖².
 */
export function assignNearest(
  X: Float64Array,
  n: number,
  d: number,
  C: Float64Array,
  k: number,
  labels: Int32Array,
  weight?: Float64Array,
  minDist?: Float64Array,
): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const a = i * d;
    // Start from the previous label: usually still the nearest, so pruning bites at once.
    let best = labels[i] >= 0 && labels[i] < k ? labels[i] : 0;
    let bestDist = squaredDistance(X, i, C, best, d);
    for (let c = 0; c < k; c++) {
      if (c === best) continue;
      const b = c * d;
      let s = 0;
      let j = 0;
      for (; j < d; j++) {
        const t = X[a + j] - C[b + j];
        s += t * t;
        if (s > bestDist) break;
      }
      // Ties go to the lower index, as in scikit-learn's argmin.
      if (j === d && (s < bestDist || (s === bestDist && c < best))) {
        bestDist = s;
        best = c;
      }
    }
    labels[i] = best;
    if (minDist) minDist[i] = bestDist;
    inertia += weight ? weight[i] * bestDist : bestDist;
  }
  return inertia;
}
