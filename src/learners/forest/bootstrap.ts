/**
 * @module learners/forest/bootstrap
 * Per-tree row weights: the bootstrap draw (row multiplicities, scikit-learn's
 * `_generate_sample_indices`) times the base weights (sample × class weights), with
 * 'balanced_subsample' class weights recomputed on the drawn sample.
 */
import type { Rng } from '../../common/random.js';
import { balancedClassWeights, classTotals } from '../shared/sample-weights.js';

export interface TreeSample {
  /** Weight per training row (0 = not in this tree's sample). */
  readonly weight: Float64Array;
  /** Times each row was drawn (absent without bootstrap). */
  readonly counts?: Int32Array;
}

export function treeSample(base: Float64Array, bootstrap: boolean, maxSamples: number, rng: Rng, subsampleClasses?: { y: Float64Array; K: number }): TreeSample {
  const n = base.length;
  if (!bootstrap) return { weight: base };
  const draws = Math.max(1, Math.round(maxSamples * n));
  const counts = new Int32Array(n);
  for (let d = 0; d < draws; d++) counts[rng.nextInt(n)]++;
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = base[i] * counts[i];
  if (subsampleClasses) {
    const cw = balancedClassWeights(classTotals(subsampleClasses.y, subsampleClasses.K, weight));
    for (let i = 0; i < n; i++) weight[i] *= cw[subsampleClasses.y[i]];
  }
  return { weight, counts };
}
