/**
 * extratrees: the conformance suite, and random thresholds that still separate an easy
 * step (each random threshold falls between the node's extremes).
 */
import { describe, expect, it } from 'vitest';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { type ForestModel, extraTreesLearner } from '../../../src/learners/forest/index.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';

runEstimatorChecks(extraTreesLearner, { params: { n_estimators: 10 } });

describe('extratrees', () => {
  it('full-depth random-threshold trees fit the training rows exactly', async () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => i);
    const y = Float64Array.from(x, (v) => (v < 13 ? 0 : v < 29 ? 1 : 2));
    const train = { X: Frame.fromColumns([float64Column('x', x)]), y: { name: 'y', task: 'multiclass' as const, values: y, classes: ['a', 'b', 'c'] } };
    const model = (await extraTreesLearner.create({ n_estimators: 5 }).fit(train)) as ForestModel;
    const pred = model.predict(train.X);
    if (pred.dtype !== 'categorical') throw new Error('expected classes');
    expect(Array.from(pred.codes)).toEqual(Array.from(y));
    // Thresholds differ between trees: the root split is random.
    expect(new Set(model.trees.map((t) => t.threshold[0])).size).toBeGreaterThan(1);
  });
});
