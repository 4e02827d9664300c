/**
 * mlp: the conformance suite (with and without dropout), the training loss falls, a hidden
 * layer learns XOR (which no linear model can), and early stopping ends training early.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { Backprop, type OutputKind } from '../../../src/learners/mlp/backprop.js';
import { type MlpModel, mlpLearner } from '../../../src/learners/mlp/index.js';
import { type Activation, Network } from '../../../src/learners/mlp/network.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { syntheticSet } from '../../conformance/datasets.js';

// Small nets keep the suite fast; 60 epochs are plenty for the synthetic sets.
runEstimatorChecks(mlpLearner, { params: { hidden_layer_sizes: [16], max_iter: 60, learning_rate_init: 0.01 } });
runEstimatorChecks(mlpLearner, {
  tasks: ['multiclass', 'regression'],
  params: { hidden_layer_sizes: [16, 8], max_iter: 60, learning_rate_init: 0.01, dropout: 0.2, early_stopping: false },
});

describe('mlp training', () => {
  it('the training loss falls', async () => {
    const model = (await mlpLearner.create({ hidden_layer_sizes: [16], max_iter: 30, learning_rate_init: 0.01, early_stopping: false }).fit(syntheticSet('binary', 300, 2))) as MlpModel;
    const curve = model.fitted.lossCurve;
    expect(curve.length).toBe(30);
    expect(curve[curve.length - 1]).toBeLessThan(curve[0] * 0.7);
  });

  it('learns XOR with one hidden layer', async () => {
    const rng = new Rng(5);
    const n = 400;
    const a = Float64Array.from({ length: n }, () => rng.next() * 2 - 1);
    const b = Float64Array.from({ length: n }, () => rng.next() * 2 - 1);
    const y = Float64Array.from(a, (v, i) => (v * b[i] > 0 ? 1 : 0));
    const X = Frame.fromColumns([float64Column('a', a), float64Column('b', b)]);
    const model = await mlpLearner.create({ hidden_layer_sizes: [16], learning_rate_init: 0.02, max_iter: 300, early_stopping: false }).fit({ X, y: { name: 'y', task: 'binary', values: y, classes: ['0', '1'] } });
    const pred = model.predict(X);
    if (pred.dtype !== 'categorical') throw new Error('expected classes');
    let hits = 0;
    for (let i = 0; i < n; i++) if (pred.codes[i] === y[i]) hits++;
    expect(hits / n).toBeGreaterThan(0.9);
  });

  it('early stopping ends before max_iter and keeps the best validation score', async () => {
    const model = (await mlpLearner.create({ hidden_layer_sizes: [32], max_iter: 500, n_iter_no_change: 5 }).fit(syntheticSet('regression', 300, 4))) as MlpModel;
    expect(model.fitted.epochs).toBeLessThan(500);
    expect(model.fitted.validationScores.length).toBe(model.fitted.epochs);
  });
});

describe('mlp backprop', () => {
  // Central differences with h = 1e-6 are accurate to ~1e-9 here; 1e-6 leaves a wide margin.
  const cases: [OutputKind, Activation, number][] = [
    ['identity', 'relu', 1],
    ['sigmoid', 'tanh', 1],
    ['softmax', 'logistic', 3],
  ];
  for (const [output, activation, outWidth] of cases) {
    it(`gradients equal finite differences (${output}, ${activation})`, () => {
      const rng = new Rng(2);
      const n = 7;
      const p = 3;
      const net = new Network([p, 5, 4, outWidth], activation);
      for (const W of [...net.W, ...net.b]) for (let q = 0; q < W.length; q++) W[q] = rng.normal() * 0.7;
      const X = Float64Array.from({ length: n * p }, () => rng.normal());
      const y = Float64Array.from({ length: n }, () => (output === 'identity' ? rng.normal() : rng.nextInt(output === 'sigmoid' ? 2 : outWidth)));
      const w = Float64Array.from({ length: n }, () => 0.5 + rng.next());
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const bp = new Backprop(net, n, output, 0.3, 0);
      bp.run(X, y, w, rows, n, rng);
      const analytic = [...bp.gW, ...bp.gb].map((g) => Float64Array.from(g));
      const params = [...net.W, ...net.b];
      const h = 1e-6;
      params.forEach((P, a) => {
        for (let q = 0; q < P.length; q++) {
          const keep = P[q];
          P[q] = keep + h;
          const up = bp.run(X, y, w, rows, n, rng);
          P[q] = keep - h;
          const down = bp.run(X, y, w, rows, n, rng);
          P[q] = keep;
          const numeric = (up - down) / (2 * h);
          expect(Math.abs(numeric - analytic[a][q])).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      });
    });
  }
});

describe('mlp evalSet', () => {
  it('early-stops on a caller-given validation set', async () => {
    const train = syntheticSet('binary', 200, 3);
    const evalSet = syntheticSet('binary', 80, 4);
    const model = (await mlpLearner.create({ hidden_layer_sizes: [8], max_iter: 40, learning_rate_init: 0.01 }).fit(train, { evalSet })) as MlpModel;
    expect(model.fitted.validationScores.length).toBe(model.fitted.epochs);
    expect(Math.max(...model.fitted.validationScores)).toBeGreaterThan(0.7);
  });
});
