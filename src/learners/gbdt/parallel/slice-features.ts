/**
 * @module learners/gbdt/parallel/slice-features
 * How a tree's histogram work is divided among threads: by feature, never by row, so each
 * histogram cell is summed by one thread in row order and results do not depend on the
 * thread count.
 */
import type { TreeFeatures } from '../sampling/column-sampler.js';

export interface Slice {
  readonly runs: Int32Array;
  readonly nRuns: number;
  readonly wide: Int32Array;
  readonly nWide: number;
}

/**
 * Split a tree's features into `parts` slices of contiguous narrow words and wide features,
 * balanced by estimated cost: a word is 4 histogram updates per row; a wide feature is 1,
 * but in its own pass over the rows (index and gradient loads again), measured at ~3 words' worth.
 */
export function sliceFeatures(tf: TreeFeatures, parts: number): Slice[] {
  const WORD_COST = 4;
  const WIDE_COST = 3;
  const units: { word: number; wide: number; cost: number }[] = [];
  for (let k = 0; k < tf.wordRuns.length; k += 2) for (let w = tf.wordRuns[k]; w < tf.wordRuns[k + 1]; w++) units.push({ word: w, wide: -1, cost: WORD_COST });
  for (const f of tf.wide) units.push({ word: -1, wide: f, cost: WIDE_COST });
  const total = units.reduce((a, u) => a + u.cost, 0);
  const out: Slice[] = [];
  let u = 0;
  let acc = 0;
  for (let t = 0; t < parts; t++) {
    const runs: number[] = [];
    const wide: number[] = [];
    // Take units while this slice's share of the total is not yet reached.
    const target = ((t + 1) * total) / parts;
    while (u < units.length && (t === parts - 1 || acc + units[u].cost / 2 <= target)) {
      const unit = units[u++];
      acc += unit.cost;
      if (unit.wide >= 0) wide.push(unit.wide);
      else if (runs.length > 0 && runs[runs.length - 1] === unit.word) runs[runs.length - 1] = unit.word + 1;
      else runs.push(unit.word, unit.word + 1);
    }
    out.push({ runs: Int32Array.from(runs), nRuns: runs.length >> 1, wide: Int32Array.from(wide), nWide: wide.length });
  }
  return out;
}
