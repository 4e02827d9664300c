/**
 * @module common/linalg/symmetric-eigen
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations.
 *
 * Why Jacobi rather than tridiagonal QR: it is short, has no special cases, and computes even
 * small eigenvalues to high *relative* accuracy, which is what PCA on a covariance matrix
 * needs to agree with LAPACK's SVD to ~1e-12. Cost is O(d³) per sweep with ~6–10 sweeps, fine
 * up to a few hundred columns; larger problems go through randomized-svd.ts.
 */

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  readonly values: Float64Array;
  /** Unit eigenvectors as rows, row-major d × d, in the order of `values`. */
  readonly vectors: Float64Array;
}

/** Sum of squares of the strictly upper triangle. */
function offDiagonal(a: Float64Array, d: number): number {
  let s = 0;
  for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) s += a[p * d + q] * a[p * d + q];
  return s;
}

/**
 * Eigenvalues and eigenvectors of the symmetric row-major d × d matrix `a` (not modified).
 * @example symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values // [3, 1]
 */
export function symmetricEigen(a: Float64Array, d: number, maxSweeps = 60): SymmetricEigen {
  const A = Float64Array.from(a.subarray(0, d * d));
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale += A[i] * A[i];
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const off = offDiagonal(A, d);
    // Converged when the off-diagonal mass is at rounding level of the whole matrix.
    if (off === 0 || off <= 1e-32 * scale) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (apq === 0) continue;
        const app = A[p * d + p];
        const aqq = A[q * d + q];
        // After a few sweeps an element below rounding of both diagonal entries is just zero
        // (Numerical Recipes' rule); rotating by it would only add noise.
        if (sweep > 3 && Math.abs(app) + 100 * Math.abs(apq) === Math.abs(app) && Math.abs(aqq) + 100 * Math.abs(apq) === Math.abs(aqq)) {
          A[p * d + q] = 0;
          A[q * d + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J: columns p, q, then rows p, q.
        for (let k = 0; k < d; k++) {
          const akp = A[k * d + p];
          const akq = A[k * d + q];
          A[k * d + p] = c * akp - s * akq;
          A[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p * d + k];
          const aqk = A[q * d + k];
          A[p * d + k] = c * apk - s * aqk;
          A[q * d + k] = s * apk + c * aqk;
        }
        A[p * d + q] = 0;
        A[q * d + p] = 0;
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p];
          const vkq = V[k * d + q];
          V[k * d + p] = c * vkp - s * vkq;
          V[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => A[j * d + j] - A[i * d + i] || i - j);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, k) => {
    values[k] = A[src * d + src];
    for (let j = 0; j < d; j++) vectors[k * d + j] = V[j * d + src];
  });
  return { values, vectors };
}
