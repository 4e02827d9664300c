/**
 * Seeded synthetic tables for the drift tests: three normal numeric columns, two categorical
 * columns and a boolean one. `shift` moves x2 by that many standard deviations; `catShift`
 * changes c1's frequencies from [.4 .3 .2 .1] to [.25 .3 .25 .2] (Jensen–Shannon 0.164).
 */
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import type { DatasetSchema } from '../../../src/data/schema/types.js';

export const SCHEMA: DatasetSchema = {
  columns: [
    { name: 'x1', dtype: 'float64', type: 'numeric', role: 'feature', reason: 'test' },
    { name: 'x2', dtype: 'float64', type: 'numeric', role: 'feature', reason: 'test' },
    { name: 'x3', dtype: 'float64', type: 'numeric', role: 'feature', reason: 'test' },
    { name: 'c1', dtype: 'categorical', type: 'categorical', role: 'feature', reason: 'test' },
    { name: 'c2', dtype: 'categorical', type: 'categorical', role: 'feature', reason: 'test' },
    { name: 'flag', dtype: 'categorical', type: 'boolean', role: 'feature', reason: 'test' },
  ],
};

function pick(rng: Rng, p: readonly number[]): number {
  const u = rng.next();
  let s = 0;
  for (let k = 0; k < p.length; k++) if (u < (s += p[k])) return k;
  return p.length - 1;
}

export function syntheticFrame(n: number, seed: number, opts: { shift?: number; catShift?: boolean } = {}): Frame {
  const rng = new Rng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const x3 = new Float64Array(n);
  const c1 = new Int32Array(n);
  const c2 = new Int32Array(n);
  const flag = new Int32Array(n);
  const p1 = opts.catShift ? [0.25, 0.3, 0.25, 0.2] : [0.4, 0.3, 0.2, 0.1];
  for (let i = 0; i < n; i++) {
    x1[i] = rng.normal();
    x2[i] = 10 + 2 * rng.normal() + 2 * (opts.shift ?? 0);
    x3[i] = Math.exp(rng.normal());
    c1[i] = pick(rng, p1);
    c2[i] = pick(rng, [0.5, 0.25, 0.15, 0.1]);
    flag[i] = rng.next() < 0.3 ? 1 : 0;
  }
  return Frame.fromColumns([
    float64Column('x1', x1), float64Column('x2', x2), float64Column('x3', x3),
    categoricalColumn('c1', c1, ['a', 'b', 'c', 'd']), categoricalColumn('c2', c2, ['red', 'green', 'blue', 'grey']),
    categoricalColumn('flag', flag, ['false', 'true']),
  ]);
}
