/**
 * The prediction log on every backend: memory, SQLite ($MODELWRIGHT_HOME/monitor.db) and
 * PostgreSQL (when MODELWRIGHT_TEST_PG_URL is set, in a fresh schema). Round trip of rows,
 * windows, shadow rows, mixed feature types, feedback joins and check history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorStore } from '../../../src/monitor/log-store/monitor-store.js';
import { openPredictionLog } from '../../../src/monitor/log-store/open-prediction-log.js';
import type { LoggedPrediction } from '../../../src/monitor/log-store/types.js';

const PG_URL = process.env.MODELWRIGHT_TEST_PG_URL;
const homes: string[] = [];
const schemas: string[] = [];

afterAll(async () => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
  if (PG_URL && schemas.length) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await c.end();
  }
});

const backends: [string, (() => Promise<MonitorStore>) | undefined][] = [
  ['memory', () => openPredictionLog({ memory: true })],
  ['sqlite', () => {
    const home = mkdtempSync(join(tmpdir(), 'mw-log-'));
    homes.push(home);
    return openPredictionLog({ env: { MODELWRIGHT_HOME: home } });
  }],
  ['postgres', PG_URL ? () => {
    const schema = `mw_log_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    schemas.push(schema);
    return openPredictionLog({ env: { MODELWRIGHT_HOME: tmpdir(), MODELWRIGHT_DB: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}` } });
  } : undefined],
];

function row(i: number, over: Partial<LoggedPrediction> = {}): LoggedPrediction {
  return {
    requestId: `r${Math.floor(i / 2)}`, rowIndex: i % 2, timestamp: 1_000 + i * 10, model: 'churn', version: 1,
    features: { age: i % 5 === 0 ? null : 20 + i, city: i % 3 === 0 ? 'Oslo' : 'Rome', vip: i % 2 === 0, note: i === 3 ? 7 : 'x' },
    prediction: i % 2 ? 'yes' : 'no', proba: { no: 0.25, yes: 0.75 }, latencyMs: 1.5, shadow: false, ...over,
  };
}

for (const [name, open] of backends) {
  describe.skipIf(!open)(`prediction log [${name}]${open ? '' : ' (skipped: MODELWRIGHT_TEST_PG_URL is not set)'}`, () => {
    it('returns appended rows as logged, oldest first, with window and version filters', async () => {
      const log = await open!();
      try {
        await log.append([row(2), row(3), row(0), row(1)]);
        await log.append([row(4, { version: 2 }), row(5, { shadow: true }), row(6, { model: 'other' })]);
        const all = await log.query({ model: 'churn' });
        expect(all.map((r) => r.timestamp)).toEqual([1000, 1010, 1020, 1030, 1040]);
        expect(all[0]).toEqual(row(0));
        expect(all[3].features.note).toBe(7);
        expect((await log.query({ model: 'churn', version: 1 })).length).toBe(4);
        expect((await log.query({ model: 'churn', includeShadow: true })).length).toBe(6);
        const window = await log.query({ model: 'churn', since: 1010, until: 1030 });
        expect(window.map((r) => r.timestamp)).toEqual([1010, 1020]);
        expect(await log.models()).toEqual(['churn', 'other']);
      } finally {
        await log.close();
      }
    });

    it('joins feedback by request id and row index; a request-wide label covers every row', async () => {
      const log = await open!();
      try {
        await log.append([0, 1, 2, 3].map((i) => row(i)));
        await log.appendFeedback([
          { requestId: 'r0', rowIndex: 1, label: 'yes', timestamp: 5000 },
          { requestId: 'r1', label: 1, timestamp: 5000 },
          { requestId: 'r0', rowIndex: 1, label: 'no', timestamp: 6000 },
        ]);
        const rows = await log.query({ model: 'churn' });
        expect(rows.map((r) => r.label)).toEqual([undefined, 'no', 1, 1]);
        let labelled = 0;
        await log.scan({ model: 'churn' }, (b) => (labelled += b.labels!.filter((l) => l !== null).length), { labels: true });
        expect(labelled).toBe(3);
      } finally {
        await log.close();
      }
    });

    it('rejects malformed rows with a coded error', async () => {
      const log = await open!();
      try {
        await expect(log.append([row(0, { requestId: '' })])).rejects.toMatchObject({ code: 'MW_MONITOR_LOG_INVALID' });
        await expect(log.appendFeedback([{ requestId: 'x', label: null as unknown as string, timestamp: 0 }])).rejects.toMatchObject({ code: 'MW_MONITOR_LOG_INVALID' });
      } finally {
        await log.close();
      }
    });

    it('records and lists monitor checks, oldest first', async () => {
      const log = await open!();
      try {
        for (let k = 0; k < 3; k++) {
          await log.recordCheck({
            model: 'churn', version: 1, at: 10_000 + k, since: 0, until: 10_000 + k, nCurrent: 100 + k, datasetDrift: k === 2, driftShare: k / 4,
            predictionDrift: false, performance: k ? { roc_auc: 0.8, n_labels: 50 } : null, alerts: k === 2 ? [{ kind: 'dataset_drift', message: 'drift' }] : [], summary: { features: [] },
          });
        }
        const checks = await log.checks({ model: 'churn' });
        expect(checks.map((c) => c.nCurrent)).toEqual([100, 101, 102]);
        expect(checks[2]).toMatchObject({ datasetDrift: true, driftShare: 0.5, alerts: [{ kind: 'dataset_drift' }], performance: { roc_auc: 0.8 } });
        expect((await log.checks({ model: 'churn', limit: 2 })).map((c) => c.nCurrent)).toEqual([101, 102]);
      } finally {
        await log.close();
      }
    });
  });
}
