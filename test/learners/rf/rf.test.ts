/**
 * rf: the conformance suite, predictions on tiny hand-checkable data, missing values sent to
 * the better side, out-of-bag score, importances, and identical forests with 1 or 2 threads.
 */
import { describe, expect, it } from 'vitest';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import type { TrainSet } from '../../../src/learners/estimator.js';
import { type ForestModel, rfLearner } from '../../../src/learners/forest/index.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { syntheticSet } from '../../conformance/datasets.js';

runEstimatorChecks(rfLearner, { params: { n_estimators: 10 } });

function values(model: { predict(X: Frame): { dtype: string } }, X: Frame): number[] {
  const col = model.predict(X) as { dtype: string; values?: Float64Array; codes?: Int32Array };
  return Array.from(col.values ?? col.codes ?? []);
}

describe('rf on tiny data', () => {
  it('one full-depth tree without bootstrap reproduces a step function exactly', async () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const y = Float64Array.of(10, 10, 10, 20, 20, 30);
    const train: TrainSet = { X: Frame.fromColumns([float64Column('x', x)]), y: { name: 'y', task: 'regression', values: y } };
    const model = await rfLearner.create({ n_estimators: 1, bootstrap: false }).fit(train);
    // Thresholds are midpoints between training values: 3.4 → left of 3.5, 5.6 → right of 5.5.
    const test = Frame.fromColumns([float64Column('x', Float64Array.of(0, 3.4, 3.6, 5.4, 5.6, 100))]);
    expect(values(model, test)).toEqual([10, 10, 20, 20, 30, 30]);
  });

  it('max_depth=1 makes a single split at the best threshold (gini)', async () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const y = Float64Array.of(0, 0, 0, 1, 0, 1, 1, 1);
    const train: TrainSet = { X: Frame.fromColumns([float64Column('x', x)]), y: { name: 'y', task: 'binary', values: y, classes: ['a', 'b'] } };
    const model = (await rfLearner.create({ n_estimators: 1, bootstrap: false, max_depth: 1 }).fit(train)) as ForestModel;
    const tree = model.trees[0];
    // Candidates 3.5 and 4.5 both leave one impure side of 4 rows with gini 3/8 each; the
    // first (3.5) wins ties. Left {0,0,0} → [1, 0]; right {1,0,1,1,1} → [0.2, 0.8].
    expect(tree.threshold[0]).toBe(3.5);
    expect(Array.from(model.predictProba(Frame.fromColumns([float64Column('x', Float64Array.of(2, 7))])))).toEqual([1, 0, 0.2, 0.8]);
  });

  it('missing values go to the side that separates them best', async () => {
    // NaN rows carry label 1 like the high values: the split must send NaN right.
    const x = Float64Array.of(1, 2, 3, Number.NaN, Number.NaN, 7, 8, 9);
    const y = Float64Array.of(0, 0, 0, 1, 1, 1, 1, 1);
    const train: TrainSet = { X: Frame.fromColumns([float64Column('x', x)]), y: { name: 'y', task: 'binary', values: y, classes: ['a', 'b'] } };
    const model = (await rfLearner.create({ n_estimators: 1, bootstrap: false }).fit(train)) as ForestModel;
    expect(model.trees[0].missingLeft[0]).toBe(0);
    expect(Array.from(model.predictProba(Frame.fromColumns([float64Column('x', Float64Array.of(Number.NaN))])))).toEqual([0, 1]);
  });

  it('oob_score is a sensible accuracy and importances favour the signal', async () => {
    const train = syntheticSet('binary', 400, 5);
    const model = (await rfLearner.create({ n_estimators: 30, oob_score: true }).fit(train)) as ForestModel;
    expect(model.oobScore).toBeGreaterThan(0.75);
    expect(model.oobScore).toBeLessThanOrEqual(1);
    const imp = model.featureImportances;
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(imp[0]).toBeGreaterThan(imp[2]); // x0 carries signal, x2 is noise
  });

  it('rejects a malformed max_features and the wrong criterion for the task', async () => {
    expect(() => rfLearner.create({ max_features: 'half' })).toThrow(/max_features/);
    await expect(rfLearner.create({ criterion: 'gini' }).fit(syntheticSet('regression', 50, 1))).rejects.toThrow(/criterion/);
    expect(rfLearner.create({ max_features: 0.5 }).params).toMatchObject({ max_features: '0.5' });
  });

  it('n_jobs=2 grows exactly the same forest as n_jobs=1 (worker threads)', async () => {
    const train = syntheticSet('multiclass', 200, 9);
    const a = await rfLearner.create({ n_estimators: 6, n_jobs: 1, seed: 4 }).fit(train);
    const b = await rfLearner.create({ n_estimators: 6, n_jobs: 2, seed: 4 }).fit(train);
    // Compare the learned state only (params differ by n_jobs); a boolean keeps failures short.
    expect(JSON.stringify(b.toJSON().state) === JSON.stringify(a.toJSON().state)).toBe(true);
  });
});
