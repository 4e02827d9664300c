/**
 * `modelwright monitor` beyond the log path (e2e.test.ts): a given current table (scored by the
 * model, its labels used for performance), a reference built from a table instead of the
 * stored profile (an unregistered model file), the plain-text output, and the coded errors.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { type Home, homeWithModel, rows, writeCsv } from './fixtures.js';

let home: Home;

beforeAll(async () => {
  home = await homeWithModel();
});

afterAll(() => home?.close());

describe('monitor command', () => {
  it('compares a given table, scored by the model, with labels giving performance', async () => {
    const current = writeCsv(join(home.dir, 'current.csv'), rows(800, 30, { shift: 0.5 }));
    const r = await runCli('monitor', 'churn@1', '--current', current, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.window.source).toBe('data');
    expect(j.n_current).toBe(800);
    expect(j.features.filter((f: { drifted: boolean }) => f.drifted).map((f: { name: string }) => f.name)).toEqual(['x2']);
    expect(j.performance).toMatchObject({ n_labels: 800, headline: 'roc_auc' });
    expect(j.performance.roc_auc).toBeGreaterThan(0.8);
  });

  it('builds the reference from a table for a model file outside the registry, and prints text', async () => {
    const model = join(home.dir, 'model.json');
    const train = writeCsv(join(home.dir, 'train2.csv'), rows(1500, 40));
    expect((await runCli('fit', train, '--target', 'y', '--out', model, '--param', 'num_iterations=10', '--quiet')).code).toBe(0);
    const current = writeCsv(join(home.dir, 'current2.csv'), rows(600, 41, { shift: 1, shiftAll: true }));
    const r = await runCli('monitor', model, '--reference', train, '--current', current, '--drift-share', '0.5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Dataset drift: YES — 3 of 4 columns drifted \(75%; threshold 50%\)/);
    expect(r.stdout).toMatch(/x1 +numeric +ks .* DRIFT/);
    expect(r.stdout).toMatch(/\[dataset_drift\]/);
  });

  it('fails with coded errors: no reference, no rows, bad flags', async () => {
    const model = join(home.dir, 'model.json');
    const noRef = await runCli('monitor', model, '--json');
    expect(noRef.code).toBe(1);
    expect(noRef.json().error.code).toBe('MW_MONITOR_NO_REFERENCE');
    const empty = await runCli('monitor', 'churn', '--json');
    expect(empty.json().error.code).toBe('MW_MONITOR_NO_DATA');
    const badTime = await runCli('monitor', 'churn', '--since', 'yesterday');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/--since must be an ISO date/);
    const unknown = await runCli('monitor', 'nope', '--json');
    expect(unknown.json().error.code).toBe('MW_MODEL_NOT_FOUND');
    expect((await runCli('monitor', 'churn', '--drift-share', '2')).code).toBe(2);
  });
});
