/**
 * @module explain/explain-json
 * The JSON of `modelwright explain --json`:
 *
 *   { method, note, output_space, outputs, base_value,
 *     rows:   [{ row, prediction_raw, contributions: { feature: value }, unexplained? }],
 *     global: [{ feature, mean_abs_shap, permutation_importance, permutation_importance_std }] }
 *
 * For one output (regression, binary: the positive class) every value is a number; for
 * multiclass each becomes { class: number }. base + Σ contributions (+ unexplained) =
 * prediction_raw on the stated output scale.
 */
import type { PermutationImportance } from './permutation-importance.js';
import type { ShapValues } from './tree-shap.js';

export type PerOutput = number | Record<string, number>;

export interface ExplainRowJson {
  readonly row: number;
  readonly prediction_raw: PerOutput;
  readonly contributions: Record<string, PerOutput>;
  readonly unexplained?: PerOutput;
}

export interface GlobalImportanceJson {
  readonly feature: string;
  readonly mean_abs_shap: PerOutput | null;
  readonly permutation_importance: number | null;
  readonly permutation_importance_std: number | null;
}

/** Values of one row or summary, as a number (one output) or a { class: value } map. */
export function perOutput(outputs: readonly string[], get: (k: number) => number): PerOutput {
  if (outputs.length === 1) return get(0);
  return Object.fromEntries(outputs.map((o, k) => [o, get(k)]));
}

/** Mean |contribution| per feature and output over the rows of `s`: M × K. */
export function meanAbsShap(s: ShapValues): Float64Array {
  const M = s.features.length;
  const K = s.outputs.length;
  const out = new Float64Array(M * K);
  for (let i = 0; i < s.nRows; i++) for (let j = 0; j < M * K; j++) out[j] += Math.abs(s.values[i * M * K + j]) / Math.max(1, s.nRows);
  return out;
}

/**
 * Per-row JSON of the first rows of `s`; `raw` (n × K) is the model's own output for them and
 * `unexplained` (n × K) the part of an ensemble with no per-row method.
 */
export function rowsJson(s: ShapValues, raw: Float64Array, unexplained: Float64Array | null, rowIds: ArrayLike<number>): ExplainRowJson[] {
  const M = s.features.length;
  const K = s.outputs.length;
  return Array.from({ length: s.nRows }, (_, i) => {
    const contributions: Record<string, PerOutput> = {};
    s.features.forEach((f, j) => (contributions[f] = perOutput(s.outputs, (k) => s.values[(i * M + j) * K + k])));
    const row: ExplainRowJson = { row: rowIds[i], prediction_raw: perOutput(s.outputs, (k) => raw[i * K + k]), contributions };
    return unexplained ? { ...row, unexplained: perOutput(s.outputs, (k) => unexplained[i * K + k]) } : row;
  });
}

/** Global importance rows, sorted by mean |SHAP| (summed over outputs), then permutation importance. */
export function globalJson(features: readonly string[], outputs: readonly string[], meanAbs: Float64Array | null, perm: PermutationImportance | null): GlobalImportanceJson[] {
  const K = outputs.length;
  const byName = new Map(perm?.features.map((f) => [f.feature, f]) ?? []);
  const total = (j: number) => (meanAbs ? Array.from({ length: K }, (_, k) => meanAbs[j * K + k]).reduce((a, b) => a + b, 0) : 0);
  const order = features.map((_, j) => j).sort((a, b) => total(b) - total(a) || (byName.get(features[b])?.mean ?? 0) - (byName.get(features[a])?.mean ?? 0));
  return order.map((j) => {
    const p = byName.get(features[j]);
    return {
      feature: features[j],
      mean_abs_shap: meanAbs ? perOutput(outputs, (k) => meanAbs[j * K + k]) : null,
      permutation_importance: p ? p.mean : null,
      permutation_importance_std: p ? p.std : null,
    };
  });
}
