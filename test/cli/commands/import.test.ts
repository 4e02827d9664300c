/**
 * `modelwright import` end to end (in-process): an XGBoost model to a file and a LightGBM
 * model into the registry, both then used like our own models — `predict` on the raw CSV and
 * `export --format onnx` run by onnxruntime-node — and compared with the library's own
 * predictions.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNumericCsv, readTsvNumbers } from '../../import/numeric-csv.js';
import { runCli } from '../run-cli.js';

const xgbDir = fileURLToPath(new URL('../../fixtures/xgboost/', import.meta.url));
const lgbDir = fileURLToPath(new URL('../../../../shared/fixtures/lightgbm/', import.meta.url));
let dir: string;
const saved = process.env.MODELWRIGHT_HOME;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mw-import-cli-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
});
afterAll(() => {
  if (saved === undefined) delete process.env.MODELWRIGHT_HOME;
  else process.env.MODELWRIGHT_HOME = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** Column `name` of a CSV written by `predict`. */
function csvColumn(path: string, name: string): number[] {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const j = lines[0].split(',').indexOf(name);
  return lines.slice(1).map((l) => Number(l.split(',')[j]));
}

const maxDiff = (a: readonly number[], b: readonly number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('modelwright import', () => {
  it('imports an XGBoost model to a file that predict reads like ours', async () => {
    const model = join(dir, 'xgb.json');
    const r = await runCli('import', `${xgbDir}binary.model.json`, '--format', 'xgboost', '--out', model, '--classes', 'neg,pos', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ task: 'binary', classes: ['neg', 'pos'], features: ['x0', 'x1', 'x2', 'k'], trees: 30 });
    const out = join(dir, 'xgb-pred.csv');
    expect((await runCli('predict', model, `${xgbDir}binary.csv`, '--out', out)).code).toBe(0);
    const expected = (JSON.parse(readFileSync(`${xgbDir}binary.expected.json`, 'utf8')).predictions as number[][]).map((p) => p[1]);
    // CSV output rounds to ~17 significant digits; 1e-6 as in the library-level test.
    expect(maxDiff(csvColumn(out, 'proba_pos'), expected)).toBeLessThan(1e-6);
  });

  it.skipIf(!existsSync(`${lgbDir}synth_cat_missing.model.txt`))('imports a LightGBM model into the registry, predicts and exports it to ONNX', async () => {
    const r = await runCli('import', `${lgbDir}synth_cat_missing.model.txt`, '--format', 'lightgbm', '--name', 'synth', '--target', 'y', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ registered: 'synth@1', model: 'synth@1' });
    const show = (await runCli('models', 'show', 'synth', '--json')).json();
    expect(show.lineage).toMatchObject({ learner: 'gbdt', importedFrom: { format: 'lightgbm', sha256: expect.any(String) } });
    const expected = readTsvNumbers(`${lgbDir}synth_cat_missing.pred.txt`).map(([p]) => p);
    const out = join(dir, 'lgb-pred.csv');
    expect((await runCli('predict', 'synth@1', `${lgbDir}synth_cat_missing.csv`, '--out', out)).code).toBe(0);
    expect(maxDiff(csvColumn(out, 'proba_1'), expected)).toBeLessThan(1e-6);

    const onnx = join(dir, 'synth.onnx');
    expect((await runCli('export', 'synth', '--format', 'onnx', '--out', onnx)).code).toBe(0);
    const csv = readNumericCsv(`${lgbDir}synth_cat_missing.csv`);
    const n = csv.columns[0].length;
    const feeds = Object.fromEntries(csv.header.slice(1).map((h, j) => [h, new ort.Tensor('float64', csv.columns[j + 1], [n, 1])]));
    const session = await ort.InferenceSession.create(readFileSync(onnx));
    const proba = (await session.run(feeds)).probabilities.data as Float64Array;
    expect(maxDiff(Array.from({ length: n }, (_, i) => proba[2 * i + 1]), expected)).toBeLessThan(1e-5);
  });

  it('asks for --format and --out or --name', async () => {
    expect((await runCli('import', `${xgbDir}binary.model.json`, '--out', join(dir, 'x.json'))).code).toBe(2);
    expect((await runCli('import', `${xgbDir}binary.model.json`, '--format', 'xgboost')).code).toBe(2);
    expect((await runCli('import', `${xgbDir}binary.model.json`, '--format', 'onnx', '--out', join(dir, 'x.json'))).code).toBe(2);
  });
});
