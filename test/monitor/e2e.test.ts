/**
 * End to end, in one temporary MODELWRIGHT_HOME: `fit --name` (stores the reference profile)
 * → the prediction server (fastify inject, logging to $MODELWRIGHT_HOME/monitor.db) → traffic
 * from a test split, then traffic with x2 shifted by 0.5 std → `monitor --json` on each window
 * (the shifted window flags x2 and only x2) → feedback labels through the server → performance
 * in `monitor --json` → `retrain` promotes or keeps, with the reason audited in the registry.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { BuiltServer } from '../../src/serve/app.js';
import { parseServeConfig } from '../../src/serve/config.js';
import { createServer } from '../../src/serve/start-server.js';
import { runCli } from '../cli/run-cli.js';
import { type Row, rows, writeCsv as csv } from './fixtures.js';

let dir: string;
let server: BuiltServer;
const saved = { home: process.env.MODELWRIGHT_HOME, db: process.env.MODELWRIGHT_DB };
let tMid = 0;
const shifted = rows(500, 4, { shift: 0.5 });

async function predict(batch: Row[]): Promise<string> {
  const r = await server.app.inject({ method: 'POST', url: '/v1/models/churn/predict', payload: { rows: batch.map(({ y: _y, ...f }) => f) } });
  expect(r.statusCode).toBe(200);
  return r.json().request_id as string;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mw-monitor-e2e-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
  delete process.env.MODELWRIGHT_DB;
  const train = csv(join(dir, 'train.csv'), rows(3000, 1));
  const valid = csv(join(dir, 'valid.csv'), rows(600, 2));
  const fit = await runCli('fit', train, '--target', 'y', '--valid', valid, '--name', 'churn', '--param', 'num_iterations=40', '--seed', '1', '--quiet');
  expect(fit.code, fit.stderr).toBe(0);
  const config = parseServeConfig({ models: [{ name: 'churn', ref: 'churn@1' }], reloadIntervalMs: 0, logFlushMs: 5 });
  server = await createServer({ config, logger: pino({ level: 'silent' }), logStore: () => openPredictionLog() });
  // Traffic from a test split (the training distribution), in requests of 25 rows.
  const test = rows(500, 3);
  for (let i = 0; i < test.length; i += 25) await predict(test.slice(i, i + 25));
  await server.context.predictionLog.flush();
  await new Promise((r) => setTimeout(r, 5));
  tMid = Date.now();
  await new Promise((r) => setTimeout(r, 5));
  // Shifted traffic: x2 moved by half its standard deviation; then its labels, row by row.
  for (let i = 0; i < shifted.length; i += 25) {
    const id = await predict(shifted.slice(i, i + 25));
    for (let j = 0; j < 25; j++) {
      const fb = await server.app.inject({ method: 'POST', url: '/v1/models/churn/feedback', payload: { request_id: id, row_index: j, label: shifted[i + j].y } });
      expect(fb.statusCode, fb.body).toBe(202);
    }
  }
  await server.context.predictionLog.flush();
});

afterAll(async () => {
  await server?.app.close();
  if (saved.home === undefined) delete process.env.MODELWRIGHT_HOME;
  else process.env.MODELWRIGHT_HOME = saved.home;
  if (saved.db !== undefined) process.env.MODELWRIGHT_DB = saved.db;
  rmSync(dir, { recursive: true, force: true });
});

describe('monitoring end to end', () => {
  it('stores a reference profile at registration', async () => {
    const reg = await openRegistry();
    try {
      const v = await reg.store.getVersion('churn', 1);
      expect(v?.tags['artifact.reference_profile']).toMatch(/^[0-9a-f]{64}$/);
      expect(await reg.store.referencedArtifacts()).toContain(v!.tags['artifact.reference_profile']);
    } finally {
      await reg.close();
    }
  });

  it('finds no drift in traffic from the test split', async () => {
    const r = await runCli('monitor', 'churn@1', '--until', String(tMid), '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.n_current).toBe(500);
    expect(j.n_reference).toBe(3000);
    expect(j.dataset_drift).toBe(false);
    expect(j.features.filter((f: { drifted: boolean }) => f.drifted)).toEqual([]);
    expect(j.performance).toBeUndefined();
  });

  it('flags the shifted feature only, and computes performance from the feedback labels', async () => {
    const html = join(dir, 'monitor.html');
    const r = await runCli('monitor', 'churn', '--since', String(tMid), '--json', '--html', html);
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.n_current).toBe(500);
    expect(j.features.map((f: { name: string }) => f.name).sort()).toEqual(['color', 'x1', 'x2', 'x3']);
    expect(j.features.filter((f: { drifted: boolean }) => f.drifted).map((f: { name: string }) => f.name)).toEqual(['x2']);
    const x2 = j.features.find((f: { name: string }) => f.name === 'x2');
    expect(x2).toMatchObject({ test: 'ks', threshold: 0.05, drifted: true });
    expect(x2.p_value).toBeLessThan(1e-6);
    expect(j.drift_share).toBeCloseTo(0.25);
    expect(j.dataset_drift).toBe(false);
    expect(typeof j.prediction_drift).toBe('boolean');
    expect(j.prediction.name).toBe('proba_stay');
    expect(j.performance.n_labels).toBe(500);
    expect(j.performance.roc_auc).toBeGreaterThan(0.8);
    expect(j.performance.baseline.source).toMatch(/held-out/);
    expect(readFileSync(html, 'utf8')).toMatch(/<svg class="chart overlay"/);
  });

  it('retrains: a challenger that must clear an impossible margin is kept, with the reason recorded', async () => {
    const data = csv(join(dir, 'new.csv'), rows(2000, 5, { shift: 0.5 }));
    const strict = join(dir, 'strict.json');
    writeFileSync(strict, JSON.stringify({ metric: 'roc_auc', min_improvement: 0.5 }));
    const r = await runCli('retrain', 'churn', '--data', data, '--policy', strict, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.decision).toBe('kept');
    expect(j.reason).toMatch(/below the required 0.5/);
    expect(j.aliases).toEqual({ champion: 1, challenger: 2 });
    const reg = await openRegistry();
    try {
      const v2 = await reg.store.getVersion('churn', 2);
      expect(v2?.tags['retrain.decision']).toBe('kept');
      expect(v2?.tags['retrain.reason']).toBe(j.reason);
      expect(v2?.parentVersion).toBe(1);
      expect(v2?.tags['artifact.reference_profile']).toBeDefined();
      const events = await reg.store.events('churn');
      expect(events.filter((e) => e.action === 'tag' && e.version === 2).length).toBeGreaterThanOrEqual(7);
    } finally {
      await reg.close();
    }
  });

  it('retrains: promotes the challenger when the world moved and the policy holds', async () => {
    const data = csv(join(dir, 'new2.csv'), rows(3000, 6, { shift: 0.5, concept: true }));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ metric: 'roc_auc', min_improvement: 0.002 }));
    const r = await runCli('retrain', 'churn', '--data', data, '--policy', policy, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.decision).toBe('promoted');
    expect(j.reason).toMatch(/challenger v3 roc_auc .* vs champion v1 .* better by .*promoted/);
    expect(j.challenger.value - j.champion.value).toBeGreaterThan(0.002);
    expect(j.aliases).toEqual({ champion: 3, challenger: 3 });
    const reg = await openRegistry();
    try {
      const moves = (await reg.store.events('churn', 'champion')).map((e) => [e.action, e.previousVersion, e.version]);
      expect(moves).toEqual([['alias_set', null, 1], ['alias_set', 1, 3]]);
    } finally {
      await reg.close();
    }
    const log = await openPredictionLog();
    try {
      expect((await log.query({ model: 'churn', since: tMid })).filter((x) => x.label !== undefined).length).toBe(500);
    } finally {
      await log.close();
    }
  });
});
