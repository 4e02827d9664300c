/**
 * @module monitor/drift/stats/special-functions
 * The distribution tails drift tests need for p-values:
 *
 *   normalSf(z)              P(Z > z), Z ~ N(0, 1), via erfc (Maclaurin series below 0.5, the
 *                            Laplace continued fraction with Lentz's method above)
 *   chiSquareSf(x, df)       P(χ²_df > x) = Q(df/2, x/2), the regularised upper incomplete gamma
 *                            (series below a+1, Lentz continued fraction above; Numerical Recipes §6.2)
 *   kolmogorovSf(λ)          P(K > λ) of the Kolmogorov distribution (alternating series; the
 *                            Jacobi-theta form below λ = 1.18 where the series converges slowly)
 *
 * Checked against scipy.stats in test/monitor/drift/stats.test.ts.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: ~15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isFinite(x)) return 0;
  const lnPre = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    // Series for P(a, x); Q = 1 − P.
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPre));
  }
  // Continued fraction for Q (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(lnPre) * h);
}

/** P(χ²_df > x). */
export function chiSquareSf(x: number, df: number): number {
  if (df <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** erfc(x) for x ≥ 0. */
function erfcPositive(x: number): number {
  if (x < 0.5) return 1 - erfSmall(x);
  if (x > 27) return 0;
  // erfc(x) = exp(-x²) · R(x), with R from the continued fraction of the complementary error
  // function (Lentz); converges quickly for x ≥ 0.5.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let i = 1; i < 500; i++) {
    const a = i / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}

/** erf(x) for |x| < 0.5 by its Maclaurin series (alternating, fast here). */
function erfSmall(x: number): number {
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let n = 1; n < 60; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  const t = z / Math.SQRT2;
  return t >= 0 ? 0.5 * erfcPositive(t) : 1 - 0.5 * erfcPositive(-t);
}

/** P(K > λ) for the Kolmogorov distribution K = sup |B(t)| of a Brownian bridge. */
export function kolmogorovSf(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    // P(K ≤ λ) = √(2π)/λ Σ_{k≥1} exp(−(2k−1)² π² / (8λ²)).
    const y = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let s = 0;
    for (let k = 1; k < 50; k++) {
      const term = Math.exp((2 * k - 1) * (2 * k - 1) * y);
      s += term;
      if (term < 1e-17 * s) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * s));
  }
  // P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2 k² λ²).
  let s = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += k % 2 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}
