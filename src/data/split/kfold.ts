/**
 * @module split/kfold
 * Seeded k-fold assignment of rows, stratified by class when labels are given.
 */
import { Rng } from '../../common/random.js';

/** Fold number (0..k-1) per row. Stratified: each class is dealt round-robin after shuffling. */
export function kfoldAssignment(n: number, k: number, options: { seed?: number; strata?: Float64Array } = {}): Int32Array {
  const rng = new Rng(options.seed ?? 0);
  const fold = new Int32Array(n);
  const order = rng.permutation(n);
  if (!options.strata) {
    for (let i = 0; i < n; i++) fold[order[i]] = i % k;
    return fold;
  }
  const next = new Map<number, number>();
  // A per-class counter that starts where the previous class ended keeps folds balanced in size too.
  let offset = 0;
  const sorted = Array.from(order).sort((a, b) => (options.strata as Float64Array)[a] - (options.strata as Float64Array)[b]);
  for (const i of sorted) {
    const c = options.strata[i];
    const count = next.get(c) ?? offset;
    fold[i] = count % k;
    next.set(c, count + 1);
    offset = count + 1;
  }
  return fold;
}

/** Train and test row indices of fold `f`. */
export function foldIndices(assignment: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < assignment.length; i++) (assignment[i] === f ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
