/**
 * @module explain/explain-predictor
 * Per-row explanation of a trained predictor (an ensemble of bagged members). The predictor
 * averages its fold models' predictions and weights its members, so the explanation does the
 * same on the prediction scale (probability of each class, or value):
 *
 *   for each member m with weight w_m and k fold models:
 *     tree / linear models → exact contributions (explain-model.ts), moved to the prediction
 *                            scale (output-scale.ts), added with weight w_m / k;
 *     other models         → no per-row method: their prediction minus its mean over the
 *                            background rows goes to `unexplained` (and the mean to the base).
 *
 * So base + Σ contributions + unexplained = the predictor's prediction, row by row.
 */
import type { Predictor } from '../automl/predictor.js';
import { modelOutput } from '../automl/cross-validate.js';
import type { Frame } from '../data/frame/frame.js';
import { explainModel } from './explain-model.js';
import { toPredictionScale } from './output-scale.js';
import type { ShapValues } from './tree-shap.js';

export interface MemberMethod {
  readonly name: string;
  readonly learner: string;
  readonly weight: number;
  /** How the member's part was explained. */
  readonly method: 'tree_shap' | 'linear_exact' | 'unexplained';
}

export interface EnsembleExplanation extends ShapValues {
  readonly method: string;
  readonly note: string;
  readonly members: readonly MemberMethod[];
  /** n × K: the ensemble's prediction for each explained row. */
  readonly prediction: Float64Array;
  /** n × K: the part from members without a per-row method (relative to its mean), or null. */
  readonly unexplained: Float64Array | null;
}

/**
 * Explain `rows` (raw table rows, as given to predict) of `predictor`; `background` (raw rows,
 * default `rows`) gives means and forest covers.
 * @example const e = await explainPredictor(predictor, data.slice(0, 20), data)
 */
export async function explainPredictor(predictor: Predictor, rows: Frame, background: Frame = rows, threads?: number): Promise<EnsembleExplanation> {
  const X = predictor.features(rows);
  const B = predictor.features(background);
  const features = X.names;
  const index = new Map(features.map((f, j) => [f, j]));
  const M = features.length;
  const classes = predictor.classes;
  const outputs = !classes ? ['value'] : classes.length === 2 ? [classes[1]] : [...classes];
  const K = outputs.length;
  const W = classes ? classes.length : 1;
  const pick = W === 2 ? 1 : 0;
  const n = X.nRows;
  const values = new Float64Array(n * M * K);
  const base = new Float64Array(K);
  const prediction = new Float64Array(n * K);
  let unexplained: Float64Array | null = null;
  const members: MemberMethod[] = [];
  for (const m of predictor.state.members) {
    if (m.weight === 0) continue;
    const w = m.weight / m.models.length;
    let method: MemberMethod['method'] = 'unexplained';
    for (const model of m.models) {
      const out = modelOutput(model, X);
      for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) prediction[i * K + k] += w * out[i * W + pick + k];
      const e = await explainModel(model, X, { background: B, threads });
      if (!e) {
        const bg = modelOutput(model, B);
        const mean = new Float64Array(K);
        for (let i = 0; i < B.nRows; i++) for (let k = 0; k < K; k++) mean[k] += bg[i * W + pick + k] / B.nRows;
        unexplained ??= new Float64Array(n * K);
        for (let k = 0; k < K; k++) base[k] += w * mean[k];
        for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) unexplained[i * K + k] += w * (out[i * W + pick + k] - mean[k]);
        continue;
      }
      method = e.method;
      const sigmoid = model.kind === 'gbdt' ? Number((model as { params?: Record<string, unknown> }).params?.sigmoid ?? 1) : 1;
      const s = toPredictionScale(e, out, sigmoid);
      const Me = s.features.length;
      const to = Int32Array.from(s.features, (f) => index.get(f) ?? -1);
      for (let k = 0; k < K; k++) base[k] += w * s.base[k];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < Me; j++) {
          if (to[j] < 0) continue;
          for (let k = 0; k < K; k++) values[(i * M + to[j]) * K + k] += w * s.values[(i * Me + j) * K + k];
        }
      }
    }
    members.push({ name: m.name, learner: m.learner, weight: m.weight, method });
  }
  const parts = members.map((m) => `${m.name} ×${m.weight.toFixed(2)}: ${m.method}`).join(', ');
  const scale = classes ? 'probability' : 'value';
  return {
    features,
    outputs,
    outputSpace: classes ? 'probability' : 'value',
    nRows: n,
    base,
    values,
    prediction,
    unexplained,
    members,
    method: members.every((m) => m.method === 'unexplained') ? 'none' : 'ensemble_weighted',
    note: `weighted sum of the members' exact contributions on the ${scale} scale (tree and logit scales rescaled to it): ${parts}${unexplained ? '; members without a per-row method are reported as "unexplained" and covered by permutation importance' : ''}`,
  };
}
