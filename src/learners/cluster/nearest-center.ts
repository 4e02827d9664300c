/**
 * @module learners/cluster/nearest-center
 * The inner loop of k-means: for each row, the nearest centre and its squared distance.
 * Two kernels with identical results (same sums in the same order, ties to the lower index):
 * - assignNearest, for the iterations: starts from each row's previous centre and abandons a
 *   centre as soon as its running sum exceeds the best so far (partial-distance search);
 * - nearestCenters, for one-off assignment (predict, the final E-step): blocks of four rows
 *   and two centres share their loads.
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

/** Keep the smaller of (best, arg) for one row. */
function better(best: Float64Array, arg: Int32Array, t: number, s: number, c: number): void {
  if (s < best[t]) (best[t] = s), (arg[t] = c);
}

/**
 * Nearest of the k centres in C for every row of X (labels); returns the (weighted) inertia.
 * Four rows and two centres at a time: eight independent sums per six loads, enough parallel
 * chains to keep the floating-point units busy (about 2× one row at a time).
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
    let c = 0;
    for (; c + 1 < k; c += 2) {
      const b = c * d;
      const e = b + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let u0 = 0;
      let u1 = 0;
      let u2 = 0;
      let u3 = 0;
      for (let j = 0; j < d; j++) {
        const x0 = X[a0 + j];
        const x1 = X[a1 + j];
        const x2 = X[a2 + j];
        const x3 = X[a3 + j];
        const v = C[b + j];
        const w = C[e + j];
        const t0 = x0 - v;
        const t1 = x1 - v;
        const t2 = x2 - v;
        const t3 = x3 - v;
        const q0 = x0 - w;
        const q1 = x1 - w;
        const q2 = x2 - w;
        const q3 = x3 - w;
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
        u0 += q0 * q0;
        u1 += q1 * q1;
        u2 += q2 * q2;
        u3 += q3 * q3;
      }
      // Centre c before c + 1 with strict comparisons: ties go to the lower index.
      better(best, arg, 0, s0, c);
      better(best, arg, 1, s1, c);
      better(best, arg, 2, s2, c);
      better(best, arg, 3, s3, c);
      better(best, arg, 0, u0, c + 1);
      better(best, arg, 1, u1, c + 1);
      better(best, arg, 2, u2, c + 1);
      better(best, arg, 3, u3, c + 1);
    }
    for (; c < k; c++) {
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
      better(best, arg, 0, s0, c);
      better(best, arg, 1, s1, c);
      better(best, arg, 2, s2, c);
      better(best, arg, 3, s3, c);
    }
    for (let t = 0; t < rows; t++) {
      labels[i0 + t] = arg[t];
      inertia += weight ? weight[i0 + t] * best[t] : best[t];
    }
  }
  return inertia;
}
