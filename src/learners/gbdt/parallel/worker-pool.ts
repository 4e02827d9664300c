/**
 * @module learners/gbdt/parallel/worker-pool
 * Training on T threads: the calling thread plus T − 1 workers sharing the bins, row
 * indices, gradients, scores and histogram pool through SharedArrayBuffers. Three kinds of
 * job, each split so that the result is identical for every T:
 *  - histograms: by feature (slice-features.ts) — each cell is summed by one thread in order;
 *  - partitioning a large leaf: by contiguous chunks of its rows, concatenated in chunk order
 *    (a stable partition is unique);
 *  - gradients: by row ranges (rows are independent for every objective but ranking).
 * Workers are started per fit and always terminated by close().
 */
import type { Worker } from 'node:worker_threads';
import { ModelwrightError } from '../../../errors.js';
import type { BinnedDataset } from '../dataset.js';
import type { TreeFeatures } from '../sampling/column-sampler.js';
import { type HistogramBuilder, buildSlice } from '../tree/histogram-builder.js';
import { type ParallelPartitioner, partitionChunk } from '../tree/partition.js';
import {
  ARG_BEGIN, ARG_END, ARG_GH_BASE, ARG_HIST_BASE, ARG_RESULT, CMD, CMD_BUILD, CMD_EXIT, CMD_GRADIENTS, CMD_PARTITION, DONE, FAILED, FEATURE,
  N_RUNS, N_WIDE, SEQ, SPIN, type WorkerInit,
} from './protocol.js';
import { type Slice, sliceFeatures } from './slice-features.js';

/** Below this many rows a leaf is partitioned by one thread: the handshake would cost more. */
const PARALLEL_PARTITION_MIN_ROWS = 32_768;

export class WorkerPool implements HistogramBuilder, ParallelPartitioner {
  readonly minRows = PARALLEL_PARTITION_MIN_ROWS;
  private seq = 0;
  private closed = false;
  private lastTf: TreeFeatures | null = null;
  private slices: Slice[] = [];
  private readonly wideCols: Int32Array;
  private readonly wideOffsets: Int32Array;
  private readonly shared: WorkerInit;

  constructor(
    private readonly data: BinnedDataset,
    private readonly workers: readonly Worker[],
    private readonly inits: readonly WorkerInit[],
  ) {
    this.shared = inits[0];
    this.wideCols = new Int32Array(data.layout.nFeatures);
    this.wideOffsets = new Int32Array(data.layout.nFeatures);
  }

  get hist(): Float64Array {
    return this.shared.hist;
  }

  get indices(): Int32Array {
    return this.shared.indices;
  }

  get gh(): Float64Array {
    return this.shared.gh;
  }

  /** Hand job `cmd` to every worker (after `prepare` wrote its arguments); returns the job number. */
  private post(cmd: number, prepare: (w: WorkerInit, i: number) => void): number {
    const seq = ++this.seq;
    this.inits.forEach((w, i) => {
      prepare(w, i);
      w.control[CMD] = cmd;
      Atomics.store(w.control, SEQ, seq);
      Atomics.notify(w.control, SEQ);
    });
    return seq;
  }

  private wait(seq: number): void {
    for (const w of this.inits) {
      // Spin briefly first: balanced slices finish together, and a blocking wait costs a
      // scheduler round trip (tens of µs idle, milliseconds on a loaded machine).
      for (let spin = 0; spin < SPIN && Atomics.load(w.control, DONE) !== seq; spin++);
      for (let done = Atomics.load(w.control, DONE); done !== seq; done = Atomics.load(w.control, DONE)) Atomics.wait(w.control, DONE, done);
      if (w.control[FAILED]) throw new ModelwrightError('MW_TRAIN_FAILED', 'A training worker thread failed.');
    }
  }

  build(tf: TreeFeatures, begin: number, end: number, histBase: number, ghBase: number): void {
    if (tf !== this.lastTf) {
      this.slices = sliceFeatures(tf, this.workers.length + 1);
      this.lastTf = tf;
    }
    const W = 2 * this.data.layout.narrowWords;
    const seq = this.post(CMD_BUILD, (w, i) => {
      const s = this.slices[i + 1];
      w.lists.set(s.runs, 0);
      w.lists.set(s.wide, W);
      w.control[N_RUNS] = s.nRuns;
      w.control[N_WIDE] = s.nWide;
      w.args[ARG_BEGIN] = begin;
      w.args[ARG_END] = end;
      w.args[ARG_HIST_BASE] = histBase;
      w.args[ARG_GH_BASE] = ghBase;
    });
    const s = this.slices[0];
    buildSlice(this.data, s.runs, s.nRuns, s.wide, s.nWide, this.wideCols, this.wideOffsets, this.indices, begin, end, this.gh, ghBase, this.hist, histBase);
    this.wait(seq);
  }

  partition(idx: Int32Array, begin: number, count: number, feature: number, goLeft: Uint8Array): number {
    const { scratchLeft, scratchRight } = this.shared;
    this.shared.goLeft.set(goLeft.subarray(0, this.data.layout.numBins[feature]));
    const T = this.workers.length + 1;
    const cut = (t: number): number => begin + Math.floor((t * count) / T);
    const seq = this.post(CMD_PARTITION, (w, i) => {
      w.control[FEATURE] = feature;
      w.args[ARG_BEGIN] = cut(i + 1);
      w.args[ARG_END] = cut(i + 2);
    });
    const lefts = [partitionChunk(idx, cut(0), cut(1), this.data.columns[feature], this.shared.goLeft, scratchLeft, scratchRight)];
    this.wait(seq);
    for (const w of this.inits) lefts.push(w.args[ARG_RESULT]);
    // Concatenate in chunk order: all left rows, then all right rows.
    let at = begin;
    for (let t = 0; t < T; t++) {
      idx.set(scratchLeft.subarray(cut(t), cut(t) + lefts[t]), at);
      at += lefts[t];
    }
    for (let t = 0; t < T; t++) {
      const nr = cut(t + 1) - cut(t) - lefts[t];
      idx.set(scratchRight.subarray(cut(t), cut(t) + nr), at);
      at += nr;
    }
    return lefts.reduce((a, b) => a + b, 0);
  }

  /**
   * Gradients of rows [0, n) on every thread (row ranges), with the objective the workers
   * rebuilt from the same spec; `local` computes the calling thread's range.
   */
  gradients(n: number, local: (begin: number, end: number) => void): void {
    const T = this.workers.length + 1;
    const cut = (t: number): number => Math.floor((t * n) / T);
    const seq = this.post(CMD_GRADIENTS, (w, i) => {
      w.args[ARG_BEGIN] = cut(i + 1);
      w.args[ARG_END] = cut(i + 2);
    });
    local(0, cut(1));
    this.wait(seq);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.post(CMD_EXIT, () => undefined);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
