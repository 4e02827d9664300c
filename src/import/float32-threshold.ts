/**
 * @module import/float32-threshold
 * XGBoost compares in float32 with a strict inequality: a row goes left when
 * `fround(x) < c`, c being the float32 split condition. Our trees compare the float64 value
 * with `x <= t`. The exact `t` is the largest double whose float32 rounding is below c: the
 * midpoint m between c and the float32 just below it, when m itself rounds down (ties go to
 * the even float32), else the double just below m.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The float32 just below `c` (a float32 value). */
export function prevFloat32(c: number): number {
  if (Number.isNaN(c) || c === Number.NEGATIVE_INFINITY) return c;
  if (c === 0) return -1.401298464324817e-45; // -(smallest subnormal)
  f32[0] = c;
  u32[0] += c > 0 ? -1 : 1;
  return f32[0];
}

/** The double just below `x`. */
export function prevFloat64(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return x;
  if (x === 0) return -Number.MIN_VALUE;
  f64[0] = x;
  u64[0] += x > 0 ? -1n : 1n;
  return f64[0];
}

/**
 * The threshold `t` with `x <= t  ⇔  fround(x) < c` for every double x.
 * @example float32LessThanAsLeq(0.5) // 0.49999998509883881 (the midpoint below 0.5)
 */
export function float32LessThanAsLeq(c: number): number {
  let cf = Math.fround(c);
  // Only -inf itself is "below" -inf in our terms; no float32 is below it.
  if (cf === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  // Halfway between the largest float32 and 2^128 rounds to infinity (odd significand).
  const HALF_TO_INF = 3.4028235677973366e38;
  if (cf === -3.4028234663852886e38) return -HALF_TO_INF;
  if (cf === Number.POSITIVE_INFINITY) cf = 2 ** 128;
  const p = cf === 2 ** 128 ? 3.4028234663852886e38 : prevFloat32(cf);
  const m = (p + cf) / 2; // exact in float64: float32s have 24-bit significands
  return Math.fround(m) === p ? m : prevFloat64(m);
}
