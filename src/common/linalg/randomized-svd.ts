/**
 * @module common/linalg/randomized-svd
 * The leading singular triplets of a tall dense matrix by the randomized range finder of
 * Halko, Martinsson & Tropp (2011), as in scikit-learn's `randomized_svd`: project onto a
 * random subspace a little larger than wanted, sharpen it by a few power iterations, and
 * solve the small problem exactly (Jacobi on the l × l Gram matrix of the projection).
 * Used when a matrix has too many columns for a d × d eigen-decomposition.
 */
import type { Rng } from '../random.js';
import { symmetricEigen } from './symmetric-eigen.js';

export interface TruncatedSvdResult {
  /** The k largest singular values, largest first. */
  readonly singularValues: Float64Array;
  /** Right singular vectors as rows, row-major k × d. */
  readonly components: Float64Array;
}

export interface RandomizedSvdOptions {
  /** Extra random directions beyond k (scikit-learn's n_oversamples, default 10). */
  readonly oversamples?: number;
  /** Power iterations; default as scikit-learn: 7 when k < 0.1·min(n, d), else 4. */
  readonly powerIterations?: number;
}

/** Orthonormalise the columns of row-major n × l `Y` in place (modified Gram–Schmidt, twice). */
function orthonormalizeColumns(Y: Float64Array, n: number, l: number): void {
  // Two passes of MGS give orthogonality to rounding ("twice is enough", Giraud et al. 2005).
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < l; c++) {
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += Y[i * l + c] * Y[i * l + p];
        for (let i = 0; i < n; i++) Y[i * l + c] -= dot * Y[i * l + p];
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += Y[i * l + c] * Y[i * l + c];
      norm = Math.sqrt(norm);
      // A column in the span of the earlier ones (rank-deficient data) is left as zeros.
      const inv = norm > 1e-300 ? 1 / norm : 0;
      for (let i = 0; i < n; i++) Y[i * l + c] *= inv;
    }
  }
}

/** A (n × d) times M (d × l), all row-major → n × l. */
function times(A: Float64Array, n: number, d: number, M: Float64Array, l: number): Float64Array {
  const out = new Float64Array(n * l);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    const o = i * l;
    for (let j = 0; j < d; j++) {
      const v = A[a + j];
      if (v === 0) continue;
      const m = j * l;
      for (let c = 0; c < l; c++) out[o + c] += v * M[m + c];
    }
  }
  return out;
}

/** Aᵀ (d × n) times Q (n × l), all row-major → d × l. */
function transposeTimes(A: Float64Array, n: number, d: number, Q: Float64Array, l: number): Float64Array {
  const out = new Float64Array(d * l);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    const q = i * l;
    for (let j = 0; j < d; j++) {
      const v = A[a + j];
      if (v === 0) continue;
      const o = j * l;
      for (let c = 0; c < l; c++) out[o + c] += v * Q[q + c];
    }
  }
  return out;
}

/**
 * The k leading singular values and right singular vectors of the row-major n × d matrix A.
 * @example randomizedSvd(X, n, d, 5, new Rng(0)).components // 5 × d
 */
export function randomizedSvd(A: Float64Array, n: number, d: number, k: number, rng: Rng, options: RandomizedSvdOptions = {}): TruncatedSvdResult {
  const l = Math.min(k + (options.oversamples ?? 10), n, d);
  const iterations = options.powerIterations ?? (k < 0.1 * Math.min(n, d) ? 7 : 4);
  const omega = new Float64Array(d * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
  let Q = times(A, n, d, omega, l);
  orthonormalizeColumns(Q, n, l);
  for (let it = 0; it < iterations; it++) {
    const Z = transposeTimes(A, n, d, Q, l);
    orthonormalizeColumns(Z, d, l);
    Q = times(A, n, d, Z, l);
    orthonormalizeColumns(Q, n, l);
  }
  // B = Qᵀ A is l × d; we hold Z = Bᵀ (d × l). B Bᵀ = Zᵀ Z is l × l.
  const Z = transposeTimes(A, n, d, Q, l);
  const G = new Float64Array(l * l);
  for (let j = 0; j < d; j++) {
    const z = j * l;
    for (let p = 0; p < l; p++) for (let q = p; q < l; q++) G[p * l + q] += Z[z + p] * Z[z + q];
  }
  for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) G[q * l + p] = G[p * l + q];
  const eig = symmetricEigen(G, l);
  const kk = Math.min(k, l);
  const singularValues = new Float64Array(kk);
  const components = new Float64Array(kk * d);
  for (let c = 0; c < kk; c++) {
    const s = Math.sqrt(Math.max(eig.values[c], 0));
    singularValues[c] = s;
    if (s === 0) continue;
    // v = Bᵀ u / s = Z u / s.
    for (let j = 0; j < d; j++) {
      let v = 0;
      for (let p = 0; p < l; p++) v += Z[j * l + p] * eig.vectors[c * l + p];
      components[c * d + j] = v / s;
    }
  }
  return { singularValues, components };
}
