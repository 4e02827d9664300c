/**
 * @module serve/log-worker/worker-log-store
 * The prediction log, written from a worker thread. Even batched, a SQLite write is
 * synchronous (better-sqlite3): a thousand rows hold the event loop for ~15 ms, which every
 * request arriving meanwhile would wait for. So the store lives in a worker thread
 * (log-worker.ts) and the server thread only posts batches (structured clone) and awaits
 * acknowledgements. Same PredictionLogStore contract; errors come back as ModelwrightErrors.
 */
import { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../../errors.js';
import type { OpenPredictionLogOptions } from '../../monitor/log-store/open-prediction-log.js';
import type { FeedbackRecord, LogQuery, LoggedPrediction, PredictionLogStore } from '../../monitor/log-store/types.js';
import type { LogOp, LogReply } from './log-worker.js';

function spawn(options: OpenPredictionLogOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./log-worker.js', import.meta.url), { workerData: options });
  // From TypeScript sources the worker needs tsx's loader first (as in learners/forest/parallel.ts).
  const entry = new URL('./log-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: options });
}

export class WorkerLogStore implements PredictionLogStore {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(options: OpenPredictionLogOptions = {}) {
    this.worker = spawn(options);
    this.worker.on('message', (m: LogReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new ModelwrightError(m.error.code && /^MW_/.test(m.error.code) ? (m.error.code as 'MW_INTERNAL') : 'MW_INTERNAL', m.error.message));
      else p.resolve(m.result);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => code !== 0 && this.fail(new Error(`the prediction-log worker exited with status ${code}`)));
  }

  private fail(err: Error): void {
    this.failed = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private call(op: LogOp, arg?: unknown): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, arg });
    });
  }

  /** Resolves once the store is open in the worker (rejects with why it could not open). */
  async ready(): Promise<void> {
    await this.call('open');
  }

  async append(rows: readonly LoggedPrediction[]): Promise<void> {
    await this.call('append', rows);
  }

  async appendFeedback(rows: readonly FeedbackRecord[]): Promise<void> {
    await this.call('appendFeedback', rows);
  }

  async query(q: LogQuery): Promise<readonly (LoggedPrediction & { readonly label?: number | string })[]> {
    return (await this.call('query', q)) as (LoggedPrediction & { label?: number | string })[];
  }

  /** Close the store in the worker, then stop the worker. */
  async close(): Promise<void> {
    try {
      if (!this.failed) await this.call('close');
    } finally {
      await this.worker.terminate();
    }
  }
}

/**
 * The environment's prediction log (monitor/log-store), written from a worker thread; resolves
 * once it is open.
 * @example const store = await openWorkerLogStore(); await store.append(rows); await store.close();
 */
export async function openWorkerLogStore(options: OpenPredictionLogOptions = {}): Promise<WorkerLogStore> {
  const store = new WorkerLogStore(options.env ? { ...options, env: { ...options.env } } : options);
  try {
    await store.ready();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
