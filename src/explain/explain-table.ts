/**
 * @module explain/explain-table
 * `explainTable`: what `modelwright explain` reports for a saved model on a table.
 *
 *   table ─first N rows──────────▶ per-row contributions (exact method of the model / ensemble)
 *         ─seeded sample (≤ 1000)─▶ mean |SHAP| per feature, chart data, interaction pairs
 *         ─labelled sample────────▶ permutation importance (metric drop; without labels:
 *                                   how much predictions move)
 *
 * Background rows (forest covers, linear means) are a seeded sample of the table.
 */
import { Rng } from '../common/random.js';
import type { Frame } from '../data/frame/frame.js';
import { ModelwrightError } from '../errors.js';
import { encodeTarget, rowsWithTarget } from '../learners/target.js';
import type { SavedModelRef } from '../evaluate/saved-model-ref.js';
import { type ExplainRowJson, type GlobalImportanceJson, type PerOutput, globalJson, meanAbsShap, perOutput, rowsJson } from './explain-json.js';
import { explainModel, treeViewOf } from './explain-model.js';
import { type ExplainPlots, explainPlots } from './explain-plots.js';
import { explainPredictor } from './explain-predictor.js';
import { nativeRaw } from './native-raw.js';
import { type PermutationImportance, type ScoredModel, permutationImportance } from './permutation-importance.js';
import type { ShapValues } from './tree-shap.js';
import { treeShapInteractions } from './tree-shap-interactions.js';

export interface ExplainTableOptions {
  /** Rows explained one by one (the first ones); default 10. */
  readonly rows?: number;
  /** Rows sampled for global summaries and charts; default 1000. */
  readonly sampleRows?: number;
  /** Permutation repeats; default 5 (0: skip permutation importance). */
  readonly repeats?: number;
  readonly seed?: number;
  readonly threads?: number;
  /** Also compute SHAP interaction values (tree models from `fit`) on ≤ 200 rows. */
  readonly interactions?: boolean;
  /** Also compute chart data (for HTML reports). */
  readonly plots?: boolean;
}

export interface ExplainJson {
  readonly model: { readonly path: string; readonly kind: string; readonly learner: string; readonly task: string; readonly target: string; readonly classes?: readonly string[] };
  readonly method: string;
  readonly note: string;
  readonly output_space: string;
  readonly outputs: readonly string[];
  readonly base_value: PerOutput | null;
  readonly rows: readonly ExplainRowJson[];
  readonly global: readonly GlobalImportanceJson[];
  readonly permutation: { readonly basis: string; readonly baseline: number; readonly repeats: number; readonly rows: number } | null;
  readonly sample_rows: number;
  readonly interactions?: readonly { readonly a: string; readonly b: string; readonly mean_abs: number }[];
}

export interface TableExplanation {
  readonly json: ExplainJson;
  readonly plots: ExplainPlots | null;
}

interface Explained {
  readonly shap: ShapValues | null;
  readonly raw: Float64Array;
  readonly unexplained: Float64Array | null;
  readonly method: string;
  readonly note: string;
}

async function explainRows(ref: SavedModelRef, rows: Frame, background: Frame, threads?: number): Promise<Explained> {
  if (ref.kind === 'predictor') {
    const e = await explainPredictor(ref.predictor, rows, background, threads);
    return { shap: e, raw: e.prediction, unexplained: e.unexplained, method: e.method, note: e.note };
  }
  const X = ref.features(rows);
  const e = await explainModel(ref.model, X, { background: ref.features(background), threads });
  if (!e) return { shap: null, raw: nativeRaw(ref.model, X), unexplained: null, method: 'permutation_only', note: `no exact per-row method for ${ref.model.kind} models: global permutation importance only` };
  return { shap: e, raw: nativeRaw(ref.model, X), unexplained: null, method: e.method, note: e.note };
}

function topPairs(s: { features: readonly string[]; outputs: readonly string[]; nRows: number; values: Float64Array }, top = 10): { a: string; b: string; mean_abs: number }[] {
  const M = s.features.length;
  const K = s.outputs.length;
  const pairs: { a: string; b: string; mean_abs: number }[] = [];
  for (let a = 0; a < M; a++) {
    for (let b = a + 1; b < M; b++) {
      let sum = 0;
      for (let i = 0; i < s.nRows; i++) for (let k = 0; k < K; k++) sum += Math.abs(s.values[((i * M + a) * M + b) * K + k]) + Math.abs(s.values[((i * M + b) * M + a) * K + k]);
      pairs.push({ a: s.features[a], b: s.features[b], mean_abs: sum / Math.max(1, s.nRows) });
    }
  }
  return pairs.sort((x, y) => y.mean_abs - x.mean_abs).slice(0, top);
}

