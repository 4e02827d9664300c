/**
 * @module learners/gbdt/tree/splitter
 * Find a leaf's best split from its histogram, as LightGBM's FeatureHistogram does.
 *
 * Numeric features: two scans over the value bins — right to left with missing values sent
 * left, then left to right with missing values sent right (this one may also split "all
 * values | missing") — keeping the larger gain; the scan order breaks ties as LightGBM's does.
 * When the leaf holds no missing values only the first scan runs and missing values (met
 * later, at prediction) follow the child with more hessian.
 *
 * Categorical features: one-vs-rest when the feature has at most `max_cat_to_onehot` bins;
 * otherwise categories with at least `cat_smooth` rows are sorted by G/(H + cat_smooth) and
 * prefixes of that order are scanned from both ends (at most `max_cat_threshold` categories,
 * groups of at least `min_data_per_group` rows, leaf values with the extra `cat_l2`). Missing
 * and rare categories always go right.
 *
 * Row counts come from hessians (count ≈ H · N / H_leaf), as LightGBM estimates them; they
 * are exact whenever hessians are constant (e.g. unweighted L2).
 */
import type { DatasetLayout } from '../dataset.js';
import { findCategorical } from './categorical-splitter.js';
import { type SplitConfig, SplitInfo, leafGain, recordSplit } from './split-info.js';

/** Best split of a leaf over `features[0..nFeatures)`; written into `best`. */
export function findBestSplit(
  hist: Float64Array, histBase: number, layout: DatasetLayout, features: Int32Array, nFeatures: number,
  G: number, H: number, N: number, cfg: SplitConfig, best: SplitInfo, scratch: SplitInfo,
): void {
  best.reset();
  if (N < 2 * cfg.minDataInLeaf || H < 2 * cfg.minSumHessianInLeaf) return;
  const gainShift = leafGain(G, H, cfg.lambdaL1, cfg.lambdaL2, cfg.maxDeltaStep) + cfg.minGainToSplit;
  const cntFactor = H > 0 ? N / H : 0;
  for (let k = 0; k < nFeatures; k++) {
    const f = features[k];
    scratch.reset();
    const base = histBase + layout.histOffset[f];
    if (layout.isCategorical[f]) findCategorical(hist, base, layout.numBins[f], G, H, N, cntFactor, gainShift, cfg, scratch);
    else findNumeric(hist, base, layout.numBins[f], G, H, N, cntFactor, gainShift, cfg, scratch);
    if (scratch.feature >= 0) {
      scratch.feature = f;
      if (scratch.betterThan(best)) best.copyFrom(scratch);
    }
  }
}


function findNumeric(hist: Float64Array, base: number, numBins: number, G: number, H: number, N: number, cf: number, gainShift: number, cfg: SplitConfig, out: SplitInfo): void {
  const B = numBins - 1; // value bins; bin B is the missing bin
  const { lambdaL1: l1, lambdaL2: l2, maxDeltaStep: mds } = cfg;
  // Both child constraints as one hessian bound: count ≈ H·cf >= min_data_in_leaf ⇔
  // H >= min_data_in_leaf / cf. (LightGBM rounds each bin's count; the two agree whenever
  // hessians are constant and differ by under one row otherwise.) Keeping counts out of
  // the scan halves its cost — this is the hottest loop of training on small data.
  const minH = Math.max(cfg.minSumHessianInLeaf, cf > 0 ? cfg.minDataInLeaf / cf : 0);
  // Without L1 and max_delta_step the gain is G²/(H+λ), computed inline.
  const plain = l1 === 0 && mds <= 0;
  const hasMissing = hist[base + 2 * B + 1] > 0 || hist[base + 2 * B] !== 0;
  let bestGain = Number.NEGATIVE_INFINITY;
  let bestT = -1;
  let bestLG = 0;
  let bestLH = 0;
  let bestDefaultLeft = true;
  // Right to left: the right child accumulates value bins t..B-1; missing stays left.
  let rg = 0;
  let rh = 0;
  for (let t = B - 1; t >= 1; t--) {
    const j = base + 2 * t;
    rg += hist[j];
    rh += hist[j + 1];
    if (rh < minH) continue;
    const lh = H - rh;
    if (lh < minH) break;
    const lg = G - rg;
    const gain = plain ? (lg * lg) / (lh + l2) + (rg * rg) / (rh + l2) : leafGain(lg, lh, l1, l2, mds) + leafGain(rg, rh, l1, l2, mds);
    if (gain > bestGain) {
      bestGain = gain;
      bestT = t - 1;
      bestLG = lg;
      bestLH = lh;
    }
  }
  if (hasMissing) {
    // Left to right: the left child accumulates bins 0..t; missing goes right. t = B-1 puts
    // every value left and only the missing rows right.
    let lg = 0;
    let lh = 0;
    for (let t = 0; t <= B - 1; t++) {
      const j = base + 2 * t;
      lg += hist[j];
      lh += hist[j + 1];
      if (lh < minH) continue;
      const rhess = H - lh;
      if (rhess < minH) break;
      const rgrad = G - lg;
      const gain = plain ? (lg * lg) / (lh + l2) + (rgrad * rgrad) / (rhess + l2) : leafGain(lg, lh, l1, l2, mds) + leafGain(rgrad, rhess, l1, l2, mds);
      if (gain > bestGain) {
        bestGain = gain;
        bestT = t;
        bestLG = lg;
        bestLH = lh;
        bestDefaultLeft = false;
      }
    }
  }
  if (bestT < 0 || !(bestGain > gainShift)) return;
  recordSplit(out, bestGain, gainShift, bestLG, bestLH, Math.round(bestLH * cf), G, H, N, l2, cfg);
  out.categorical = false;
  out.threshold = bestT;
  // No missing rows here: a missing value met at prediction follows the heavier child.
  out.defaultLeft = hasMissing ? bestDefaultLeft : bestLH >= H - bestLH;
}
