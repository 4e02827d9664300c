/**
 * TreeSHAP on our own models: additivity (base + Σ contributions = raw output, every row, to
 * 1e-6) for binary, multiclass and regression GBDT and forests (rf, extratrees) with
 * categorical features and missing values; the quadrature kernel equals Algorithm 2; the
 * parallel path equals the serial one; interaction values are symmetric, their rows sum to
 * the SHAP values; a stump gives the textbook values.
 */
import { describe, expect, it } from 'vitest';
import { float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { forestTreeView } from '../../src/explain/forest-tree-view.js';
import { gbdtTreeView } from '../../src/explain/gbdt-tree-view.js';
import { nativeRaw } from '../../src/explain/native-raw.js';
import { treeShap, treeShapColumns, rowKernel } from '../../src/explain/tree-shap.js';
import { treeShapInteractions } from '../../src/explain/tree-shap-interactions.js';
import { treeShapParallel } from '../../src/explain/tree-shap-parallel.js';
import { type EnsembleView, noCategories, viewOutput } from '../../src/explain/tree-view.js';
import type { ForestModel } from '../../src/learners/forest/model.js';
import type { GbdtModel } from '../../src/learners/gbdt/model.js';
import { TASKS, additivityError, data, fit } from './helpers.js';

// Additivity is exact in real arithmetic; 1e-6 is the bar (we see ~1e-14).
const TOL = 1e-6;

describe('TreeSHAP additivity on GBDT models', () => {
  for (const task of TASKS) {
    it(`${task}: base + Σ contributions = raw score on every row`, async () => {
      const d = data(task);
      const model = (await fit('gbdt', d, { num_iterations: 15, num_leaves: 12, min_data_in_leaf: 5 })) as GbdtModel;
      const view = gbdtTreeView(model);
      expect(Array.from(viewOutput(view, view.encode(d.X), d.X.nRows))).toEqual(Array.from(model.predictRaw(d.X)));
      const s = treeShap(view, d.X);
      expect(s.outputs.length).toBe(task === 'multiclass' ? 3 : 1);
      expect(additivityError(s, model.predictRaw(d.X))).toBeLessThan(TOL);
    });
  }
});

describe('TreeSHAP additivity on forests', () => {
  for (const kind of ['rf', 'extratrees']) {
    for (const task of TASKS) {
      it(`${kind} ${task}: base + Σ contributions = averaged probability / value`, async () => {
        const d = data(task, 200);
        const model = (await fit(kind, d, { n_estimators: 6, seed: 3 })) as ForestModel;
        const view = forestTreeView(model, d.X);
        const s = treeShap(view, d.X);
        const out = nativeRaw(model, d.X);
        expect(additivityError(s, out)).toBeLessThan(TOL);
        // The view predicts exactly what the model predicts (same routing, same averaging).
        const v = viewOutput(view, view.encode(d.X), d.X.nRows);
        for (let i = 0; i < out.length; i++) expect(v[i]).toBeCloseTo(out[i], 12);
      });
    }
  }
});

describe('TreeSHAP kernels and threads agree', () => {
  it('the quadrature kernel equals Algorithm 2 (plain and conditioned)', async () => {
    const d = data('multiclass', 150);
    const model = (await fit('gbdt', d, { num_iterations: 6, num_leaves: 20, min_data_in_leaf: 3 })) as GbdtModel;
    const view = gbdtTreeView(model);
    const cols = view.encode(d.X);
    const a = treeShapColumns(view, cols, 0, d.X.nRows, rowKernel(view, 'quadrature'));
    const b = treeShapColumns(view, cols, 0, d.X.nRows, rowKernel(view, 'path'));
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
    const ia = treeShapInteractions(view, d.X.slice(0, 20), 'quadrature');
    const ib = treeShapInteractions(view, d.X.slice(0, 20), 'path');
    for (let i = 0; i < ia.values.length; i++) expect(Math.abs(ia.values[i] - ib.values[i])).toBeLessThan(1e-12);
  });

  it('worker threads give the same values as one thread', async () => {
    const d = data('binary', 400);
    const model = (await fit('gbdt', d, { num_iterations: 10, num_leaves: 8 })) as GbdtModel;
    const view = gbdtTreeView(model);
    const cols = view.encode(d.X);
    const serial = treeShapColumns(view, cols, 0, d.X.nRows);
    const parallel = await treeShapParallel(view, cols, d.X.nRows, 2, 0);
    expect(Array.from(parallel)).toEqual(Array.from(serial));
  });
});

describe('SHAP interaction values (GBDT)', () => {
  it('are symmetric, sum by row to the SHAP values and in total to f(x) − base', async () => {
    const d = data('regression', 120);
    const model = (await fit('gbdt', d, { num_iterations: 8, num_leaves: 10, min_data_in_leaf: 4 })) as GbdtModel;
    const view = gbdtTreeView(model);
    const X = d.X.slice(0, 25);
    const inter = treeShapInteractions(view, X);
    const shap = treeShap(view, X);
    const raw = model.predictRaw(X);
    const M = view.features.length;
    for (let i = 0; i < X.nRows; i++) {
      let total = inter.base[0];
      for (let j = 0; j < M; j++) {
        let row = 0;
        for (let a = 0; a < M; a++) {
          const v = inter.values[(i * M + j) * M + a];
          row += v;
          total += v;
          expect(Math.abs(v - inter.values[(i * M + a) * M + j])).toBeLessThan(1e-9);
        }
        expect(Math.abs(row - shap.values[i * M + j])).toBeLessThan(1e-9);
      }
      expect(Math.abs(total - raw[i])).toBeLessThan(TOL);
    }
  });
});

describe('a stump, by hand', () => {
  // One split on x0 ≤ 0: left leaf 1 (cover 3), right leaf 5 (cover 1). E[f] = (3·1 + 1·5)/4 = 2.
  const view: EnsembleView = {
    features: ['x0', 'x1'],
    outputs: ['value'],
    outputSpace: 'value',
    base: Float64Array.of(0.5),
    trees: [{
      nNodes: 3, feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(0, 0, 0), flags: Uint8Array.of(0, 0, 0),
      left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1), ...noCategories(3),
      cover: Float64Array.of(4, 3, 1), values: Float64Array.of(0, 1, 5), width: 1, outputOffset: 0, scale: 1,
    }],
    encode: (X: Frame) => ['x0', 'x1'].map((f) => (X.column(f) as { values: Float64Array }).values),
  };

  it('gives φ(x0) = f(x) − E[f] and φ(x1) = 0; missing goes right (default)', () => {
    const X = Frame.fromColumns([float64Column('x0', Float64Array.of(-1, 2, Number.NaN)), float64Column('x1', Float64Array.of(9, 9, 9))]);
    const s = treeShap(view, X);
    expect(s.base[0]).toBe(2.5);
    expect(Array.from(s.values)).toEqual([1 - 2, 0, 5 - 2, 0, 5 - 2, 0]);
  });
});
