/**
 * Seeded synthetic data for the gbdt tests: numeric, categorical and missing values with a
 * known signal, small enough to fit in milliseconds.
 */
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn, float64Column, type Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import type { TrainSet } from '../../../src/learners/estimator.js';

export interface SyntheticOptions {
  readonly n: number;
  readonly seed?: number;
  readonly numeric?: number;
  /** Levels of each categorical feature. */
  readonly categorical?: readonly number[];
  /** Fraction of missing values in every feature. */
  readonly missing?: number;
  readonly task?: 'binary' | 'regression' | 'multiclass';
  readonly classes?: number;
}

/** A frame plus the latent score the target was drawn from. */
export function synthetic(o: SyntheticOptions): TrainSet & { latent: Float64Array } {
  const rng = new Rng(o.seed ?? 1);
  const n = o.n;
  const nNum = o.numeric ?? 4;
  const cats = o.categorical ?? [];
  const miss = o.missing ?? 0;
  const cols: Column[] = [];
  const latent = new Float64Array(n);
  for (let j = 0; j < nNum; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      v[i] = rng.normal();
      if (j === 0) latent[i] += v[i];
      if (j === 1) latent[i] += Math.sin(2 * v[i]);
      if (j === 2) latent[i] += 0.5 * v[i] * v[i] - 0.5;
      if (miss > 0 && rng.next() < miss) v[i] = Number.NaN;
    }
    cols.push(float64Column(`x${j}`, v));
  }
  cats.forEach((levels, j) => {
    // Effects come from a fixed stream, so that sets drawn with different seeds share them.
    const fixed = new Rng(1000 + j);
    const effect = Array.from({ length: levels }, () => fixed.normal());
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      codes[i] = rng.nextInt(levels);
      latent[i] += effect[codes[i]];
      if (miss > 0 && rng.next() < miss) codes[i] = -1;
    }
    cols.push(categoricalColumn(`c${j}`, codes, Array.from({ length: levels }, (_, k) => `L${k}`)));
  });
  const task = o.task ?? 'binary';
  const y = new Float64Array(n);
  if (task === 'regression') for (let i = 0; i < n; i++) y[i] = latent[i] + 0.3 * rng.normal();
  else if (task === 'binary') for (let i = 0; i < n; i++) y[i] = rng.next() < 1 / (1 + Math.exp(-2 * latent[i])) ? 1 : 0;
  else {
    const K = o.classes ?? 3;
    for (let i = 0; i < n; i++) y[i] = Math.min(K - 1, Math.max(0, Math.floor((latent[i] + 1.5 + 0.3 * rng.normal()) / (3 / K))));
  }
  const classes = task === 'binary' ? ['0', '1'] : task === 'multiclass' ? Array.from({ length: o.classes ?? 3 }, (_, k) => `k${k}`) : undefined;
  return { X: Frame.fromColumns(cols), y: { name: 'y', task, values: y, classes }, latent };
}

/** The values of a numeric prediction column. */
export function valuesOf(col: Column): Float64Array {
  if (col.dtype === 'categorical') throw new Error(`expected a numeric column, got categorical '${col.name}'`);
  return col.values;
}
