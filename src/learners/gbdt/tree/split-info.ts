/**
 * @module learners/gbdt/tree/split-info
 * The best split found for a leaf (LightGBM's SplitInfo) and the leaf arithmetic every split
 * search shares: L1 soft-thresholding, the leaf value −G/(H+λ), its gain G²/(H+λ), and the
 * optional `max_delta_step` cap.
 */

/** Regularisation settings a split search needs. */
export interface SplitConfig {
  readonly lambdaL1: number;
  readonly lambdaL2: number;
  readonly maxDeltaStep: number;
  readonly minDataInLeaf: number;
  readonly minSumHessianInLeaf: number;
  readonly minGainToSplit: number;
  readonly maxCatToOnehot: number;
  readonly maxCatThreshold: number;
  readonly catL2: number;
  readonly catSmooth: number;
  readonly minDataPerGroup: number;
}

export class SplitInfo {
  /** Feature index, -1 when the leaf cannot be split. */
  feature = -1;
  /** Gain over not splitting, min_gain_to_split already deducted. */
  gain = Number.NEGATIVE_INFINITY;
  /** Numeric: rows with bin <= threshold go left. */
  threshold = 0;
  /** Where missing values go (numeric). Categorical splits send missing right. */
  defaultLeft = false;
  categorical = false;
  /** Categorical: the bins sent left. */
  catBins: number[] = [];
  leftG = 0;
  leftH = 0;
  leftCount = 0;
  leftOutput = 0;
  rightG = 0;
  rightH = 0;
  rightCount = 0;
  rightOutput = 0;

  reset(): void {
    this.feature = -1;
    this.gain = Number.NEGATIVE_INFINITY;
    this.catBins = [];
  }

  /** LightGBM's order: larger gain first, then the smaller feature index. */
  betterThan(o: SplitInfo): boolean {
    if (this.feature < 0) return false;
    if (o.feature < 0) return true;
    return this.gain > o.gain || (this.gain === o.gain && this.feature < o.feature);
  }

  copyFrom(o: SplitInfo): void {
    Object.assign(this, o);
    this.catBins = [...o.catBins];
  }
}

/** sign(s) · max(0, |s| − l1). */
export function thresholdL1(s: number, l1: number): number {
  const r = Math.abs(s) - l1;
  return r > 0 ? (s > 0 ? r : -r) : 0;
}

/** The optimal leaf value −T(G)/(H + λ2), capped at ±max_delta_step when that is > 0. */
export function leafOutput(g: number, h: number, l1: number, l2: number, maxDelta: number): number {
  const d = h + l2;
  if (!(d > 0)) return 0;
  let out = -(l1 > 0 ? thresholdL1(g, l1) : g) / d;
  if (maxDelta > 0 && Math.abs(out) > maxDelta) out = out > 0 ? maxDelta : -maxDelta;
  return out;
}

/** The loss reduction of a leaf at its optimal (possibly capped) value. */
export function leafGain(g: number, h: number, l1: number, l2: number, maxDelta: number): number {
  const d = h + l2;
  if (!(d > 0)) return 0;
  const sg = l1 > 0 ? thresholdL1(g, l1) : g;
  if (maxDelta <= 0) return (sg * sg) / d;
  const out = leafOutput(g, h, l1, l2, maxDelta);
  return -(2 * sg * out + d * out * out);
}

/** Fill `out` with a split whose left child sums to (lg, lh, lc) — outputs, counts, the gain. */
export function recordSplit(out: SplitInfo, gain: number, gainShift: number, lg: number, lh: number, lc: number, G: number, H: number, N: number, l2: number, cfg: SplitConfig): void {
  out.feature = 0; // the caller fills in the real index
  out.gain = gain - gainShift;
  out.leftG = lg;
  out.leftH = lh;
  out.leftCount = lc;
  out.rightG = G - lg;
  out.rightH = H - lh;
  out.rightCount = N - lc;
  out.leftOutput = leafOutput(lg, lh, cfg.lambdaL1, l2, cfg.maxDeltaStep);
  out.rightOutput = leafOutput(G - lg, H - lh, cfg.lambdaL1, l2, cfg.maxDeltaStep);
}
