/**
 * `fit --name`, `train --name` and `modelwright models …` end to end (in-process main()) in a
 * temporary MODELWRIGHT_HOME: register, list, show, predict by reference, alias, rollback,
 * delete protection, tag, diff, gc.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

let dir: string;
let csv: string;
let csv2: string;
const saved = { home: process.env.MODELWRIGHT_HOME, db: process.env.MODELWRIGHT_DB };

function writeData(path: string, n: number, seed: number): void {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = ['x1,x2,color,y'];
  for (let i = 0; i < n; i++) {
    const x1 = rand() * 4;
    const x2 = rand();
    const color = ['red', 'green', 'blue'][i % 3];
    const y = x1 + (color === 'red' ? 1 : 0) + rand() > 2.5 ? 'yes' : 'no';
    rows.push(`${x1.toFixed(3)},${i % 7 === 0 ? '' : x2.toFixed(3)},${color},${y}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mw-models-cli-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
  delete process.env.MODELWRIGHT_DB;
  csv = join(dir, 'train.csv');
  csv2 = join(dir, 'train2.csv');
  writeData(csv, 120, 1);
  writeData(csv2, 150, 2);
});

afterAll(() => {
  if (saved.home === undefined) delete process.env.MODELWRIGHT_HOME;
  else process.env.MODELWRIGHT_HOME = saved.home;
  if (saved.db !== undefined) process.env.MODELWRIGHT_DB = saved.db;
  rmSync(dir, { recursive: true, force: true });
});

const fit = (...extra: string[]) => runCli('fit', csv, '--target', 'y', '--param', 'num_iterations=5', '--param', 'min_data_in_leaf=5', '--seed', '1', '--json', ...extra);

describe('model registry from the command line', () => {
  it('registers with --name (registry only, or also --out) and refuses neither', async () => {
    const r1 = await fit('--name', 'churn');
    expect(r1.code).toBe(0);
    expect(r1.json()).toMatchObject({ model: 'churn@1', registered: { name: 'churn', version: 1 } });
    const out = join(dir, 'm2.json');
    const r2 = await runCli('fit', csv2, '--target', 'y', '--param', 'num_iterations=8', '--seed', '2', '--json', '--name', 'churn', '--out', out);
    expect(r2.json()).toMatchObject({ model: out, registered: { ref: 'churn@2' } });
    expect(existsSync(out)).toBe(true);
    const none = await fit();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--name');
    const bad = await fit('--name', 'bad/name');
    expect(bad.stderr).toContain('MW_REGISTRY_NAME_INVALID');
  });

  it('lists models and versions, and shows one with artifact, lineage and metrics', async () => {
    const list = (await runCli('models', 'list', '--json')).json();
    expect(list.models).toMatchObject([{ name: 'churn', latestVersion: 2, versionCount: 2 }]);
    const versions = (await runCli('models', 'list', 'churn', '--json')).json();
    expect(versions.versions.map((v: any) => v.version)).toEqual([1, 2]);
    const show = await runCli('models', 'show', 'churn', '--json');
    expect(show.code).toBe(0);
    const j = show.json();
    expect(j).toMatchObject({ name: 'churn', version: 2, aliases: [], artifact: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), verified: true } });
    expect(existsSync(j.artifact.path)).toBe(true);
    expect(j.lineage).toMatchObject({
      learner: 'gbdt', task: 'binary', target: 'y', seed: 2, parent: { name: 'churn', version: 1 },
      data: { fingerprint: expect.stringMatching(/^sha256:/), rows: 150, source: csv2 },
      code: { modelwright: expect.any(String) }, user: expect.any(String),
    });
    expect(j.params).toMatchObject({ num_iterations: 8 });
    const text = await runCli('models', 'show', 'churn@1');
    expect(text.stdout).toContain('churn@1');
    expect(text.stdout).toContain('verified');
  });

  it('predicts through NAME, NAME@VERSION and NAME@ALIAS', async () => {
    await runCli('models', 'alias', 'churn', '1', 'champion');
    for (const ref of ['churn', 'churn@1', 'churn@champion']) {
      const out = join(dir, `p-${ref.replace('@', '_')}.csv`);
      const r = await runCli('predict', ref, csv, '--out', out, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^prediction,proba_\w+,proba_\w+$/);
    }
    const missing = await runCli('predict', 'nosuch@1', csv, '--out', join(dir, 'x.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MW_MODEL_NOT_FOUND');
  });

  it('moves and rolls back aliases, protects aliased versions, tags and diffs', async () => {
    expect((await runCli('models', 'alias', 'churn', '2', 'champion', '--json')).json()).toEqual({ name: 'churn', alias: 'champion', version: 2, previous: 1 });
    const del = await runCli('models', 'delete', 'churn@2');
    expect(del.code).toBe(1);
    expect(del.stderr).toContain('MW_REGISTRY_ALIAS_IN_USE');
    expect((await runCli('models', 'rollback', 'churn', 'champion', '--json')).json()).toEqual({ name: 'churn', alias: 'champion', from: 2, to: 1 });
    const again = await runCli('models', 'rollback', 'churn', 'champion');
    expect(again.stderr).toContain('MW_REGISTRY_NO_PREVIOUS');
    expect((await runCli('models', 'tag', 'churn@champion', 'stage=production', 'owner=risk', '--json')).json()).toMatchObject({ version: 1, tags: { stage: 'production', owner: 'risk' } });
    const diff = (await runCli('models', 'diff', 'churn@1', 'churn@2', '--json')).json();
    expect(diff.params.changed).toEqual(expect.arrayContaining([{ key: 'num_iterations', a: 5, b: 8 }]));
    expect(diff.data.same).toBe(false);
    expect(diff.data.b.rows).toBe(150);
    expect((await runCli('models', 'diff', 'churn@1', 'churn@2')).stdout).toContain('num_iterations: 5 → 8');
    expect((await runCli('models', 'delete', 'churn')).code).toBe(2);
    const ok = await runCli('models', 'delete', 'churn@2', '--json');
    expect(ok.json()).toEqual({ name: 'churn', version: 2, artifactRemoved: true });
    expect((await runCli('models', 'list', 'churn', '--json')).json().versions.map((v: any) => v.version)).toEqual([1]);
    expect((await runCli('models', 'gc', '--min-age', '0', '--json')).json()).toEqual({ removed: [] });
  });

  it('registers an AutoML predictor with train --name and predicts through it', async () => {
    const r = await runCli('train', csv, '--target', 'y', '--learners', 'linear', '--max-trials', '1', '--folds', '2', '--time-limit', '60', '--name', 'auto', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ model: 'auto@1', registered: { ref: 'auto@1' } });
    const show = (await runCli('models', 'show', 'auto', '--json')).json();
    expect(show).toMatchObject({ kind: 'predictor', lineage: { learner: expect.stringMatching(/^automl:/) }, metrics: { cv_roc_auc: expect.any(Number) } });
    const out = join(dir, 'auto.csv');
    expect((await runCli('predict', 'auto@latest', csv, '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(100);
    const copy = join(dir, 'auto-copy');
    expect((await runCli('export', 'auto', '--format', 'json', '--out', copy)).code).toBe(0);
    expect(existsSync(join(copy, 'predictor.json'))).toBe(true);
    const onnx = await runCli('export', 'auto', '--format', 'onnx', '--out', join(dir, 'auto.onnx'));
    expect(onnx.stderr).toContain('MW_EXPORT_UNSUPPORTED');
  });
});
