/**
 * Imported LightGBM models predict what the LightGBM CLI predicted, on the shared fixtures in
 * ../shared/fixtures/lightgbm/ (binary, multiclass, regression, and categorical features with
 * missing values): probabilities / values and raw scores, every row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../src/import/import-model.js';
import type { GbdtClassifierModel, GbdtModel } from '../../src/learners/gbdt/model.js';
import { frameOf, readNumericCsv, readTsvNumbers } from './numeric-csv.js';

const dir = fileURLToPath(new URL('../../../shared/fixtures/lightgbm/', import.meta.url));
const have = existsSync(`${dir}phoneme.model.txt`);

/**
 * Why 1e-6 (absolute, or relative for regression values ~1e2): both sides add the same double
 * leaf values in the same order; the printed predictions carry 17 significant digits.
 */
const TOL = 1e-6;

function maxRelDiff(a: ArrayLike<number>, b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return m;
}

const CASES = [
  { name: 'phoneme', task: 'binary' },
  { name: 'vehicle', task: 'multiclass' },
  { name: 'cpu_act', task: 'regression' },
  { name: 'synth_cat_missing', task: 'binary' },
] as const;

describe.skipIf(!have)(`LightGBM text import (fixtures: ${dir})`, () => {
  for (const c of CASES) {
    it(`${c.name} (${c.task})`, async () => {
      const classes = c.name === 'vehicle' ? readFileSync(`${dir}vehicle_classes.txt`, 'utf8').trim().split(/\r?\n/) : undefined;
      const { model } = await importModel(`${dir}${c.name}.model.txt`, { format: 'lightgbm', classes });
      const gbdt = model as GbdtModel;
      expect(gbdt.task).toBe(c.task);
      const csv = readNumericCsv(`${dir}${c.name}.csv`);
      // Column 0 is the label; features follow in the model's order.
      const X = frameOf(gbdt.inputSchema.features.map((f) => f.name), csv.columns.slice(1));
      const raw = readTsvNumbers(`${dir}${c.name}.raw.txt`).flat();
      const pred = readTsvNumbers(`${dir}${c.name}.pred.txt`);
      expect(maxRelDiff(gbdt.predictRaw(X), raw)).toBeLessThan(TOL);
      if (c.task === 'regression') {
        const values = gbdt.predict(X);
        if (values.dtype !== 'float64') throw new Error('values expected');
        expect(maxRelDiff(values.values, pred.flat())).toBeLessThan(TOL);
      } else {
        const proba = (gbdt as GbdtClassifierModel).predictProba(X);
        const expected = c.task === 'binary' ? pred.flatMap(([p]) => [1 - p, p]) : pred.flat();
        expect(maxRelDiff(proba, expected)).toBeLessThan(TOL);
        if (classes) expect((gbdt as GbdtClassifierModel).classes).toEqual(classes);
      }
    });
  }

  it('refuses a file that is not a LightGBM model', async () => {
    await expect(importModel(`${dir}phoneme.csv`, { format: 'lightgbm' })).rejects.toMatchObject({ code: 'MW_IMPORT_INVALID' });
  });
});
