/**
 * @module monitor/drift/stats/categorical-tests
 * Tests and distances on two count vectors over the same keys (reference, current):
 *
 *   chiSquare   Pearson's χ² test of homogeneity on the 2 × k table, df = k − 1 (keys with no
 *               count on either side dropped) — scipy.stats.chi2_contingency(correction=False)
 *   zTest       two-proportion z-test with pooled variance, two-sided (binary columns)
 *   psi         Σ (r − c) ln(r / c) over shares, empty shares filled as Evidently does
 *   jensenShannon  √((KL(r‖m) + KL(c‖m)) / 2) in base 2, m = (r + c)/2 — scipy's
 *               `distance.jensenshannon(r, c, base=2)`, Evidently's `jensenshannon` test (0…1)
 *
 * Why χ²/z of homogeneity and not Evidently's goodness-of-fit (which treats the reference
 * shares as exact): the reference is a sample too, and with a reference as small as the
 * current window the goodness-of-fit test rejects about twice as often as its level says.
 * The two agree when the reference is much larger than the window.
 */
import { chiSquareSf, normalSf } from './special-functions.js';

export interface PValueResult {
  readonly statistic: number;
  readonly pValue: number;
}

/** χ² test of homogeneity of two count vectors. */
export function chiSquare(ref: ArrayLike<number>, cur: ArrayLike<number>): PValueResult & { readonly df: number } {
  let nr = 0;
  let nc = 0;
  for (let i = 0; i < ref.length; i++) (nr += ref[i]), (nc += cur[i]);
  const n = nr + nc;
  let stat = 0;
  let k = 0;
  for (let i = 0; i < ref.length; i++) {
    const col = ref[i] + cur[i];
    if (col === 0) continue;
    k++;
    const er = (col * nr) / n;
    const ec = (col * nc) / n;
    stat += (ref[i] - er) ** 2 / er + (cur[i] - ec) ** 2 / ec;
  }
  if (nr === 0 || nc === 0 || k < 2) return { statistic: 0, pValue: 1, df: Math.max(0, k - 1) };
  return { statistic: stat, pValue: chiSquareSf(stat, k - 1), df: k - 1 };
}

/** Two-proportion z-test: share of `refHits / nRef` against `curHits / nCur`. */
export function zTest(refHits: number, nRef: number, curHits: number, nCur: number): PValueResult {
  if (nRef === 0 || nCur === 0) return { statistic: 0, pValue: 1 };
  const p1 = refHits / nRef;
  const p2 = curHits / nCur;
  const pooled = (refHits + curHits) / (nRef + nCur);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: 2 * normalSf(Math.abs(z)) };
}

/** Counts → shares (all zero when the total is zero). */
export function shares(counts: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const out = new Float64Array(counts.length);
  if (total > 0) for (let i = 0; i < counts.length; i++) out[i] = counts[i] / total;
  return out;
}

/** Evidently's fill for empty shares: 0.0001, or a millionth of the smallest share when that is smaller. */
function filled(p: Float64Array): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  for (const v of p) if (v > 0 && v < min) min = v;
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  return p.map((v) => (v === 0 ? fill : v));
}

/** Population stability index of two share vectors. */
export function psi(refShares: Float64Array, curShares: Float64Array): number {
  const r = filled(refShares);
  const c = filled(curShares);
  let s = 0;
  for (let i = 0; i < r.length; i++) s += (r[i] - c[i]) * Math.log(r[i] / c[i]);
  return s;
}

/** Jensen–Shannon distance (base 2, in [0, 1]) of two share vectors. */
export function jensenShannon(refShares: Float64Array, curShares: Float64Array): number {
  let kl = 0;
  for (let i = 0; i < refShares.length; i++) {
    const p = refShares[i];
    const q = curShares[i];
    const m = (p + q) / 2;
    if (p > 0) kl += p * Math.log(p / m);
    if (q > 0) kl += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, kl / 2 / Math.LN2));
}
