/**
 * Graceful shutdown over a real socket: a request in flight (a predict-batch body still
 * arriving) completes after shutdown began, new connections are refused, readiness turns to
 * draining, and the prediction log is flushed before shutdown resolves. A request that never
 * finishes is cut off after shutdownTimeoutMs.
 */
import { request } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseServeConfig } from '../../src/serve/config.js';
import { MemoryLogStore } from '../../src/serve/memory-log-store.js';
import { type RunningServer, startServer } from '../../src/serve/start-server.js';
import { type ServeFixture, makeServeFixture } from './fixtures.js';

let fx: ServeFixture;

beforeAll(async () => {
  fx = await makeServeFixture();
});

afterAll(() => fx?.close());

async function start(store: MemoryLogStore, shutdownTimeoutMs = 10_000): Promise<RunningServer> {
  // A long flush interval: only shutdown's flush can write the log in time.
  const config = parseServeConfig({ host: '127.0.0.1', port: 0, reloadIntervalMs: 0, logFlushMs: 60_000, shutdownTimeoutMs, models: [{ name: 'churn', ref: 'churn@champion' }] });
  return startServer({ config, logger: pino({ level: 'silent' }), logStore: store, env: {}, handleSignals: false });
}

/** Start a predict-batch whose body is sent in two parts: `finish()` sends the rest. */
function slowBatch(server: RunningServer, id: string): { response: Promise<{ status: number; body: string }>; finish(): void } {
  const line = (i: number) => `${JSON.stringify({ x1: i / 10, x2: 0.5, color: 'red' })}\n`;
  const req = request(`${server.url}/v1/models/churn/predict-batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'x-request-id': id } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  for (let i = 0; i < 10; i++) req.write(line(i));
  return {
    response,
    finish: () => {
      for (let i = 10; i < 20; i++) req.write(line(i));
      req.end();
    },
  };
}

it('drains a request in flight, refuses new connections, flushes the log', async () => {
  const store = new MemoryLogStore();
  const server = await start(store);
  // A keep-alive connection left idle must not hold shutdown up.
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const slow = slowBatch(server, 'in-flight');
  await new Promise((resolve) => setTimeout(resolve, 100));
  let stoppedAt = 0;
  const stopping = server.shutdown('test').then(() => (stoppedAt = performance.now()));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server.context.draining).toBe(true);
  expect(stoppedAt).toBe(0); // still waiting for the request in flight
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  const finishedAt = performance.now();
  slow.finish();
  const res = await slow.response;
  expect(res.status).toBe(200);
  expect(res.body.trim().split('\n')).toHaveLength(20);
  await stopping;
  expect(stoppedAt).toBeGreaterThan(finishedAt); // it waited for the rest of the body
  expect(store.rows.filter((r) => r.requestId === 'in-flight')).toHaveLength(20);
});

it('gives up on a request that never finishes after shutdownTimeoutMs', async () => {
  const server = await start(new MemoryLogStore(), 200);
  const slow = slowBatch(server, 'stuck');
  slow.response.catch(() => undefined); // its connection is closed under it
  await new Promise((resolve) => setTimeout(resolve, 100));
  const t0 = performance.now();
  await server.shutdown();
  expect(performance.now() - t0).toBeLessThan(5000);
});
