/**
 * The prediction log written from a worker thread: rows and feedback appended through the
 * proxy land in the SQLite log (read back directly), queries answer through it, and a store
 * that cannot open fails `openWorkerLogStore` instead of every later write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import type { LoggedPrediction } from '../../src/monitor/log-store/types.js';
import { openWorkerLogStore } from '../../src/serve/log-worker/worker-log-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-log-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (i: number, shadow = false): LoggedPrediction => ({
  requestId: `r${i}`, rowIndex: 0, timestamp: 1_700_000_000_000 + i, model: 'churn', version: 2, features: { x1: i, color: 'red', x2: null }, prediction: 'yes', proba: { no: 0.25, yes: 0.75 }, latencyMs: 0.2, shadow,
});

it('appends rows and feedback from a worker thread; they persist', async () => {
  const path = join(dir, 'monitor.db');
  const store = await openWorkerLogStore({ path });
  await store.append([row(0), row(1), row(2, true)]);
  await store.appendFeedback([{ requestId: 'r1', label: 'no', timestamp: 1_700_000_000_100 }]);
  const viaWorker = await store.query({ model: 'churn' });
  expect(viaWorker.map((r) => r.requestId)).toEqual(['r0', 'r1']);
  expect(viaWorker[1]).toMatchObject({ label: 'no', features: { x1: 1, color: 'red', x2: null }, proba: { yes: 0.75 } });
  await store.close();
  const direct = await openPredictionLog({ path });
  try {
    expect((await direct.query({ model: 'churn', includeShadow: true })).map((r) => [r.requestId, r.shadow])).toEqual([['r0', false], ['r1', false], ['r2', true]]);
  } finally {
    await direct.close();
  }
});

it('fails to open when the store cannot be opened', async () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a directory');
  await expect(openWorkerLogStore({ path: join(file, 'x.db') })).rejects.toThrow();
});
