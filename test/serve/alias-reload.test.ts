/**
 * Moving an alias while requests flow: the server follows `churn@champion` from version 1 to
 * version 2 without a restart, and not one request in flight fails. Over a real socket, with
 * the alias moved through the CLI (`models alias`), as an operator would.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseServeConfig } from '../../src/serve/config.js';
import { type RunningServer, startServer } from '../../src/serve/start-server.js';
import { runCli } from '../cli/run-cli.js';
import { type ServeFixture, makeServeFixture } from './fixtures.js';

let fx: ServeFixture;
let server: RunningServer;

beforeAll(async () => {
  fx = await makeServeFixture();
  const config = parseServeConfig({ host: '127.0.0.1', port: 0, reloadIntervalMs: 40, models: [{ name: 'churn', ref: 'churn@champion' }] });
  server = await startServer({ config, logger: pino({ level: 'silent' }), env: {}, handleSignals: false });
});

afterAll(async () => {
  await server?.shutdown();
  fx?.close();
});

it('swaps in the new version when the alias moves, with no failed request', async () => {
  const failures: string[] = [];
  const seen: number[][] = [[], [], [], []];
  let moved = false;
  let afterMove = 0;
  const lane = async (k: number): Promise<void> => {
    // Until well after the move: 150 more requests per lane once the move is made.
    while (!moved || afterMove < 600) {
      try {
        const r = await fetch(`${server.url}/v1/models/churn/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [{ x1: 1, x2: 0.5, color: 'red' }] }) });
        const j = (await r.json()) as { model?: { version: number } };
        if (r.status !== 200 || !j.model) failures.push(`status ${r.status}`);
        else seen[k].push(j.model.version);
      } catch (err) {
        failures.push((err as Error).message);
      }
      if (moved) afterMove++;
    }
  };
  const lanes = [0, 1, 2, 3].map(lane);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const r = await runCli('models', 'alias', 'churn', '2', 'champion', '--quiet');
  expect(r.code).toBe(0);
  moved = true;
  await Promise.all(lanes);
  expect(failures).toEqual([]);
  for (const versions of seen) {
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(2);
    // Each lane sees 1…1 then 2…2: once swapped, never back.
    const firstTwo = versions.indexOf(2);
    expect(versions.slice(firstTwo).every((v) => v === 2)).toBe(true);
  }
  const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { models: { version: number }[] };
  expect(models.models[0].version).toBe(2);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/modelwright_model_reloads_total\{model="churn"\} 1/);
});
