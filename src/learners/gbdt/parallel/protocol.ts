/**
 * @module learners/gbdt/parallel/protocol
 * The shared-memory handshake between the training thread and its workers. Each worker owns
 * a control block: the trainer writes a job (command, arguments, feature lists), bumps SEQ
 * and notifies; the worker does its slice, stores the same number in DONE and notifies back.
 * No message is posted per job: a job costs two Atomics notifications, a few microseconds,
 * which matters with ~60 histogram jobs per tree.
 *
 * Jobs: BUILD (histogram of a leaf for the worker's features), PARTITION (stable partition of
 * a chunk of a leaf's rows into scratch arrays), GRADIENTS (objective gradients of a row range).
 */
import type { DatasetLayout } from '../dataset.js';
import type { CanonicalObjective } from '../objectives/objective.js';
import type { GbdtParams } from '../params.js';

/** Int32 control slots. */
export const SEQ = 0;
export const DONE = 1;
export const CMD = 2;
export const N_RUNS = 3;
export const N_WIDE = 4;
export const FAILED = 5;
export const FEATURE = 6;
export const CONTROL_INTS = 8;

/** Float64 argument slots (doubles: offsets into histogram pools may exceed 2^31). */
export const ARG_BEGIN = 0;
export const ARG_END = 1;
export const ARG_HIST_BASE = 2;
export const ARG_GH_BASE = 3;
export const ARG_RESULT = 4;
export const ARG_DOUBLES = 6;

/** Polls of a shared counter before blocking in Atomics.wait (~5–10 µs; OpenMP spins too). */
export const SPIN = 2000;

export const CMD_BUILD = 1;
export const CMD_EXIT = 2;
export const CMD_PARTITION = 3;
export const CMD_GRADIENTS = 4;

/** What a worker needs to rebuild the objective for GRADIENTS jobs. */
export interface ObjectiveSpec {
  readonly name: CanonicalObjective;
  readonly params: GbdtParams;
  readonly numClasses: number;
  readonly labels: Float64Array;
  readonly weights: Float64Array | null;
}

/** Everything a worker receives once, at start (typed arrays on SharedArrayBuffers). */
export interface WorkerInit {
  readonly layout: DatasetLayout;
  readonly nRows: number;
  readonly narrow: Uint32Array;
  readonly wide: Uint16Array;
  /** Column-major bins per feature (partition jobs). */
  readonly columns: readonly (Uint8Array | Uint16Array)[];
  readonly indices: Int32Array;
  readonly gh: Float64Array;
  readonly hist: Float64Array;
  /** Output-major scores (gradient jobs). */
  readonly score: Float64Array;
  /** The split's bin → side table (partition jobs). */
  readonly goLeft: Uint8Array;
  /** Left and right rows of each partition chunk, at the chunk's own offset. */
  readonly scratchLeft: Int32Array;
  readonly scratchRight: Int32Array;
  readonly objective: ObjectiveSpec | null;
  readonly control: Int32Array;
  readonly args: Float64Array;
  /** Word runs (pairs) then wide features: 2 · narrowWords + nFeatures ints. */
  readonly lists: Int32Array;
}
