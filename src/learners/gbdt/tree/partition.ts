/**
 * @module learners/gbdt/tree/partition
 * Which rows sit in which leaf (LightGBM's DataPartition): one index array where every leaf
 * owns a contiguous range. Splitting a leaf partitions its range stably — left rows first,
 * in their original order — so each leaf's rows stay sorted (forward memory access in the
 * histogram kernel) and the result does not depend on how the work is divided: large leaves
 * are cut into chunks partitioned by several threads and concatenated in chunk order.
 */
import type { BinnedDataset } from '../dataset.js';

/** Splits a leaf's range across threads; returns the left count (see parallel/worker-pool.ts). */
export interface ParallelPartitioner {
  /** Leaves with fewer rows are partitioned by the calling thread alone. */
  readonly minRows: number;
  partition(indices: Int32Array, begin: number, count: number, feature: number, goLeft: Uint8Array): number;
}

/**
 * Stable partition of idx[begin, end) by goLeft[bins[row]] (entries 0 or 1): left rows to
 * left[begin…], right rows to right[begin…], both in order; returns the left count.
 * Branch-free — a row's side is a coin flip to the branch predictor, and mispredictions
 * dominated the branching version.
 */
export function partitionChunk(idx: Int32Array, begin: number, end: number, bins: Uint8Array | Uint16Array, goLeft: Uint8Array, left: Int32Array, right: Int32Array): number {
  let nl = begin;
  let nr = begin;
  for (let i = begin; i < end; i++) {
    const r = idx[i];
    const g = goLeft[bins[r]];
    left[nl] = r;
    right[nr] = r;
    nl += g;
    nr += 1 - g;
  }
  return nl - begin;
}

export class DataPartition {
  /** Row indices, grouped by leaf (shared with worker threads when training on several). */
  readonly indices: Int32Array;
  readonly leafBegin: Int32Array;
  readonly leafCount: Int32Array;
  private readonly scratch: Int32Array;
  /** Rows in use this tree (all rows, or the bag). */
  used = 0;

  constructor(
    nRows: number,
    maxLeaves: number,
    indices: Int32Array,
    private readonly parallel: ParallelPartitioner | null = null,
  ) {
    this.indices = indices;
    this.scratch = new Int32Array(nRows);
    this.leafBegin = new Int32Array(maxLeaves);
    this.leafCount = new Int32Array(maxLeaves);
  }

  /** Put every row (or the bagged rows, sorted) in leaf 0. */
  reset(nRows: number, bag: Int32Array | null): void {
    if (bag) {
      this.indices.set(bag);
      this.used = bag.length;
    } else {
      for (let i = 0; i < nRows; i++) this.indices[i] = i;
      this.used = nRows;
    }
    this.leafBegin.fill(0);
    this.leafCount.fill(0);
    this.leafCount[0] = this.used;
  }

  /**
   * Split `leaf`: rows whose bin of `feature` has goLeft[bin] = 1 (entries are 0 or 1) stay
   * in `leaf`, the others move to `newLeaf`. Returns the left count.
   */
  split(leaf: number, newLeaf: number, data: BinnedDataset, feature: number, goLeft: Uint8Array): number {
    const begin = this.leafBegin[leaf];
    const count = this.leafCount[leaf];
    const idx = this.indices;
    let nl: number;
    if (this.parallel && count >= this.parallel.minRows) nl = this.parallel.partition(idx, begin, count, feature, goLeft);
    else {
      // Left rows can be written in place: position begin + nl never passes the read position.
      nl = partitionChunk(idx, begin, begin + count, data.columns[feature], goLeft, idx, this.scratch);
      idx.set(this.scratch.subarray(begin, begin + count - nl), begin + nl);
    }
    this.leafCount[leaf] = nl;
    this.leafBegin[newLeaf] = begin + nl;
    this.leafCount[newLeaf] = count - nl;
    return nl;
  }
}
