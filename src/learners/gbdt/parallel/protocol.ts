/**
 * @module learners/gbdt/parallel/protocol
 * The shared-memory handshake between the training thread and histogram workers. Each
 * worker owns a control block: the trainer writes the job (arguments, word runs, wide
 * features), bumps SEQ and notifies; the worker builds its slice of the histogram, stores the
 * same number in DONE and notifies back. No message is posted per job: a job costs two
 * Atomics notifications, a few microseconds, which matters with ~60 jobs per tree.
 */
import type { DatasetLayout } from '../dataset.js';

/** Int32 control slots. */
export const SEQ = 0;
export const DONE = 1;
export const CMD = 2;
export const N_RUNS = 3;
export const N_WIDE = 4;
export const FAILED = 5;
export const CONTROL_INTS = 8;

/** Float64 argument slots (doubles: indices may exceed 2^31 in histogram pools). */
export const ARG_BEGIN = 0;
export const ARG_END = 1;
export const ARG_HIST_BASE = 2;
export const ARG_GH_BASE = 3;
export const ARG_DOUBLES = 4;

export const CMD_BUILD = 1;
export const CMD_EXIT = 2;

/** Everything a worker receives once, at start. */
export interface WorkerInit {
  readonly layout: DatasetLayout;
  readonly nRows: number;
  readonly narrow: Uint32Array;
  readonly wide: Uint16Array;
  readonly indices: Int32Array;
  readonly gh: Float64Array;
  readonly hist: Float64Array;
  readonly control: Int32Array;
  readonly args: Float64Array;
  /** Word runs (pairs) then wide features: 2 · narrowWords + nFeatures ints. */
  readonly lists: Int32Array;
}
