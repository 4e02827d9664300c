/**
 * @module common/sort-float64
 * Sorting float64 values fast. V8's `Float64Array.prototype.sort` takes ~0.5 s per million
 * values on the reference machine; this LSD radix sort on the IEEE-754 bits (mapped to
 * unsigned keys that order like the numbers) takes a few tens of milliseconds, and skips the
 * passes whose digit is the same for every value (whole numbers, narrow ranges).
 */

/** Below this many values the built-in sort is as fast and allocates less. */
const RADIX_MIN = 4096;
const BITS = 16;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The non-NaN values of `values`, sorted ascending, in a new array (−0 sorts before +0, as
 * with the built-in sort).
 * @example sortedNonNaN(Float64Array.of(3, NaN, -1, 2)) // Float64Array [-1, 2, 3]
 */
export function sortedNonNaN(values: Float64Array): Float64Array {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
  let present: Float64Array;
  if (missing === 0) present = values.slice();
  else {
    present = new Float64Array(values.length - missing);
    let k = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) present[k++] = v;
    }
  }
  return present.length < RADIX_MIN || !LITTLE_ENDIAN ? present.sort() : radixSort(present);
}

/** Sort a NaN-free array in place by its bits (little-endian layout) and return it. */
function radixSort(data: Float64Array): Float64Array {
  const n = data.length;
  const words = new Uint32Array(data.buffer, data.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  // Map each double to a 64-bit key (hi, lo) whose unsigned order is the numeric order:
  // negative numbers have every bit flipped, positive ones only the sign bit.
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const l = words[2 * i];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let hiTmp = new Uint32Array(n);
  let loTmp = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  // Four 16-bit digits, least significant first: lo low, lo high, hi low, hi high.
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[i] >>> shift) & MASK]++;
    if (counts[(src[0] >>> shift) & MASK] === n) continue; // same digit everywhere: nothing to do
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = counts[(src[i] >>> shift) & MASK]++;
      hiTmp[p] = hi[i];
      loTmp[p] = lo[i];
    }
    [hi, hiTmp] = [hiTmp, hi];
    [lo, loTmp] = [loTmp, lo];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h & 0x80000000) {
      words[2 * i + 1] = h & 0x7fffffff;
      words[2 * i] = lo[i];
    } else {
      words[2 * i + 1] = ~h >>> 0;
      words[2 * i] = ~lo[i] >>> 0;
    }
  }
  return data;
}
