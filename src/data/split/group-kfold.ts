/**
 * @module split/group-kfold
 * Fold assignments that keep related rows together: every row of a group lands in the same
 * fold (scikit-learn's GroupKFold: largest groups first, each to the currently smallest fold),
 * and time-blocked folds (rows ordered by time, cut into k contiguous blocks) so that a fold's
 * test rows are not interleaved in time with its training rows.
 */
import type { Column } from '../frame/column.js';

/** Fold per row such that no group spans two folds. */
export function groupKfoldAssignment(groups: Column, k: number): Int32Array {
  const n = groups.dtype === 'categorical' ? groups.codes.length : groups.values.length;
  const keyOf = (i: number): string => (groups.dtype === 'categorical' ? String(groups.codes[i]) : String(groups.values[i]));
  const sizes = new Map<string, number>();
  for (let i = 0; i < n; i++) sizes.set(keyOf(i), (sizes.get(keyOf(i)) ?? 0) + 1);
  const foldSize = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [key, size] of order) {
    let f = 0;
    for (let j = 1; j < k; j++) if (foldSize[j] < foldSize[f]) f = j;
    foldOf.set(key, f);
    foldSize[f] += size;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = foldOf.get(keyOf(i)) as number;
  return out;
}

/** Row indices ordered by time (missing times first, ties by row index). */
export function timeOrder(time: Float64Array): Int32Array {
  const idx = Int32Array.from({ length: time.length }, (_, i) => i);
  return idx.sort((a, b) => {
    const ta = Number.isNaN(time[a]) ? Number.NEGATIVE_INFINITY : time[a];
    const tb = Number.isNaN(time[b]) ? Number.NEGATIVE_INFINITY : time[b];
    return ta - tb || a - b;
  });
}

/** Fold per row: k contiguous blocks of the rows in time order. */
export function timeBlockAssignment(time: Float64Array, k: number): Int32Array {
  const order = timeOrder(time);
  const out = new Int32Array(time.length);
  for (let r = 0; r < order.length; r++) out[order[r]] = Math.min(k - 1, Math.floor((r * k) / order.length));
  return out;
}
