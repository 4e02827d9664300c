/**
 * @module learners/gbdt/parallel/start-pool
 * Start the workers of a WorkerPool. From dist/ the worker entry is plain JavaScript; under
 * vitest and tsx the sources are TypeScript, and Node 20 does not apply `--import tsx` given
 * in a worker's execArgv to the worker's own entry file, so the entry is then loaded with
 * tsx's API from a small bootstrap.
 */
import { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../../../errors.js';
import { type BinnedDataset, allocate } from '../dataset.js';
import { ARG_DOUBLES, CONTROL_INTS, type ObjectiveSpec, type WorkerInit } from './protocol.js';
import { WorkerPool } from './worker-pool.js';

/** The shared arrays a pool works on (all on SharedArrayBuffers). */
export interface PoolArrays {
  readonly indices: Int32Array;
  readonly gh: Float64Array;
  readonly hist: Float64Array;
  readonly score: Float64Array;
}

function tsBootstrap(url: URL): string {
  // Resolved here (eval code has no module location of its own); a bare specifier,
  // resolved from the working directory, is the fallback.
  const api = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  return `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}));`;
}

/** Start `threads − 1` workers; the pool uses them plus the calling thread. */
export async function startWorkerPool(data: BinnedDataset, arrays: PoolArrays, threads: number, objective: ObjectiveSpec | null): Promise<WorkerPool> {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './training-worker.ts' : './training-worker.js', import.meta.url);
  const L = data.layout;
  const n = data.nRows;
  const common = {
    layout: L, nRows: n, narrow: data.narrow, wide: data.wide, columns: data.columns, ...arrays, objective,
    goLeft: allocate(Uint8Array, Math.max(...L.numBins), true),
    scratchLeft: allocate(Int32Array, n, true),
    scratchRight: allocate(Int32Array, n, true),
  };
  const inits: WorkerInit[] = [];
  const workers: Worker[] = [];
  try {
    for (let t = 1; t < threads; t++) {
      const init: WorkerInit = {
        ...common,
        control: allocate(Int32Array, CONTROL_INTS, true),
        args: allocate(Float64Array, ARG_DOUBLES, true),
        lists: allocate(Int32Array, 2 * L.narrowWords + L.nFeatures, true),
      };
      const worker = fromSource ? new Worker(tsBootstrap(url), { eval: true, workerData: init }) : new Worker(url, { workerData: init });
      workers.push(worker);
      inits.push(init);
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a training worker exited with code ${code} before starting`)));
      });
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      // Failures inside a job are reported through the FAILED slot; keep late errors from
      // becoming unhandled 'error' events.
      worker.on('error', () => undefined);
      // A worker must never keep the process alive (close() terminates it anyway).
      worker.unref();
    }
  } catch (cause) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw new ModelwrightError('MW_TRAIN_FAILED', `Could not start ${threads - 1} training worker thread(s): ${(cause as Error).message}`, { cause });
  }
  return new WorkerPool(data, workers, inits);
}
