/**
 * The monitor on PostgreSQL (MODELWRIGHT_DB=postgres://…?schema=…, a fresh schema dropped
 * afterwards): registry, reference profile tag, prediction log, checks and the dashboard data
 * all in one database. Skipped with a reason when MODELWRIGHT_TEST_PG_URL is not set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardData } from '../../src/monitor/dashboard/dashboard-data.js';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { runCli } from '../cli/run-cli.js';
import { logRows, rows, writeCsv } from './fixtures.js';

const PG_URL = process.env.MODELWRIGHT_TEST_PG_URL;
const schema = `mw_monitor_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let dir = '';
const saved = { home: process.env.MODELWRIGHT_HOME, db: process.env.MODELWRIGHT_DB };

describe.skipIf(!PG_URL)(`monitor on PostgreSQL${PG_URL ? '' : ' (skipped: MODELWRIGHT_TEST_PG_URL is not set; .ci/run sets it)'}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mw-monitor-pg-'));
    process.env.MODELWRIGHT_HOME = join(dir, 'home');
    process.env.MODELWRIGHT_DB = `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}schema=${schema}`;
    const train = writeCsv(join(dir, 'train.csv'), rows(1500, 1));
    const fit = await runCli('fit', train, '--target', 'y', '--name', 'churn', '--param', 'num_iterations=10', '--quiet');
    expect(fit.code, fit.stderr).toBe(0);
    const log = await openPredictionLog();
    try {
      await log.append(logRows(rows(600, 2, { shift: 0.5 }), 'churn', 1, Date.now() - 60_000, 'pg'));
      await log.appendFeedback(rows(600, 2, { shift: 0.5 }).map((r, i) => ({ requestId: `pg-${i}`, label: r.y, timestamp: Date.now() })));
    } finally {
      await log.close();
    }
  });

  afterAll(async () => {
    for (const [k, v] of [['MODELWRIGHT_HOME', saved.home], ['MODELWRIGHT_DB', saved.db]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it('monitors, watches and charts from one PostgreSQL schema', async () => {
    const r = await runCli('monitor', 'churn', '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.n_current).toBe(600);
    expect(j.features.filter((f: { drifted: boolean }) => f.drifted).map((f: { name: string }) => f.name)).toEqual(['x2']);
    expect(j.performance.n_labels).toBe(600);
    const config = join(dir, 'watch.json');
    writeFileSync(config, JSON.stringify({ minRows: 10, checks: [{ model: 'churn', window: '1h' }] }));
    expect((await runCli('monitor', 'watch', '--config', config, '--once')).code).toBe(0);
    const reg = await openRegistry();
    const log = await openPredictionLog();
    try {
      expect(reg.store.backend).toBe('postgres');
      expect(log.backend).toBe('postgres');
      const d = await dashboardData(reg, log);
      expect(d.models.map((m) => [m.name, m.history.length])).toEqual([['churn', 1]]);
    } finally {
      await log.close();
      await reg.close();
    }
  });
});
