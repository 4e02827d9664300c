/**
 * @module common/linalg/cholesky
 * Cholesky factorisation of a symmetric positive-definite matrix and the inverse of a
 * triangular factor — what a Gaussian density needs (log-determinant and Mahalanobis terms).
 */

/**
 * Lower-triangular L (row-major d × d) with L Lᵀ = a, or null when `a` is not positive
 * definite (a pivot ≤ 0), so the caller can say which component collapsed.
 * @example cholesky(Float64Array.of(4, 2, 2, 3), 2) // [2, 0, 1, 1.414…]
 */
export function cholesky(a: Float64Array, d: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j];
    for (let k = 0; k < j; k++) diag -= L[j * d + k] * L[j * d + k];
    if (!(diag > 0)) return null;
    const ljj = Math.sqrt(diag);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = s / ljj;
    }
  }
  return L;
}

/**
 * The inverse of a lower-triangular L, transposed: an upper-triangular P with P = L⁻ᵀ, so that
 * Pᵀ Σ P = I for Σ = L Lᵀ. For a row vector r, ‖r P‖² is the Mahalanobis form rᵀ Σ⁻¹ r
 * (scikit-learn's `precisions_cholesky_`).
 */
export function inverseLowerTransposed(L: Float64Array, d: number): Float64Array {
  // Solve L X = I column by column (forward substitution); X = L⁻¹ is lower triangular.
  const X = new Float64Array(d * d);
  for (let c = 0; c < d; c++) {
    for (let i = c; i < d; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i * d + k] * X[k * d + c];
      X[i * d + c] = s / L[i * d + i];
    }
  }
  const P = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) P[i * d + j] = X[j * d + i];
  return P;
}
