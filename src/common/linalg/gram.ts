/**
 * @module common/linalg/gram
 * Column statistics of a dense row-major n × d matrix: column means and the scatter (Gram)
 * matrix Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ — the covariance up to a factor, from which PCA takes its
 * eigenvectors.
 */

/** Column means of the row-major n × d matrix `X`. */
export function columnMeans(X: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) mean[j] += X[off + j];
  }
  if (n > 0) for (let j = 0; j < d; j++) mean[j] /= n;
  return mean;
}

/**
 * Σᵢ (xᵢ − c)(xᵢ − c)ᵀ as a full symmetric row-major d × d matrix; `center` defaults to zeros
 * (the uncentred Gram matrix XᵀX, used by truncated SVD).
 * Centring each row before the product (rather than XᵀX − n μμᵀ) avoids cancellation when
 * means are large relative to spreads. Rows go four at a time, so each entry of the
 * accumulator is loaded and stored once per four products rather than once per product.
 */
export function scatterMatrix(X: Float64Array, n: number, d: number, center?: Float64Array): Float64Array {
  const G = new Float64Array(d * d);
  const R = new Float64Array(4 * d);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    R.fill(0); // a short last block adds zero rows
    for (let t = 0; t < rows; t++) for (let j = 0, a = (i0 + t) * d; j < d; j++) R[t * d + j] = center ? X[a + j] - center[j] : X[a + j];
    for (let p = 0; p < d; p++) {
      const r0 = R[p];
      const r1 = R[d + p];
      const r2 = R[2 * d + p];
      const r3 = R[3 * d + p];
      const row = p * d;
      for (let q = p; q < d; q++) G[row + q] += r0 * R[q] + r1 * R[d + q] + r2 * R[2 * d + q] + r3 * R[3 * d + q];
    }
  }
  for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) G[q * d + p] = G[p * d + q];
  return G;
}
