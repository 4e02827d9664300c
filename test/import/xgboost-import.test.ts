/**
 * Imported XGBoost models predict what XGBoost predicts. Fixtures (binary, multiclass,
 * regression; numeric features with missing values and a categorical feature with partition
 * splits) come from test/fixtures/xgboost/make_xgboost_fixtures.py run with Debian's
 * python3-xgboost 1.7.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../src/import/import-model.js';
import { GbdtClassifierModel, type GbdtModel } from '../../src/learners/gbdt/model.js';
import { frameOf, readNumericCsv } from './numeric-csv.js';

const dir = fileURLToPath(new URL('../fixtures/xgboost/', import.meta.url));

/**
 * Why 1e-6: XGBoost adds its float32 leaf values in float32 and reports float32 results; we
 * add the same values in float64. The difference is a few float32 rounding steps of the
 * running sum (≈1e-7 here), far below 1e-6.
 */
const TOL = 1e-6;

function maxDiff(a: ArrayLike<number>, b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Margins reach ±10, where one float32 step is ~1e-6: compare them relative to their size. */
function maxRelDiff(a: ArrayLike<number>, b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return m;
}

async function load(name: string) {
  const { model, file } = await importModel(`${dir}${name}.model.json`, { format: 'xgboost' });
  const csv = readNumericCsv(`${dir}${name}.csv`);
  const X = frameOf(csv.header, csv.columns);
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as { predictions: number[] | number[][]; margins: number[] | number[][] };
  return { model: model as GbdtModel, file, X, expected };
}

describe('XGBoost JSON import', () => {
  it('binary:logistic — probabilities and margins', async () => {
    const { model, file, X, expected } = await load('binary');
    expect(model).toBeInstanceOf(GbdtClassifierModel);
    expect(file.payload.meta).toMatchObject({ target: 'label', importedFrom: { format: 'xgboost' } });
    expect(maxDiff((model as GbdtClassifierModel).predictProba(X), (expected.predictions as number[][]).flat())).toBeLessThan(TOL);
    expect(maxRelDiff(model.predictRaw(X), expected.margins as number[])).toBeLessThan(TOL);
  });

  it('multi:softprob — class probabilities and margins', async () => {
    const { model, X, expected } = await load('multiclass');
    expect(model.numOutputs).toBe(3);
    expect(maxDiff((model as GbdtClassifierModel).predictProba(X), (expected.predictions as number[][]).flat())).toBeLessThan(TOL);
    expect(maxRelDiff(model.predictRaw(X), (expected.margins as number[][]).flat())).toBeLessThan(TOL);
  });

  it('reg:squarederror — values', async () => {
    const { model, X, expected } = await load('regression');
    const pred = model.predict(X);
    if (pred.dtype !== 'float64') throw new Error('values expected');
    expect(maxDiff(pred.values, expected.predictions as number[])).toBeLessThan(TOL);
  });

  it('refuses files that are not XGBoost JSON models', async () => {
    await expect(importModel(`${dir}binary.csv`, { format: 'xgboost' })).rejects.toMatchObject({ code: 'MW_IMPORT_INVALID' });
    await expect(importModel(`${dir}binary.expected.json`, { format: 'xgboost' })).rejects.toMatchObject({ code: 'MW_IMPORT_INVALID' });
  });
});
