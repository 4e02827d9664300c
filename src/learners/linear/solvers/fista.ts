/**
 * @module learners/linear/solvers/fista
 * Accelerated proximal gradient (FISTA, Beck & Teboulle 2009, with backtracking on the
 * Lipschitz constant and adaptive restart) for  min f(x) + λ·‖x_S‖₁  where f is smooth and
 * S is the set of penalised entries (coefficients, not intercepts). Used for L1 and
 * elastic-net logistic regression, whose L1 term L-BFGS cannot handle.
 */
import type { Objective } from './lbfgs.js';

export interface FistaOptions {
  readonly maxIter?: number;
  /** Stop when the largest coordinate change ≤ tol · max(1, max |x|). */
  readonly tol?: number;
}

export interface FistaResult {
  readonly x: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Minimise f(x) + lambda · Σ_{q < nPenalised} |x_q| from x0 (entries from nPenalised on, e.g.
 * intercepts, are not penalised).
 */
export function fista(f: Objective, x0: Float64Array, lambda: number, nPenalised: number, options: FistaOptions = {}): FistaResult {
  const n = x0.length;
  const maxIter = options.maxIter ?? 1000;
  const tol = options.tol ?? 1e-4;
  let x = Float64Array.from(x0);
  const yv = Float64Array.from(x0);
  const gy = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gTmp = new Float64Array(n);
  let L = 1;
  let t = 1;
  let fx = f(x, gTmp) + lambda * l1(x, nPenalised);
  for (let iter = 1; iter <= maxIter; iter++) {
    const fy = f(yv, gy);
    // Backtracking: grow L until the quadratic model upper-bounds f at the prox point.
    for (;;) {
      for (let q = 0; q < n; q++) {
        const v = yv[q] - gy[q] / L;
        xNew[q] = q < nPenalised ? Math.sign(v) * Math.max(Math.abs(v) - lambda / L, 0) : v;
      }
      const fNew = f(xNew, gTmp);
      let lin = 0;
      let quad = 0;
      for (let q = 0; q < n; q++) {
        const d = xNew[q] - yv[q];
        lin += gy[q] * d;
        quad += d * d;
      }
      if (fNew <= fy + lin + (L / 2) * quad + 1e-12 * Math.abs(fy)) break;
      L *= 2;
      if (!Number.isFinite(L)) break;
    }
    const fxNew = f(xNew, gTmp) + lambda * l1(xNew, nPenalised);
    let change = 0;
    let scale = 1;
    for (let q = 0; q < n; q++) {
      change = Math.max(change, Math.abs(xNew[q] - x[q]));
      scale = Math.max(scale, Math.abs(xNew[q]));
    }
    // Adaptive restart (O'Donoghue & Candès): drop momentum when the objective goes up.
    const restart = fxNew > fx;
    const tNew = restart ? 1 : (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let q = 0; q < n; q++) yv[q] = restart ? xNew[q] : xNew[q] + ((t - 1) / tNew) * (xNew[q] - x[q]);
    x = Float64Array.from(xNew);
    fx = fxNew;
    t = tNew;
    // Let L shrink again slowly, so one early large step size does not slow the whole run.
    L = Math.max(L / 1.1, 1e-12);
    if (change <= tol * scale) return { x, iterations: iter, converged: true };
  }
  return { x, iterations: maxIter, converged: false };
}

function l1(x: Float64Array, m: number): number {
  let s = 0;
  for (let q = 0; q < m; q++) s += Math.abs(x[q]);
  return s;
}
