import { readFileSync } from 'node:fs';
import { pino } from '/work/main/node_modules/pino/pino.js';
import { parseServeConfig } from '/work/main/src/serve/config.js';
import { createServer } from '/work/main/src/serve/start-server.js';
import { tableFromBody } from '/work/main/src/serve/validate-rows.js';
import { predictionsJson } from '/work/main/src/serve/predict-response.js';
import { loggedRows } from '/work/main/src/serve/log-scored.js';
const bodies: string[] = JSON.parse(readFileSync('/tmp/mwprof/bodies.json', 'utf8'));
const config = parseServeConfig({ models: [{ name: 'gbdt', ref: '/tmp/mwprof/model.json' }], reloadIntervalMs: 0 });
const { app, context } = await createServer({ config, logger: pino({ level: 'silent' }) });
const { slot, entry } = context.pool.resolve('gbdt');
const m = slot.current;
const N = 20000;
const t = { parse: 0, validate: 0, score: 0, json: 0, log: 0 };
for (let rep = 0; rep < 2; rep++) {
  for (const k of Object.keys(t)) (t as any)[k] = 0;
  for (let i = 0; i < N; i++) {
    const b = bodies[i % bodies.length];
    let t0 = performance.now();
    const body = JSON.parse(b);
    let t1 = performance.now(); t.parse += t1 - t0; t0 = t1;
    const table = tableFromBody(body, m.contract, entry.config);
    t1 = performance.now(); t.validate += t1 - t0; t0 = t1;
    const s = m.score(table.frame);
    t1 = performance.now(); t.score += t1 - t0; t0 = t1;
    const out = JSON.stringify({ request_id: 'x', model: { name: 'gbdt', version: null }, predictions: predictionsJson(m, s, table.shape) });
    t1 = performance.now(); t.json += t1 - t0; t0 = t1;
    loggedRows({ requestId: 'x', model: m, table, scores: s, latencyMs: 0.1 });
    t1 = performance.now(); t.log += t1 - t0;
  }
  console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round((v / N) * 1000 * 10) / 10 + ' us'])));
}
// inject
let t0 = performance.now();
for (let i = 0; i < 5000; i++) await app.inject({ method: 'POST', url: '/v1/models/gbdt/predict', payload: bodies[i % 256], headers: { 'content-type': 'application/json' } });
console.log('inject us/req', ((performance.now() - t0) / 5000 * 1000).toFixed(1));
t0 = performance.now();
for (let i = 0; i < 5000; i++) await app.inject({ method: 'GET', url: '/healthz' });
console.log('inject healthz us/req', ((performance.now() - t0) / 5000 * 1000).toFixed(1));
await app.close();
