/**
 * @module learners/linear/solvers/logistic-loss
 * The penalised logistic loss and its gradient, scikit-learn's LogisticRegression objective
 * divided by n (same minimiser, better-scaled numbers):
 *
 *   f(W, b) = (1/n) · [ Σᵢ swᵢ · loss(yᵢ, b + Wxᵢ) + (l2 / 2) · ‖W‖² ]
 *
 * Binary: one coefficient row, loss = log(1 + e^z) − y·z. Multinomial: K rows (the full,
 * over-parameterised softmax that scikit-learn's lbfgs uses; the L2 penalty makes it unique),
 * loss = logsumexp(z) − z_y. The intercept is never penalised.
 * Parameter layout: [W row-major (R × p), b (R)], R = 1 (binary) or K (multinomial).
 */
import type { DesignMatrix } from '../../../features/design-matrix.js';
import type { Objective } from './lbfgs.js';

export interface LogisticProblem {
  readonly X: DesignMatrix;
  /** Class index per row. */
  readonly y: Float64Array;
  /** Per-row weights (sample × class weights). */
  readonly sw: Float64Array;
  /** Number of classes (2 = binary with one coefficient row). */
  readonly K: number;
  readonly fitIntercept: boolean;
}

/** Coefficient rows: 1 for binary, K for multinomial. */
export function logisticRows(K: number): number {
  return K === 2 ? 1 : K;
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Non-zeros of each row (column index and value), or null when the matrix is mostly dense.
 * One-hot data is mostly zeros, so visiting only the non-zeros saves ~4× on adult.
 */
interface RowEntries {
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

function sparseRows(X: DesignMatrix): RowEntries | null {
  const { nRows: n, nCols: p, data } = X;
  let nnz = 0;
  for (let q = 0; q < data.length; q++) if (data[q] !== 0) nnz++;
  if (nnz > 0.5 * data.length) return null;
  const ptr = new Int32Array(n + 1);
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = data[i * p + j];
      if (v !== 0) (idx[z] = j), (val[z] = v), z++;
    }
    ptr[i + 1] = z;
  }
  return { ptr, idx, val };
}

/** z[r] = b_r + W_r · x_i for every output row r. */
function scores(w: Float64Array, R: number, p: number, bOff: number, fitIntercept: boolean, X: DesignMatrix, sp: RowEntries | null, i: number, z: Float64Array): void {
  for (let r = 0; r < R; r++) {
    let s = fitIntercept ? w[bOff + r] : 0;
    const wo = r * p;
    if (sp) for (let q = sp.ptr[i], e = sp.ptr[i + 1]; q < e; q++) s += w[wo + sp.idx[q]] * sp.val[q];
    else for (let j = 0, xo = i * p; j < p; j++) s += w[wo + j] * X.data[xo + j];
    z[r] = s;
  }
}

/** grad_r += g_r · x_i for every output row r. */
function accumulate(grad: Float64Array, R: number, p: number, bOff: number, fitIntercept: boolean, X: DesignMatrix, sp: RowEntries | null, i: number, g: Float64Array): void {
  for (let r = 0; r < R; r++) {
    const gr = g[r];
    const wo = r * p;
    if (sp) for (let q = sp.ptr[i], e = sp.ptr[i + 1]; q < e; q++) grad[wo + sp.idx[q]] += gr * sp.val[q];
    else for (let j = 0, xo = i * p; j < p; j++) grad[wo + j] += gr * X.data[xo + j];
    if (fitIntercept) grad[bOff + r] += gr;
  }
}

/**
 * The objective f with an L2 strength `l2` (= 1/C for scikit-learn's L2 penalty). Skipped
 * zero entries change no result: their terms are exact zeros.
 */
export function logisticObjective(prob: LogisticProblem, l2: number): Objective {
  const { X, y, sw, K, fitIntercept } = prob;
  const { nRows: n, nCols: p } = X;
  const sp = sparseRows(X);
  const R = logisticRows(K);
  const z = new Float64Array(R);
  const g = new Float64Array(R);
  return (w, grad) => {
    grad.fill(0);
    let loss = 0;
    const bOff = R * p;
    for (let i = 0; i < n; i++) {
      const wi = sw[i];
      if (wi === 0) continue;
      scores(w, R, p, bOff, fitIntercept, X, sp, i, z);
      const yi = y[i];
      if (R === 1) {
        // One exp serves both: softplus(z) = max(z, 0) + log1p(e), σ(z) from e = exp(−|z|).
        const zi = z[0];
        const e = Math.exp(-Math.abs(zi));
        loss += wi * ((zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi);
        g[0] = wi * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
      } else {
        let max = z[0];
        for (let r = 1; r < R; r++) if (z[r] > max) max = z[r];
        let sum = 0;
        for (let r = 0; r < R; r++) sum += g[r] = Math.exp(z[r] - max);
        loss += wi * (max + Math.log(sum) - z[yi]);
        for (let r = 0; r < R; r++) g[r] = wi * (g[r] / sum - (r === yi ? 1 : 0));
      }
      accumulate(grad, R, p, bOff, fitIntercept, X, sp, i, g);
    }
    let pen = 0;
    for (let q = 0; q < R * p; q++) {
      pen += w[q] * w[q];
      grad[q] += l2 * w[q];
    }
    for (let q = 0; q < grad.length; q++) grad[q] /= n;
    return (loss + 0.5 * l2 * pen) / n;
  };
}
