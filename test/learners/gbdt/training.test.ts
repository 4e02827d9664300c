/**
 * Training behaviour: loss falls every iteration, determinism (seed, thread count), weights,
 * early stopping, continued training, categorical splits and learned missing directions.
 */
import { describe, expect, it } from 'vitest';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import type { TrainSet } from '../../../src/learners/estimator.js';
import { auc } from '../../../src/learners/gbdt/eval-metrics.js';
import { GbdtEstimator, type GbdtClassifierModel, type GbdtModel } from '../../../src/learners/gbdt/index.js';
import { synthetic } from './synthetic.js';

const mse = (p: Float64Array, y: Float64Array): number => p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length;
const logloss = (raw: Float64Array, y: Float64Array): number =>
  raw.reduce((s, r, i) => s + Math.log(1 + Math.exp(-r)) + (1 - y[i]) * r, 0) / y.length;

describe('training', () => {
  it('training loss falls at every iteration (L2 and log loss)', async () => {
    const reg = synthetic({ n: 800, task: 'regression', categorical: [6], missing: 0.05, seed: 3 });
    const m = await GbdtEstimator.create({ num_iterations: 30 }).fit(reg);
    let prev = Number.POSITIVE_INFINITY;
    for (let it = 1; it <= 30; it++) {
      const loss = mse(m.predictRaw(reg.X, { numIteration: it }), reg.y.values);
      expect(loss).toBeLessThan(prev);
      prev = loss;
    }
    const bin = synthetic({ n: 800, categorical: [6], missing: 0.05, seed: 4 });
    const c = await GbdtEstimator.create({ num_iterations: 30 }).fit(bin);
    prev = Number.POSITIVE_INFINITY;
    for (let it = 1; it <= 30; it++) {
      const loss = logloss(c.predictRaw(bin.X, { numIteration: it }), bin.y.values);
      expect(loss).toBeLessThan(prev);
      prev = loss;
    }
  });

  it('same seed → identical model; another seed → another model (with bagging and feature sampling)', async () => {
    const d = synthetic({ n: 1500, numeric: 6, categorical: [5, 40], missing: 0.05, seed: 5 });
    const params = { num_iterations: 15, bagging_fraction: 0.7, bagging_freq: 1, feature_fraction: 0.7, feature_fraction_bynode: 0.8, seed: 9 };
    const a = JSON.stringify((await GbdtEstimator.create(params).fit(d)).toJSON());
    const b = JSON.stringify((await GbdtEstimator.create(params).fit(d)).toJSON());
    const c = JSON.stringify((await GbdtEstimator.create({ ...params, seed: 10 }).fit(d)).toJSON());
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('threads = 1, 2 and 3 give bit-identical models (histograms by feature, partitions and gradients by rows)', async () => {
    // 40k rows: leaves above 32k rows are partitioned in parallel chunks.
    const d = synthetic({ n: 40_000, numeric: 9, categorical: [5, 300], missing: 0.05, seed: 6, task: 'multiclass', classes: 3 });
    const params = { num_iterations: 8, bagging_fraction: 0.8, bagging_freq: 2, feature_fraction: 0.8 };
    const one = JSON.stringify((await GbdtEstimator.create(params).fit(d, { threads: 1 })).toJSON());
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const two = JSON.stringify((await GbdtEstimator.create(params).fit(d, { threads: 2, log })).toJSON());
    const three = JSON.stringify((await GbdtEstimator.create(params).fit(d, { threads: 3, log })).toJSON());
    expect(lines.filter((l) => l.includes('1 thread instead'))).toEqual([]); // the workers really ran
    expect(two).toBe(one);
    expect(three).toBe(one);
  });

  it('weights matter: zero-weight rows are ignored, heavy rows pull the fit', async () => {
    const d = synthetic({ n: 1000, task: 'regression', seed: 7 });
    const y = Float64Array.from(d.y.values);
    const weight = new Float64Array(y.length).fill(1);
    for (let i = 0; i < y.length; i += 4) (y[i] = 1000), (weight[i] = 0);
    const noisy: TrainSet = { X: d.X, y: { ...d.y, values: y } };
    const weighted = await GbdtEstimator.create({ num_iterations: 20 }).fit({ ...noisy, weight });
    const unweighted = await GbdtEstimator.create({ num_iterations: 20 }).fit(noisy);
    const clean = mse(weighted.predictRaw(d.X), d.y.values);
    expect(clean).toBeLessThan(1);
    expect(mse(unweighted.predictRaw(d.X), d.y.values)).toBeGreaterThan(100 * clean);
  });

  it('early stopping stops and keeps the best iteration', async () => {
    const train = synthetic({ n: 400, seed: 8, numeric: 8 });
    const valid = synthetic({ n: 400, seed: 9, numeric: 8 });
    const lines: string[] = [];
    const m = await GbdtEstimator.create({ num_iterations: 500, learning_rate: 0.3, num_leaves: 31, min_data_in_leaf: 2, early_stopping_round: 10 })
      .fit(train, { evalSet: valid, log: (l) => lines.push(l) });
    const scores = lines.map((l) => /^\[(\d+)\] valid binary_logloss: ([\d.e-]+)$/.exec(l)).filter((x) => x !== null).map((x) => Number(x[2]));
    const stop = /Early stopping at iteration (\d+); best iteration (\d+)\./.exec(lines[lines.length - 1]);
    expect(stop).not.toBeNull();
    const [stopAt, best] = [Number(stop![1]), Number(stop![2])];
    expect(stopAt).toBeLessThan(500);
    expect(stopAt - best).toBe(10);
    expect(m.bestIteration).toBe(best);
    expect(m.numTrees).toBe(best);
    expect(Math.min(...scores)).toBe(scores[best - 1]);
  });

  it('continued training equals training all trees at once', async () => {
    const d = synthetic({ n: 1200, categorical: [7], missing: 0.05, seed: 10 });
    const all = await GbdtEstimator.create({ num_iterations: 20 }).fit(d);
    const first = await GbdtEstimator.create({ num_iterations: 12 }).fit(d);
    const more = await GbdtEstimator.create({ num_iterations: 8 }).fit(d, { initModel: first });
    expect(more.numTrees).toBe(20);
    const a = all.predictRaw(d.X);
    const b = more.predictRaw(d.X);
    // Same bins, same starting scores: the same trees, up to the last bits of the sums.
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 10);
  });

  it('native categorical splits beat numeric coding of a planted categorical signal', async () => {
    const make = (seed: number) => synthetic({ n: 3000, numeric: 2, categorical: [40], seed });
    const asNumbers = (d: TrainSet): TrainSet => {
      const c = d.X.column('c0');
      if (c.dtype !== 'categorical') throw new Error('expected categorical');
      return { ...d, X: d.X.withColumn(float64Column('c0', Float64Array.from(c.codes))) };
    };
    const train = make(11);
    const test = make(12);
    const params = { num_iterations: 20, num_leaves: 4 };
    const cat = (await GbdtEstimator.create(params).fit(train)) as GbdtClassifierModel;
    const num = (await GbdtEstimator.create(params).fit(asNumbers(train))) as GbdtClassifierModel;
    const aucOf = (m: GbdtModel, X: Frame) => auc(m.predictRaw(X), test.y.values, null);
    expect(aucOf(cat, test.X)).toBeGreaterThan(aucOf(num, asNumbers(test).X) + 0.02);
  });

  it('learns where missing values go when missingness is informative', async () => {
    const n = 2000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const missing = i % 3 === 0;
      x[i] = missing ? Number.NaN : (i % 101) / 100;
      y[i] = missing ? 5 : x[i];
    }
    const m = await GbdtEstimator.create({ num_iterations: 1, num_leaves: 2, learning_rate: 1 }).fit({
      X: Frame.fromArrays({ x }), y: { name: 'y', task: 'regression', values: y },
    });
    const tree = m.trees[0];
    expect(tree.numLeaves).toBe(2);
    // The best split sends every value one way and only the missing rows the other.
    const pred = m.predictRaw(Frame.fromArrays({ x: [Number.NaN, 0, 0.5, 1] }));
    expect(pred[0]).toBeCloseTo(5, 6);
    for (let i = 1; i < 4; i++) expect(pred[i]).toBeLessThan(1);
  });

  it('validation scores tracked by bin traversal equal predictions on raw values', async () => {
    const train = synthetic({ n: 1500, categorical: [6, 300], missing: 0.1, seed: 12 });
    const valid = synthetic({ n: 700, categorical: [6, 300], missing: 0.1, seed: 13 });
    const lines: string[] = [];
    const m = await GbdtEstimator.create({ num_iterations: 15, bagging_fraction: 0.7, bagging_freq: 1, metric: 'binary_logloss,auc' })
      .fit(train, { evalSet: valid, log: (l) => lines.push(l) });
    const last = /^\[15\] valid binary_logloss: ([\d.e-]+) auc: ([\d.e-]+)$/.exec(lines[lines.length - 1]);
    expect(last).not.toBeNull();
    const raw = m.predictRaw(valid.X);
    expect(logloss(raw, valid.y.values).toPrecision(6)).toBe(Number(last![1]).toPrecision(6));
    expect(auc(raw, valid.y.values, null).toPrecision(6)).toBe(Number(last![2]).toPrecision(6));
  });

  it('init scores are a starting point, not part of the model (no boost from average)', async () => {
    const d = synthetic({ n: 1000, task: 'regression', seed: 14 });
    const shift = 100;
    const initScore = new Float64Array(1000).fill(shift);
    const shifted: TrainSet = { ...d, y: { ...d.y, values: d.y.values.map((v) => v + shift) }, initScore };
    const withInit = await GbdtEstimator.create({ num_iterations: 20 }).fit(shifted);
    const plain = await GbdtEstimator.create({ num_iterations: 20, boost_from_average: false }).fit(d);
    expect(withInit.baseScore[0]).toBe(0);
    // Same residuals to fit, so the same trees: predictions differ by the init score only.
    const a = withInit.predictRaw(d.X);
    const b = plain.predictRaw(d.X);
    for (let i = 0; i < 1000; i += 37) expect(a[i]).toBeCloseTo(b[i], 9);
  });

  it('respects num_leaves, max_depth, min_data_in_leaf, lambda_l1 and max_delta_step', async () => {
    const d = synthetic({ n: 2000, task: 'regression', categorical: [8], missing: 0.05, seed: 15 });
    const depthOf = (t: GbdtModel['trees'][number], leaf: number): number => {
      let depth = 0;
      let node = -1;
      for (let i = 0; i < t.numLeaves - 1; i++) if (t.leftChild[i] === ~leaf || t.rightChild[i] === ~leaf) node = i;
      while (node >= 0) {
        depth++;
        const parent = Array.from({ length: t.numLeaves - 1 }, (_, i) => i).find((i) => t.leftChild[i] === node || t.rightChild[i] === node);
        node = parent ?? -1;
      }
      return depth;
    };
    const m = await GbdtEstimator.create({ num_iterations: 5, num_leaves: 12, max_depth: 3, min_data_in_leaf: 40 }).fit(d);
    for (const t of m.trees) {
      expect(t.numLeaves).toBeLessThanOrEqual(8); // max_depth 3 allows 2^3 leaves, fewer than 12
      for (let l = 0; l < t.numLeaves; l++) {
        expect(depthOf(t, l)).toBeLessThanOrEqual(3);
        expect(t.leafCount[l]).toBeGreaterThanOrEqual(40); // L2 hessians are 1: counts are exact
      }
    }
    const capped = await GbdtEstimator.create({ num_iterations: 3, max_delta_step: 0.05, learning_rate: 1 }).fit(d);
    for (const t of capped.trees) for (let l = 0; l < t.numLeaves; l++) expect(Math.abs(t.leafValue[l])).toBeLessThanOrEqual(0.05 + 1e-12);
    // Every |G| is below a huge L1 threshold: no split gains anything, training stops at once
    // and the model predicts its starting score.
    const lines: string[] = [];
    const l1 = await GbdtEstimator.create({ num_iterations: 3, lambda_l1: 1e6 }).fit(d, { log: (l) => lines.push(l) });
    expect(l1.numTrees).toBe(0);
    expect(lines[0]).toMatch(/no tree can be split further/);
    expect(l1.predictRaw(d.X.slice(0, 1))[0]).toBe(l1.baseScore[0]);
  });
});
