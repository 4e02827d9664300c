/**
 * The monitoring dashboard (`modelwright ui`): eight hourly checks recorded by `watch` (pinned
 * clock) over traffic that drifts and then loses accuracy, served by the fastify app — GET
 * /dashboard through inject(), then in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core; skipped with a reason when absent): no errors, no request but the page
 * itself, the charts drawn, and a screenshot (kept in bench/results/dashboard.png when
 * MW_SAVE_SCREENSHOT=1).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTableScorer } from '../../src/automl/load-model-ref.js';
import { Frame } from '../../src/data/frame/frame.js';
import { watch } from '../../src/monitor/alerts/watch.js';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import type { LoggedPrediction } from '../../src/monitor/log-store/types.js';
import { buildDashboardApp } from '../../src/ui/dashboard-app.js';
import { type Home, homeWithModel, rows } from '../monitor/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const HOUR = 3_600_000;
let home: Home;

beforeAll(async () => {
  home = await homeWithModel();
  const scorer = await loadTableScorer('churn@1');
  const log = await openPredictionLog();
  const start = Math.floor(Date.now() / HOUR) * HOUR - 8 * HOUR;
  try {
    for (let k = 0; k < 8; k++) {
      const shift = [0, 0, 0, 0.2, 0.4, 0.6, 0.8, 1][k];
      const data = rows(300, 100 + k, { shift, shiftAll: true, concept: k >= 5 });
      const scored = scorer.score(Frame.fromRows(data.map(({ y: _y, ...f }) => f)));
      const t = start + k * HOUR + 60_000;
      const logged: LoggedPrediction[] = data.map((r, i) => ({
        requestId: `h${k}-${i}`, rowIndex: 0, timestamp: t, model: 'churn', version: 1, features: { x1: r.x1, x2: r.x2, x3: r.x3, color: r.color },
        prediction: scored.row(i).prediction as string, proba: { leave: scored.row(i).proba_leave as number, stay: scored.row(i).proba_stay as number }, latencyMs: 2, shadow: false,
      }));
      await log.append(logged);
      await log.appendFeedback(data.map((r, i) => ({ requestId: `h${k}-${i}`, label: r.y, timestamp: t })));
      await watch({ intervalMs: HOUR, minRows: 50, checks: [{ model: 'churn@1', windowMs: HOUR, drift: {}, performance: { metric: 'roc_auc' } }] }, { once: true, now: () => start + (k + 1) * HOUR, log });
    }
  } finally {
    await log.close();
  }
});

afterAll(() => home?.close());

describe('dashboard', () => {
  it('serves the page and its data', async () => {
    const app = await buildDashboardApp();
    try {
      const page = await app.inject({ url: '/dashboard' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toMatch(/Modelwright monitoring/);
      expect(page.body).toMatch(/id="model-churn"/);
      expect(page.body).not.toMatch(/<script|<link|src="http/);
      const api = (await app.inject({ url: '/api/models' })).json();
      const churn = api.models.find((m: { name: string }) => m.name === 'churn');
      expect(churn.history).toHaveLength(8);
      expect(churn.status).not.toBe('ok');
      expect(churn.history[0].datasetDrift).toBe(false);
      expect(churn.history[7].datasetDrift).toBe(true);
      expect(churn.metric).toBe('roc_auc');
      expect(churn.history[0].performance.roc_auc).toBeGreaterThan(churn.history[7].performance.roc_auc);
      expect((await app.inject({ url: '/' })).headers.location).toBe('/dashboard');
    } finally {
      await app.close();
    }
  });

  it.skipIf(!existsSync(CHROMIUM))(`renders in headless Chromium${existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`, async () => {
    const app = await buildDashboardApp();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/dashboard`;
    expect(address).toMatch(/127\.0\.0\.1/);
    const profile = mkdtempSync(join(tmpdir(), 'mw-chromium-'));
    const png = join(profile, 'dashboard.png');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.title()).toBe('Modelwright monitoring');
      expect(errors).toEqual([]);
      expect(requests.filter((r) => r !== url && !r.endsWith('/favicon.ico'))).toEqual([]);
      const charts = await page.$$eval('svg.chart', (els) => els.map((e) => e.getBoundingClientRect().width));
      expect(charts.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...charts)).toBeGreaterThan(100);
      expect(await page.locator('table.data tbody tr').count()).toBe(1);
      await page.screenshot({ path: png, fullPage: true });
      expect(readFileSync(png).length).toBeGreaterThan(20_000);
      if (process.env.MW_SAVE_SCREENSHOT === '1') copyFileSync(png, join(import.meta.dirname, '..', '..', 'bench', 'results', 'dashboard.png'));
    } finally {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
