/**
 * @module explain/explain-plots
 * The data behind the explanation charts of a report, for one output (the positive class, the
 * value, or a chosen class): a beeswarm row per top feature (each sampled row's contribution,
 * coloured by the feature's value from low to high), dependence points (feature value against
 * its contribution) and partial dependence curves. Plain arrays; report/ draws them.
 */
import type { Frame } from '../data/frame/frame.js';
import { type PartialDependence, partialDependence } from './partial-dependence.js';
import type { ScoredModel } from './permutation-importance.js';
import type { ShapValues } from './tree-shap.js';

export interface BeeswarmRow {
  readonly feature: string;
  readonly shap: number[];
  /** Feature value scaled to [0, 1] by rank (null: missing or categorical). */
  readonly color: (number | null)[];
}

export interface DependencePoints {
  readonly feature: string;
  readonly kind: 'numeric' | 'categorical';
  /** Numeric values, or category labels. */
  readonly x: (number | string | null)[];
  readonly shap: number[];
}

export interface ExplainPlots {
  /** The output the charts show. */
  readonly output: string;
  readonly outputSpace: string;
  readonly beeswarm: readonly BeeswarmRow[];
  readonly dependence: readonly DependencePoints[];
  readonly partialDependence: readonly PartialDependence[];
}

/** Rank-scaled values in [0, 1] (ties share a rank), null for NaN. */
function rankScale(values: Float64Array): (number | null)[] {
  const idx = Array.from(values.keys()).filter((i) => !Number.isNaN(values[i])).sort((a, b) => values[a] - values[b]);
  const out: (number | null)[] = new Array(values.length).fill(null);
  const m = idx.length;
  for (let r = 0; r < m; ) {
    let e = r;
    while (e + 1 < m && values[idx[e + 1]] === values[idx[r]]) e++;
    const v = m > 1 ? (r + e) / 2 / (m - 1) : 0.5;
    for (let q = r; q <= e; q++) out[idx[q]] = v;
    r = e + 1;
  }
  return out;
}

/**
 * Chart data for output `k` of `s`, computed on the feature rows `X` that `s` explains.
 * `order`: feature indices, most important first.
 */
export function explainPlots(s: ShapValues, X: Frame, k: number, order: readonly number[], model: ScoredModel | null, opts: { beeswarm?: number; dependence?: number; pdRows?: number } = {}): ExplainPlots {
  const M = s.features.length;
  const K = s.outputs.length;
  const shapOf = (j: number) => Array.from({ length: s.nRows }, (_, i) => s.values[(i * M + j) * K + k]);
  const beeswarm = order.slice(0, opts.beeswarm ?? 12).map((j) => {
    const col = X.has(s.features[j]) ? X.column(s.features[j]) : null;
    const color = !col || col.dtype === 'categorical' ? new Array<number | null>(s.nRows).fill(null) : rankScale(col.values);
    return { feature: s.features[j], shap: shapOf(j), color };
  });
  const top = order.slice(0, opts.dependence ?? 4).filter((j) => X.has(s.features[j]));
  const dependence = top.map((j): DependencePoints => {
    const col = X.column(s.features[j]);
    const x = col.dtype === 'categorical' ? Array.from(col.codes, (c) => (c < 0 ? null : col.categories[c])) : Array.from(col.values, (v) => (Number.isNaN(v) ? null : v));
    return { feature: s.features[j], kind: col.dtype === 'categorical' ? 'categorical' : 'numeric', x, shap: shapOf(j) };
  });
  const pdX = X.slice(0, Math.min(X.nRows, opts.pdRows ?? 300));
  // Multiclass: the curves of every class are computed together and class k is kept (no ICE).
  const pd = !model ? [] : top.map((j) =>
    K > 1
      ? pickClass(partialDependence(model, pdX, s.features[j], s.outputs, { gridResolution: 20, iceRows: 0 }), k, s.outputs[k])
      : partialDependence(model, pdX, s.features[j], s.outputs, { gridResolution: 20, iceRows: 30 }),
  );
  return { output: s.outputs[k], outputSpace: s.outputSpace, beeswarm, dependence, partialDependence: pd };
}

function pickClass(pd: PartialDependence, k: number, label: string): PartialDependence {
  return { ...pd, outputs: [label], average: pd.average.map((row) => [row[k]]), ice: [] };
}
