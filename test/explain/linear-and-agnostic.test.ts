/**
 * Linear models' exact contributions (additive to the linear score, summed back onto input
 * columns), permutation importance (seeded, informative features first, both modes) and
 * partial dependence (grids; the PD of a linear regression has the coefficient's slope).
 */
import { describe, expect, it } from 'vitest';
import { designColumnSources, linearContributions } from '../../src/explain/linear-contributions.js';
import { numericGrid, partialDependence } from '../../src/explain/partial-dependence.js';
import { type ScoredModel, permutationImportance } from '../../src/explain/permutation-importance.js';
import { modelOutput } from '../../src/automl/cross-validate.js';
import type { Model } from '../../src/learners/estimator.js';
import type { LinearModel } from '../../src/learners/linear/model.js';
import { TASKS, additivityError, data, fit } from './helpers.js';

const scored = (m: Model, nClasses: number): ScoredModel => ({ task: m.task, nClasses, output: (X) => modelOutput(m, X) });

describe('linear contributions', () => {
  for (const task of TASKS) {
    it(`${task}: base + Σ contributions = decision function, per input column`, async () => {
      const d = data(task, 250);
      const model = (await fit('linear', d)) as LinearModel;
      const s = linearContributions(model, d.X);
      expect(s.features).toEqual(d.X.names);
      expect(additivityError(s, model.decisionFunction(d.X))).toBeLessThan(1e-9);
      // One-hot columns and missing indicators map back to their input column.
      const names = model.input.pipeline.outputNames;
      const src = designColumnSources(model);
      names.forEach((n, c) => expect(n.startsWith(s.features[src[c]])).toBe(true));
    });
  }

  it('with a background, contributions average to zero over it', async () => {
    const d = data('regression', 200);
    const model = (await fit('linear', d)) as LinearModel;
    const s = linearContributions(model, d.X, d.X);
    const M = s.features.length;
    for (let j = 0; j < M; j++) {
      let mean = 0;
      for (let i = 0; i < s.nRows; i++) mean += s.values[i * M + j] / s.nRows;
      expect(Math.abs(mean)).toBeLessThan(1e-9);
    }
  });
});

describe('permutation importance', () => {
  it('ranks the informative feature above noise, reproducibly', async () => {
    const d = data('regression', 300);
    const model = await fit('gbdt', d, { num_iterations: 30 });
    const a = permutationImportance(scored(model, 0), d.X, d.y.values, { repeats: 3, seed: 7 });
    const b = permutationImportance(scored(model, 0), d.X, d.y.values, { repeats: 3, seed: 7 });
    expect(a).toEqual(b);
    expect(a.basis).toBe('rmse');
    const by = new Map(a.features.map((f) => [f.feature, f]));
    // x0 drives the target linearly (synthetic.ts); x3 is pure noise.
    expect(by.get('x0')!.mean).toBeGreaterThan(by.get('x3')!.mean);
    expect(by.get('x0')!.values.length).toBe(3);
    expect(by.get('x0')!.std).toBeGreaterThanOrEqual(0);
  });

  it('without labels measures how much predictions move', async () => {
    const d = data('binary', 200);
    const model = await fit('gbdt', d, { num_iterations: 10 });
    const p = permutationImportance(scored(model, 2), d.X, undefined, { repeats: 2 });
    expect(p.basis).toBe('prediction_change');
    expect(p.baseline).toBe(0);
    for (const f of p.features) expect(f.mean).toBeGreaterThanOrEqual(0);
  });
});

describe('partial dependence', () => {
  it('numeric grids: distinct values when few, percentile-bounded otherwise', () => {
    expect(numericGrid(Float64Array.of(3, 1, 2, 2, Number.NaN), 20)).toEqual([1, 2, 3]);
    const g = numericGrid(Float64Array.from({ length: 101 }, (_, i) => i), 5);
    expect(g).toEqual([5, 27.5, 50, 72.5, 95]);
  });

  it('of a linear regression is a line with the coefficient as slope', async () => {
    const d = data('regression', 200);
    const model = (await fit('linear', d, { penalty: 'none' })) as LinearModel;
    const pd = partialDependence(scored(model, 0), d.X, 'x0', ['value'], { gridResolution: 5, iceRows: 3 });
    expect(pd.grid.length).toBe(5);
    expect(pd.ice.length).toBe(3);
    const coefs = model.coefficients();
    const c = coefs.names.indexOf('x0');
    const scale = (model.input.pipeline.steps.find((s) => s.kind === 'standard-scale') as unknown as { state: { columns: { name: string; scale: number }[] } }).state.columns.find((s) => s.name === 'x0')!.scale;
    const slope = (pd.average[4][0] - pd.average[0][0]) / ((pd.grid[4] as number) - (pd.grid[0] as number));
    expect(slope).toBeCloseTo(coefs.rows[0].coef[c] / scale, 9);
  });

  it('uses the levels of a categorical feature', async () => {
    const d = data('binary', 200);
    const model = await fit('gbdt', d, { num_iterations: 5 });
    const pd = partialDependence(scored(model, 2), d.X, 'c0', ['L1'], { iceRows: 0 });
    expect(pd.kind).toBe('categorical');
    expect([...pd.grid].sort()).toEqual(['L0', 'L1', 'L2', 'L3']);
    for (const a of pd.average) expect(a[0]).toBeGreaterThan(0);
  });
});
