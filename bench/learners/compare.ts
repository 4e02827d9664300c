/**
 * Quality of one side's test predictions and the paired-bootstrap noise band of the
 * difference between the two sides (same test rows resampled for both), using the shared
 * metrics module so both sides are scored by the same code.
 */
import { Rng } from '../../src/common/random.js';
import { accuracyScore } from '../../src/metrics/classification/accuracy.js';
import { rocAucScore } from '../../src/metrics/classification/roc-auc.js';
import { rootMeanSquaredError } from '../../src/metrics/regression/errors.js';
import { r2Score } from '../../src/metrics/regression/scores.js';
import type { Task } from '../../src/data/schema/types.js';

export type Predictions = number[] | number[][];

/** Primary metric per task, and whether higher is better. */
export function primaryMetric(task: Task): { name: string; higherIsBetter: boolean } {
  return task === 'binary' ? { name: 'roc_auc', higherIsBetter: true } : task === 'multiclass' ? { name: 'accuracy', higherIsBetter: true } : { name: 'rmse', higherIsBetter: false };
}

function argmaxRows(p: number[][], rows: ArrayLike<number>): Int32Array {
  return Int32Array.from(rows, (i) => {
    let best = 0;
    for (let k = 1; k < p[i].length; k++) if (p[i][k] > p[i][best]) best = k;
    return best;
  });
}

/** All reported metrics of `pred` on rows `rows` of y. */
export function scoreRows(task: Task, y: Float64Array, pred: Predictions, rows: ArrayLike<number>): Record<string, number> {
  if (task === 'regression') {
    const t = Float64Array.from(rows, (i) => y[i]);
    const p = Float64Array.from(rows, (i) => (pred as number[])[i]);
    return { rmse: rootMeanSquaredError(t, p), r2: r2Score(t, p) };
  }
  const P = pred as number[][];
  const t = Int32Array.from(rows, (i) => y[i]);
  const acc = accuracyScore(t, argmaxRows(P, rows));
  if (task === 'multiclass') return { accuracy: acc };
  return { roc_auc: rocAucScore(t, Float64Array.from(rows, (i) => P[i][1])), accuracy: acc };
}

/** 95% paired-bootstrap interval of metric(mw) − metric(sk) over resampled test rows. */
export function bootstrapDifference(task: Task, y: Float64Array, mw: Predictions, sk: Predictions, resamples = 400, seed = 1): [number, number] {
  const { name } = primaryMetric(task);
  const rng = new Rng(seed);
  const n = y.length;
  const diffs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const rows = Int32Array.from({ length: n }, () => rng.nextInt(n));
    try {
      diffs.push(scoreRows(task, y, mw, rows)[name] - scoreRows(task, y, sk, rows)[name]);
    } catch {
      // A resample with a single class has no AUC: skip it.
    }
  }
  diffs.sort((a, b) => a - b);
  return [diffs[Math.floor(0.025 * diffs.length)], diffs[Math.ceil(0.975 * diffs.length) - 1]];
}
