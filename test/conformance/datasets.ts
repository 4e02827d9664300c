/**
 * Seeded synthetic training sets for the conformance suite: every task, with a numeric column
 * holding NaN and a categorical column, so that missing-value and category handling is
 * exercised on every learner.
 */
import { Rng } from '../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import type { Task } from '../../src/data/schema/types.js';
import type { TrainSet } from '../../src/learners/estimator.js';

export const COLOURS = ['red', 'green', 'blue', 'amber'] as const;

/** n rows: x0, x1 numeric (x1 has ~8% NaN), x2 numeric noise, colour categorical. */
export function syntheticSet(task: Task, n = 300, seed = 7): TrainSet {
  const rng = new Rng(seed);
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const colour = new Int32Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x0[i] = rng.normal();
    x1[i] = rng.next() < 0.08 ? Number.NaN : rng.normal();
    x2[i] = rng.normal();
    colour[i] = rng.nextInt(COLOURS.length);
    const signal = 1.5 * x0[i] - (Number.isNaN(x1[i]) ? 0.5 : x1[i]) + (colour[i] === 2 ? 1 : 0) + 0.3 * rng.normal();
    if (task === 'regression') y[i] = 3 + 2 * signal;
    else if (task === 'binary') y[i] = signal > 0.2 ? 1 : 0;
    else y[i] = signal < -0.7 ? 0 : signal < 0.9 ? 1 : 2;
  }
  const X = Frame.fromColumns([float64Column('x0', x0), float64Column('x1', x1), float64Column('x2', x2), categoricalColumn('colour', colour, [...COLOURS])]);
  const classes = task === 'binary' ? ['no', 'yes'] : task === 'multiclass' ? ['a', 'b', 'c'] : undefined;
  return { X, y: { name: 'y', task, values: y, classes } };
}
