/**
 * @module learners/forest/parallel
 * Grow trees on worker threads. The binned features live in a SharedArrayBuffer (no copy per
 * worker); each worker receives the job once, then one seed at a time, and sends back the
 * tree's typed arrays (transferred, not copied). Tree t always uses seed t, so the forest is
 * identical for any thread count. Workers run the compiled .js from dist/, or the .ts
 * source through tsx when this module itself is TypeScript (vitest, tsx).
 */
import { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../../errors.js';
import type { ProgressFn } from '../estimator.js';
import type { FitControl } from '../shared/fit-control.js';
import type { GrownTree } from './tree/grower.js';
import type { ForestJob } from './tree-job.js';

export interface WorkerReply {
  readonly index: number;
  readonly grown?: GrownTree;
  readonly error?: string;
}

function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./forest-worker.js', import.meta.url));
  // From TypeScript sources, the worker needs tsx. `execArgv: ['--import', 'tsx']` does not
  // reach a worker's entry module on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so a small eval
  // bootstrap registers tsx's loader first and then imports the .ts entry.
  // (Only development runs from .ts, inside this project, where tsx is a dev dependency.)
  const api = 'tsx/esm/api';
  const entry = new URL('./forest-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export async function growTreesInWorkers(job: ForestJob, seeds: readonly number[], threads: number, control: FitControl, onProgress?: ProgressFn): Promise<GrownTree[]> {
  const results: (GrownTree | undefined)[] = new Array(seeds.length);
  const workers = Array.from({ length: threads }, spawn);
  let next = 0;
  let done = 0;
  let stopped = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (w: Worker) => {
        let stop = false;
        try {
          stop = done > 0 && control.shouldStop();
        } catch (err) {
          reject(err);
          return;
        }
        if (stop) stopped = true;
        if (next >= seeds.length || stopped) {
          if (done === next) resolve();
          return;
        }
        const index = next++;
        w.postMessage({ index, seed: seeds[index] });
      };
      for (const w of workers) {
        w.on('message', (msg: WorkerReply) => {
          if (msg.error !== undefined) {
            reject(new ModelwrightError('MW_TRAIN_FAILED', `A forest worker thread failed: ${msg.error}`));
            return;
          }
          results[msg.index] = msg.grown;
          done++;
          onProgress?.(done, seeds.length, `tree ${done}`);
          dispatch(w);
        });
        w.on('error', (err) => reject(new ModelwrightError('MW_TRAIN_FAILED', `A forest worker thread failed: ${err.message}`, { cause: err })));
        w.postMessage({ job });
        dispatch(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // With a spent time budget, keep the contiguous prefix of finished trees (seed order).
  const out: GrownTree[] = [];
  for (const g of results) {
    if (!g) break;
    out.push(g);
  }
  return out;
}
