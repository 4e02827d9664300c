/**
 * @module learners/gbdt/parallel/histogram-worker
 * Worker-thread entry: waits on its control block and builds its slice of each histogram
 * with the same kernel the training thread uses (tree/histogram-builder.ts `buildSlice`).
 * Errors are reported through the FAILED slot (the trainer is blocked in Atomics.wait and
 * cannot receive messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedDataset } from '../dataset.js';
import { buildSlice } from '../tree/histogram-builder.js';
import {
  ARG_BEGIN, ARG_END, ARG_GH_BASE, ARG_HIST_BASE, CMD, CMD_EXIT, DONE, FAILED, N_RUNS, N_WIDE, SEQ, type WorkerInit,
} from './protocol.js';

const init = workerData as WorkerInit;
const data = { nRows: init.nRows, layout: init.layout, narrow: init.narrow, wide: init.wide } as unknown as BinnedDataset;
const F = init.layout.nFeatures;
const runs = init.lists.subarray(0, 2 * init.layout.narrowWords);
const wide = init.lists.subarray(2 * init.layout.narrowWords, 2 * init.layout.narrowWords + F);
const wideCols = new Int32Array(F);
const wideOffsets = new Int32Array(F);
const { control, args } = init;

parentPort?.postMessage('ready');
let last = 0;
for (;;) {
  Atomics.wait(control, SEQ, last);
  const seq = Atomics.load(control, SEQ);
  if (seq === last) continue;
  last = seq;
  if (control[CMD] === CMD_EXIT) break;
  try {
    buildSlice(data, runs, control[N_RUNS], wide, control[N_WIDE], wideCols, wideOffsets,
      init.indices, args[ARG_BEGIN], args[ARG_END], init.gh, args[ARG_GH_BASE], init.hist, args[ARG_HIST_BASE]);
  } catch {
    Atomics.store(control, FAILED, 1);
  }
  Atomics.store(control, DONE, seq);
  Atomics.notify(control, DONE);
}
