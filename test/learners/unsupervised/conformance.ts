/**
 * The conformance checks of the unsupervised learners — the twin of test/conformance/ for
 * learners without a target: params unchanged by fit, fitting twice gives the same output,
 * same seed gives the same model, one row equals its row of a batch, save/load is identical,
 * invalid params are rejected, NaN and unseen categories give finite output.
 */
import { describe, expect, it } from 'vitest';
import { categoricalColumn } from '../../../src/data/frame/column.js';
import type { Frame } from '../../../src/data/frame/frame.js';
import { InvalidParamError } from '../../../src/errors.js';
import type { UnsupervisedDefinition, UnsupervisedModel } from '../../../src/learners/unsupervised.js';
import { COLOURS, syntheticSet } from '../../conformance/datasets.js';

/** A model's output on X as one flat array (cluster ids, anomaly scores or component scores). */
export function unsupervisedOutput(model: UnsupervisedModel, X: Frame): Float64Array {
  const m = model as unknown as { predict?: (X: Frame) => Int32Array; scoreSamples?: (X: Frame) => Float64Array; transform?: (X: Frame) => Float64Array };
  if (model.task === 'anomaly') return Float64Array.from(m.scoreSamples!(X));
  if (model.task === 'decomposition') return Float64Array.from(m.transform!(X));
  return Float64Array.from(m.predict!(X));
}

export function runUnsupervisedChecks(def: UnsupervisedDefinition, params: Readonly<Record<string, unknown>> = {}): void {
  const train = syntheticSet('regression', 300, 7).X;
  const test = syntheticSet('regression', 60, 8).X;
  describe(`unsupervised conformance: ${def.kind}`, () => {
    it('params unchanged by fit', async () => {
      const est = def.create(params);
      const before = JSON.stringify(est.params);
      await est.fit({ X: train });
      expect(JSON.stringify(est.params)).toBe(before);
    });
    it('fitting twice gives the same output', async () => {
      const est = def.create(params);
      const a = await est.fit({ X: train });
      const b = await est.fit({ X: train });
      expect(unsupervisedOutput(b, test)).toEqual(unsupervisedOutput(a, test));
    });
    it('same seed gives the same model', async () => {
      const a = await def.create({ ...params, seed: 3 }).fit({ X: train });
      const b = await def.create({ ...params, seed: 3 }).fit({ X: train });
      expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    });
    it('one row equals its row of a batch', async () => {
      const model = await def.create(params).fit({ X: train });
      const batch = unsupervisedOutput(model, test);
      const width = batch.length / test.nRows;
      for (const r of [0, 7, 31, test.nRows - 1]) {
        expect(Array.from(unsupervisedOutput(model, test.slice(r, r + 1)))).toEqual(Array.from(batch.subarray(r * width, (r + 1) * width)));
      }
    });
    it('save/load round trip is identical', async () => {
      const model = await def.create(params).fit({ X: train });
      const restored = def.load(JSON.parse(JSON.stringify(model.toJSON())));
      expect(unsupervisedOutput(restored, test)).toEqual(unsupervisedOutput(model, test));
      expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(model.toJSON()));
    });
    it('invalid params are rejected', () => {
      expect(() => def.create({ no_such_param_xyz: 1 })).toThrow(InvalidParamError);
      const numeric = Object.entries(def.paramSchema).find(([, s]) => s.type === 'number');
      if (numeric) expect(() => def.create({ [numeric[0]]: 'not-a-number' })).toThrow(/parameter of/);
    });
    it('NaN and unseen categories give finite output', async () => {
      const model = await def.create(params).fit({ X: train });
      const col = test.column('colour');
      if (col.dtype !== 'categorical') throw new Error('colour must be categorical');
      const codes = Int32Array.from(col.codes);
      codes[0] = COLOURS.length; // a category never seen in training
      const X = test.withColumn(categoricalColumn('colour', codes, [...COLOURS, 'violet']));
      expect(unsupervisedOutput(model, X).every((v) => Number.isFinite(v))).toBe(true);
    });
  });
}
