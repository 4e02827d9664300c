/**
 * @module metrics/internal/argsort
 * A stable ascending argsort of float64 values: the order of `np.argsort(x, kind="mergesort")`.
 * Ranking metrics (AUC, average precision, curves) sort scores on every call, and early stopping
 * calls them every boosting round, so large inputs use an LSD radix sort on the IEEE-754 bits
 * (4 passes of 16 bits, O(n)) instead of a comparator sort (O(n log n) callbacks).
 */

/** Below this many values the comparator sort is cheaper than four 65536-bucket passes. */
const RADIX_MIN = 2048;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Indices that sort `values` ascending; equal values keep their input order. NaN must be absent. */
export function argsortStable(values: Float64Array): Uint32Array {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) {
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    // -0 and +0 compare equal here, as in NumPy, so their input order is kept.
    return idx.sort((a, b) => values[a] - values[b] || a - b);
  }
  return radixArgsort(values);
}

function radixArgsort(values: Float64Array): Uint32Array {
  const n = values.length;
  const bits = new Float64Array(n);
  const words = new Uint32Array(bits.buffer);
  // `+ 0` turns -0 into +0 so both land in one bucket (NumPy treats them as equal).
  for (let i = 0; i < n; i++) bits[i] = values[i] + 0;
  // Map the IEEE bit pattern to an unsigned key with the same order: flip all bits of negatives,
  // only the sign bit of non-negatives. Little-endian: word 2i is the low half, 2i+1 the high.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~words[2 * i] >>> 0;
    } else {
      words[2 * i + 1] = (hi | 0x80000000) >>> 0;
    }
  }
  const counts = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    counts[lo & 0xffff]++;
    counts[65536 + (lo >>> 16)]++;
    counts[131072 + (hi & 0xffff)]++;
    counts[196608 + (hi >>> 16)]++;
  }
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 65536;
    const word = pass < 2 ? 0 : 1;
    const shift = pass % 2 === 0 ? 0 : 16;
    // A pass where every key has the same digit would not move anything: skip it.
    const firstDigit = (words[word] >>> shift) & 0xffff;
    if (counts[base + firstDigit] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = idx[j];
      const d = (words[2 * i + word] >>> shift) & 0xffff;
      tmp[counts[base + d]++] = i;
    }
    const swap = idx;
    idx = tmp;
    tmp = swap;
  }
  return idx;
}
