/**
 * `modelwright explain` end to end (in-process main()): the --json shape (base_value, rows
 * with prediction_raw and contributions, global with mean |SHAP| and permutation importance),
 * additivity of every reported row, multiclass (per-class maps), linear and unexplainable
 * models, a trained predictor directory, --html, and bad input with its exit status.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePredictor } from '../../../src/automl/predictor-file.js';
import { train } from '../../../src/automl/train.js';
import { readData } from '../../../src/data/ingest/index.js';
import { runCli } from '../run-cli.js';
import { type EvalFiles, writeEvalCsvs } from './evaluate-data.js';

let f: EvalFiles;
const model = (name: string) => join(f.dir, `${name}.json`);
beforeAll(async () => {
  f = writeEvalCsvs(240);
  const fits: [string, string, string, string, string][] = [
    ['gbdt-binary', f.binary, 'label', 'gbdt', 'num_iterations=20'],
    ['gbdt-multi', f.multiclass, 'tier', 'gbdt', 'num_iterations=10'],
    ['linear-binary', f.binary, 'label', 'linear', 'C=1'],
    ['knn-reg', f.regression, 'amount', 'knn', 'n_neighbors=5'],
  ];
  for (const [name, csv, target, learner, param] of fits) {
    const r = await runCli('fit', csv, '--target', target, '--learner', learner, '--param', param, '--out', model(name), '--quiet');
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(f.dir, { recursive: true, force: true }));

type PerOutput = number | Record<string, number>;
const sum = (v: PerOutput, k?: string) => (typeof v === 'number' ? v : v[k as string]);

function checkAdditive(j: any): void {
  const outputs: string[] = j.outputs;
  for (const row of j.rows) {
    for (const o of outputs) {
      const key = outputs.length === 1 ? undefined : o;
      let total = sum(j.base_value, key) + (row.unexplained === undefined ? 0 : sum(row.unexplained, key));
      for (const v of Object.values(row.contributions) as PerOutput[]) total += sum(v, key);
      expect(Math.abs(total - sum(row.prediction_raw, key))).toBeLessThan(1e-6);
    }
  }
}

describe('modelwright explain', () => {
  it('--json (GBDT, binary): base_value, rows and global with the documented keys', async () => {
    const r = await runCli('explain', model('gbdt-binary'), f.binary, '--rows', '4', '--json', '--repeats', '2');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.method).toBe('tree_shap');
    expect(j.output_space).toBe('log_odds');
    expect(j.outputs).toEqual(['good']);
    expect(typeof j.base_value).toBe('number');
    expect(j.rows).toHaveLength(4);
    expect(Object.keys(j.rows[0])).toEqual(['row', 'prediction_raw', 'contributions']);
    expect(Object.keys(j.rows[0].contributions).sort()).toEqual(['plan', 'sex', 'x0', 'x1', 'x2']);
    checkAdditive(j);
    expect(j.global.map((g: any) => g.feature)).toHaveLength(5);
    for (const g of j.global) expect(Object.keys(g)).toEqual(['feature', 'mean_abs_shap', 'permutation_importance', 'permutation_importance_std']);
    expect(j.global[0].feature).toBe('x0'); // the strongest signal in evaluate-data.ts
    expect(j.permutation).toMatchObject({ basis: 'roc_auc', repeats: 2, rows: 240 });
  });

  it('multiclass: every number becomes a { class: value } map', async () => {
    const r = await runCli('explain', model('gbdt-multi'), f.multiclass, '--rows', '3', '--json', '--repeats', '1', '--interactions');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.outputs).toEqual(['high', 'low', 'mid']);
    expect(Object.keys(j.base_value)).toEqual(['high', 'low', 'mid']);
    expect(Object.keys(j.rows[0].contributions.x0)).toEqual(['high', 'low', 'mid']);
    expect(Object.keys(j.global[0].mean_abs_shap)).toEqual(['high', 'low', 'mid']);
    checkAdditive(j);
    expect(j.interactions.length).toBeGreaterThan(0);
    expect(Object.keys(j.interactions[0])).toEqual(['a', 'b', 'mean_abs']);
  });

  it('linear models: exact contributions on the log-odds; k-NN: permutation importance only', async () => {
    const lin = (await runCli('explain', model('linear-binary'), f.binary, '--rows', '5', '--json', '--repeats', '1')).json();
    expect(lin.method).toBe('linear_exact');
    checkAdditive(lin);
    const knn = await runCli('explain', model('knn-reg'), f.regression, '--rows', '2', '--json', '--repeats', '2');
    expect(knn.code, knn.stderr).toBe(0);
    const k = knn.json();
    expect(k.method).toBe('permutation_only');
    expect(k.base_value).toBeNull();
    expect(k.rows[0].contributions).toEqual({});
    expect(k.global.every((g: any) => typeof g.permutation_importance === 'number')).toBe(true);
  });

  it('a trained predictor directory: weighted members, additive with the ensemble prediction', async () => {
    const dir = join(f.dir, 'predictor');
    const predictor = await train(await readData(f.binary), { target: 'label', learners: ['gbdt', 'linear', 'knn'], maxTrials: 3, folds: 2, seed: 2 });
    await savePredictor(predictor, dir);
    const r = await runCli('explain', dir, f.binary, '--rows', '5', '--json', '--repeats', '1');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.model.kind).toBe('predictor');
    expect(j.output_space).toBe('probability');
    expect(j.note).toMatch(/weighted sum of the members/);
    checkAdditive(j);
    const proba = predictor.predictProba((await readData(f.binary)).slice(0, 5));
    j.rows.forEach((row: any, i: number) => expect(row.prediction_raw).toBeCloseTo(proba[2 * i + 1], 12));
  });

  it('--html writes a self-contained explanation report', async () => {
    const html = join(f.dir, 'explain.html');
    const r = await runCli('explain', model('gbdt-binary'), f.binary, '--html', html, '--repeats', '1', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/https?:\/\/|<script/);
    for (const s of ['SHAP summary', 'Dependence plots', 'Partial dependence', 'Permutation importance', 'Row 0']) expect(text).toContain(s);
  });

  it('bad input: --rows not a count → exit 2; missing model → exit 1', async () => {
    for (const bad of ['-3', 'abc', '1.5']) {
      const r = await runCli('explain', model('gbdt-binary'), f.binary, '--rows', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--rows must be an integer >= 0');
    }
    const r = await runCli('explain', join(f.dir, 'missing.json'), f.binary, '--json');
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('MW_MODEL_NOT_FOUND');
  });
});
