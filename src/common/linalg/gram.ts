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
 * Centering each row before the product (rather than XᵀX − n μμᵀ) avoids cancellation when
 * means are large relative to spreads.
 */
export function scatterMatrix(X: Float64Array, n: number, d: number, center?: Float64Array): Float64Array {
  const G = new Float64Array(d * d);
  const r = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) r[j] = center ? X[off + j] - center[j] : X[off + j];
    for (let p = 0; p < d; p++) {
      const rp = r[p];
      if (rp === 0) continue; // one-hot and sparse-ish columns: skip whole rows of work
      const row = p * d;
      for (let q = p; q < d; q++) G[row + q] += rp * r[q];
    }
  }
  for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) G[q * d + p] = G[p * d + q];
  return G;
}
