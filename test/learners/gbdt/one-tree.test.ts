/**
 * One tree on tiny data against a hand computation: the split is the threshold with the
 * largest gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), and leaf values are −G/(H+λ) × lr.
 */
import { describe, expect, it } from 'vitest';
import { valuesOf } from './synthetic.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { GbdtEstimator, type GbdtModel } from '../../../src/learners/gbdt/index.js';

const x = [1, 2, 3, 4, 5, 6];
const tiny = { min_data_in_leaf: 1, min_sum_hessian_in_leaf: 0, min_data_in_bin: 1, num_iterations: 1 };

/** The best single split by brute force: threshold between x[k] and x[k+1]. */
function handSplit(g: number[], h: number[], lambda: number): { k: number; gain: number } {
  const G = g.reduce((a, b) => a + b, 0);
  const H = h.reduce((a, b) => a + b, 0);
  let best = { k: -1, gain: -Infinity };
  for (let k = 0; k < g.length - 1; k++) {
    const gl = g.slice(0, k + 1).reduce((a, b) => a + b, 0);
    const hl = h.slice(0, k + 1).reduce((a, b) => a + b, 0);
    const gain = gl ** 2 / (hl + lambda) + (G - gl) ** 2 / (H - hl + lambda) - G ** 2 / (H + lambda);
    if (gain > best.gain) best = { k, gain };
  }
  return best;
}

describe('one tree by hand', () => {
  it('L2 regression: split at the best midpoint, leaves −G/(H+λ)·lr around the mean', async () => {
    const y = [1, 1, 2, 5, 6, 6];
    const lambda = 1;
    const lr = 0.5;
    const model = (await GbdtEstimator.create({ ...tiny, num_leaves: 2, lambda_l2: lambda, learning_rate: lr }).fit({
      X: Frame.fromArrays({ x }),
      y: { name: 'y', task: 'regression', values: Float64Array.from(y) },
    })) as GbdtModel;
    const base = y.reduce((a, b) => a + b, 0) / y.length;
    const g = y.map((v) => base - v);
    const h = y.map(() => 1);
    const { k, gain } = handSplit(g, h, lambda);
    const tree = model.trees[0];
    expect(model.baseScore[0]).toBe(base);
    expect(tree.numLeaves).toBe(2);
    expect(tree.threshold[0]).toBe((x[k] + x[k + 1]) / 2);
    expect(tree.splitGain[0]).toBeCloseTo(gain, 12);
    const gl = g.slice(0, k + 1).reduce((a, b) => a + b, 0);
    const gr = g.slice(k + 1).reduce((a, b) => a + b, 0);
    expect(tree.leafValue[0]).toBeCloseTo((-gl / (k + 1 + lambda)) * lr, 14);
    expect(tree.leafValue[1]).toBeCloseTo((-gr / (y.length - k - 1 + lambda)) * lr, 14);
    const pred = valuesOf(model.predict(Frame.fromArrays({ x })));
    for (let i = 0; i < x.length; i++) expect(pred[i]).toBe(base + tree.leafValue[i <= k ? 0 : 1]);
  });

  it('binary log loss: gradients p − y, hessians p(1 − p) from the log-odds of the base rate', async () => {
    const y = [0, 0, 0, 1, 1, 0];
    const lambda = 0.5;
    const lr = 0.3;
    const model = (await GbdtEstimator.create({ ...tiny, num_leaves: 2, lambda_l2: lambda, learning_rate: lr }).fit({
      X: Frame.fromArrays({ x }),
      y: { name: 'y', task: 'binary', values: Float64Array.from(y), classes: ['no', 'yes'] },
    })) as GbdtModel;
    const p = 1 / 3; // 2 of 6 positive
    expect(model.baseScore[0]).toBeCloseTo(Math.log(p / (1 - p)), 15);
    const g = y.map((v) => p - v);
    const h = y.map(() => p * (1 - p));
    const { k } = handSplit(g, h, lambda);
    const tree = model.trees[0];
    expect(tree.threshold[0]).toBe((x[k] + x[k + 1]) / 2);
    const gl = g.slice(0, k + 1).reduce((a, b) => a + b, 0);
    const hl = h.slice(0, k + 1).reduce((a, b) => a + b, 0);
    expect(tree.leafValue[0]).toBeCloseTo((-gl / (hl + lambda)) * lr, 14);
  });

  it('grows best-first: the third leaf goes to the side with the larger gain', async () => {
    const y = [0, 0, 0, 10, 10, 30];
    const model = (await GbdtEstimator.create({ ...tiny, num_leaves: 3, learning_rate: 1 }).fit({
      X: Frame.fromArrays({ x }),
      y: { name: 'y', task: 'regression', values: Float64Array.from(y) },
    })) as GbdtModel;
    const pred = Array.from(valuesOf(model.predict(Frame.fromArrays({ x }))));
    // With λ = 0 and lr = 1 each leaf predicts its mean: the split structure is {1,2,3} {4,5} {6}.
    const expected = [0, 0, 0, 10, 10, 30];
    for (let i = 0; i < 6; i++) expect(pred[i]).toBeCloseTo(expected[i], 12);
    expect(model.trees[0].numLeaves).toBe(3);
  });
});
