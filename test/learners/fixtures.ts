/**
 * Reads the reference fixtures written by test/fixtures/learners/make_fixtures.py (scikit-learn
 * outputs on small seeded data) and turns them into TrainSets and test Frames.
 */
import { readFileSync } from 'node:fs';
import { float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import type { Task } from '../../src/data/schema/types.js';
import type { TrainSet } from '../../src/learners/estimator.js';

export interface MatrixCase {
  readonly X: number[][];
  readonly y: number[];
  readonly Xtest: number[][];
  readonly [key: string]: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON read by tests only
export function loadFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/learners/${name}.json`, import.meta.url), 'utf8'));
}

export function frameOf(rows: readonly number[][]): Frame {
  const p = rows[0]?.length ?? 0;
  return Frame.fromColumns(Array.from({ length: p }, (_, j) => float64Column(`f${j}`, Float64Array.from(rows, (r) => r[j]))));
}

/** A classification case: y holds class indices 0..K-1; class labels are 'c0', 'c1', … */
export function classificationSet(c: MatrixCase): { train: TrainSet; testX: Frame } {
  const K = Math.max(...c.y) + 1;
  const task: Task = K === 2 ? 'binary' : 'multiclass';
  const classes = Array.from({ length: K }, (_, k) => `c${k}`);
  return { train: { X: frameOf(c.X), y: { name: 'y', task, values: Float64Array.from(c.y), classes } }, testX: frameOf(c.Xtest) };
}

export function regressionSet(c: MatrixCase): { train: TrainSet; testX: Frame } {
  return { train: { X: frameOf(c.X), y: { name: 'y', task: 'regression', values: Float64Array.from(c.y) } }, testX: frameOf(c.Xtest) };
}
