/**
 * @module learners/forest/tree/splitter
 * Find a node's split on one feature from its histogram (per-bin statistics of the node's
 * rows). 'best' scans every bin boundary (random forest); 'random' draws one threshold
 * uniformly between the node's smallest and largest value (extremely randomised trees).
 * Missing values (bin 255) are tried on both sides and go where the split is better; a
 * "present vs missing" split is also a candidate. When the node had no missing values, the
 * split sends future NaNs to the side with more training weight.
 */
import type { Rng } from '../../../common/random.js';
import { MISSING_BIN } from '../binning/bin-mapper.js';
import { type Criterion, criterionScore, statWeight } from './criterion.js';

export interface SplitCandidate {
  /** Impurity decrease proxy: score(left) + score(right) (higher is better). */
  score: number;
  feature: number;
  /** Rows with bin ≤ bin go left (bin = nBins − 1: every present value left). */
  bin: number;
  missingLeft: boolean;
  /** Statistics and row count of the left child. */
  readonly left: Float64Array;
  leftCount: number;
}

export function emptyCandidate(S: number): SplitCandidate {
  return { score: Number.NEGATIVE_INFINITY, feature: -1, bin: 0, missingLeft: false, left: new Float64Array(S), leftCount: 0 };
}

export interface SplitSettings {
  readonly criterion: Criterion;
  readonly S: number;
  readonly minSamplesLeaf: number;
  readonly mode: 'best' | 'random';
}

/**
 * Update `best` if feature f has a better split. hist/cnt hold per-bin stats (256 × S) and
 * row counts; total/count are the node's. `scratch` is an S-length work vector.
 */
export function evaluateFeature(
  s: SplitSettings,
  f: number,
  nBins: number,
  binValues: Float64Array,
  hist: Float64Array,
  cnt: Int32Array,
  total: Float64Array,
  count: number,
  best: SplitCandidate,
  scratch: Float64Array,
  right: Float64Array,
  rng: Rng,
): void {
  const { S, criterion, minSamplesLeaf } = s;
  const mo = MISSING_BIN * S;
  const missingCount = cnt[MISSING_BIN];
  let lo = -1;
  let hi = -1;
  for (let b = 0; b < nBins; b++) if (cnt[b] > 0) (lo < 0 && (lo = b), (hi = b));
  if (lo < 0) return; // every row missing: nothing to split on
  let tFrom = lo;
  let tTo = missingCount > 0 ? hi : hi - 1;
  if (s.mode === 'random') {
    if (lo < hi) {
      // Uniform in value space between the node's extremes, like scikit-learn's ExtraTrees.
      const u = binValues[lo] + rng.next() * (binValues[hi] - binValues[lo]);
      let t = lo;
      while (t + 1 < hi && binValues[t + 1] <= u) t++;
      tFrom = tTo = t;
    } else if (missingCount > 0) tFrom = tTo = hi;
    else return;
  }
  if (tFrom > tTo) return;
  const leftStats = scratch;
  leftStats.fill(0);
  let leftCount = 0;
  for (let b = lo; b < tFrom; b++) {
    for (let k = 0; k < S; k++) leftStats[k] += hist[b * S + k];
    leftCount += cnt[b];
  }
  for (let t = tFrom; t <= tTo; t++) {
    for (let k = 0; k < S; k++) leftStats[k] += hist[t * S + k];
    leftCount += cnt[t];
    if (cnt[t] === 0 && t < tTo && s.mode === 'best') continue; // same partition as t − 1
    for (let side = 0; side < 2; side++) {
      const missLeft = side === 1;
      if (missLeft && missingCount === 0) break;
      const lc = leftCount + (missLeft ? missingCount : 0);
      const rc = count - lc;
      if (lc < minSamplesLeaf || rc < minSamplesLeaf) continue;
      for (let k = 0; k < S; k++) {
        const l = leftStats[k] + (missLeft ? hist[mo + k] : 0);
        right[k] = total[k] - l;
      }
      const wl = statWeight(criterion, total, 0, S) - statWeight(criterion, right, 0, S);
      const wr = statWeight(criterion, right, 0, S);
      if (!(wl > 0 && wr > 0)) continue;
      // score(left) from total − right avoids a second vector.
      for (let k = 0; k < S; k++) right[k] = total[k] - right[k];
      const sl = criterionScore(criterion, right, 0, S);
      for (let k = 0; k < S; k++) right[k] = total[k] - right[k];
      const score = sl + criterionScore(criterion, right, 0, S);
      if (score > best.score) {
        best.score = score;
        best.feature = f;
        best.bin = t;
        // No missing rows here: future NaNs follow the heavier side.
        best.missingLeft = missingCount === 0 ? wl >= wr : missLeft;
        for (let k = 0; k < S; k++) best.left[k] = total[k] - right[k];
        best.leftCount = lc;
      }
    }
  }
}
