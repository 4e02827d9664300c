/**
 * @module learners/gbdt/binning/bin-mapper
 * How one feature's raw values become small integer bins (LightGBM's BinMapper).
 *
 * - Numeric: bin upper bounds chosen from a sample by LightGBM's greedy quantile rule
 *   (distinct values when there are few, else bins of roughly equal count, a value holding a
 *   large share getting a bin of its own, at least `min_data_in_bin` sampled rows per bin).
 *   Bounds are midpoints between neighbouring distinct values; the last bound is +Infinity.
 *   A value v lies in the first bin b with v <= upper[b] — the same comparison prediction
 *   makes on raw values (`v <= threshold`), so training bins and raw-value prediction agree.
 * - Categorical: categories most frequent first, kept until they cover 99% of the sampled
 *   rows and `max_bin` bins are used (LightGBM's rule; so a feature may use more than max_bin
 *   bins); categories rarer than `min_data_in_bin` are dropped and share the missing bin.
 *
 * Every feature has a missing bin, the last one: NaN (numeric), missing / rare / unseen
 * categories (categorical). When no training row is missing it stays empty, which costs one
 * histogram slot and keeps training and prediction paths free of special cases.
 */

import { sortFloat64 } from './sort-float64.js';

export type BinKind = 'numeric' | 'categorical';

export class BinMapper {
  private constructor(
    readonly kind: BinKind,
    /** All bins, the missing bin (last) included. */
    readonly numBins: number,
    /** Numeric: upper bound of each value bin (numBins - 1 of them, the last +Infinity). */
    readonly upperBounds: Float64Array,
    /** Categorical: the category code of each value bin (numBins - 1 of them). */
    readonly binToCategory: Int32Array,
    /** Categorical: the bin of each category code of the training dictionary. */
    readonly categoryToBin: Int32Array,
  ) {}

  get missingBin(): number {
    return this.numBins - 1;
  }

  /** Numeric mapper from sampled values (NaN ignored). */
  static numeric(sample: Float64Array, maxBin: number, minDataInBin: number): BinMapper {
    const upper = numericUpperBounds(sample, maxBin, minDataInBin);
    return new BinMapper('numeric', upper.length + 1, upper, new Int32Array(0), new Int32Array(0));
  }

