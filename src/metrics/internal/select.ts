/**
 * @module metrics/internal/select
 * The k-th smallest value in O(n) expected time (Hoare's quickselect with a median-of-three
 * pivot), for medians without a full sort — what np.median does with np.partition.
 */

/** Reorders `a` so that a[k] is the k-th smallest value, smaller-or-equal values before it; returns a[k]. NaN must be absent. */
export function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot: guards against sorted and reverse-sorted input.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** np.median of `values` (which it reorders): the middle value, or the mean of the two middle values. */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  const mid = n >> 1;
  const upper = selectInPlace(values, mid);
  if (n % 2 === 1) return upper;
  // After selection everything left of `mid` is <= upper; the lower middle is their maximum.
  let lower = values[0];
  for (let i = 1; i < mid; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}
