/**
 * @module learners/cluster/gaussian-components
 * The numerical core of a Gaussian mixture, following scikit-learn's `_gaussian_mixture.py`:
 * precision Cholesky factors, weighted log-densities, the E-step (responsibilities by
 * log-sum-exp) and the M-step (weights, means and covariances from responsibilities).
 * Covariances are `full` (k × d × d) or `diag` (k × d), all row-major.
 */
import { cholesky, inverseLowerTransposed } from '../../common/linalg/cholesky.js';
import { ModelwrightError } from '../../errors.js';

export type CovarianceType = 'full' | 'diag';

export interface MixtureParameters {
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly covariances: Float64Array;
}

export interface Mixture extends MixtureParameters {
  readonly k: number;
  readonly d: number;
  readonly covarianceType: CovarianceType;
  /** full: upper-triangular P_k = L_k⁻ᵀ (k × d × d); diag: 1/√σ² (k × d). */
  readonly precisionsCholesky: Float64Array;
  /** Σ log diag(P_k): half the log-determinant of each precision matrix. */
  readonly logDetPrecision: Float64Array;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Add precision factors to mixture parameters; an ill-conditioned component is a training error. */
export function withPrecisions(p: MixtureParameters, k: number, d: number, covarianceType: CovarianceType): Mixture {
  const logDetPrecision = new Float64Array(k);
  let precisionsCholesky: Float64Array;
  if (covarianceType === 'diag') {
    precisionsCholesky = new Float64Array(k * d);
    for (let i = 0; i < k * d; i++) {
      if (!(p.covariances[i] > 0)) throw illDefined();
      precisionsCholesky[i] = 1 / Math.sqrt(p.covariances[i]);
      logDetPrecision[Math.floor(i / d)] += Math.log(precisionsCholesky[i]);
    }
  } else {
    precisionsCholesky = new Float64Array(k * d * d);
    for (let c = 0; c < k; c++) {
      const L = cholesky(p.covariances.subarray(c * d * d, (c + 1) * d * d), d);
      if (!L) throw illDefined();
      const P = inverseLowerTransposed(L, d);
      precisionsCholesky.set(P, c * d * d);
      for (let j = 0; j < d; j++) logDetPrecision[c] += Math.log(P[j * d + j]);
    }
  }
  return { ...p, k, d, covarianceType, precisionsCholesky, logDetPrecision };
}

function illDefined(): ModelwrightError {
  return new ModelwrightError(
    'MW_TRAIN_FAILED',
    'Fitting the Gaussian mixture failed: a component has an ill-defined (singular) covariance, usually because it holds very few or duplicated rows.',
    { hint: 'Ask for fewer components, use covariance_type=diag, or raise reg_covar (e.g. 1e-4).' },
  );
}

/**
 * The lower triangle of Pᵀ (P upper triangular), packed row by row: entry (j, t ≤ j) is
 * P[t, j]. Makes y_j = Σ_{t ≤ j} diff_t P[t, j] one contiguous run per j.
 */
function packedTransposedUpper(P: Float64Array, base: number, d: number): Float64Array {
  const packed = new Float64Array((d * (d + 1)) / 2);
  let o = 0;
  for (let j = 0; j < d; j++) for (let t = 0; t <= j; t++) packed[o++] = P[base + t * d + j];
  return packed;
}

/** out[i·k + c] = log π_c + log N(xᵢ | μ_c, Σ_c) for the row-major n × d matrix X. */
export function weightedLogProb(X: Float64Array, n: number, m: Mixture, out: Float64Array): void {
  const { k, d } = m;
  const diff = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const base = -0.5 * d * LOG_2PI + m.logDetPrecision[c] + Math.log(m.weights[c]);
    const mu = m.means.subarray(c * d, (c + 1) * d);
    if (m.covarianceType === 'diag') {
      const prec = m.precisionsCholesky.subarray(c * d, (c + 1) * d);
      for (let i = 0; i < n; i++) {
        const a = i * d;
        let q = 0;
        for (let j = 0; j < d; j++) {
          const y = (X[a + j] - mu[j]) * prec[j];
          q += y * y;
        }
        out[i * k + c] = base - 0.5 * q;
      }
      continue;
    }
    const packed = packedTransposedUpper(m.precisionsCholesky, c * d * d, d);
    for (let i = 0; i < n; i++) {
      const a = i * d;
      for (let j = 0; j < d; j++) diff[j] = X[a + j] - mu[j];
      let q = 0;
      let o = 0;
      for (let j = 0; j < d; j++) {
        let y = 0;
        for (let t = 0; t <= j; t++) y += diff[t] * packed[o++];
        q += y * y;
      }
      out[i * k + c] = base - 0.5 * q;
    }
  }
}

/**
 * E-step: turn weighted log-densities (in `resp`, n × k) into responsibilities in place and
 * return the mean log-likelihood per row (scikit-learn's lower bound).
 */
export function normalizeResponsibilities(resp: Float64Array, n: number, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) if (resp[o + c] > max) max = resp[o + c];
    // One exp per entry: keep exp(v − max), then divide by their sum.
    let s = 0;
    for (let c = 0; c < k; c++) s += resp[o + c] = Math.exp(resp[o + c] - max);
    total += max + Math.log(s);
    const inv = 1 / s;
    for (let c = 0; c < k; c++) resp[o + c] *= inv;
  }
  return total / n;
}

