/**
 * @module metrics/internal/quantile
 * NumPy's default ("linear", Hyndman & Fan type 7) quantile of already sorted data, with NumPy's
 * exact interpolation formula so results agree bit for bit.
 */

/** `np.quantile(sorted, q)` for ascending `sorted` and q in [0, 1]. */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const prev = Math.floor(virtual);
  const a = sorted[prev];
  const b = sorted[prev + 1];
  const t = virtual - prev;
  const diff = b - a;
  // NumPy's _lerp: interpolate from the nearer end so that t = 1 gives b exactly.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** `np.linspace(0, 1, num)`: i · (1 / (num - 1)), last element exactly 1. */
export function unitLinspace(num: number): Float64Array {
  const out = new Float64Array(num);
  const step = 1 / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step;
  out[num - 1] = 1;
  return out;
}
