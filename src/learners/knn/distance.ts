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
    for (let j = 0; j < p; j++) {
      const d = A[ao + j] - B[bo + j];
      s += d * d;
      if (s > bound) return s;
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
