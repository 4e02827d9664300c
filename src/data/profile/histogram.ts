/**
 * @module profile/histogram
 * Histogram bins for a column's values, chosen to read well: whole numbers with a small range
 * get one bar per value; other numbers get about 20 equal bins on "nice" edges (steps of 1,
 * 2, 2.5 or 5 × 10^k); dates get equal bins between the first and last date.
 */

/** Bin edges (length bins + 1) and a count per bin. The last bin includes its right edge. */
export interface Histogram {
  readonly edges: number[];
  readonly counts: number[];
}

/** About this many bins for continuous values: enough for shape, few enough to read. */
export const TARGET_BINS = 20;
/** Whole numbers spanning at most this many values get one bin per value. */
export const MAX_UNIT_BINS = 30;

/** Round away binary noise (0.30000000000000004) from an edge computed as start + i × step. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** The smallest of 1, 2, 2.5, 5, 10 × 10^k that is ≥ `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= rough * (1 - 1e-9)) return m * power;
  return 10 * power;
}

/** Edges for values in [min, max]. `integer`: every value is a whole number. `time`: dates. */
export function histogramEdges(min: number, max: number, opts: { integer?: boolean; time?: boolean } = {}): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min - 0.5, max + 0.5];
  if (opts.time) {
    const step = (max - min) / TARGET_BINS;
    return Array.from({ length: TARGET_BINS + 1 }, (_, i) => (i === TARGET_BINS ? max : min + i * step));
  }
  if (opts.integer && max - min + 1 <= MAX_UNIT_BINS) {
    return Array.from({ length: max - min + 2 }, (_, i) => min - 0.5 + i);
  }
  let step = niceStep((max - min) / TARGET_BINS);
  if (opts.integer) step = Math.max(1, Math.round(step));
  const start = Math.floor(min / step) * step;
  const bins = Math.max(1, Math.ceil((max - start) / step - 1e-9));
  const edges = Array.from({ length: bins + 1 }, (_, i) => tidy(start + i * step));
  if (edges[edges.length - 1] < max) edges.push(tidy(start + (bins + 1) * step));
  return edges;
}

/** Count sorted values into bins with `edges` (values outside the edges are clamped in). */
export function countSorted(sorted: Float64Array, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  if (bins < 1) return [];
  const counts = new Array<number>(bins).fill(0);
  let b = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    while (b < bins - 1 && v >= edges[b + 1]) b++;
    counts[b]++;
  }
  return counts;
}

/** A histogram of sorted present values. */
export function histogramOfSorted(sorted: Float64Array, opts: { integer?: boolean; time?: boolean } = {}): Histogram {
  if (sorted.length === 0) return { edges: [], counts: [] };
  const edges = histogramEdges(sorted[0], sorted[sorted.length - 1], opts);
  return { edges, counts: countSorted(sorted, edges) };
}
