/**
 * @module explain/gauss-legendre
 * Gauss–Legendre quadrature on [0, 1]: q nodes and weights that integrate every polynomial
 * of degree ≤ 2q − 1 exactly (up to rounding). Used by the quadrature form of TreeSHAP, whose
 * Shapley weights are integrals of polynomials of degree < tree depth.
 */

export interface Quadrature {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, Quadrature>();

/**
 * Nodes and weights for `q` points (Newton's method on the Legendre polynomial P_q, started
 * from the usual cosine guesses; converges to machine precision in a few steps).
 * @example gaussLegendre(3) // integrates t^5 on [0,1] to 1/6
 */
export function gaussLegendre(q: number): Quadrature {
  const hit = cache.get(q);
  if (hit) return hit;
  const nodes = new Float64Array(q);
  const weights = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (q + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // P_q(x) and its derivative by the three-term recurrence.
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= q; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const p = q === 1 ? x : p1;
      const pPrev = q === 1 ? 1 : p0;
      dp = (q * (x * p - pPrev)) / (x * x - 1);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // Map [-1, 1] to [0, 1]: t = (1 - x)/2 keeps nodes increasing; weights halve.
    nodes[i] = (1 - x) / 2;
    weights[i] = 1 / ((1 - x * x) * dp * dp);
  }
  const out = { nodes, weights };
  cache.set(q, out);
  return out;
}
