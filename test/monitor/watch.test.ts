/**
 * `monitor watch --config FILE --once`: a check over the last hour of logged traffic in which
 * every numeric column moved → dataset drift → a JSON POST to a webhook (a local node:http
 * server on 127.0.0.1), pino lines on stderr, a row in monitor_checks, and the configured
 * retraining run with its decision reported the same way. Plus config validation.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWatchConfig } from '../../src/monitor/alerts/watch-config.js';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import { runCli } from '../cli/run-cli.js';
import { type Home, homeWithModel, logRows, rows, writeCsv } from './fixtures.js';

let home: Home;
let hook: Server;
let hookUrl = '';
const received: { headers: Record<string, unknown>; body: any }[] = [];

beforeAll(async () => {
  home = await homeWithModel();
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const log = await openPredictionLog();
  try {
    const now = Date.now();
    await log.append(logRows(rows(400, 20), 'churn', 1, now - 2 * 3_600_000, 'old'));
    await log.append(logRows(rows(400, 21, { shift: 1, shiftAll: true }), 'churn', 1, now - 60_000, 'new'));
  } finally {
    await log.close();
  }
});

afterAll(async () => {
  await new Promise((r) => hook?.close(r));
  home?.close();
});

describe('monitor watch', () => {
  it('alerts on drift to the webhook and the log, records the check, and retrains', async () => {
    const data = writeCsv(join(home.dir, 'fresh.csv'), rows(1500, 22, { shift: 1, shiftAll: true, concept: true }));
    const config = join(home.dir, 'watch.json');
    writeFileSync(config, JSON.stringify({
      interval: '1h', webhook: { url: hookUrl, headers: { 'x-team': 'ml' } }, minRows: 50,
      checks: [{ model: 'churn', window: '1h', retrain: { data: 'fresh.csv', policy: { metric: 'roc_auc', min_improvement: 0.001 }, on: ['dataset_drift'] } }],
    }));
    expect(data).toContain('fresh.csv');
    const r = await runCli('monitor', 'watch', '--config', config, '--once', '--json');
    expect(r.code, r.stderr).toBe(0);
    const [out] = r.json();
    expect(out).toMatchObject({ model: 'churn', n_current: 400, dataset_drift: true, webhook: { ok: true, status: 204 } });
    expect(out.alerts.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['dataset_drift', 'retrain']));
    expect(out.retrain.decision).toBe('promoted');
    // The webhook got one POST with the alerts.
    expect(received).toHaveLength(1);
    expect(received[0].headers['x-team']).toBe('ml');
    expect(received[0].headers['content-type']).toMatch(/application\/json/);
    expect(received[0].body).toMatchObject({ source: 'modelwright', type: 'monitor.alert', model: 'churn', version: 1, dataset_drift: true, check_id: out.check_id });
    expect(received[0].body.alerts.find((a: { kind: string }) => a.kind === 'dataset_drift').details.drifted).toEqual(expect.arrayContaining(['x1', 'x2', 'x3']));
    // The log: pino JSON lines on stderr, one per alert.
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.alert === 'dataset_drift' && l.level === 40 && l.model === 'churn')).toBe(true);
    // The check is in monitor_checks.
    const log = await openPredictionLog();
    try {
      const checks = await log.checks({ model: 'churn' });
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ id: out.check_id, datasetDrift: true, nCurrent: 400, version: 1 });
      expect((checks[0].summary.features as { name: string; drifted: boolean }[]).filter((f) => f.drifted).map((f) => f.name)).toEqual(expect.arrayContaining(['x1', 'x2', 'x3']));
    } finally {
      await log.close();
    }
  });

  it('skips quietly when the window is empty', async () => {
    const config = join(home.dir, 'empty.json');
    writeFileSync(config, JSON.stringify({ checks: [{ model: 'churn@1', window: '1s' }] }));
    const r = await runCli('monitor', 'watch', '--config', config, '--once', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()[0].skipped).toMatch(/MW_MONITOR_NO_DATA/);
  });

  it('rejects invalid configs with the field named', async () => {
    const bad = join(home.dir, 'bad.json');
    for (const [cfg, msg] of [
      [{ checks: [] }, /'checks' must be a non-empty list/],
      [{ interval: 'soon', checks: [{ model: 'a' }] }, /'interval' must be a duration/],
      [{ webhook: 'ftp://x', checks: [{ model: 'a' }] }, /'webhook' must be an http/],
      [{ checks: [{ model: 'a', drift: { numericTest: 'tt' } }] }, /checks\[0\].drift: .*numericTest/],
      [{ checks: [{ model: 'a', retrain: { data: 'x.csv', policy: { min_improvment: 1 } } }] }, /unknown key 'min_improvment'/],
    ] as const) {
      writeFileSync(bad, JSON.stringify(cfg));
      await expect(readWatchConfig(bad)).rejects.toMatchObject({ code: 'MW_MONITOR_CONFIG', message: expect.stringMatching(msg) });
    }
    const r = await runCli('monitor', 'watch', '--config', bad, '--once');
    expect(r.code).toBe(2);
  });
});
