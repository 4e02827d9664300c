/**
 * @module monitor/drift/stats/numeric-tests
 * Numeric drift statistics from `NumericCounts` (current values counted against the reference
 * points):
 *
 *   ksTest        two-sample Kolmogorov–Smirnov D = sup |F_ref − F_cur|, exact between the
 *                 reference points and every current value. p-value: the Kolmogorov limit at
 *                 λ = (√n_e + 0.12 + 0.11/√n_e)·D, n_e = m·n/(m+n) (Stephens' correction,
 *                 Numerical Recipes §14.3), within ~0.005 of scipy's exact ks_2samp p-value
 *                 near 0.05 (test/monitor/drift/stats.test.ts); scipy's exact path is O(m·n)
 *   wasserstein   W₁ = ∫ |F_ref − F_cur| dx normed by the reference's population std (floor
 *                 0.001), as Evidently's `wasserstein` test. Exact below/above the reference
 *                 range and inside every interval where the CDFs do not cross; where they
 *                 cross, the current CDF is taken as linear across the interval
 *   binnedShares  reference and current shares on B reference-quantile bins (PSI and Jensen–
 *                 Shannon on numbers; Evidently bins by Sturges' rule on both samples, quantile
 *                 bins of the reference are the usual PSI practice and do not move with the
 *                 current window)
 */
import type { NumericCounts } from '../numeric-counts.js';
import { kolmogorovSf } from './special-functions.js';

export function ksTest(c: NumericCounts): { statistic: number; pValue: number } {
  const n = c.present;
  const m = c.m;
  if (n === 0 || m === 0) return { statistic: 0, pValue: 1 };
  const K = c.points.length;
  let cum = c.between[0];
  let refCum = 0;
  let d = cum / n;
  for (let k = 0; k < K; k++) {
    cum += c.eq[k];
    refCum += c.refCounts[k];
    d = Math.max(d, Math.abs(refCum / m - cum / n));
    cum += c.between[k + 1];
    d = Math.max(d, Math.abs(refCum / m - cum / n));
  }
  const en = (m * n) / (m + n);
  const sq = Math.sqrt(en);
  return { statistic: d, pValue: kolmogorovSf((sq + 0.12 + 0.11 / sq) * d) };
}

/** ∫ |R − F(x)| dx over an interval of width w where F rises linearly from a to b. */
function crossing(R: number, a: number, b: number, w: number): number {
  if (b - a <= 0) return Math.abs(R - a) * w;
  return (w * ((R - a) ** 2 + (b - R) ** 2)) / (2 * (b - a));
}

/** Wasserstein-1 distance between the reference points and the current values, normed by `std`. */
export function wassersteinNormed(c: NumericCounts, std: number): number {
  const n = c.present;
  const m = c.m;
  const K = c.points.length;
  if (n === 0 || m === 0 || K === 0) return 0;
  const p = c.points;
  // Below the first point the reference CDF is 0: ∫ F_cur = Σ (p₀ − v) / n.
  let w = (c.between[0] * p[0] - c.sumBetween[0]) / n;
  let cum = c.between[0];
  let refCum = 0;
  for (let k = 1; k < K; k++) {
    cum += c.eq[k - 1];
    refCum += c.refCounts[k - 1];
    const width = p[k] - p[k - 1];
    const R = refCum / m;
    const lo = cum / n;
    const inBetween = c.between[k];
    const hi = lo + inBetween / n;
    const integralF = lo * width + (inBetween * p[k] - c.sumBetween[k]) / n;
    if (R <= lo) w += integralF - R * width;
    else if (R >= hi) w += R * width - integralF;
    else w += crossing(R, lo, hi, width);
    cum += inBetween;
  }
  // Above the last point the reference CDF is 1: ∫ (1 − F_cur) = Σ (v − p_last) / n.
  w += (c.sumBetween[K] - c.between[K] * p[K - 1]) / n;
  return w / Math.max(std, 0.001);
}

/** Reference and current counts on `bins` quantile bins of the reference points. */
export function binnedCounts(c: NumericCounts, bins: number): { ref: Float64Array; cur: Float64Array } {
  const K = c.points.length;
  const ref = new Float64Array(bins);
  const cur = new Float64Array(bins);
  if (K === 0) return { ref, cur };
  let before = 0;
  let prevBin = 0;
  for (let k = 0; k < K; k++) {
    const r = c.refCounts[k];
    const b = Math.min(bins - 1, Math.floor((bins * (before + r / 2)) / c.m));
    before += r;
    ref[b] += r;
    cur[b] += c.eq[k];
    // Values between point k−1 and k go with point k−1's bin (below the first: the first bin).
    cur[k === 0 ? b : prevBin] += c.between[k];
    prevBin = b;
  }
  cur[prevBin] += c.between[K];
  return { ref, cur };
}
