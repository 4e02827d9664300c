/**
 * @module learners/linear/solvers/least-squares
 * Penalised least squares on a dense design matrix, with scikit-learn's objectives:
 *
 *   ridge (closed form):        Σ swᵢ (yᵢ − b − xᵢ·w)² + α ‖w‖²                      (Ridge)
 *   elastic net (coord. desc.): 1/(2 Σsw) Σ swᵢ (yᵢ − b − xᵢ·w)² + αρ ‖w‖₁ + α(1−ρ)/2 ‖w‖²
 *                               (Lasso: ρ = 1; ElasticNet)
 *
 * The intercept is handled by centring X and y on their weighted means; weights enter as
 * √sw row scaling, as scikit-learn does. Coordinate descent stops on scikit-learn's rule:
 * the largest coefficient change is small relative to the largest coefficient, and then the
 * duality gap is below tol · ‖y‖².
 */
import { cholesky } from '../../../common/linalg/cholesky.js';
import type { DesignMatrix } from '../../../features/design-matrix.js';
import { gramDescent, softThreshold } from './gram-descent.js';

export interface LinearFit {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface Centred {
  /** Column-major √sw-scaled centred X (p columns of n). */
  readonly cols: Float64Array[];
  /** √sw-scaled centred y. */
  readonly y: Float64Array;
  readonly xMean: Float64Array;
  readonly yMean: number;
}

/** Centre on weighted means (when fitting an intercept) and scale rows by √sw. */
function centre(X: DesignMatrix, y: Float64Array, sw: Float64Array, fitIntercept: boolean): Centred {
  const { nRows: n, nCols: p, data } = X;
  let wSum = 0;
  for (let i = 0; i < n; i++) wSum += sw[i];
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      yMean += sw[i] * y[i];
      for (let j = 0; j < p; j++) xMean[j] += sw[i] * data[i * p + j];
    }
    yMean /= wSum;
    for (let j = 0; j < p; j++) xMean[j] /= wSum;
  }
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = Math.sqrt(sw[i]);
  const cols = Array.from({ length: p }, (_, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = root[i] * (data[i * p + j] - xMean[j]);
    return c;
  });
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = root[i] * (y[i] - yMean);
  return { cols, y: yc, xMean, yMean };
}

function interceptOf(c: Centred, coef: Float64Array, fitIntercept: boolean): number {
  if (!fitIntercept) return 0;
  let b = c.yMean;
  for (let j = 0; j < coef.length; j++) b -= c.xMean[j] * coef[j];
  return b;
}

/**
 * Ridge by Cholesky on XᵀX + αI (O(n·p² + p³): fine for the few hundred columns tabular data
 * gives). When α is too small for the system to be positive definite (α = 0 with collinear
 * one-hot columns), a jitter of 1e-10·mean diag is added and raised until it factors.
 */
export function ridge(X: DesignMatrix, y: Float64Array, sw: Float64Array, alpha: number, fitIntercept: boolean): LinearFit {
  const p = X.nCols;
  const c = centre(X, y, sw, fitIntercept);
  const A = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const cj = c.cols[j];
    for (let k = 0; k <= j; k++) {
      const ck = c.cols[k];
      let s = 0;
      for (let i = 0; i < cj.length; i++) s += cj[i] * ck[i];
      A[j * p + k] = s;
      A[k * p + j] = s;
    }
    let s = 0;
    for (let i = 0; i < cj.length; i++) s += cj[i] * c.y[i];
    rhs[j] = s;
  }
  let meanDiag = 0;
  for (let j = 0; j < p; j++) meanDiag += A[j * p + j] / Math.max(p, 1);
  let jitter = 0;
  for (;;) {
    const M = Float64Array.from(A);
    for (let j = 0; j < p; j++) M[j * p + j] += alpha + jitter;
    const L = cholesky(M, p);
    if (L) {
      const coef = choleskySolve(L, p, rhs);
      return { coef, intercept: interceptOf(c, coef, fitIntercept), iterations: 1, converged: true };
    }
    jitter = jitter === 0 ? 1e-10 * Math.max(meanDiag, 1) : jitter * 10;
  }
}

