/**
 * @module learners/gbdt/parallel/training-worker
 * Worker-thread entry: waits on its control block and runs its slice of each job with the
 * same functions the training thread uses (histogram slice, partition chunk, objective
 * gradients), so that results do not depend on which thread ran them. Errors are reported
 * through the FAILED slot (the trainer is blocked in Atomics.wait and cannot get messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedDataset } from '../dataset.js';
import { createObjective } from '../objectives/index.js';
import { buildSlice } from '../tree/histogram-builder.js';
import { partitionChunk } from '../tree/partition.js';
import {
  ARG_BEGIN, ARG_END, ARG_GH_BASE, ARG_HIST_BASE, ARG_RESULT, CMD, CMD_BUILD, CMD_EXIT, CMD_GRADIENTS, CMD_PARTITION, DONE, FAILED, FEATURE,
  N_RUNS, N_WIDE, SEQ, SPIN, type WorkerInit,
} from './protocol.js';

const init = workerData as WorkerInit;
const data = { nRows: init.nRows, layout: init.layout, narrow: init.narrow, wide: init.wide, columns: init.columns } as unknown as BinnedDataset;
const F = init.layout.nFeatures;
const runs = init.lists.subarray(0, 2 * init.layout.narrowWords);
const wide = init.lists.subarray(2 * init.layout.narrowWords, 2 * init.layout.narrowWords + F);
const wideCols = new Int32Array(F);
const wideOffsets = new Int32Array(F);
const { control, args } = init;
const spec = init.objective;
const objective = spec
  ? createObjective(spec.name, spec.params, { labels: spec.labels, weights: spec.weights, groups: null, numClasses: spec.numClasses })
  : null;

function run(cmd: number): void {
  const begin = args[ARG_BEGIN];
  const end = args[ARG_END];
  if (cmd === CMD_BUILD) {
    buildSlice(data, runs, control[N_RUNS], wide, control[N_WIDE], wideCols, wideOffsets,
      init.indices, begin, end, init.gh, args[ARG_GH_BASE], init.hist, args[ARG_HIST_BASE]);
  } else if (cmd === CMD_PARTITION) {
    args[ARG_RESULT] = partitionChunk(init.indices, begin, end, init.columns[control[FEATURE]], init.goLeft, init.scratchLeft, init.scratchRight);
  } else if (cmd === CMD_GRADIENTS) {
    objective!.gradients(init.score, init.gh, begin, end);
  }
}

parentPort?.postMessage('ready');
let last = 0;
for (;;) {
  // Spin briefly before blocking: the next job often follows within microseconds.
  for (let spin = 0; spin < SPIN && Atomics.load(control, SEQ) === last; spin++);
  Atomics.wait(control, SEQ, last);
  const seq = Atomics.load(control, SEQ);
  if (seq === last) continue;
  last = seq;
  const cmd = control[CMD];
  if (cmd === CMD_EXIT) break;
  try {
    run(cmd);
  } catch {
    Atomics.store(control, FAILED, 1);
  }
  Atomics.store(control, DONE, seq);
  Atomics.notify(control, DONE);
}
