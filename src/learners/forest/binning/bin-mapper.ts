/**
 * @module learners/forest/binning/bin-mapper
 * Map each feature's values to at most `maxBins` (≤ 255) ordered bins, once per fit, as
 * scikit-learn's HistGradientBoosting and LightGBM do: split search then scans bins instead
 * of sorting rows at every node. A feature with ≤ maxBins distinct values gets one bin per
 * value (exact splits); otherwise bins are quantiles of the values. NaN gets its own bin,
 * MISSING_BIN (255), after every value bin.
 *
 * A split "bin ≤ t" is stored as the raw threshold `edges[t]` (the midpoint between bin t and
 * t + 1), so prediction compares raw values and never needs the mapper: x ≤ edges[t] exactly
 * when bin(x) ≤ t.
 */
import type { Rng } from '../../../common/random.js';

export const MISSING_BIN = 255;
/** Rows used to find quantile edges (as HistGradientBoosting's subsample). */
const SUBSAMPLE = 200_000;

export interface FeatureBins {
  /** Upper edge of each bin but the last: bin(x) = number of edges < x. */
  readonly edges: Float64Array;
  /** A representative value per bin (for random thresholds in ExtraTrees). */
  readonly values: Float64Array;
  readonly nBins: number;
}

/** Bin edges and representative values for one feature. */
export function fitFeatureBins(column: Float64Array, maxBins: number, rng: Rng): FeatureBins {
  let present = column.filter((v) => !Number.isNaN(v));
  if (present.length > SUBSAMPLE) {
    const idx = rng.sampleIndices(present.length, SUBSAMPLE);
    present = Float64Array.from(idx, (i) => present[i]);
  }
  present.sort();
  const distinct: number[] = [];
  for (let i = 0; i < present.length; i++) if (i === 0 || present[i] !== present[i - 1]) distinct.push(present[i]);
  if (distinct.length === 0) return { edges: new Float64Array(0), values: Float64Array.of(0), nBins: 1 };
  if (distinct.length <= maxBins) {
    const edges = new Float64Array(distinct.length - 1);
    for (let b = 0; b < edges.length; b++) edges[b] = midpoint(distinct[b], distinct[b + 1]);
    return { edges, values: Float64Array.from(distinct), nBins: distinct.length };
  }
  const m = present.length;
  const edges: number[] = [];
  for (let q = 1; q < maxBins; q++) {
    let i = Math.round((q * m) / maxBins);
    if (i <= 0) continue;
    // A quantile inside a run of equal values moves to the end of the run: skipping it
    // instead would leave far fewer bins than asked for on data with repeated values.
    while (i < m && present[i] === present[i - 1]) i++;
    if (i >= m) break;
    const e = midpoint(present[i - 1], present[i]);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  const values = new Float64Array(edges.length + 1);
  values[0] = present[0];
  values[edges.length] = present[m - 1];
  for (let b = 1; b < edges.length; b++) values[b] = (edges[b - 1] + edges[b]) / 2;
  return { edges: Float64Array.from(edges), values, nBins: edges.length + 1 };
}

/** The midpoint, guarded so that a < midpoint(a, b) ≤ b holds in floating point. */
function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  return m > a && m <= b ? m : b;
}

/** The bin of each value (binary search over edges); NaN → MISSING_BIN. */
export function binColumn(column: Float64Array, bins: FeatureBins): Uint8Array {
  const out = new Uint8Array(column.length);
  const { edges } = bins;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (Number.isNaN(v)) {
      out[i] = MISSING_BIN;
      continue;
    }
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}
