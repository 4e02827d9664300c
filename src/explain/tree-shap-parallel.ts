/**
 * @module explain/tree-shap-parallel
 * TreeSHAP over worker threads: rows are copied once into a SharedArrayBuffer (row-major),
 * each thread explains a contiguous range into a shared output, and the calling thread takes
 * the first range itself. Rows are independent, so the result does not depend on the thread
 * count. Small jobs stay on the calling thread (starting a worker costs more than they do).
 * Workers run the compiled .js from dist/, or the .ts source through tsx under vitest/tsx
 * (the same bootstrap as learners/forest/parallel.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../errors.js';
import { QuadratureTreeShap } from './quadrature-tree-shap.js';
import { fillRows, treeShapColumns } from './tree-shap.js';
import type { ShapJob } from './tree-shap-worker.js';
import type { EnsembleView } from './tree-view.js';

/** Rows × tree nodes below which one thread is faster than starting workers. */
const PARALLEL_MIN_WORK = 2_000_000;

function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./tree-shap-worker.js', import.meta.url));
  const entry = new URL('./tree-shap-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

function run(worker: Worker, job: ShapJob): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('message', (msg: { done?: boolean; error?: string }) =>
      msg.error === undefined ? resolve() : reject(new ModelwrightError('MW_INTERNAL', `A TreeSHAP worker thread failed: ${msg.error}`)),
    );
    worker.once('error', (err) => reject(new ModelwrightError('MW_INTERNAL', `A TreeSHAP worker thread failed: ${err.message}`, { cause: err })));
    worker.postMessage(job);
  });
}

/**
 * TreeSHAP values (n × M × K) of encoded columns, on up to `threads` threads (default: all cores);
 * below `minWork` (rows × nodes) everything runs on the calling thread.
 * @example await treeShapParallel(view, view.encode(X), X.nRows)
 */
export async function treeShapParallel(view: EnsembleView, columns: readonly Float64Array[], nRows: number, threads = availableParallelism(), minWork = PARALLEL_MIN_WORK): Promise<Float64Array> {
  const nodes = view.trees.reduce((s, t) => s + t.nNodes, 0);
  const T = Math.max(1, Math.min(threads, Math.floor(nRows / 64)));
  if (T <= 1 || nRows * nodes < minWork) return treeShapColumns(view, columns, 0, nRows);
  const M = view.features.length;
  const K = view.outputs.length;
  const x = new Float64Array(new SharedArrayBuffer(nRows * M * 8));
  fillRows(columns, 0, nRows, x);
  const phi = new Float64Array(new SharedArrayBuffer(nRows * M * K * 8));
  const bounds = Array.from({ length: T + 1 }, (_, t) => Math.round((t * nRows) / T));
  const workers = Array.from({ length: T - 1 }, spawn);
  try {
    const jobs = workers.map((w, i) => run(w, { features: view.features, outputs: view.outputs, trees: view.trees, x, phi, from: bounds[i + 1], to: bounds[i + 2] }));
    const kernel = new QuadratureTreeShap(view);
    for (let r = 0; r < bounds[1]; r++) kernel.addRow(x, r * M, phi, r * M * K);
    await Promise.all(jobs);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return new Float64Array(phi);
}
