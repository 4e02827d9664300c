/**
 * @module learners/knn/distance
 * The metrics k-NN searches with. Searches compare "reduced" distances (squared for
 * Euclidean) and take the root only for distance weighting; every search path computes them
 * with this one function, so ties resolve identically everywhere.
 */

export type Metric = 'euclidean' | 'manhattan';

/** Reduced distance between row `a` of `A` and row `b` of `B` (both with p columns). */
export function reducedDistance(metric: Metric, A: Float64Array, a: number, B: Float64Array, b: number, p: number): number {
  let s = 0;
  const ao = a * p;
  const bo = b * p;
  if (metric === 'euclidean') {
    for (let j = 0; j < p; j++) {
      const d = A[ao + j] - B[bo + j];
      s += d * d;
    }
  } else {
    for (let j = 0; j < p; j++) s += Math.abs(A[ao + j] - B[bo + j]);
  }
  return s;
}

/**
 * The reduced distance, or any value above `bound` as soon as the partial sum exceeds it
 * (terms are non-negative, so the full sum would too): callers only keep distances ≤ bound,
 * so the early exit changes no result.
 */
export function reducedDistanceBounded(euclidean: boolean, A: Float64Array, a: number, B: Float64Array, b: number, p: number, bound: number): number {
  let s = 0;
  const ao = a * p;
  const bo = b * p;
  if (euclidean) {
    // Unrolled by four with the bound checked once per group: the sum is still accumulated
    // term by term in column order, so it equals reducedDistance() exactly.
    const p4 = p - (p % 4);
    let j = 0;
    for (; j < p4; j += 4) {
      const d0 = A[ao + j] - B[bo + j];
      const d1 = A[ao + j + 1] - B[bo + j + 1];
      const d2 = A[ao + j + 2] - B[bo + j + 2];
      const d3 = A[ao + j + 3] - B[bo + j + 3];
      s += d0 * d0;
      s += d1 * d1;
      s += d2 * d2;
      s += d3 * d3;
      if (s > bound) return s;
    }
    for (; j < p; j++) {
      const d = A[ao + j] - B[bo + j];
      s += d * d;
    }
  } else {
    for (let j = 0; j < p; j++) {
      s += Math.abs(A[ao + j] - B[bo + j]);
      if (s > bound) return s;
    }
  }
  return s;
}

/** Reduced distance from a one-dimensional gap (for bounding-box lower bounds). */
export function reducedGap(metric: Metric, gap: number): number {
  return metric === 'euclidean' ? gap * gap : Math.abs(gap);
}

/** The true distance from a reduced one. */
export function fromReduced(metric: Metric, r: number): number {
  return metric === 'euclidean' ? Math.sqrt(r) : r;
}
