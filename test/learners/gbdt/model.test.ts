/**
 * The fitted model: save → load round trip, single-row vs batch, leaf indices, importance,
 * iteration limits, unseen categories, and a tampered state refused.
 */
import { describe, expect, it } from 'vitest';
import { categoricalColumn } from '../../../src/data/frame/column.js';
import type { Frame } from '../../../src/data/frame/frame.js';
import { gbdtDefinition, type GbdtClassifierModel, type GbdtModel } from '../../../src/learners/gbdt/index.js';
import { synthetic } from './synthetic.js';

async function fitted(task: 'binary' | 'multiclass' | 'regression'): Promise<{ model: GbdtModel; X: Frame }> {
  const d = synthetic({ n: 1500, numeric: 5, categorical: [4, 30, 300], missing: 0.08, seed: 21, task, classes: 4 });
  const model = (await gbdtDefinition.create({ num_iterations: 12 }).fit(d)) as GbdtModel;
  return { model, X: d.X };
}

describe('gbdt model', () => {
  for (const task of ['binary', 'multiclass', 'regression'] as const) {
    it(`save → JSON text → load → predict is bit-identical (${task})`, async () => {
      const { model, X } = await fitted(task);
      const text = JSON.stringify(model.toJSON());
      const loaded = gbdtDefinition.load(JSON.parse(text)) as GbdtModel;
      expect(Array.from(loaded.predictRaw(X))).toEqual(Array.from(model.predictRaw(X)));
      expect(JSON.stringify(loaded.toJSON())).toBe(text);
      if (task !== 'regression') {
        expect(Array.from((loaded as GbdtClassifierModel).predictProba(X))).toEqual(Array.from((model as GbdtClassifierModel).predictProba(X)));
      }
    });

    it(`predicting one row equals that row of a batch (${task})`, async () => {
      const { model, X } = await fitted(task);
      const batch = model.predictRaw(X);
      const K = model.numOutputs;
      for (const i of [0, 1, 17, 500, 1499]) {
        const one = model.predictRaw(X.slice(i, i + 1));
        expect(Array.from(one)).toEqual(Array.from(batch.subarray(i * K, (i + 1) * K)));
      }
    });
  }

  it('gives probabilities that sum to one and classes in label order', async () => {
    const { model, X } = await fitted('multiclass');
    const c = model as GbdtClassifierModel;
    const p = c.predictProba(X);
    for (let i = 0; i < X.nRows; i++) expect(p[4 * i] + p[4 * i + 1] + p[4 * i + 2] + p[4 * i + 3]).toBeCloseTo(1, 12);
    const pred = c.predict(X);
    expect(pred.dtype).toBe('categorical');
    if (pred.dtype === 'categorical') expect(pred.categories).toEqual(['k0', 'k1', 'k2', 'k3']);
  });

  it('leaf indices reproduce the raw scores', async () => {
    const { model, X } = await fitted('regression');
    const leaves = model.predictLeaf(X);
    const raw = model.predictRaw(X);
    const T = model.numTrees;
    for (const i of [0, 5, 99]) {
      let s = model.baseScore[0];
      for (let t = 0; t < T; t++) s += model.trees[t].leafValue[leaves[i * T + t]];
      expect(s).toBe(raw[i]);
    }
  });

  it('limits prediction to the first numIteration iterations', async () => {
    const { model, X } = await fitted('multiclass');
    const three = model.predictRaw(X, { numIteration: 3 });
    const leaves = model.predictLeaf(X, { numIteration: 3 });
    expect(leaves.length).toBe(X.nRows * 12);
    expect(Array.from(three)).not.toEqual(Array.from(model.predictRaw(X)));
  });

  it('reports split-count and gain importance per feature', async () => {
    const { model } = await fitted('binary');
    const split = model.featureImportance('split');
    const gain = model.featureImportance('gain');
    const nSplits = model.trees.reduce((s, t) => s + t.numLeaves - 1, 0);
    expect(split.reduce((a, b) => a + b, 0)).toBe(nSplits);
    expect(split.length).toBe(model.inputSchema.features.length);
    for (let f = 0; f < gain.length; f++) expect(gain[f] > 0).toBe(split[f] > 0);
  });

  it('treats an unseen category as missing', async () => {
    const { model, X } = await fitted('binary');
    const col = X.column('c1');
    if (col.dtype !== 'categorical') throw new Error('expected categorical');
    const rows = X.slice(0, 50);
    const unseen = rows.withColumn(categoricalColumn('c1', new Int32Array(50).fill(0), ['never-seen']));
    const missing = rows.withColumn(categoricalColumn('c1', new Int32Array(50).fill(-1), col.categories));
    expect(Array.from(model.predictRaw(unseen))).toEqual(Array.from(model.predictRaw(missing)));
  });

  it('refuses a state whose trees point outside the schema', async () => {
    const { model } = await fitted('regression');
    const state = JSON.parse(JSON.stringify(model.toJSON()));
    state.state.trees[0].splitFeature[0] = 99;
    expect(() => gbdtDefinition.load(state)).toThrow(/splits on feature 99/);
    state.state.trees[0].splitFeature[0] = 0;
    state.state.trees[0].leftChild[0] = 0;
    expect(() => gbdtDefinition.load(state)).toThrow(/out-of-range child/);
  });
});