/**
 * Explain `ref` on the table `data` (raw columns, as given to predict; the target is optional).
 * @example const { json } = await explainTable(await loadSavedModel('model.json'), table, { rows: 5 })
 */
export async function explainTable(ref: SavedModelRef, data: Frame, opts: ExplainTableOptions = {}): Promise<TableExplanation> {
  const rng = new Rng(opts.seed ?? 0);
  const nRows = Math.min(data.nRows, opts.rows ?? 10);
  const sampleIdx = data.nRows <= (opts.sampleRows ?? 1000) ? null : Int32Array.from(rng.sampleIndices(data.nRows, opts.sampleRows ?? 1000)).sort();
  const sample = sampleIdx ? data.take(sampleIdx) : data;
  const background = data.nRows <= 2000 ? data : data.take(Int32Array.from(rng.sampleIndices(data.nRows, 2000)).sort());
  const first = await explainRows(ref, data.slice(0, nRows), background, opts.threads);
  const global = await explainRows(ref, sample, background, opts.threads);
  const t = ref.task;
  const K = t.classes ? (t.classes.length === 2 ? 1 : t.classes.length) : 1;
  const outputs = global.shap?.outputs ?? (!t.classes ? ['value'] : K === 1 ? [t.classes[1]] : [...t.classes]);
  const Xs = ref.features(sample);
  // Permutation importance: on labelled sample rows when the target is there.
  let perm: PermutationImportance | null = null;
  let permRows = Xs.nRows;
  const scored: ScoredModel = { task: t.task, nClasses: t.classes?.length ?? 0, output: (X) => ref.output(X) };
  if ((opts.repeats ?? 5) > 0) {
    const popts = { repeats: opts.repeats ?? 5, seed: opts.seed ?? 0 };
    const y = sample.has(t.target) ? encodeTarget(sample.column(t.target), t.task, t.classes) : null;
    const keep = y ? rowsWithTarget(y) : null;
    try {
      if (y && keep && keep.length > 1) {
        perm = permutationImportance(scored, Xs.take(keep), Float64Array.from(keep, (r) => y.values[r]), popts);
        permRows = keep.length;
      }
    } catch (err) {
      // A metric undefined on these labels (one class only): fall back to prediction change.
      if (!(err instanceof ModelwrightError)) throw err;
    }
    perm ??= permutationImportance(scored, Xs, undefined, popts);
  }
  const features = global.shap?.features ?? Xs.names;
  const meanAbs = global.shap ? meanAbsShap(global.shap) : null;
  let interactions: ExplainJson['interactions'];
  if (opts.interactions && ref.kind === 'model') {
    const view = treeViewOf(ref.model, ref.features(background));
    if (view) interactions = topPairs(treeShapInteractions(view, Xs.slice(0, Math.min(200, Xs.nRows))));
  }
  const json: ExplainJson = {
    model: { path: ref.path, kind: ref.kind, learner: ref.learner, task: t.task, target: t.target, ...(t.classes ? { classes: t.classes } : {}) },
    method: global.method,
    note: global.note,
    output_space: global.shap?.outputSpace ?? (t.classes ? 'probability' : 'value'),
    outputs,
    base_value: global.shap ? perOutput(outputs, (k) => global.shap!.base[k]) : null,
    rows: first.shap ? rowsJson(first.shap, first.raw, first.unexplained, Array.from({ length: nRows }, (_, i) => i)) : Array.from({ length: nRows }, (_, i) => ({ row: i, prediction_raw: perOutput(outputs, (k) => first.raw[i * K + k]), contributions: {} })),
    global: globalJson(features, outputs, meanAbs, perm),
    permutation: perm ? { basis: perm.basis, baseline: perm.baseline, repeats: perm.repeats, rows: permRows } : null,
    sample_rows: sample.nRows,
    ...(interactions ? { interactions } : {}),
  };
  let plots: ExplainPlots | null = null;
  if (opts.plots && global.shap && meanAbs) {
    const s = global.shap;
    const Ks = s.outputs.length;
    // Multiclass: chart the class whose contributions are largest overall.
    let k = 0;
    const classTotal = (c: number) => features.reduce((acc, _, j) => acc + meanAbs[j * Ks + c], 0);
    for (let c = 1; c < Ks; c++) if (classTotal(c) > classTotal(k)) k = c;
    const order = features.map((_, j) => j).sort((a, b) => meanAbs[b * Ks + k] - meanAbs[a * Ks + k]);
    plots = explainPlots(s, Xs, k, order, scored);
  }
  return { json, plots };
}