  /**
   * Categorical mapper from sampled codes (-1 = missing) of a dictionary of `numCategories`.
   * @example BinMapper.categorical(Int32Array.of(0, 0, 1, -1), 2, 255, 1).binToCategory // [0, 1]
   */
  static categorical(sample: Int32Array, numCategories: number, maxBin: number, minDataInBin: number): BinMapper {
    const counts = new Float64Array(numCategories);
    let missing = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample[i];
      if (c < 0 || c >= numCategories) missing++;
      else counts[c]++;
    }
    const present: number[] = [];
    for (let c = 0; c < numCategories; c++) if (counts[c] > 0) present.push(c);
    // Most frequent first; ties by code so the order does not depend on the sort algorithm.
    present.sort((a, b) => counts[b] - counts[a] || a - b);
    // LightGBM: cover 99% of the non-missing sample AND fill max_bin bins (the bin count
    // starts at 1 for the missing bin); stop early at categories rarer than min_data_in_bin,
    // but always keep the two most frequent.
    const cutCount = Math.round((sample.length - missing) * 0.99);
    const binLimit = Math.min(present.length + (missing > 0 ? 1 : 0), maxBin);
    const kept: number[] = [];
    let used = 0;
    let numBin = 1;
    // Bins are stored as 16-bit values: at most 65535 categories plus the missing bin.
    while (kept.length < Math.min(present.length, 65535) && (used < cutCount || numBin < binLimit)) {
      const c = present[kept.length];
      if (counts[c] < minDataInBin && kept.length > 1) break;
      kept.push(c);
      used += counts[c];
      numBin++;
    }
    const binToCategory = Int32Array.from(kept);
    const categoryToBin = new Int32Array(numCategories).fill(kept.length);
    kept.forEach((c, b) => (categoryToBin[c] = b));
    return new BinMapper('categorical', kept.length + 1, new Float64Array(0), binToCategory, categoryToBin);
  }

  /** The bin of a numeric value (NaN → missing bin). */
  numericBin(v: number): number {
    if (v !== v) return this.numBins - 1;
    const ub = this.upperBounds;
    let lo = 0;
    let hi = ub.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v <= ub[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The bin of a category code (missing, unseen or rare → missing bin). */
  categoryBin(code: number): number {
    return code >= 0 && code < this.categoryToBin.length ? this.categoryToBin[code] : this.numBins - 1;
  }

  /** The raw threshold of numeric bin `b`: values <= it fall in bins 0..b. */
  upperBound(b: number): number {
    return this.upperBounds[b];
  }
}

/**
 * LightGBM's GreedyFindBin over a sample: returns the bin upper bounds (last = +Infinity).
 * Exported for tests (bin edges must be strictly increasing).
 */
export function numericUpperBounds(sample: Float64Array, maxBin: number, minDataInBin: number): Float64Array {
  // Plain loops: TypedArray.filter with a callback is ~10× slower than this in V8.
  let m = 0;
  const sorted = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) if (sample[i] === sample[i]) sorted[m++] = sample[i];
  sortFloat64(sorted, m);
  // Distinct values compacted in place, with their counts (typed arrays: 160k-element JS
  // arrays made this loop cost more than the sort).
  const distinct = sorted;
  const counts = new Int32Array(m);
  let nd = 0;
  for (let i = 0; i < m; i++) {
    if (nd > 0 && sorted[i] === distinct[nd - 1]) counts[nd - 1]++;
    else {
      distinct[nd] = sorted[i];
      counts[nd++] = 1;
    }
  }
  const bounds: number[] = [];
  const push = (v: number): void => {
    if (bounds.length === 0 || v > bounds[bounds.length - 1]) bounds.push(v);
  };
  if (nd <= maxBin) {
    let inBin = 0;
    for (let i = 0; i < nd - 1; i++) {
      inBin += counts[i];
      if (inBin >= minDataInBin) {
        push(midpoint(distinct[i], distinct[i + 1]));
        inBin = 0;
      }
    }
  } else {
    const total = m;
    const bins = Math.max(1, Math.min(maxBin, Math.floor(total / minDataInBin)));
    let meanBinSize = total / bins;
    let restBins = bins;
    let restSamples = total;
    const big = new Uint8Array(nd);
    for (let i = 0; i < nd; i++) if (counts[i] >= meanBinSize) (big[i] = 1), restBins--, (restSamples -= counts[i]);
    meanBinSize = restSamples / restBins;
    const uppers: number[] = [];
    const lowers: number[] = [distinct[0]];
    // Beyond LightGBM: never let a bin straddle an empty stretch wider than a tenth of the
    // value range. Counts alone merge the tail of one cluster with the head of the next
    // (e.g. a gap from 45 to 942600), and no split could then separate them.
    const wideGap = (distinct[nd - 1] - distinct[0]) / 10;
    let inBin = 0;
    for (let i = 0; i < nd - 1; i++) {
      if (!big[i]) restSamples -= counts[i];
      inBin += counts[i];
      const gap = distinct[i + 1] - distinct[i] > wideGap;
      if (big[i] || gap || inBin >= meanBinSize || (big[i + 1] && inBin >= Math.max(1, meanBinSize * 0.5))) {
        uppers.push(distinct[i]);
        lowers.push(distinct[i + 1]);
        if (uppers.length >= bins - 1) break;
        inBin = 0;
        if (!big[i]) {
          restBins--;
          meanBinSize = restSamples / restBins;
        }
      }
    }
    for (let i = 0; i < uppers.length; i++) push(midpoint(uppers[i], lowers[i + 1]));
  }
  bounds.push(Number.POSITIVE_INFINITY);
  return Float64Array.from(bounds);
}

/** A bound between a < b that keeps a at or below it and b above it. */
function midpoint(a: number, b: number): number {
  const m = a / 2 + b / 2; // halves first: no overflow near ±MAX_VALUE
  return m < b ? (m >= a ? m : a) : a;
}
