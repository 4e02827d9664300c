/**
 * @module learners/linear/solvers/lbfgs
 * Limited-memory BFGS for smooth unconstrained minimisation (Nocedal & Wright, Alg. 7.4/7.5)
 * with a strong-Wolfe line search (Alg. 3.5/3.6, cubic interpolation in the zoom). Stops like
 * SciPy's L-BFGS-B, which scikit-learn's LogisticRegression uses: when the largest gradient
 * entry is ≤ `gtol`, when the relative decrease of f is ≤ `ftol`, or after `maxIter` iterations.
 */

/** Writes the gradient at `x` into `grad` and returns f(x). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  readonly maxIter?: number;
  /** Stop when max |∇f| ≤ gtol (default 1e-5). */
  readonly gtol?: number;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol (SciPy's factr·eps ≈ 2.2e-9). */
  readonly ftol?: number;
  /** Pairs of correction vectors kept (default 10, as SciPy). */
  readonly memory?: number;
  /** Called after each iteration; return true to stop early. */
  readonly onIteration?: (iter: number, f: number) => boolean | void;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** The minimiser of the cubic through (a, fa, da) and (b, fb, db), kept inside [lo, hi] margins. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (disc >= 0) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    const t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
    // Reject points too close to an end (they stall the zoom); bisect instead.
    if (Number.isFinite(t) && t > lo + 0.1 * (hi - lo) && t < hi - 0.1 * (hi - lo)) return t;
  }
  return (lo + hi) / 2;
}

/** Minimise `fn` from `x0`. `x0` is not modified. */
export function lbfgs(fn: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const maxIter = options.maxIter ?? 1000;
  const gtol = options.gtol ?? 1e-5;
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const m = options.memory ?? 10;
  const c1 = 1e-4;
  const c2 = 0.9;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fn(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const alphaHist = new Float64Array(m);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let iter = 0;
  if (maxAbs(g) <= gtol) return { x, f, iterations: 0, converged: true };
  while (iter < maxIter) {
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      alphaHist[k] = rho[k] * dot(S[k], d);
      const yk = Y[k];
      for (let i = 0; i < n; i++) d[i] -= alphaHist[k] * yk[i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      // First step: a unit-length move, so a badly scaled gradient cannot overshoot wildly.
      const norm = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) d[i] /= Math.max(norm, 1);
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      const sk = S[k];
      for (let i = 0; i < n; i++) d[i] += (alphaHist[k] - beta) * sk[i];
    }
    let dg0 = dot(d, g);
    if (!(dg0 < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg0 = dot(d, g);
    }
    // Each evaluation overwrites xNew/gNew; the accepted step is always the last evaluated.
    let fNew = f;
    const evalAt = (t: number): [number, number] => {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
      fNew = fn(xNew, gNew);
      return [fNew, dot(gNew, d)];
    };
    // Strong-Wolfe line search.
    let tPrev = 0;
    let fPrev = f;
    let dPrev = dg0;
    let t = 1;
    let found = false;
    let lo = 0;
    let hi = 0;
    let fLo = f;
    let dLo = dg0;
    let fHi = 0;
    let dHi = 0;
    let bracketed = false;
    for (let ls = 0; ls < 20 && !found && !bracketed; ls++) {
      const [ft, dt] = evalAt(t);
      if (!Number.isFinite(ft) || ft > f + c1 * t * dg0 || (ls > 0 && ft >= fPrev)) {
        (lo = tPrev), (fLo = fPrev), (dLo = dPrev), (hi = t), (fHi = ft), (dHi = dt);
        bracketed = true;
      } else if (Math.abs(dt) <= -c2 * dg0) {
        found = true;
      } else if (dt >= 0) {
        (lo = t), (fLo = ft), (dLo = dt), (hi = tPrev), (fHi = fPrev), (dHi = dPrev);
        bracketed = true;
      } else {
        (tPrev = t), (fPrev = ft), (dPrev = dt);
        t *= 2;
      }
    }
    if (!found && !bracketed) {
      // Still descending after many doublings (e.g. separable data without a penalty): take
      // the last step, which satisfies sufficient decrease.
      t = tPrev;
      evalAt(t);
      found = true;
    }
    if (!found) {
      for (let z = 0; z < 30; z++) {
        t = Number.isFinite(fHi) ? cubicMin(lo, fLo, dLo, hi, fHi, dHi) : (lo + hi) / 2;
        const [ft, dt] = evalAt(t);
        if (!Number.isFinite(ft) || ft > f + c1 * t * dg0 || ft >= fLo) {
          (hi = t), (fHi = ft), (dHi = dt);
        } else {
          if (Math.abs(dt) <= -c2 * dg0) {
            found = true;
            break;
          }
          if (dt * (hi - lo) >= 0) (hi = lo), (fHi = fLo), (dHi = dLo);
          (lo = t), (fLo = ft), (dLo = dt);
        }
        if (Math.abs(hi - lo) < 1e-16) break;
      }
      if (!found) {
        // Accept the best point seen if it decreased f; else we are at the precision floor.
        if (lo > 0 && fLo < f) {
          t = lo;
          evalAt(t);
        } else return { x, f, iterations: iter, converged: true };
      }
    }
    iter++;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) (s[i] = xNew[i] - x[i]), (y[i] = gNew[i] - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) {
      if (S.length === m) (S.shift(), Y.shift(), rho.shift());
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const fOld = f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (options.onIteration?.(iter, f)) break;
    if (maxAbs(g) <= gtol) return { x, f, iterations: iter, converged: true };
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) return { x, f, iterations: iter, converged: true };
  }
  return { x, f, iterations: iter, converged: false };
}
