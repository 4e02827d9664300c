/**
 * @module explain/output-scale
 * Move a model's contributions from its raw scale (log-odds, softmax inputs, log-means) to the
 * scale of its predictions (probabilities, means), so that members of an ensemble that
 * averages predictions can be added up. Per row and output the contributions are multiplied
 * by one ratio, (g(f(x)) − g(base)) / (f(x) − base), where g is the model's link inverse
 * (sigmoid, softmax, exp): their sum becomes exactly g(f(x)) − g(base), so additivity holds on
 * the new scale and each feature keeps its sign and share. (This is the usual rescaling of
 * SHAP values through a link; exact Shapley values of the probability would need another
 * algorithm.) When f(x) is the base itself but g(f(x)) is not (softmax: other classes moved),
 * the difference is spread over features in proportion to |contribution|.
 */
import type { ShapValues } from './tree-shap.js';

function softmax(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) max = Math.max(max, v);
  const e = Float64Array.from(z, (v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * `e` on the prediction scale. `predicted`: the model's predictions for the same rows, n × W
 * (W = classes for classifiers — binary models' two columns included — or 1 for values).
 * @example toPredictionScale(explanation, model.predictProba(X), 1)
 */
export function toPredictionScale(e: ShapValues, predicted: Float64Array, sigmoid = 1): ShapValues {
  if (e.outputSpace === 'probability' || e.outputSpace === 'value') return e;
  const n = e.nRows;
  const M = e.features.length;
  const K = e.outputs.length;
  const W = predicted.length / Math.max(1, n);
  const base =
    e.outputSpace === 'log_odds' ? Float64Array.of(1 / (1 + Math.exp(-sigmoid * e.base[0])))
    : e.outputSpace === 'softmax_logit' ? softmax(e.base)
    : Float64Array.from(e.base, Math.exp);
  const values = new Float64Array(e.values.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      let sum = 0;
      let abs = 0;
      for (let j = 0; j < M; j++) {
        const v = e.values[(i * M + j) * K + k];
        sum += v;
        abs += Math.abs(v);
      }
      // Binary classifiers predict [1 − p, p]: the explained output is p.
      const p = predicted[i * W + (K === 1 && W === 2 ? 1 : k)];
      const dp = p - base[k];
      const ratio = Math.abs(sum) > 1e-12 ? dp / sum : Number.NaN;
      for (let j = 0; j < M; j++) {
        const o = (i * M + j) * K + k;
        const v = e.values[o];
        values[o] = Number.isFinite(ratio) ? v * ratio : abs > 0 ? (dp * Math.abs(v)) / abs : dp / M;
      }
    }
  }
  return { ...e, outputSpace: e.outputSpace === 'log_value' ? 'value' : 'probability', base, values };
}
