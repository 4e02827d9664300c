/**
 * Shared fixtures of the server tests: a temporary MODELWRIGHT_HOME holding small GBDT models
 * trained by `fit` (in-process CLI) — a binary classifier `churn` (versions 1 and 2, aliases
 * champion → 1 and challenger → 2, with a numeric, a sometimes-missing numeric and a
 * categorical input) and a regression model `price` — plus helpers to build a server on them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BuiltServer } from '../../src/serve/app.js';
import { type ServeConfig, parseServeConfig } from '../../src/serve/config.js';
import { MemoryLogStore } from '../../src/serve/memory-log-store.js';
import { createServer } from '../../src/serve/start-server.js';
import { runCli } from '../cli/run-cli.js';

export interface ServeFixture {
  readonly dir: string;
  /** CSV the models were trained on (x1, x2, color, y). */
  readonly csv: string;
  /** The churn@1 model file (also registered). */
  readonly churnFile: string;
  close(): void;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function writeData(path: string, n: number, seed: number, regression = false): void {
  const rand = lcg(seed);
  const rows = [regression ? 'x1,x2,color,p' : 'x1,x2,color,y'];
  for (let i = 0; i < n; i++) {
    const x1 = rand() * 4;
    const x2 = rand();
    const color = ['red', 'green', 'blue'][i % 3];
    const z = x1 + (color === 'red' ? 1 : 0) + rand();
    const target = regression ? (z * 10).toFixed(2) : z > 2.5 ? 'yes' : 'no';
    rows.push(`${x1.toFixed(3)},${i % 7 === 0 ? '' : x2.toFixed(3)},${color},${target}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

async function cli(...args: string[]): Promise<void> {
  const r = await runCli(...args);
  if (r.code !== 0) throw new Error(`modelwright ${args.join(' ')} failed: ${r.stderr}`);
}

/** Train and register the fixture models in a fresh MODELWRIGHT_HOME (sets the env var). */
export async function makeServeFixture(): Promise<ServeFixture> {
  const saved = { home: process.env.MODELWRIGHT_HOME, db: process.env.MODELWRIGHT_DB, keys: process.env.MODELWRIGHT_API_KEYS };
  const dir = mkdtempSync(join(tmpdir(), 'mw-serve-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
  delete process.env.MODELWRIGHT_DB;
  delete process.env.MODELWRIGHT_API_KEYS;
  const csv = join(dir, 'train.csv');
  const csv2 = join(dir, 'train2.csv');
  const reg = join(dir, 'price.csv');
  writeData(csv, 150, 1);
  writeData(csv2, 160, 2);
  writeData(reg, 150, 3, true);
  const churnFile = join(dir, 'churn1.json');
  const common = ['--param', 'min_data_in_leaf=5', '--seed', '1', '--quiet'];
  await cli('fit', csv, '--target', 'y', '--param', 'num_iterations=5', ...common, '--name', 'churn', '--out', churnFile);
  await cli('fit', csv2, '--target', 'y', '--param', 'num_iterations=9', ...common, '--name', 'churn');
  await cli('fit', reg, '--target', 'p', '--param', 'num_iterations=5', ...common, '--name', 'price');
  await cli('models', 'alias', 'churn', '1', 'champion', '--quiet');
  await cli('models', 'alias', 'churn', '2', 'challenger', '--quiet');
  return {
    dir,
    csv,
    churnFile,
    close: () => {
      for (const [k, v] of [['MODELWRIGHT_HOME', saved.home], ['MODELWRIGHT_DB', saved.db], ['MODELWRIGHT_API_KEYS', saved.keys]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestServer extends BuiltServer {
  readonly store: MemoryLogStore;
  readonly config: ServeConfig;
}

/** A server (not listening) on `config` (parsed with defaults) with an in-memory log. */
export async function testServer(config: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const parsed = parseServeConfig({ reloadIntervalMs: 0, logFlushMs: 5, ...config });
  const store = new MemoryLogStore();
  const built = await createServer({ config: parsed, logger: pino({ level: 'silent' }), logStore: store, env });
  return { ...built, store, config: parsed };
}
