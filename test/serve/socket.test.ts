/**
 * Over a real socket (127.0.0.1, port 0): API keys (401 without, 403 with an unknown one,
 * /healthz open), per-key rate limits (429 + Retry-After), the canary split (1000 requests at
 * 90/10 land within a binomial band, exactly where the request-id hash sends them, and the same
 * id always meets the same version), and shadow mode (its answers logged, never returned).
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/serve/auth.js';
import { parseServeConfig } from '../../src/serve/config.js';
import { MemoryLogStore } from '../../src/serve/memory-log-store.js';
import { type RunningServer, startServer } from '../../src/serve/start-server.js';
import { routesToCanary } from '../../src/serve/traffic.js';
import { type ServeFixture, makeServeFixture } from './fixtures.js';

let fx: ServeFixture;
let server: RunningServer;
let open: RunningServer;
const store = new MemoryLogStore();
const quiet = pino({ level: 'silent' });

beforeAll(async () => {
  fx = await makeServeFixture();
  const common = { host: '127.0.0.1', port: 0, reloadIntervalMs: 0, logFlushMs: 5 };
  const secured = parseServeConfig({
    ...common,
    apiKeys: [`sha256:${sha256Hex('key-two')}`, 'key-three'],
    rateLimit: { requestsPerSecond: 1, burst: 20 },
    models: [{ name: 'churn', ref: 'churn@champion' }],
  });
  server = await startServer({ config: secured, logger: quiet, env: { MODELWRIGHT_API_KEYS: 'key-one' }, handleSignals: false });
  const traffic = parseServeConfig({
    ...common,
    models: [
      { name: 'churn', ref: 'churn@champion', canary: { ref: 'churn@challenger', weight: 0.1 } },
      { name: 'shadowed', ref: 'churn@1', shadow: 'churn@2' },
    ],
  });
  open = await startServer({ config: traffic, logger: quiet, logStore: store, env: {}, handleSignals: false });
});

afterAll(async () => {
  await server?.shutdown();
  await open?.shutdown();
  fx?.close();
});

const row = { x1: 1, x2: 0.5, color: 'red' };

async function call(path: string, opts: { key?: string; auth?: string; id?: string; body?: unknown; on?: RunningServer } = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.auth) headers.authorization = opts.auth;
  if (opts.id) headers['x-request-id'] = opts.id;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${(opts.on ?? server).url}${path}`, { method: opts.body === undefined ? 'GET' : 'POST', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await r.text();
  return { status: r.status, json: text.startsWith('{') ? JSON.parse(text) : text, headers: r.headers };
}

describe('API keys', () => {
  it('listens on loopback at the port the OS gave', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('401 without a key, 403 with an unknown one, 200 with env, hashed and plain config keys', async () => {
    const none = await call('/v1/models/churn/predict', { body: { rows: [row] } });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('MW_SERVE_UNAUTHORIZED');
    expect(none.headers.get('x-request-id')).toBeTruthy();
    expect((await call('/v1/models', { auth: 'Basic a2V5LW9uZQ==' })).status).toBe(401);
    const wrong = await call('/v1/models', { key: 'key-four' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('MW_SERVE_FORBIDDEN');
    for (const key of ['key-one', 'key-two', 'key-three']) expect((await call('/v1/models/churn/predict', { key, body: { rows: [row] } })).status).toBe(200);
  });

  it('/healthz is open; every other endpoint needs a key', async () => {
    expect((await call('/healthz')).status).toBe(200);
    for (const p of ['/readyz', '/metrics', '/v1/models', '/openapi.json', '/docs', '/v2/health/live', '/no/such/route']) expect((await call(p)).status, p).toBe(401);
  });

  it('rate-limits each key on its own: 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call('/v1/models', { key: 'key-three' })).status);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(4);
    const limited = await call('/v1/models', { key: 'key-three' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.error.code).toBe('MW_SERVE_RATE_LIMITED');
    expect((await call('/v1/models', { key: 'key-two' })).status).toBe(200);
  });
});

describe('traffic', () => {
  it('splits 1000 requests 90/10 by request id: within a binomial band, and deterministic', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `canary-${i}`);
    const versions: number[] = new Array(ids.length);
    const lanes = 8;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let i = lane; i < ids.length; i += lanes) {
          const r = await call('/v1/models/churn/predict', { on: open, id: ids[i], body: { rows: [row] } });
          expect(r.status).toBe(200);
          versions[i] = r.json.model.version;
        }
      }),
    );
    const canary = versions.filter((v) => v === 2).length;
    // Binomial(1000, 0.1): mean 100, sd 9.5; ±38 is a 4-sd band.
    expect(Math.abs(canary - 100)).toBeLessThanOrEqual(38);
    expect(versions.every((v) => v === 1 || v === 2)).toBe(true);
    // Exactly the requests the hash sends there, so a retry meets the same version.
    ids.forEach((id, i) => expect(versions[i] === 2).toBe(routesToCanary(id, 0.1)));
    for (const i of [0, 1, 2, 3, 4, versions.indexOf(2)]) {
      expect((await call('/v1/models/churn/predict', { on: open, id: ids[i], body: { rows: [row] } })).json.model.version).toBe(versions[i]);
    }
    // A pinned version bypasses the split.
    expect((await call('/v1/models/churn@1/predict', { on: open, id: ids[versions.indexOf(2)], body: { rows: [row] } })).json.model.version).toBe(1);
  });

  it('shadow: a second version scores the same rows, logged with shadow=true, never returned', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `shadow-${i}`);
    for (const id of ids) {
      const r = await call('/v1/models/shadowed/predict', { on: open, id, body: { rows: [row, { ...row, x1: 3 }] } });
      expect(r.status).toBe(200);
      expect(r.json.model.version).toBe(1);
      expect(Object.keys(r.json).sort()).toEqual(['model', 'predictions', 'request_id']);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    await open.context.predictionLog.flush();
    const mine = store.rows.filter((x) => x.requestId.startsWith('shadow-'));
    const primary = mine.filter((x) => !x.shadow);
    const shadow = mine.filter((x) => x.shadow);
    expect(primary).toHaveLength(40);
    expect(shadow).toHaveLength(40);
    expect(new Set(primary.map((x) => x.version))).toEqual(new Set([1]));
    expect(new Set(shadow.map((x) => x.version))).toEqual(new Set([2]));
    expect(new Set(shadow.map((x) => `${x.requestId}/${x.rowIndex}`))).toEqual(new Set(primary.map((x) => `${x.requestId}/${x.rowIndex}`)));
    expect(shadow[0].features).toEqual(primary.find((p) => p.requestId === shadow[0].requestId && p.rowIndex === shadow[0].rowIndex)?.features);
    expect(await store.query({ model: 'churn', includeShadow: false })).not.toContainEqual(expect.objectContaining({ shadow: true }));
  });
});