/** Solve L Lᵀ x = b. */
function choleskySolve(L: Float64Array, p: number, b: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * z[k];
    z[i] = s / L[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * Elastic net (Lasso when l1Ratio = 1) by cyclic coordinate descent. With more rows than
 * columns (the usual tabular case) the sweeps run on the Gram matrix XᵀX (gram-descent.ts):
 * the same coordinate updates at O(p) instead of O(n) each.
 */
export function elasticNet(X: DesignMatrix, y: Float64Array, sw: Float64Array, alpha: number, l1Ratio: number, fitIntercept: boolean, maxIter: number, tol: number): LinearFit {
  const { nRows: n, nCols: p } = X;
  // scikit-learn rescales weights to sum n before scaling rows by √sw: do the same.
  let wSum = 0;
  for (let i = 0; i < n; i++) wSum += sw[i];
  const swn = new Float64Array(n);
  for (let i = 0; i < n; i++) swn[i] = (sw[i] * n) / wSum;
  const c = centre(X, y, swn, fitIntercept);
  const l1 = alpha * l1Ratio * n;
  const l2 = alpha * (1 - l1Ratio) * n;
  const res = n > p ? gramDescent(c.cols, c.y, l1, l2, maxIter, tol) : columnDescent(c, l1, l2, maxIter, tol);
  return { ...res, intercept: interceptOf(c, res.coef, fitIntercept) };
}

/** Coordinate descent on the columns, keeping the residual r = y − Xw. */
export function columnDescent(c: Centred, l1: number, l2: number, maxIter: number, tol: number): Omit<LinearFit, 'intercept'> {
  const p = c.cols.length;
  const n = c.y.length;
  const coef = new Float64Array(p);
  const r = Float64Array.from(c.y);
  const norms = c.cols.map((col) => col.reduce((s, v) => s + v * v, 0));
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) yNorm2 += c.y[i] * c.y[i];
  const tolAbs = tol * yNorm2;
  for (let iter = 1; iter <= maxIter; iter++) {
    let maxChange = 0;
    let maxCoef = 0;
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      const col = c.cols[j];
      const old = coef[j];
      let rho = 0;
      for (let i = 0; i < n; i++) rho += col[i] * r[i];
      rho += norms[j] * old;
      const next = softThreshold(rho, l1) / (norms[j] + l2);
      if (next !== old) {
        const d = next - old;
        for (let i = 0; i < n; i++) r[i] -= d * col[i];
        coef[j] = next;
      }
      maxChange = Math.max(maxChange, Math.abs(next - old));
      maxCoef = Math.max(maxCoef, Math.abs(next));
    }
    if (maxCoef === 0 || maxChange / maxCoef < tol || iter === maxIter) {
      if (dualityGap(c, r, coef, l1, l2) < tolAbs) return { coef, iterations: iter, converged: true };
    }
  }
  return { coef, iterations: maxIter, converged: false };
}

/** The elastic-net duality gap (scikit-learn's enet_coordinate_descent). */
function dualityGap(c: Centred, r: Float64Array, w: Float64Array, l1: number, l2: number): number {
  let dualNorm = 0;
  for (let j = 0; j < w.length; j++) {
    let s = 0;
    const col = c.cols[j];
    for (let i = 0; i < r.length; i++) s += col[i] * r[i];
    dualNorm = Math.max(dualNorm, Math.abs(s - l2 * w[j]));
  }
  let rNorm2 = 0;
  let ry = 0;
  for (let i = 0; i < r.length; i++) (rNorm2 += r[i] * r[i]), (ry += r[i] * c.y[i]);
  let wNorm2 = 0;
  let wL1 = 0;
  for (const v of w) (wNorm2 += v * v), (wL1 += Math.abs(v));
  let gap: number;
  let konst: number;
  if (dualNorm > l1) {
    konst = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * konst * konst);
  } else {
    konst = 1;
    gap = rNorm2;
  }
  return gap + l1 * wL1 - konst * ry + 0.5 * l2 * (1 + konst * konst) * wNorm2;
}
