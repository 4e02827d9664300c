/**
 * @module explain/partial-dependence
 * Partial dependence and ICE curves (Friedman 2001; Goldstein et al. 2015;
 * sklearn.inspection.partial_dependence, method 'brute'): set one feature to each grid value
 * for every row, predict, and average (PD) or keep each row's curve (ICE). The grid of a
 * numeric feature is `gridResolution` evenly spaced values between its `percentiles` (default
 * 5% and 95%, sklearn's), or its distinct values when there are fewer; a categorical feature
 * uses its levels present in the rows. Outputs are the model's probabilities (binary: the
 * positive class; multiclass: every class) or values.
 */
import { type Column, categoricalColumn, float64Column } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import type { ScoredModel } from './permutation-importance.js';

export interface PartialDependenceOptions {
  /** Grid points of a numeric feature; default 20. */
  readonly gridResolution?: number;
  /** Percentiles bounding a numeric grid; default [0.05, 0.95]. */
  readonly percentiles?: readonly [number, number];
  /** ICE curves for at most this many rows (the first ones); default 50, 0 for none. */
  readonly iceRows?: number;
}

export interface PartialDependence {
  readonly feature: string;
  readonly kind: 'numeric' | 'categorical';
  /** Grid values (numbers) or levels (strings). */
  readonly grid: readonly (number | string)[];
  /** Output labels (['value'], [positive class] or the classes). */
  readonly outputs: readonly string[];
  /** grid × K: mean output at each grid value. */
  readonly average: readonly (readonly number[])[];
  /** rows × grid (first output only): one curve per row. */
  readonly ice: readonly (readonly number[])[];
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The grid of a numeric column: distinct values if few, else evenly spaced between percentiles. */
export function numericGrid(values: Float64Array, resolution = 20, percentiles: readonly [number, number] = [0.05, 0.95]): number[] {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) return [];
  const distinct: number[] = [];
  for (let i = 0; i < present.length && distinct.length <= resolution; i++) if (i === 0 || present[i] !== present[i - 1]) distinct.push(present[i]);
  if (distinct.length <= resolution) return distinct;
  const lo = quantile(present, percentiles[0]);
  const hi = quantile(present, percentiles[1]);
  if (lo === hi) return [lo];
  return Array.from({ length: resolution }, (_, g) => lo + ((hi - lo) * g) / (resolution - 1));
}

/**
 * Partial dependence (and ICE) of `model` on one column of `X`.
 * @example partialDependence(model, X, 'age', { gridResolution: 30 }).average
 */
export function partialDependence(model: ScoredModel, X: Frame, feature: string, outputs: readonly string[], opts: PartialDependenceOptions = {}): PartialDependence {
  const col = X.column(feature);
  const n = X.nRows;
  const iceRows = Math.min(n, opts.iceRows ?? 50);
  let grid: (number | string)[];
  let columnAt: (g: number) => Column;
  if (col.dtype === 'categorical') {
    const used = new Uint8Array(col.categories.length);
    for (const c of col.codes) if (c >= 0) used[c] = 1;
    const levels = col.categories.map((_, k) => k).filter((k) => used[k]);
    grid = levels.map((k) => col.categories[k]);
    columnAt = (g) => categoricalColumn(feature, new Int32Array(n).fill(levels[g]), col.categories);
  } else {
    grid = numericGrid(col.values, opts.gridResolution ?? 20, opts.percentiles);
    columnAt = (g) => (col.dtype === 'datetime' ? { dtype: 'datetime', name: feature, values: new Float64Array(n).fill(grid[g] as number) } : float64Column(feature, new Float64Array(n).fill(grid[g] as number)));
  }
  const K = outputs.length;
  // Binary models output both classes' probabilities: keep the positive one.
  const width = model.task === 'regression' ? 1 : model.nClasses;
  const pick = width === 2 && K === 1 ? 1 : 0;
  const average: number[][] = [];
  const ice: number[][] = Array.from({ length: iceRows }, () => []);
  grid.forEach((_, g) => {
    const out = model.output(X.withColumn(columnAt(g)));
    const mean = new Array<number>(K).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) mean[k] += out[i * width + pick + k] / n;
    average.push(mean);
    for (let i = 0; i < iceRows; i++) ice[i].push(out[i * width + pick]);
  });
  return { feature, kind: col.dtype === 'categorical' ? 'categorical' : 'numeric', grid, outputs, average, ice };
}
