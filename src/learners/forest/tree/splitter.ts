/**
 * @module learners/forest/tree/splitter
 * Find a node's split on one feature.
 *
 * - 'best' (random forest) scans the node's histogram (per-bin statistics of its rows),
 *   visiting only the bins the rows fall into (`touched`, ascending), so a small node costs
 *   O(its rows), not O(255 bins) — deep forest trees are mostly small nodes.
 * - 'random' (extremely randomised trees) needs no histogram: one pass finds the node's
 *   smallest and largest bin, a threshold is drawn uniformly in value space between them
 *   (scikit-learn's ExtraTrees), and a second pass sums the left side.
 *
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
}

/** Per-feature histogram of a node: stats per bin (256 × S), row counts, touched bins. */
export interface NodeHistogram {
  readonly hist: Float64Array;
  readonly cnt: Int32Array;
  /** Non-missing bins holding rows, ascending, in touched[0 .. nTouched). */
  readonly touched: Int32Array;
  nTouched: number;
}

/** S-length work vectors, allocated once per tree. */
export interface SplitWork {
  readonly left: Float64Array;
  readonly missing: Float64Array;
  readonly leftWithMissing: Float64Array;
  readonly right: Float64Array;
}

export function splitWork(S: number): SplitWork {
  return { left: new Float64Array(S), missing: new Float64Array(S), leftWithMissing: new Float64Array(S), right: new Float64Array(S) };
}

/** The node being split: its statistics, row count and total weight. */
export interface NodeTotals {
  readonly stats: Float64Array;
  readonly count: number;
  readonly weight: number;
}

/** Score "bins ≤ bin go left" with missing rows on either side; keep it in `best` if better. */
function consider(s: SplitSettings, f: number, bin: number, left: Float64Array, leftCount: number, missing: Float64Array, missingCount: number, node: NodeTotals, best: SplitCandidate, work: SplitWork): void {
  const { S, criterion, minSamplesLeaf } = s;
  const { leftWithMissing: lw, right } = work;
  for (let side = 0; side < 2; side++) {
    const missLeft = side === 1;
    if (missLeft && missingCount === 0) break;
    const lc = leftCount + (missLeft ? missingCount : 0);
    if (lc < minSamplesLeaf || node.count - lc < minSamplesLeaf) continue;
    for (let k = 0; k < S; k++) {
      lw[k] = left[k] + (missLeft ? missing[k] : 0);
      right[k] = node.stats[k] - lw[k];
    }
    const wr = statWeight(criterion, right, 0, S);
    const wl = node.weight - wr;
    if (!(wl > 0 && wr > 0)) continue;
    const score = criterionScore(criterion, lw, 0, S) + criterionScore(criterion, right, 0, S);
    if (score > best.score) {
      best.score = score;
      best.feature = f;
      best.bin = bin;
      // No missing rows in this node: future NaNs follow the heavier side.
      best.missingLeft = missingCount === 0 ? wl >= wr : missLeft;
      best.left.set(lw);
      best.leftCount = lc;
    }
  }
}

/** 'best' mode: every boundary between touched bins of the node's histogram. */
export function bestSplitOfFeature(s: SplitSettings, f: number, h: NodeHistogram, node: NodeTotals, best: SplitCandidate, work: SplitWork): void {
  const { S } = s;
  const { hist, cnt, touched, nTouched } = h;
  if (nTouched === 0) return; // every row missing: nothing to split on
  const missingCount = cnt[MISSING_BIN];
  const missing = hist.subarray(MISSING_BIN * S, (MISSING_BIN + 1) * S);
  // The last touched bin is a candidate only as "present vs missing".
  const uTo = missingCount > 0 ? nTouched - 1 : nTouched - 2;
  const left = work.left;
  left.fill(0);
  let leftCount = 0;
  for (let u = 0; u <= uTo; u++) {
    const t = touched[u];
    for (let k = 0; k < S; k++) left[k] += hist[t * S + k];
    leftCount += cnt[t];
    consider(s, f, t, left, leftCount, missing, missingCount, node, best, work);
  }
}

/** The bin t in [lo, hi) whose representative value is the last ≤ u (binary search). */
function binAtValue(values: Float64Array, lo: number, hi: number, u: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if (values[mid] <= u) a = mid;
    else b = mid - 1;
  }
  return a;
}

/** The rows of a node as the random splitter reads them. */
export interface NodeRows {
  readonly bins: Uint8Array;
  /** Offset of the feature's column in `bins`. */
  readonly offset: number;
  readonly rows: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly target: Float64Array;
  readonly weight: Float64Array;
  readonly regression: boolean;
}

/** 'random' mode: one threshold drawn between the node's extremes. */
export function randomSplitOfFeature(s: SplitSettings, f: number, binValues: Float64Array, r: NodeRows, node: NodeTotals, best: SplitCandidate, work: SplitWork, rng: Rng): void {
  const { bins, offset, rows, start, end, target, weight, regression } = r;
  const S = s.S;
  let lo = MISSING_BIN;
  let hi = -1;
  let missingCount = 0;
  for (let q = start; q < end; q++) {
    const b = bins[offset + rows[q]];
    if (b === MISSING_BIN) missingCount++;
    else {
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
  }
  if (hi < 0 || (lo === hi && missingCount === 0)) return;
  // Uniform in value space between the node's extremes; lo = hi leaves "present vs missing".
  const t = lo === hi ? hi : binAtValue(binValues, lo, hi, binValues[lo] + rng.next() * (binValues[hi] - binValues[lo]));
  const { left, missing } = work;
  left.fill(0);
  missing.fill(0);
  let leftCount = 0;
  for (let q = start; q < end; q++) {
    const i = rows[q];
    const b = bins[offset + i];
    const into = b === MISSING_BIN ? missing : b <= t ? left : undefined;
    if (!into) continue;
    if (into === left) leftCount++;
    if (regression) (into[0] += weight[i]), (into[1] += weight[i] * target[i]);
    else into[target[i]] += weight[i];
  }
  if (S > 0) consider(s, f, t, left, leftCount, missing, missingCount, node, best, work);
}
