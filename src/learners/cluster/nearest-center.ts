/**
 * @module learners/cluster/nearest-center
 * The inner loop of k-means: for each row, the nearest centre and its squared distance.
 * Two kernels with identical results (same sums in the same order, ties to the lower index):
 * - assignNearest, for the iterations: starts from each row's previous centre and abandons a
 *   centre as soon as its running sum exceeds the best so far (partial-distance search);
 * - nearestCenters, for one-off assignment (predict, the final E-step): four rows at a time
 *   share every centre load, four independent sums per loaded value.
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

/**
 * Nearest of the k centres in C for every row of X (labels), blocked by four rows; returns the
 * (weighted) inertia.
 */
export function nearestCenters(X: Float64Array, n: number, d: number, C: Float64Array, k: number, labels: Int32Array, weight?: Float64Array): number {
  let inertia = 0;
  const best = new Float64Array(4);
  const arg = new Int32Array(4);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    // A short last block repeats its first row; only `rows` results are kept.
    const a0 = i0 * d;
    const a1 = (rows > 1 ? i0 + 1 : i0) * d;
    const a2 = (rows > 2 ? i0 + 2 : i0) * d;
    const a3 = (rows > 3 ? i0 + 3 : i0) * d;
    best.fill(Number.POSITIVE_INFINITY);
    for (let c = 0; c < k; c++) {
      const b = c * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < d; j++) {
        const v = C[b + j];
        const t0 = X[a0 + j] - v;
        const t1 = X[a1 + j] - v;
        const t2 = X[a2 + j] - v;
        const t3 = X[a3 + j] - v;
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      if (s0 < best[0]) (best[0] = s0), (arg[0] = c);
      if (s1 < best[1]) (best[1] = s1), (arg[1] = c);
      if (s2 < best[2]) (best[2] = s2), (arg[2] = c);
      if (s3 < best[3]) (best[3] = s3), (arg[3] = c);
    }
    for (let t = 0; t < rows; t++) {
      labels[i0 + t] = arg[t];
      inertia += weight ? weight[i0 + t] * best[t] : best[t];
    }
  }
  return inertia;
}
