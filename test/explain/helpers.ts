/**
 * Shared helpers of the explain tests: fitting small tree and linear models on the seeded
 * synthetic data of the gbdt tests (numeric + categorical features, missing values), and the
 * additivity error of an explanation against a model output.
 */
import type { TrainSet } from '../../src/learners/estimator.js';
import '../../src/learners/all.js';
import { getLearner } from '../../src/learners/registry.js';
import type { ShapValues } from '../../src/explain/tree-shap.js';
import { synthetic } from '../learners/gbdt/synthetic.js';

export type Task = 'binary' | 'multiclass' | 'regression';
export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

export function data(task: Task, n = 300, seed = 1): TrainSet {
  return synthetic({ n, task, categorical: [4, 12], missing: 0.1, classes: 3, seed });
}

export async function fit(kind: string, d: TrainSet, params: Record<string, unknown> = {}) {
  return getLearner(kind).create(params).fit(d);
}

/** max over rows and outputs of |base + Σ contributions − output|; `output` is n × K. */
export function additivityError(s: ShapValues, output: Float64Array): number {
  const M = s.features.length;
  const K = s.outputs.length;
  let worst = 0;
  for (let i = 0; i < s.nRows; i++) {
    for (let k = 0; k < K; k++) {
      let sum = s.base[k];
      for (let j = 0; j < M; j++) sum += s.values[(i * M + j) * K + k];
      worst = Math.max(worst, Math.abs(sum - output[i * K + k]));
    }
  }
  return worst;
}
