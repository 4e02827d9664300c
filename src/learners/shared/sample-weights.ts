/**
 * @module learners/shared/sample-weights
 * Per-row training weights: the caller's sample weights times class weights. 'balanced'
 * gives class k the weight n / (K · n_k) (scikit-learn's compute_class_weight), so every
 * class carries the same total weight.
 */
import type { TrainSet } from '../estimator.js';

export type ClassWeight = 'none' | 'balanced';

/** Weighted count per class of `y` (class indices as floats) over `rows` (default: all). */
export function classTotals(y: Float64Array, K: number, weight?: Float64Array, rows?: ArrayLike<number>): Float64Array {
  const totals = new Float64Array(K);
  const n = rows ? rows.length : y.length;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r] : r;
    totals[y[i]] += weight ? weight[i] : 1;
  }
  return totals;
}

/** Balanced class weights from weighted class totals: n / (K · n_k); 0 for absent classes. */
export function balancedClassWeights(totals: Float64Array): Float64Array {
  let n = 0;
  let present = 0;
  for (const t of totals) if (t > 0) (n += t), present++;
  // K counts only the classes present, as scikit-learn's compute_class_weight does.
  return totals.map((t) => (t > 0 ? n / (present * t) : 0));
}

/** Final per-row weights for a fit (always an array: simpler loops downstream). */
export function rowWeights(data: TrainSet, classWeight: ClassWeight): Float64Array {
  const n = data.y.values.length;
  const w = data.weight ? Float64Array.from(data.weight) : new Float64Array(n).fill(1);
  if (classWeight === 'balanced' && data.y.task !== 'regression') {
    const K = data.y.classes?.length ?? 0;
    const cw = balancedClassWeights(classTotals(data.y.values, K, data.weight));
    for (let i = 0; i < n; i++) w[i] *= cw[data.y.values[i]];
  }
  return w;
}
