/**
 * @module metrics/internal/numpy-sum
 * Summation in exactly NumPy's order, so that metric values agree with scikit-learn's bit for
 * bit in the common case rather than merely to 1e-12. NumPy's float64 `add.reduce` sums
 * contiguous data in chunks of 8192 elements (its buffer size), each chunk by pairwise
 * summation with an 8-way unrolled base case of at most 128 elements; chunk sums are then added
 * left to right. Pairwise summation is also more accurate than a plain loop (error O(log n)).
 */

/** Elements per chunk of NumPy's reduction loop (NPY_BUFSIZE). */
const CHUNK = 8192;
/** NumPy's PW_BLOCKSIZE: below this the unrolled loop runs, above it the range is halved. */
const BLOCK = 128;

function pairwise(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[lo + i];
    return res;
  }
  if (n <= BLOCK) {
    let r0 = a[lo], r1 = a[lo + 1], r2 = a[lo + 2], r3 = a[lo + 3];
    let r4 = a[lo + 4], r5 = a[lo + 5], r6 = a[lo + 6], r7 = a[lo + 7];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = lo + i;
      r0 += a[p]; r1 += a[p + 1]; r2 += a[p + 2]; r3 += a[p + 3];
      r4 += a[p + 4]; r5 += a[p + 5]; r6 += a[p + 6]; r7 += a[p + 7];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** `np.sum(values)` for a contiguous float64 array, in NumPy's summation order. */
export function npSum(values: ArrayLike<number>): number {
  return npSumRange(values, 0, values.length);
}

/** `np.sum(values[start:start + n])` without allocating a view (row sums of a matrix). */
export function npSumRange(values: ArrayLike<number>, start: number, n: number): number {
  let res = 0;
  for (let lo = 0; lo < n; lo += CHUNK) res += pairwise(values, start + lo, Math.min(CHUNK, n - lo));
  return res;
}

/**
 * `np.average(values, weights=weights)`: Σ v·w / Σ w, or the plain mean without weights.
 * Allocates one scratch array for the products when weighted.
 */
export function npAverage(values: Float64Array, weights?: Float64Array): number {
  if (weights === undefined) return npSum(values) / values.length;
  const prod = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) prod[i] = values[i] * weights[i];
  return npSum(prod) / npSum(weights);
}
