/**
 * @module learners/gbdt/parallel/parallel-histogram-builder
 * Histogram building on T threads: the training thread plus T − 1 workers, all reading the
 * shared bins, row indices and gradients and writing disjoint parts of the shared histogram
 * pool. Work is divided by feature — the tree's narrow words in T contiguous chunks, its wide
 * features likewise — so each histogram cell is summed by one thread in row order and the
 * model does not depend on T.
 *
 * Workers are started per fit and always terminated by close(). Under vitest and tsx the
 * sources are TypeScript, so the worker entry is loaded through tsx (see tsBootstrap); from
 * dist/ it is plain JS.
 */
import { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../../../errors.js';
import { type BinnedDataset, allocate } from '../dataset.js';
import type { TreeFeatures } from '../sampling/column-sampler.js';
import { type HistogramBuilder, buildSlice } from '../tree/histogram-builder.js';
import {
  ARG_BEGIN, ARG_DOUBLES, ARG_END, ARG_GH_BASE, ARG_HIST_BASE, CMD, CMD_BUILD, CMD_EXIT, CONTROL_INTS, DONE, FAILED, N_RUNS, N_WIDE, SEQ,
  type WorkerInit,
} from './protocol.js';

interface Slice {
  readonly runs: Int32Array;
  readonly nRuns: number;
  readonly wide: Int32Array;
  readonly nWide: number;
}

/** Split a tree's features into `parts` slices of contiguous words / wide features. */
export function sliceFeatures(tf: TreeFeatures, parts: number): Slice[] {
  const words: number[] = [];
  for (let k = 0; k < tf.wordRuns.length; k += 2) for (let w = tf.wordRuns[k]; w < tf.wordRuns[k + 1]; w++) words.push(w);
  const out: Slice[] = [];
  for (let t = 0; t < parts; t++) {
    const mine = words.slice(Math.floor((t * words.length) / parts), Math.floor(((t + 1) * words.length) / parts));
    const runs: number[] = [];
    for (const w of mine) {
      if (runs.length > 0 && runs[runs.length - 1] === w) runs[runs.length - 1] = w + 1;
      else runs.push(w, w + 1);
    }
    const wide = Array.from(tf.wide).slice(Math.floor((t * tf.wide.length) / parts), Math.floor(((t + 1) * tf.wide.length) / parts));
    out.push({ runs: Int32Array.from(runs), nRuns: runs.length >> 1, wide: Int32Array.from(wide), nWide: wide.length });
  }
  return out;
}

class ParallelHistogramBuilder implements HistogramBuilder {
  private seq = 0;
  private closed = false;
  private lastTf: TreeFeatures | null = null;
  private slices: Slice[] = [];
  private readonly wideCols: Int32Array;
  private readonly wideOffsets: Int32Array;

  constructor(
    private readonly data: BinnedDataset,
    readonly indices: Int32Array,
    readonly gh: Float64Array,
    readonly hist: Float64Array,
    private readonly workers: readonly Worker[],
    private readonly inits: readonly WorkerInit[],
  ) {
    this.wideCols = new Int32Array(data.layout.nFeatures);
    this.wideOffsets = new Int32Array(data.layout.nFeatures);
  }

  build(tf: TreeFeatures, begin: number, end: number, histBase: number, ghBase: number): void {
    if (tf !== this.lastTf) {
      this.slices = sliceFeatures(tf, this.workers.length + 1);
      this.lastTf = tf;
    }
    const seq = ++this.seq;
    const W = 2 * this.data.layout.narrowWords;
    this.inits.forEach((w, i) => {
      const s = this.slices[i + 1];
      w.lists.set(s.runs, 0);
      w.lists.set(s.wide, W);
      w.control[N_RUNS] = s.nRuns;
      w.control[N_WIDE] = s.nWide;
      w.control[CMD] = CMD_BUILD;
      w.args[ARG_BEGIN] = begin;
      w.args[ARG_END] = end;
      w.args[ARG_HIST_BASE] = histBase;
      w.args[ARG_GH_BASE] = ghBase;
      Atomics.store(w.control, SEQ, seq);
      Atomics.notify(w.control, SEQ);
    });
    const s = this.slices[0];
    buildSlice(this.data, s.runs, s.nRuns, s.wide, s.nWide, this.wideCols, this.wideOffsets, this.indices, begin, end, this.gh, ghBase, this.hist, histBase);
    for (const w of this.inits) {
      for (let done = Atomics.load(w.control, DONE); done !== seq; done = Atomics.load(w.control, DONE)) Atomics.wait(w.control, DONE, done);
      if (w.control[FAILED]) throw new ModelwrightError('MW_TRAIN_FAILED', 'A histogram worker thread failed during training.');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const seq = ++this.seq;
    for (const w of this.inits) {
      w.control[CMD] = CMD_EXIT;
      Atomics.store(w.control, SEQ, seq);
      Atomics.notify(w.control, SEQ);
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Worker code that loads a TypeScript worker through tsx (tests run from src/). Node 20 does
 * not apply `--import tsx` given in a worker's execArgv to the worker's own entry file, so the
 * entry is imported with tsx's API instead.
 */
function tsBootstrap(url: URL): string {
  // Resolved here (the worker's eval code has no module location of its own); a bare
  // specifier, resolved from the working directory, is the fallback.
  const api = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  return `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}));`;
}

/** Start `threads − 1` workers and return a builder that uses them plus the calling thread. */
export async function createParallelHistogramBuilder(
  data: BinnedDataset, indices: Int32Array, gh: Float64Array, hist: Float64Array, threads: number,
): Promise<HistogramBuilder> {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './histogram-worker.ts' : './histogram-worker.js', import.meta.url);
  const L = data.layout;
  const inits: WorkerInit[] = [];
  const workers: Worker[] = [];
  try {
    for (let t = 1; t < threads; t++) {
      const init: WorkerInit = {
        layout: L, nRows: data.nRows, narrow: data.narrow, wide: data.wide, indices, gh, hist,
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
        worker.once('exit', (code) => reject(new Error(`histogram worker exited with code ${code} before starting`)));
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
    throw new ModelwrightError('MW_TRAIN_FAILED', `Could not start ${threads - 1} histogram worker thread(s): ${(cause as Error).message}`, { cause });
  }
  return new ParallelHistogramBuilder(data, indices, gh, hist, workers, inits);
}
