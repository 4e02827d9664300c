/**
 * @module learners/gbdt/tree/categorical-splitter
 * Best split of one categorical feature, as LightGBM's FindBestThresholdCategorical:
 *  - at most `max_cat_to_onehot` bins: one-vs-rest (one category left, the rest right);
 *  - otherwise many-vs-many: categories with at least `cat_smooth` rows, sorted by
 *    G/(H + cat_smooth), and prefixes of that order scanned from both ends, at most
 *    `max_cat_threshold` categories (and half of them) on the left, `min_data_per_group` rows
 *    between candidate cuts, leaf values with the extra `cat_l2`.
 * The missing bin (missing, rare and unseen categories) always goes right.
 */
import { type SplitConfig, type SplitInfo, leafGain, recordSplit } from './split-info.js';

/** Bits of a sort key that carry the bin index (16: up to 65536 bins). */
const INDEX_BITS = 16;

/**
 * Sort bins by key without a comparator: the bin index is written into the low 16 mantissa
 * bits of its key and the Float64Array is sorted natively (several times faster than
 * Array.sort with a closure, which dominated leaves of a 1000-level feature). The change in
 * the key is at most 2^-36 relative, so only keys equal to ~11 digits swap, by index.
 * Returns the bins in ascending key order in `out`.
 */
export function sortBinsByKey(keys: Float64Array, n: number, out: Int32Array): void {
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const mask = (1 << INDEX_BITS) - 1;
  // Little-endian: word 2i holds the low mantissa bits of keys[i].
  for (let i = 0; i < n; i++) words[2 * i] = ((words[2 * i] & ~mask) | out[i]) >>> 0;
  keys.subarray(0, n).sort();
  for (let i = 0; i < n; i++) out[i] = words[2 * i] & mask;
}

export function findCategorical(hist: Float64Array, base: number, numBins: number, G: number, H: number, N: number, cf: number, gainShift: number, cfg: SplitConfig, out: SplitInfo): void {
  const usedBins = numBins - 1; // the missing bin never goes left
  const { lambdaL1: l1, maxDeltaStep: mds, minDataInLeaf: minData, minSumHessianInLeaf: minHess } = cfg;
  let bestGain = Number.NEGATIVE_INFINITY;
  if (numBins <= cfg.maxCatToOnehot) {
    const l2 = cfg.lambdaL2;
    let bestBin = -1;
    let bestLG = 0;
    let bestLH = 0;
    let bestLC = 0;
    for (let t = 0; t < usedBins; t++) {
      const g = hist[base + 2 * t];
      const h = hist[base + 2 * t + 1];
      const c = Math.round(h * cf);
      if (c < minData || h < minHess) continue;
      if (N - c < minData || H - h < minHess) continue;
      const gain = leafGain(G - g, H - h, l1, l2, mds) + leafGain(g, h, l1, l2, mds);
      if (gain <= gainShift) continue;
      if (gain > bestGain) {
        bestGain = gain;
        bestBin = t;
        bestLG = g;
        bestLH = h;
        bestLC = c;
      }
    }
    if (bestBin < 0) return;
    recordSplit(out, bestGain, gainShift, bestLG, bestLH, bestLC, G, H, N, l2, cfg);
    out.categorical = true;
    out.defaultLeft = false;
    out.catBins = [bestBin];
    return;
  }
  const l2 = cfg.lambdaL2 + cfg.catL2;
  const keys = new Float64Array(usedBins);
  const sorted = new Int32Array(usedBins);
  let used = 0;
  for (let t = 0; t < usedBins; t++) {
    const h = hist[base + 2 * t + 1];
    // h > 0 as well: with cat_smooth = 0 an empty bin would give the key 0/0.
    if (h > 0 && Math.round(h * cf) >= cfg.catSmooth) {
      keys[used] = hist[base + 2 * t] / (h + cfg.catSmooth);
      sorted[used++] = t;
    }
  }
  sortBinsByKey(keys, used, sorted);
  const maxNumCat = Math.min(cfg.maxCatThreshold, (used + 1) >> 1);
  let bestLen = 0;
  let bestDir = 1;
  let bestLG = 0;
  let bestLH = 0;
  let bestLC = 0;
  for (let dir = 1; dir >= -1; dir -= 2) {
    let pos = dir === 1 ? 0 : used - 1;
    let lg = 0;
    let lh = 0;
    let lc = 0;
    let group = 0;
    for (let i = 0; i < used && i < maxNumCat; i++) {
      const t = sorted[pos];
      pos += dir;
      const h = hist[base + 2 * t + 1];
      const c = Math.round(h * cf);
      lg += hist[base + 2 * t];
      lh += h;
      lc += c;
      group += c;
      if (lc < minData || lh < minHess) continue;
      const rc = N - lc;
      if (rc < minData || rc < cfg.minDataPerGroup) break;
      if (H - lh < minHess) break;
      if (group < cfg.minDataPerGroup) continue;
      group = 0;
      const gain = leafGain(lg, lh, l1, l2, mds) + leafGain(G - lg, H - lh, l1, l2, mds);
      if (gain <= gainShift) continue;
      if (gain > bestGain) {
        bestGain = gain;
        bestLen = i + 1;
        bestDir = dir;
        bestLG = lg;
        bestLH = lh;
        bestLC = lc;
      }
    }
  }
  if (bestLen === 0) return;
  recordSplit(out, bestGain, gainShift, bestLG, bestLH, bestLC, G, H, N, l2, cfg);
  out.categorical = true;
  out.defaultLeft = false;
  const bins: number[] = [];
  for (let i = 0; i < bestLen; i++) bins.push(bestDir === 1 ? sorted[i] : sorted[used - 1 - i]);
  out.catBins = bins;
}