/** M-step: weights, means and (regularised) covariances from responsibilities. */
export function estimateParameters(X: Float64Array, n: number, d: number, resp: Float64Array, k: number, covarianceType: CovarianceType, regCovar: number): MixtureParameters {
  // scikit-learn adds 10·eps to every component mass so an empty component divides safely.
  const nk = new Float64Array(k).fill(10 * Number.EPSILON);
  const means = new Float64Array(k * d);
  const covariances = new Float64Array(covarianceType === 'full' ? k * d * d : k * d);
  if (covarianceType === 'diag') {
    // One pass for Σr, Σr·x and Σr·x², then σ² = E[x²] − μ², as scikit-learn's diagonal M-step.
    for (let i = 0; i < n; i++) {
      const a = i * d;
      for (let c = 0; c < k; c++) {
        const r = resp[i * k + c];
        if (r === 0) continue; // underflowed responsibilities: most pairs once clusters separate
        nk[c] += r;
        const mu = c * d;
        for (let j = 0; j < d; j++) {
          const rx = r * X[a + j];
          means[mu + j] += rx;
          covariances[mu + j] += rx * X[a + j];
        }
      }
    }
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const m = (means[c * d + j] /= nk[c]);
        covariances[c * d + j] = covariances[c * d + j] / nk[c] - m * m + regCovar;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        const r = resp[i * k + c];
        if (r === 0) continue;
        nk[c] += r;
        for (let j = 0; j < d; j++) means[c * d + j] += r * X[i * d + j];
      }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
    // Full covariances from centred rows (two passes): no cancellation in the d × d products.
    fullScatter(X, n, d, resp, k, means, covariances);
    for (let c = 0; c < k; c++) {
      const inv = 1 / nk[c];
      const base = c * d * d;
      for (let p = 0; p < d; p++) {
        for (let q = p; q < d; q++) {
          const v = covariances[base + p * d + q] * inv + (p === q ? regCovar : 0);
          covariances[base + p * d + q] = v;
          covariances[base + q * d + p] = v;
        }
      }
    }
  }
  let mass = 0;
  for (const v of nk) mass += v;
  const weights = Float64Array.from(nk, (v) => v / mass);
  return { weights, means, covariances };
}

/**
 * Σᵢ rᵢ_c (xᵢ − μ_c)(xᵢ − μ_c)ᵀ per component, upper triangles of out (k × d × d). Accumulated
 * in packed triangles (one contiguous run per row-weight pair), then unpacked.
 */
function fullScatter(X: Float64Array, n: number, d: number, resp: Float64Array, k: number, means: Float64Array, out: Float64Array): void {
  const tri = (d * (d + 1)) / 2;
  const packed = new Float64Array(k * tri);
  const diff = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c];
      if (r === 0) continue;
      const mu = c * d;
      for (let j = 0; j < d; j++) diff[j] = X[a + j] - means[mu + j];
      let o = c * tri;
      for (let p = 0; p < d; p++) {
        const rp = r * diff[p];
        for (let q = p; q < d; q++) packed[o++] += rp * diff[q];
      }
    }
  }
  for (let c = 0; c < k; c++) {
    let o = c * tri;
    for (let p = 0; p < d; p++) for (let q = p; q < d; q++) out[c * d * d + p * d + q] = packed[o++];
  }
}

/**
 * One whole EM iteration for diagonal covariances in a single pass over the rows: each row's
 * weighted log-densities, its responsibilities, and its share of Σr, Σr·x, Σr·x² — the same
 * arithmetic, in the same order, as weightedLogProb → normalizeResponsibilities →
 * estimateParameters, without writing and re-reading an n × k responsibility matrix.
 * Returns the mean log-likelihood under `m` (before the update) and the updated parameters.
 */
export function diagonalEmStep(X: Float64Array, n: number, m: Mixture, regCovar: number): { bound: number; params: MixtureParameters } {
  const { k, d } = m;
  const base = new Float64Array(k);
  for (let c = 0; c < k; c++) base[c] = -0.5 * d * LOG_2PI + m.logDetPrecision[c] + Math.log(m.weights[c]);
  const nk = new Float64Array(k).fill(10 * Number.EPSILON);
  const sx = new Float64Array(k * d);
  const sxx = new Float64Array(k * d);
  const r = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = i * d;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const mu = c * d;
      let q = 0;
      for (let j = 0; j < d; j++) {
        const y = (X[a + j] - m.means[mu + j]) * m.precisionsCholesky[mu + j];
        q += y * y;
      }
      const v = base[c] - 0.5 * q;
      r[c] = v;
      if (v > max) max = v;
    }
    let s = 0;
    for (let c = 0; c < k; c++) s += r[c] = Math.exp(r[c] - max);
    total += max + Math.log(s);
    const inv = 1 / s;
    for (let c = 0; c < k; c++) {
      const rc = r[c] * inv;
      if (rc === 0) continue;
      nk[c] += rc;
      const mu = c * d;
      for (let j = 0; j < d; j++) {
        const rx = rc * X[a + j];
        sx[mu + j] += rx;
        sxx[mu + j] += rx * X[a + j];
      }
    }
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const mean = (sx[c * d + j] /= nk[c]);
      sxx[c * d + j] = sxx[c * d + j] / nk[c] - mean * mean + regCovar;
    }
  }
  let mass = 0;
  for (const v of nk) mass += v;
  return { bound: total / n, params: { weights: Float64Array.from(nk, (v) => v / mass), means: sx, covariances: sxx } };
}

/** Free parameters of a mixture (for BIC/AIC): covariances + means + (k − 1) weights. */
export function parameterCount(k: number, d: number, covarianceType: CovarianceType): number {
  const cov = covarianceType === 'full' ? (k * d * (d + 1)) / 2 : k * d;
  return cov + k * d + k - 1;
}
