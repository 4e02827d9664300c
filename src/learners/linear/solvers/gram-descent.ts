/**
 * @module learners/linear/solvers/gram-descent
 * Elastic-net coordinate descent on the Gram matrix G = XᵀX (scikit-learn's `precompute`
 * path). It keeps q = Xᵀr = Xᵀy − Gw instead of the residual r, so one coordinate update
 * costs O(p) instead of O(n): after one O(n·p²) product, 1000 sweeps on 10 000 rows × 14
 * columns take milliseconds. Updates, stopping rule and duality gap are those of the
 * column version (least-squares.ts); only floating-point rounding differs.
 */

export function softThreshold(v: number, t: number): number {
  return Math.sign(v) * Math.max(Math.abs(v) - t, 0);
}

/**
 * Minimise ½‖y − Xw‖² + l1‖w‖₁ + ½·l2‖w‖² given X as columns (centred, weighted).
 * Stops when the largest change is below tol relative to the largest coefficient and the
 * duality gap is below tol · ‖y‖² (scikit-learn's rule).
 */
export function gramDescent(cols: readonly Float64Array[], y: Float64Array, l1: number, l2: number, maxIter: number, tol: number): { coef: Float64Array; iterations: number; converged: boolean } {
  const p = cols.length;
  const n = y.length;
  const G = new Float64Array(p * p);
  const Xty = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const cj = cols[j];
    for (let k = 0; k <= j; k++) {
      const ck = cols[k];
      let s = 0;
      for (let i = 0; i < n; i++) s += cj[i] * ck[i];
      G[j * p + k] = s;
      G[k * p + j] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += cj[i] * y[i];
    Xty[j] = s;
  }
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[i] * y[i];
  const tolAbs = tol * yy;
  const coef = new Float64Array(p);
  const q = Float64Array.from(Xty);
  for (let iter = 1; iter <= maxIter; iter++) {
    let maxChange = 0;
    let maxCoef = 0;
    for (let j = 0; j < p; j++) {
      const gjj = G[j * p + j];
      if (gjj === 0) continue;
      const old = coef[j];
      const next = softThreshold(q[j] + gjj * old, l1) / (gjj + l2);
      if (next !== old) {
        const d = next - old;
        for (let k = 0; k < p; k++) q[k] -= d * G[k * p + j];
        coef[j] = next;
      }
      maxChange = Math.max(maxChange, Math.abs(next - old));
      maxCoef = Math.max(maxCoef, Math.abs(next));
    }
    if (maxCoef === 0 || maxChange / maxCoef < tol || iter === maxIter) {
      if (gramDualityGap(q, Xty, yy, coef, l1, l2) < tolAbs) return { coef, iterations: iter, converged: true };
    }
  }
  return { coef, iterations: maxIter, converged: false };
}

/** The duality gap from Gram quantities: ‖r‖² = yᵀy − wᵀ(Xᵀy + Xᵀy − Gw) and rᵀy = yᵀy − wᵀXᵀy. */
function gramDualityGap(q: Float64Array, Xty: Float64Array, yy: number, w: Float64Array, l1: number, l2: number): number {
  let dualNorm = 0;
  let wXty = 0;
  let wGw = 0;
  let wNorm2 = 0;
  let wL1 = 0;
  for (let j = 0; j < w.length; j++) {
    dualNorm = Math.max(dualNorm, Math.abs(q[j] - l2 * w[j]));
    wXty += w[j] * Xty[j];
    wGw += w[j] * (Xty[j] - q[j]); // Gw = Xᵀy − q
    wNorm2 += w[j] * w[j];
    wL1 += Math.abs(w[j]);
  }
  const rNorm2 = Math.max(0, yy - 2 * wXty + wGw);
  const ry = yy - wXty;
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
