/**
 * Shared fixtures of the monitor tests: seeded rows of a binary task (x1, x2, x3 numeric,
 * color categorical, y ∈ {leave, stay}), CSV writing, a model registered by `fit --name` in a
 * fresh MODELWRIGHT_HOME, and log rows built from table rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/common/random.js';
import type { LoggedPrediction } from '../../src/monitor/log-store/types.js';
import { runCli } from '../cli/run-cli.js';

export interface Row { x1: number; x2: number; x3: number; color: string; y: string }

/** `shift` moves x2 by that many std; `shiftAll` moves x1 and x3 too; `concept` changes how y depends on the features. */
export function rows(n: number, seed: number, o: { shift?: number; shiftAll?: boolean; concept?: boolean } = {}): Row[] {
  const rng = new Rng(seed);
  const s = o.shift ?? 0;
  return Array.from({ length: n }, () => {
    const x1 = rng.normal() + (o.shiftAll ? s : 0);
    const x2 = 5 + 2 * rng.normal() + 2 * s;
    const x3 = rng.next() * 10 + (o.shiftAll ? 10 * s : 0);
    const u = rng.next();
    const color = u < 0.5 ? 'red' : u < 0.8 ? 'green' : 'blue';
    const z = o.concept
      ? 1.2 * x1 - 0.6 * (x2 - 5) + (color === 'blue' ? 1.5 : 0) + 0.8 * rng.normal()
      : 1.2 * x1 + 0.6 * (x2 - 5) + (color === 'red' ? 0.8 : 0) + 0.8 * rng.normal();
    return { x1, x2, x3, color, y: z > 0.3 ? 'stay' : 'leave' };
  });
}

export function writeCsv(path: string, data: readonly Row[]): string {
  writeFileSync(path, `x1,x2,x3,color,y\n${data.map((r) => `${r.x1},${r.x2},${r.x3},${r.color},${r.y}`).join('\n')}\n`);
  return path;
}

/** Log rows for `data` as if served by `model`@`version` at `timestamp`, one row per request. */
export function logRows(data: readonly Row[], model: string, version: number, timestamp: number, prefix: string): LoggedPrediction[] {
  return data.map((r, i) => ({
    requestId: `${prefix}-${i}`, rowIndex: 0, timestamp, model, version, features: { x1: r.x1, x2: r.x2, x3: r.x3, color: r.color },
    prediction: r.y, latencyMs: 1, shadow: false,
  }));
}

export interface Home {
  readonly dir: string;
  close(): void;
}

/** A fresh MODELWRIGHT_HOME (process.env) with `churn` v1 registered by `fit --name … --valid`. */
export async function homeWithModel(): Promise<Home> {
  const saved = { home: process.env.MODELWRIGHT_HOME, db: process.env.MODELWRIGHT_DB };
  const dir = mkdtempSync(join(tmpdir(), 'mw-monitor-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
  delete process.env.MODELWRIGHT_DB;
  const train = writeCsv(join(dir, 'train.csv'), rows(2000, 1));
  const valid = writeCsv(join(dir, 'valid.csv'), rows(500, 2));
  const fit = await runCli('fit', train, '--target', 'y', '--valid', valid, '--name', 'churn', '--param', 'num_iterations=30', '--seed', '1', '--quiet');
  if (fit.code !== 0) throw new Error(fit.stderr);
  return {
    dir,
    close() {
      if (saved.home === undefined) delete process.env.MODELWRIGHT_HOME;
      else process.env.MODELWRIGHT_HOME = saved.home;
      if (saved.db !== undefined) process.env.MODELWRIGHT_DB = saved.db;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
