/**
 * `modelwright serve`: `--check` in-process (0 when the config and every model load, 1 when
 * not), and the real thing as a child process with `--workers 2` — two worker processes on
 * one port, serving, then draining and exiting 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { type ServeFixture, makeServeFixture } from './fixtures.js';

let fx: ServeFixture;

beforeAll(async () => {
  fx = await makeServeFixture();
});

afterAll(() => fx?.close());

describe('serve --check', () => {
  it('loads the config and every model, then exits 0', async () => {
    const config = join(fx.dir, 'serve.json');
    writeFileSync(config, JSON.stringify({ models: [{ name: 'churn', ref: 'churn@champion', canary: { ref: 'churn@2', weight: 0.1 } }] }));
    const r = await runCli('serve', '--check', '--config', config, '--model', 'price', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, host: '127.0.0.1', port: 8080, models: [{ name: 'churn', slots: [{ role: 'primary', version: 1 }, { role: 'canary', version: 2 }] }, { name: 'price' }] });
    const human = await runCli('serve', '--check', '--model', `local=${fx.churnFile}`);
    expect(human.stdout).toContain('Config OK: 1 model(s) load.');
  });

  it('exits 1 when a model does not load or the config is wrong; 2 without models', async () => {
    const missing = await runCli('serve', '--check', '--model', 'nope@champion');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MW_MODEL_NOT_FOUND');
    const bad = join(fx.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ models: [{ ref: 'churn', extraColumns: 'keep' }] }));
    const wrong = await runCli('serve', '--check', '--config', bad);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('MW_SERVE_CONFIG');
    expect((await runCli('serve', '--check', '--model', 'churn', '--port', 'x')).code).toBe(2);
    expect((await runCli('serve', '--check')).stderr).toContain('Nothing to serve');
  });
});

/** Log lines (pino JSON) of a child, as they arrive. */
function logLines(child: ChildProcess): { lines: Record<string, unknown>[]; waitFor(pred: (l: Record<string, unknown>) => boolean, count?: number, ms?: number): Promise<Record<string, unknown>[]> } {
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  const waiters: (() => void)[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
      nl = buf.indexOf('\n');
    }
    for (const w of waiters) w();
  });
  return {
    lines,
    waitFor: (pred, count = 1, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for log lines; got: ${JSON.stringify(lines)}`)), ms);
        const check = (): void => {
          const hits = lines.filter(pred);
          if (hits.length >= count) {
            clearTimeout(timer);
            resolve(hits);
          }
        };
        waiters.push(check);
        check();
      }),
  };
}

/** Start `serve --workers 2` as a child process; resolves once both workers listen. */
async function startWorkers(extra: string[]): Promise<{ url: string; log: ReturnType<typeof logLines>; stop(): Promise<number | null>; kill(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/serve/fixtures/cli-entry.ts', 'serve', '--model', 'churn@champion', '--port', '0', '--workers', '2', ...extra], {
    cwd: process.cwd(),
    env: { ...process.env, MODELWRIGHT_HOME: process.env.MODELWRIGHT_HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const log = logLines(child);
  const kill = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (stderr.trim()) console.error(stderr);
  };
  try {
    const listening = await log.waitFor((l) => l.msg === 'listening', 2);
    expect(new Set(listening.map((l) => l.pid)).size).toBe(2);
    const urls = new Set(listening.map((l) => l.url));
    expect(urls.size).toBe(1); // one shared port
    const url = [...urls][0] as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    return { url, log, kill, stop: () => (child.kill('SIGTERM'), exited) };
  } catch (err) {
    kill();
    throw err;
  }
}

const predictOnce = (url: string): Promise<Response> =>
  fetch(`${url}/v1/models/churn/predict`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ rows: [{ x1: 1, x2: 0.5, color: 'red' }] }) });

/** Sum of a counter's samples whose labels include every `match` label. */
function counterSum(text: string, name: string, match: Record<string, string>): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(match).every(([k, v]) => line.includes(`${k}="${v}"`))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

describe('serve --workers 2 (child process)', () => {
  it('runs two workers on one port, serves, answers /metrics for both workers, and drains on SIGTERM', async () => {
    const server = await startWorkers([]);
    try {
      for (let i = 0; i < 20; i++) expect((await predictOnce(server.url)).status).toBe(200);
      // Whichever worker a scrape reaches, it reports every worker's requests.
      for (let i = 0; i < 3; i++) {
        const text = await (await fetch(`${server.url}/metrics`, { headers: { connection: 'close' } })).text();
        expect(counterSum(text, 'modelwright_requests_total', { route: '/v1/models/:ref/predict', status: '200' })).toBe(20);
        expect(text).toContain('worker="0"');
        expect(text).toContain('worker="1"');
      }
      expect(await server.stop()).toBe(0);
      expect(server.log.lines.filter((l) => l.msg === 'stopped')).toHaveLength(2);
    } finally {
      server.kill();
    }
  }, 120_000);

  it('shares one rate-limit budget between the workers', async () => {
    const config = join(fx.dir, 'rate-limited.json');
    writeFileSync(config, JSON.stringify({ rateLimit: { requestsPerSecond: 1, burst: 6 } }));
    const server = await startWorkers(['--config', config]);
    try {
      // 24 requests over ~1.2 s, each on a new connection (so both workers take some): one
      // shared budget admits the burst plus about one refill, not twice that.
      let ok = 0;
      for (let i = 0; i < 24; i++) {
        const r = await predictOnce(server.url);
        if (r.status === 200) ok++;
        else expect(r.status).toBe(429);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(ok).toBeGreaterThanOrEqual(6);
      expect(ok).toBeLessThanOrEqual(9);
      expect(await server.stop()).toBe(0);
    } finally {
      server.kill();
    }
  }, 120_000);
});
