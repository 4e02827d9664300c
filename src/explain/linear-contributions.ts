/**
 * @module explain/linear-contributions
 * Exact SHAP values of a linear model (features treated as independent, as shap's
 * LinearExplainer does): on the design matrix the model really multiplies — after
 * imputation, standardisation and one-hot encoding — column c contributes
 * coef_c · (x_c − mean_c), and the base value is intercept + Σ coef_c · mean_c, so base +
 * Σ contributions = the model's linear score (log-odds, softmax input or value) exactly.
 * Design columns are summed back onto the input column they came from (`city=Oslo` and
 * `city=Rome` → city; `age__missing` → age). Means are taken over `background` rows
 * (default: the explained rows themselves).
 */
import type { Frame } from '../data/frame/frame.js';
import { OneHotEncoder, type OneHotState } from '../features/encode/one-hot-encoder.js';
import { INDICATOR_SUFFIX } from '../features/impute/simple-imputer.js';
import type { LinearModel } from '../learners/linear/model.js';
import type { ShapValues } from './tree-shap.js';

/** For each design-matrix column, the index of the input feature it comes from. */
export function designColumnSources(model: LinearModel): Int32Array {
  const features = model.inputSchema.features.map((f) => f.name);
  const index = new Map(features.map((f, j) => [f, j]));
  const origin = new Map<string, string>();
  for (const step of model.input.pipeline.steps) {
    if (step.kind !== 'one-hot') continue;
    for (const s of (step as OneHotEncoder).state.columns as OneHotState['columns']) for (const name of OneHotEncoder.outputNames(s)) origin.set(name, s.name);
  }
  return Int32Array.from(model.input.pipeline.outputNames, (name) => {
    const direct = origin.get(name) ?? (name.endsWith(INDICATOR_SUFFIX) && index.has(name.slice(0, -INDICATOR_SUFFIX.length)) ? name.slice(0, -INDICATOR_SUFFIX.length) : name);
    const j = index.get(direct);
    if (j === undefined) throw new Error(`design column '${name}' has no source feature`);
    return j;
  });
}

/**
 * Contributions of each input feature to the linear score of every row of `X`.
 * @example linearContributions(model, X).values // n × M × K
 */
export function linearContributions(model: LinearModel, X: Frame, background: Frame = X): ShapValues {
  const features = model.inputSchema.features.map((f) => f.name);
  const M = features.length;
  const src = designColumnSources(model);
  const { coef, intercept } = model.fitted;
  const R = intercept.length;
  const bg = model.input.matrix(background);
  const p = bg.nCols;
  const mean = new Float64Array(p);
  for (let i = 0; i < bg.nRows; i++) for (let c = 0; c < p; c++) mean[c] += bg.data[i * p + c];
  for (let c = 0; c < p; c++) mean[c] /= Math.max(1, bg.nRows);
  const base = Float64Array.from(intercept);
  for (let r = 0; r < R; r++) for (let c = 0; c < p; c++) base[r] += coef[r * p + c] * mean[c];
  const m = model.input.matrix(X);
  const n = m.nRows;
  const values = new Float64Array(n * M * R);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < p; c++) {
      const d = m.data[i * p + c] - mean[c];
      const o = (i * M + src[c]) * R;
      for (let r = 0; r < R; r++) values[o + r] += coef[r * p + c] * d;
    }
  }
  const regression = model.task === 'regression';
  return {
    features,
    outputs: regression ? ['value'] : R === 1 ? [model.classes[1]] : [...model.classes],
    outputSpace: regression ? 'value' : R === 1 ? 'log_odds' : 'softmax_logit',
    nRows: n,
    base,
    values,
  };
}
