/**
 * @module split/holdout
 * Seeded train/test splits of row indices, stratified by class when labels are given so that
 * a small class keeps its share on both sides.
 */
import { Rng } from '../../common/random.js';

export interface HoldoutSplit {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Split rows 0..n-1, putting about `testFraction` of them in `test`. With `strata` (a class
 * index per row; NaN = unlabelled, kept in train), each class is split separately.
 * @example const { train, test } = holdoutSplit(1000, { testFraction: 0.2, seed: 1, strata: y.values });
 */
export function holdoutSplit(n: number, options: { testFraction: number; seed?: number; strata?: Float64Array }): HoldoutSplit {
  const rng = new Rng(options.seed ?? 0);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = options.strata ? options.strata[i] : 0;
    const k = Number.isNaN(key) ? -1 : key;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = rng.shuffle(groups.get(key) as number[]);
    const nTest = key === -1 ? 0 : Math.round(rows.length * options.testFraction);
    for (let i = 0; i < rows.length; i++) (i < nTest ? test : train).push(rows[i]);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}
